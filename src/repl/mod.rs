//! The interactive REPL: the rustyline loop, its helper (completion, highlighting, hints, multi-line validation), `:` commands and history. Never formats results itself.
