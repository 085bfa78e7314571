//! Result formatting: tables (CJK-width aware), JSON, CSV, DOT, GraphML and other exports, into `impl Write`, in deterministic order. Never contains query logic.
