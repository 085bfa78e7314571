//! The lexer: source text → tokens with byte spans. Chinese names are bare words (any run of
//! letters — CJK included —, digits, `_ - + · . /` and the punctuation of Chinese names
//! `（）《》—`); strings are quoted with `"…"` (escapes
//! `\"` and `\\`) or with Chinese quotes `“…”`; `#42` is a node id; `--` and `#` (not followed by
//! a digit) start a comment. Newlines end statements, except inside parentheses.

use std::ops::Range;

use super::error::{ErrorKind, QueryError};

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A bare word: a keyword, a name, a type, a relation, a file name.
    Word(String),
    /// A quoted string, unescaped.
    Str(String),
    /// `#42`.
    Id(u32),
    /// A number, with the text it was written as.
    Number(f64, String),
    Tilde,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Arrow,
    Comma,
    Semi,
    LParen,
    RParen,
    Star,
    Newline,
    Eof,
}

impl Tok {
    /// How the token is named in error messages.
    pub fn describe(&self) -> String {
        match self {
            Tok::Word(w) => format!("`{w}`"),
            Tok::Str(s) => format!("the string \"{s}\""),
            Tok::Id(i) => format!("`#{i}`"),
            Tok::Number(_, t) => format!("`{t}`"),
            Tok::Tilde => "`~`".into(),
            Tok::Eq => "`=`".into(),
            Tok::Ne => "`!=`".into(),
            Tok::Lt => "`<`".into(),
            Tok::Le => "`<=`".into(),
            Tok::Gt => "`>`".into(),
            Tok::Ge => "`>=`".into(),
            Tok::Arrow => "`->`".into(),
            Tok::Comma => "`,`".into(),
            Tok::Semi => "`;`".into(),
            Tok::LParen => "`(`".into(),
            Tok::RParen => "`)`".into(),
            Tok::Star => "`*`".into(),
            Tok::Newline => "the end of the line".into(),
            Tok::Eof => "the end of the input".into(),
        }
    }
}

/// A token and its byte span in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Range<usize>,
}

/// Whether `c` may start a bare word.
pub fn is_word_start(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '/' | '·' | '《')
}

/// Whether `c` may continue a bare word: also the punctuation of Chinese names, so
/// `星海科技（深圳）`, `《三年行动计划（2023—2025年）》` and `5G-A` are single words.
pub fn is_word_char(c: char) -> bool {
    is_word_start(c) || matches!(c, '-' | '+' | '（' | '）' | '》' | '—' | '–')
}

/// Splits `source` into tokens, ending with [`Tok::Eof`].
///
/// # Errors
/// An unexpected character, an unterminated string, or a `#` followed by something other than
/// a node id where a comment cannot start.
pub fn lex(source: &str) -> Result<Vec<Token>, QueryError> {
    Lexer::new(source).run()
}

/// Whether `source` is complete enough to run: every quote and parenthesis closed. For
/// multi-line input in the REPL.
pub fn is_complete(source: &str) -> bool {
    let mut lx = Lexer::new(source);
    match lx.run_inner() {
        Ok(_) => lx.depth == 0,
        Err(e) => !matches!(e.kind, ErrorKind::UnterminatedString),
    }
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    out: Vec<Token>,
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str) -> Self {
        Lexer {
            src,
            pos: 0,
            depth: 0,
            out: Vec::new(),
        }
    }

    fn run(mut self) -> Result<Vec<Token>, QueryError> {
        self.run_inner()?;
        Ok(self.out)
    }

    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn peek2(&self) -> Option<char> {
        let mut it = self.src[self.pos..].chars();
        it.next();
        it.next()
    }

    fn push(&mut self, tok: Tok, start: usize) {
        self.out.push(Token {
            tok,
            span: start..self.pos,
        });
    }

    fn run_inner(&mut self) -> Result<(), QueryError> {
        while let Some(c) = self.peek() {
            let start = self.pos;
            match c {
                '\n' => {
                    self.pos += 1;
                    if self.depth == 0 {
                        self.push(Tok::Newline, start);
                    }
                }
                c if c.is_whitespace() => self.pos += c.len_utf8(),
                '-' if self.peek2() == Some('-') => self.skip_comment(),
                '#' if !self.peek2().is_some_and(|d| d.is_ascii_digit()) => self.skip_comment(),
                '#' => self.id()?,
                '"' => self.string('"', '"')?,
                '“' => self.string('“', '”')?,
                '-' if self.peek2() == Some('>') => {
                    self.pos += 2;
                    self.push(Tok::Arrow, start);
                }
                '-' if self.peek2().is_some_and(|d| d.is_ascii_digit()) => {
                    self.pos += 1;
                    self.word(start);
                }
                c if is_word_start(c) => self.word(start),
                _ => self.op(c, start)?,
            }
        }
        let end = self.src.len();
        self.out.push(Token {
            tok: Tok::Eof,
            span: end..end,
        });
        Ok(())
    }

    fn skip_comment(&mut self) {
        let rest = &self.src[self.pos..];
        self.pos += rest.find('\n').unwrap_or(rest.len());
    }

    fn id(&mut self) -> Result<(), QueryError> {
        let start = self.pos;
        self.pos += 1;
        let digits_start = self.pos;
        // The same run a word would take: `#3->#5` stops before the arrow.
        self.word_run();
        let text = &self.src[digits_start..self.pos];
        match text.parse::<u32>() {
            Ok(id) => {
                self.push(Tok::Id(id), start);
                Ok(())
            }
            Err(_) => Err(QueryError::new(
                ErrorKind::BadId {
                    text: format!("#{text}"),
                },
                start..self.pos,
            )),
        }
    }

    fn string(&mut self, open: char, close: char) -> Result<(), QueryError> {
        let start = self.pos;
        self.pos += open.len_utf8();
        let mut value = String::new();
        let escapes = open == '"';
        loop {
            let Some(c) = self.peek() else {
                return Err(QueryError::new(
                    ErrorKind::UnterminatedString,
                    start..self.src.len(),
                ));
            };
            self.pos += c.len_utf8();
            if c == close {
                break;
            }
            if escapes && c == '\\' {
                match self.peek() {
                    Some(e @ ('"' | '\\')) => {
                        self.pos += 1;
                        value.push(e);
                    }
                    _ => value.push('\\'),
                }
            } else {
                value.push(c);
            }
        }
        self.push(Tok::Str(value), start);
        Ok(())
    }

    /// Advances over word characters; a `-` that starts `--` or `->` ends the word.
    fn word_run(&mut self) {
        while let Some(c) = self.peek() {
            if !is_word_char(c) || (c == '-' && matches!(self.peek2(), Some('-' | '>'))) {
                break;
            }
            self.pos += c.len_utf8();
        }
    }

    fn word(&mut self, start: usize) {
        self.word_run();
        let text = &self.src[start..self.pos];
        let tok = match number(text) {
            Some(v) => Tok::Number(v, text.to_string()),
            None => Tok::Word(text.to_string()),
        };
        self.push(tok, start);
    }

    fn op(&mut self, c: char, start: usize) -> Result<(), QueryError> {
        let next = self.peek2();
        let (tok, len) = match (c, next) {
            ('<', Some('=')) => (Tok::Le, 2),
            ('>', Some('=')) => (Tok::Ge, 2),
            ('!', Some('=')) => (Tok::Ne, 2),
            ('<', _) => (Tok::Lt, 1),
            ('>', _) => (Tok::Gt, 1),
            ('=', _) => (Tok::Eq, 1),
            ('~', _) => (Tok::Tilde, 1),
            (',' | '，', _) => (Tok::Comma, c.len_utf8()),
            (';' | '；', _) => (Tok::Semi, c.len_utf8()),
            ('*', _) => (Tok::Star, 1),
            ('(', _) => {
                self.depth += 1;
                (Tok::LParen, c.len_utf8())
            }
            (')', _) => {
                self.depth = self.depth.saturating_sub(1);
                (Tok::RParen, c.len_utf8())
            }
            _ => {
                return Err(QueryError::new(
                    ErrorKind::UnexpectedChar { ch: c },
                    start..start + c.len_utf8(),
                ))
            }
        };
        self.pos += len;
        self.push(tok, start);
        Ok(())
    }
}

