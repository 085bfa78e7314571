//! The abstract syntax tree of a statement. `Display` prints a statement back as canonical
//! source (lower-case keywords, clauses in grammar order, names quoted only where needed), which
//! parses back to an equal tree. Spans ([`Span`]) are kept for error messages and left out of
//! equality.

use std::fmt;
use std::ops::Range;

use super::lexer::{is_word_char, is_word_start};

/// A byte span that every other span equals, so trees compare by content only.
#[derive(Debug, Clone, Default)]
pub struct Span(pub Range<usize>);

impl PartialEq for Span {
    fn eq(&self, _: &Span) -> bool {
        true
    }
}

/// The words a statement starts with.
pub const STATEMENTS: [&str; 9] = [
    "show",
    "neighbors",
    "path",
    "find",
    "evidence",
    "stats",
    "schema",
    "docs",
    "dot",
];

/// The words of a statement's clauses.
pub const CLAUSES: [&str; 12] = [
    "depth", "in", "out", "both", "type", "rel", "all", "limit", "max", "where", "and", "or",
];

/// The reserved words of the language (statements, then clauses); a name spelled like one must
/// be quoted.
pub const KEYWORDS: &[&str] = &join::<9, 12, 21>(STATEMENTS, CLAUSES);

/// `a` then `b`, in a constant (a wrong `N` fails to compile: the copy goes out of bounds).
const fn join<const A: usize, const B: usize, const N: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    while i < N {
        out[i] = b[i - A];
        i += 1;
    }
    out
}

/// A statement with its byte span in the source.
#[derive(Debug, Clone)]
pub struct Statement {
    pub kind: StatementKind,
    pub span: Range<usize>,
}

impl PartialEq for Statement {
    fn eq(&self, other: &Statement) -> bool {
        self.kind == other.kind
    }
}

/// What a statement asks.
#[derive(Debug, Clone, PartialEq)]
pub enum StatementKind {
    Show(EntityRef),
    Neighbors(Neighbors),
    Path(PathQuery),
    Find(Find),
    Evidence(EntityRef, EntityRef),
    Stats,
    Schema,
    Docs,
    /// `dot STATEMENT > FILE`.
    Dot(Box<Statement>, Word),
}

impl StatementKind {
    /// The statement's keyword.
    pub fn name(&self) -> &'static str {
        match self {
            StatementKind::Show(_) => "show",
            StatementKind::Neighbors(_) => "neighbors",
            StatementKind::Path(_) => "path",
            StatementKind::Find(_) => "find",
            StatementKind::Evidence(..) => "evidence",
            StatementKind::Stats => "stats",
            StatementKind::Schema => "schema",
            StatementKind::Docs => "docs",
            StatementKind::Dot(..) => "dot",
        }
    }
}

/// A word as written (a type, relation, field or file name), with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub span: Span,
}

/// A reference to one entity.
#[derive(Debug, Clone, PartialEq)]
pub enum EntityRef {
    /// A name or alias, bare or quoted.
    Name(String, Span),
    /// `#42`.
    Id(u32, Span),
}

impl EntityRef {
    pub fn span(&self) -> Range<usize> {
        match self {
            EntityRef::Name(_, s) | EntityRef::Id(_, s) => s.0.clone(),
        }
    }
}

/// Which way edges are followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    Out,
    In,
    #[default]
    Both,
}

/// Which relations a traversal follows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum RelFilter {
    /// The semantic relations (all but MENTIONS and CO_OCCURS).
    #[default]
    Semantic,
    /// `rel all`.
    All,
    /// `rel A,B`.
    Named(Vec<Word>),
}

/// `neighbors REF [depth N] [in|out|both] [type T,…] [rel R,…|rel all] [limit N]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbors {
    pub start: EntityRef,
    pub depth: Option<u64>,
    pub direction: Option<Direction>,
    pub types: Vec<Word>,
    pub rel: RelFilter,
    pub limit: Option<u64>,
}

/// `path REF -> REF [all] [max N] [in|out|both] [rel …]`.
#[derive(Debug, Clone, PartialEq)]
pub struct PathQuery {
    pub from: EntityRef,
    pub to: EntityRef,
    pub all: bool,
    pub max: Option<u64>,
    pub direction: Option<Direction>,
    pub rel: RelFilter,
}

/// `find TYPE|* [where COND] [limit N]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Find {
    /// `None` for `*`.
    pub kind: Option<Word>,
    pub cond: Option<Cond>,
    pub limit: Option<u64>,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Contains,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Contains => "~",
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// A literal compared against.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Str(String),
    Num(f64),
}

/// A `where` condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Or(Box<Cond>, Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Cmp {
        field: Word,
        op: CmpOp,
        value: Literal,
    },
}