/// The value of a word that is wholly a number (`2025`, `3.5`, `-2`), else `None`.
fn number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let ok = !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && !digits.ends_with('.');
    if ok {
        text.parse::<f64>().ok().filter(|v| v.is_finite())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        lex(s).unwrap().into_iter().map(|t| t.tok).collect()
    }

    fn w(s: &str) -> Tok {
        Tok::Word(s.into())
    }

    #[test]
    fn chinese_names_are_bare_words() {
        assert_eq!(
            toks("path 青岚集团->云州市 max 3"),
            vec![
                w("path"),
                w("青岚集团"),
                Tok::Arrow,
                w("云州市"),
                w("max"),
                Tok::Number(3.0, "3".into()),
                Tok::Eof
            ]
        );
    }

    #[test]
    fn names_keep_their_punctuation() {
        assert_eq!(toks("C++·5G-A a.dot")[..2], [w("C++·5G-A"), w("a.dot")]);
        assert_eq!(
            toks("show 星海科技（深圳） 《行动计划（2023—2025年）》")[1..3],
            [w("星海科技（深圳）"), w("《行动计划（2023—2025年）》")]
        );
    }

    #[test]
    fn strings_ids_and_operators() {
        assert_eq!(
            toks("find * where name ~ “制药” and value >= -2.5 or x != \"a\\\"b\" #7"),
            vec![
                w("find"),
                Tok::Star,
                w("where"),
                w("name"),
                Tok::Tilde,
                Tok::Str("制药".into()),
                w("and"),
                w("value"),
                Tok::Ge,
                Tok::Number(-2.5, "-2.5".into()),
                w("or"),
                w("x"),
                Tok::Ne,
                Tok::Str("a\"b".into()),
                Tok::Id(7),
                Tok::Eof
            ]
        );
    }

    #[test]
    fn comments_and_newlines() {
        assert_eq!(
            toks("stats -- 注释\n# 注释\nschema; docs"),
            vec![
                w("stats"),
                Tok::Newline,
                Tok::Newline,
                w("schema"),
                Tok::Semi,
                w("docs"),
                Tok::Eof
            ]
        );
    }

    #[test]
    fn newlines_inside_parentheses_are_spaces() {
        assert!(!toks("(a\nb)").contains(&Tok::Newline));
    }

    #[test]
    fn spans_are_bytes() {
        let t = lex("show 云州").unwrap();
        assert_eq!(t[1].span, 5..11);
    }

    #[test]
    fn errors() {
        assert_eq!(
            lex("show @").unwrap_err().kind,
            ErrorKind::UnexpectedChar { ch: '@' }
        );
        assert_eq!(lex("show \"云").unwrap_err().span, 5..9);
        assert!(matches!(
            lex("#12x").unwrap_err().kind,
            ErrorKind::BadId { .. }
        ));
    }

    #[test]
    fn completeness() {
        assert!(is_complete("show 云州"));
        assert!(!is_complete("show \"云州"));
        assert!(!is_complete("find * where (name ~ \"a\""));
        assert!(is_complete("find * where (name ~ \"a\")"));
        assert!(is_complete("show @"));
    }
}