impl Cond {
    fn precedence(&self) -> u8 {
        match self {
            Cond::Or(..) => 1,
            Cond::And(..) => 2,
            Cond::Cmp { .. } => 3,
        }
    }

    /// Every field the condition names, in order of appearance, without repeats.
    pub fn fields(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_fields(&mut out);
        out
    }

    fn collect_fields<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Cond::Or(a, b) | Cond::And(a, b) => {
                a.collect_fields(out);
                b.collect_fields(out);
            }
            Cond::Cmp { field, .. } => {
                if !out.contains(&field.text.as_str()) {
                    out.push(&field.text);
                }
            }
        }
    }
}

/// Writes `s` bare when it reads back as the same single word, else quoted.
pub struct Name<'a>(pub &'a str);

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let bare = s.starts_with(is_word_start)
            && s.chars().all(is_word_char)
            && !s.contains("--")
            && !s.contains("->")
            && !KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(s))
            && !s.chars().all(|c| c.is_ascii_digit() || c == '.');
        if bare {
            f.write_str(s)
        } else {
            write!(f, "\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
        }
    }
}

impl fmt::Display for EntityRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntityRef::Name(n, _) => Name(n).fmt(f),
            EntityRef::Id(i, _) => write!(f, "#{i}"),
        }
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Str(s) => write!(f, "\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")),
            Literal::Num(n) => write!(f, "{n}"),
        }
    }
}

impl fmt::Display for Cond {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let child = |f: &mut fmt::Formatter<'_>, c: &Cond, right: bool| {
            let p = self.precedence();
            if c.precedence() < p || (right && c.precedence() == p) {
                write!(f, "({c})")
            } else {
                write!(f, "{c}")
            }
        };
        match self {
            Cond::Or(a, b) | Cond::And(a, b) => {
                child(f, a, false)?;
                f.write_str(if matches!(self, Cond::Or(..)) {
                    " or "
                } else {
                    " and "
                })?;
                child(f, b, true)
            }
            Cond::Cmp { field, op, value } => {
                let bare = field.text.starts_with(is_word_start)
                    && field.text.chars().all(is_word_char)
                    && !field.text.contains("--")
                    && !field.text.contains("->");
                if bare {
                    write!(f, "{} {} {value}", field.text, op.as_str())
                } else {
                    write!(f, "{} {} {value}", Name(&field.text), op.as_str())
                }
            }
        }
    }
}

fn words(ws: &[Word]) -> String {
    ws.iter()
        .map(|w| Name(&w.text).to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn write_dir(f: &mut fmt::Formatter<'_>, d: Option<Direction>) -> fmt::Result {
    match d {
        Some(Direction::Out) => f.write_str(" out"),
        Some(Direction::In) => f.write_str(" in"),
        Some(Direction::Both) => f.write_str(" both"),
        None => Ok(()),
    }
}

fn write_rel(f: &mut fmt::Formatter<'_>, r: &RelFilter) -> fmt::Result {
    match r {
        RelFilter::Semantic => Ok(()),
        RelFilter::All => f.write_str(" rel all"),
        RelFilter::Named(ws) => write!(f, " rel {}", words(ws)),
    }
}

impl fmt::Display for StatementKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatementKind::Show(r) => write!(f, "show {r}"),
            StatementKind::Neighbors(n) => {
                write!(f, "neighbors {}", n.start)?;
                if let Some(d) = n.depth {
                    write!(f, " depth {d}")?;
                }
                write_dir(f, n.direction)?;
                if !n.types.is_empty() {
                    write!(f, " type {}", words(&n.types))?;
                }
                write_rel(f, &n.rel)?;
                if let Some(l) = n.limit {
                    write!(f, " limit {l}")?;
                }
                Ok(())
            }
            StatementKind::Path(p) => {
                write!(f, "path {} -> {}", p.from, p.to)?;
                if p.all {
                    f.write_str(" all")?;
                }
                if let Some(m) = p.max {
                    write!(f, " max {m}")?;
                }
                write_dir(f, p.direction)?;
                write_rel(f, &p.rel)
            }
            StatementKind::Find(q) => {
                match &q.kind {
                    Some(k) => write!(f, "find {}", Name(&k.text))?,
                    None => f.write_str("find *")?,
                }
                if let Some(c) = &q.cond {
                    write!(f, " where {c}")?;
                }
                if let Some(l) = q.limit {
                    write!(f, " limit {l}")?;
                }
                Ok(())
            }
            StatementKind::Evidence(a, b) => write!(f, "evidence {a} {b}"),
            StatementKind::Stats => f.write_str("stats"),
            StatementKind::Schema => f.write_str("schema"),
            StatementKind::Docs => f.write_str("docs"),
            StatementKind::Dot(s, file) => write!(f, "dot {} > {}", s.kind, Name(&file.text)),
        }
    }
}

impl fmt::Display for Statement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}
