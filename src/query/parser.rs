//! The parser: tokens → [`Statement`]s, by recursive descent. Each production of the grammar
//! (doc/QUERY.md) is repeated above the function that parses it. Recursion is bounded
//! ([`MAX_DEPTH`] levels of parentheses; `dot` cannot nest), and no input makes it panic.

use super::ast::*;
use super::error::{ErrorKind, QueryError};
use super::lexer::{lex, Tok, Token};

/// How deeply `where` conditions may nest.
pub const MAX_DEPTH: usize = 64;
/// The deepest `neighbors` neighbourhood.
pub const MAX_NEIGHBOR_DEPTH: u64 = 5;
/// The largest `limit`.
pub const MAX_LIMIT: u64 = 100_000;
/// The longest path `max` allows.
pub const MAX_PATH: u64 = 64;

/// Parses a script.
///
/// # Errors
/// The first lexical or syntax error, with its span.
pub fn parse(source: &str) -> Result<Vec<Statement>, QueryError> {
    let tokens = lex(source)?;
    let mut p = Parser { tokens, pos: 0 };
    p.script()
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

type R<T> = Result<T, QueryError>;

impl Parser {
    fn tok(&self) -> &Token {
        // The token list always ends with Eof, and `bump` never moves past it.
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn peek(&self) -> &Tok {
        &self.tok().tok
    }

    fn bump(&mut self) -> Token {
        let t = self.tok().clone();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        t
    }

    fn prev_end(&self) -> usize {
        match self.pos.checked_sub(1).and_then(|i| self.tokens.get(i)) {
            Some(t) => t.span.end,
            None => 0,
        }
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Tok::Word(w) if w.eq_ignore_ascii_case(kw))
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        let yes = self.at_kw(kw);
        if yes {
            self.bump();
        }
        yes
    }

    fn expected(&self, what: &str) -> QueryError {
        let t = self.tok();
        QueryError::new(
            ErrorKind::Expected {
                expected: what.to_string(),
                found: t.tok.describe(),
            },
            t.span.clone(),
        )
    }

    fn expect(&mut self, tok: Tok, what: &str) -> R<Token> {
        if *self.peek() == tok {
            Ok(self.bump())
        } else {
            Err(self.expected(what))
        }
    }

    fn at_end(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::Semi | Tok::Eof)
    }

    // script = [ statement ] { ( ";" | NEWLINE ) [ statement ] } ;
    fn script(&mut self) -> R<Vec<Statement>> {
        let mut out = Vec::new();
        loop {
            while matches!(self.peek(), Tok::Newline | Tok::Semi) {
                self.bump();
            }
            if *self.peek() == Tok::Eof {
                return Ok(out);
            }
            let s = self.statement(false)?;
            if !self.at_end() {
                let t = self.tok();
                return Err(QueryError::new(
                    ErrorKind::TrailingInput {
                        found: t.tok.describe(),
                        suggestion: suggest_clause(&t.tok),
                    },
                    t.span.clone(),
                ));
            }
            out.push(s);
        }
    }

    // statement = show | neighbors | path | find | evidence | "stats" | "schema" | "docs" | dot ;
    fn statement(&mut self, in_dot: bool) -> R<Statement> {
        let start = self.tok().span.start;
        let word =
            match self.peek() {
                Tok::Word(w) => w.to_ascii_lowercase(),
                _ => return Err(self.expected(
                    "a statement (show, neighbors, path, find, evidence, stats, schema, docs, dot)",
                )),
            };
        let kind = match word.as_str() {
            "show" => {
                self.bump();
                StatementKind::Show(self.entity_ref()?)
            }
            "neighbors" | "neighbours" => self.neighbors()?,
            "path" => self.path()?,
            "find" => self.find()?,
            "evidence" => {
                self.bump();
                let a = self.entity_ref()?;
                StatementKind::Evidence(a, self.entity_ref()?)
            }
            "stats" | "schema" | "docs" => {
                self.bump();
                match word.as_str() {
                    "stats" => StatementKind::Stats,
                    "schema" => StatementKind::Schema,
                    _ => StatementKind::Docs,
                }
            }
            "dot" if in_dot => {
                return Err(QueryError::new(
                    ErrorKind::NestedDot,
                    self.tok().span.clone(),
                ))
            }
            "dot" => self.dot()?,
            _ => {
                let t = self.tok();
                let found = match &t.tok {
                    Tok::Word(w) => w.clone(),
                    other => other.describe(),
                };
                return Err(QueryError::new(
                    ErrorKind::UnknownStatement {
                        suggestion: suggest_statement(&found),
                        found,
                    },
                    t.span.clone(),
                ));
            }
        };
        Ok(Statement {
            kind,
            span: start..self.prev_end(),
        })
    }

    // ref = WORD | STRING | NUMBER | ID ;
    fn entity_ref(&mut self) -> R<EntityRef> {
        let t = self.tok().clone();
        let span = Span(t.span.clone());
        let r = match t.tok {
            Tok::Word(w) if !KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(&w)) => {
                EntityRef::Name(w, span)
            }
            Tok::Str(s) => EntityRef::Name(s, span),
            Tok::Number(_, text) => EntityRef::Name(text, span),
            Tok::Id(i) => EntityRef::Id(i, span),
            _ => return Err(self.expected("an entity (a name, a quoted name or #id)")),
        };
        self.bump();
        Ok(r)
    }

    // neighbors = "neighbors" ref { "depth" INT | direction | "type" words | rel | "limit" INT } ;
    fn neighbors(&mut self) -> R<StatementKind> {
        self.bump();
        let mut n = Neighbors {
            start: self.entity_ref()?,
            depth: None,
            direction: None,
            types: Vec::new(),
            rel: RelFilter::Semantic,
            limit: None,
        };
        let mut seen_rel = false;
        loop {
            let span = self.tok().span.clone();
            if self.eat_kw("depth") {
                once(n.depth.is_none(), "depth", &span)?;
                n.depth = Some(self.integer("depth", 1, MAX_NEIGHBOR_DEPTH)?);
            } else if let Some(d) = self.direction() {
                once(n.direction.is_none(), "direction", &span)?;
                n.direction = Some(d);
            } else if self.eat_kw("type") {
                once(n.types.is_empty(), "type", &span)?;
                n.types = self.words("an entity type")?;
            } else if self.at_kw("rel") {
                once(!seen_rel, "rel", &span)?;
                seen_rel = true;
                n.rel = self.rel()?;
            } else if self.eat_kw("limit") {
                once(n.limit.is_none(), "limit", &span)?;
                n.limit = Some(self.integer("limit", 1, MAX_LIMIT)?);
            } else {
                return Ok(StatementKind::Neighbors(n));
            }
        }
    }

    // direction = "in" | "out" | "both" ;
    fn direction(&mut self) -> Option<Direction> {
        let d = if self.at_kw("in") {
            Direction::In
        } else if self.at_kw("out") {
            Direction::Out
        } else if self.at_kw("both") {
            Direction::Both
        } else {
            return None;
        };
        self.bump();
        Some(d)
    }

    // rel = "rel" ( "all" | words ) ;
    fn rel(&mut self) -> R<RelFilter> {
        self.bump();
        if self.eat_kw("all") {
            Ok(RelFilter::All)
        } else {
            Ok(RelFilter::Named(self.words("a relation or `all`")?))
        }
    }

    // words = name { "," name } ;   name = WORD | STRING ;
    fn words(&mut self, what: &str) -> R<Vec<Word>> {
        let mut out = vec![self.word(what)?];
        while *self.peek() == Tok::Comma {
            self.bump();
            out.push(self.word(what)?);
        }
        Ok(out)
    }

    fn word(&mut self, what: &str) -> R<Word> {
        let t = self.tok().clone();
        let text = match t.tok {
            Tok::Word(w) if !KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(&w)) => w,
            Tok::Str(s) => s,
            _ => return Err(self.expected(what)),
        };
        self.bump();
        Ok(Word {
            text,
            span: Span(t.span),
        })
    }

    fn integer(&mut self, what: &str, min: u64, max: u64) -> R<u64> {
        let t = self.tok().clone();
        let Tok::Number(_, text) = &t.tok else {
            return Err(self.expected(&format!("a number after `{what}`")));
        };
        let value: u64 = text.parse().map_err(|_| {
            QueryError::new(ErrorKind::BadInteger { text: text.clone() }, t.span.clone())
        })?;
        if value < min || value > max {
            return Err(QueryError::new(
                ErrorKind::OutOfRange {
                    what: what.to_string(),
                    value,
                    min,
                    max,
                },
                t.span,
            ));
        }
        self.bump();
        Ok(value)
    }

    // path = "path" ref "->" ref { "all" | "max" INT | direction | rel } ;
    fn path(&mut self) -> R<StatementKind> {
        self.bump();
        let from = self.entity_ref()?;
        self.expect(Tok::Arrow, "`->` between the two entities of a path")?;
        let mut p = PathQuery {
            from,
            to: self.entity_ref()?,
            all: false,
            max: None,
            direction: None,
            rel: RelFilter::Semantic,
        };
        let mut seen_rel = false;
        loop {
            let span = self.tok().span.clone();
            if self.eat_kw("all") {
                once(!p.all, "all", &span)?;
                p.all = true;
            } else if self.eat_kw("max") {
                once(p.max.is_none(), "max", &span)?;
                p.max = Some(self.integer("max", 1, MAX_PATH)?);
            } else if let Some(d) = self.direction() {
                once(p.direction.is_none(), "direction", &span)?;
                p.direction = Some(d);
            } else if self.at_kw("rel") {
                once(!seen_rel, "rel", &span)?;
                seen_rel = true;
                p.rel = self.rel()?;
            } else {
                return Ok(StatementKind::Path(p));
            }
        }
    }

    // find = "find" ( name | "*" ) [ "where" or_cond ] [ "limit" INT ] ;
    fn find(&mut self) -> R<StatementKind> {
        self.bump();
        let kind = if *self.peek() == Tok::Star {
            self.bump();
            None
        } else {
            Some(self.word("an entity type or `*`")?)
        };
        let cond = if self.eat_kw("where") {
            Some(self.or_cond(0)?)
        } else {
            None
        };
        let limit = if self.eat_kw("limit") {
            Some(self.integer("limit", 1, MAX_LIMIT)?)
        } else {
            None
        };
        Ok(StatementKind::Find(Find { kind, cond, limit }))
    }

    // or_cond = and_cond { "or" and_cond } ;
    fn or_cond(&mut self, depth: usize) -> R<Cond> {
        let mut c = self.and_cond(depth)?;
        while self.eat_kw("or") {
            c = Cond::Or(Box::new(c), Box::new(self.and_cond(depth)?));
        }
        Ok(c)
    }

    // and_cond = atom { "and" atom } ;
    fn and_cond(&mut self, depth: usize) -> R<Cond> {
        let mut c = self.atom(depth)?;
        while self.eat_kw("and") {
            c = Cond::And(Box::new(c), Box::new(self.atom(depth)?));
        }
        Ok(c)
    }

    // atom = "(" or_cond ")" | name op literal ;
    // op = "~" | "=" | "!=" | "<" | "<=" | ">" | ">=" ;
    fn atom(&mut self, depth: usize) -> R<Cond> {
        if *self.peek() == Tok::LParen {
            if depth >= MAX_DEPTH {
                return Err(QueryError::new(
                    ErrorKind::TooDeep { limit: MAX_DEPTH },
                    self.tok().span.clone(),
                ));
            }
            self.bump();
            let c = self.or_cond(depth + 1)?;
            self.expect(Tok::RParen, "`)`, `and` or `or`")?;
            return Ok(c);
        }
        let field = self.field()?;
        let op = match self.peek() {
            Tok::Tilde => CmpOp::Contains,
            Tok::Eq => CmpOp::Eq,
            Tok::Ne => CmpOp::Ne,
            Tok::Lt => CmpOp::Lt,
            Tok::Le => CmpOp::Le,
            Tok::Gt => CmpOp::Gt,
            Tok::Ge => CmpOp::Ge,
            _ => return Err(self.expected("a comparison (~ = != < <= > >=)")),
        };
        self.bump();
        let value = self.literal()?;
        Ok(Cond::Cmp { field, op, value })
    }

    // field = WORD | STRING ;   (keywords included: `type` is a field)
    fn field(&mut self) -> R<Word> {
        let t = self.tok().clone();
        let text = match t.tok {
            Tok::Word(w) => w,
            Tok::Str(s) => s,
            _ => return Err(self.expected("a field (name, type, year, value, unit, …) or `(`")),
        };
        self.bump();
        Ok(Word {
            text,
            span: Span(t.span),
        })
    }

    // literal = STRING | NUMBER | WORD ;
    fn literal(&mut self) -> R<Literal> {
        let v = match self.peek() {
            Tok::Str(s) | Tok::Word(s) => Literal::Str(s.clone()),
            Tok::Number(n, _) => Literal::Num(*n),
            _ => return Err(self.expected("a value (a number or a quoted string)")),
        };
        self.bump();
        Ok(v)
    }

    // dot = "dot" statement ">" file ;   file = WORD | STRING ;
    fn dot(&mut self) -> R<StatementKind> {
        self.bump();
        let inner = self.statement(true)?;
        if *self.peek() != Tok::Gt {
            if self.at_end() {
                return Err(self.expected("`>` and the file to write the diagram to"));
            }
            let t = self.tok();
            return Err(QueryError::new(
                ErrorKind::TrailingInput {
                    found: t.tok.describe(),
                    suggestion: suggest_clause(&t.tok),
                },
                t.span.clone(),
            ));
        }
        self.bump();
        let t = self.tok().clone();
        let text = match t.tok {
            Tok::Word(w) => w,
            Tok::Str(s) => s,
            Tok::Number(_, text) => text,
            _ => return Err(self.expected("a file name (quote it if it has spaces)")),
        };
        self.bump();
        Ok(StatementKind::Dot(
            Box::new(inner),
            Word {
                text,
                span: Span(t.span),
            },
        ))
    }
}

fn once(first: bool, clause: &str, span: &std::ops::Range<usize>) -> R<()> {
    if first {
        Ok(())
    } else {
        Err(QueryError::new(
            ErrorKind::Duplicate {
                clause: clause.to_string(),
            },
            span.clone(),
        ))
    }
}

/// The clause keyword a stray word is likely a misspelling of (`tpye` → `type`).
/// `and` and `or` are left out: they only join the conditions of a `where`.
fn suggest_clause(tok: &Tok) -> Option<String> {
    let Tok::Word(found) = tok else { return None };
    if !found.is_ascii() {
        return None;
    }
    let clauses: Vec<&str> = super::ast::CLAUSES
        .into_iter()
        .filter(|c| !matches!(*c, "and" | "or"))
        .collect();
    closest(found, &clauses)
}

fn suggest_statement(found: &str) -> Option<String> {
    closest(found, &super::ast::STATEMENTS)
}

/// The word of `words` within two edits of `found` (and shorter than the edits), nearest first.
fn closest(found: &str, words: &[&str]) -> Option<String> {
    let lower = found.to_lowercase();
    words
        .iter()
        .map(|s| (strsim::levenshtein(&lower, s), *s))
        .filter(|(d, s)| *d <= 2 && *d < s.len())
        .min()
        .map(|(_, s)| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Statement {
        let mut v = parse(s).unwrap();
        assert_eq!(v.len(), 1, "{s}");
        v.remove(0)
    }

    fn err(s: &str) -> ErrorKind {
        parse(s).unwrap_err().kind
    }

    #[test]
    fn canonical_print() {
        for (src, canon) in [
            ("SHOW 青岚集团", "show 青岚集团"),
            ("show “星海 科技”", "show \"星海 科技\""),
            ("show #3", "show #3"),
            ("show \"show\"", "show \"show\""),
            (
                "neighbors 青岚 limit 5 rel develops,位于 type 企业 out depth 2",
                "neighbors 青岚 depth 2 out type 企业 rel develops,位于 limit 5",
            ),
            (
                "path a->b max 3 all rel all",
                "path a -> b all max 3 rel all",
            ),
            (
                "find * where (name ~ 制药 or year=2025) and value>100 limit 3",
                "find * where (name ~ \"制药\" or year = 2025) and value > 100 limit 3",
            ),
            (
                "find Target where a=1 or (b=2 or c=3)",
                "find Target where a = 1 or (b = 2 or c = 3)",
            ),
            (
                "dot neighbors 云州 > out/云州.dot",
                "dot neighbors 云州 > out/云州.dot",
            ),
            (
                "dot find * where value > 1 > \"a b.svg\"",
                "dot find * where value > 1 > \"a b.svg\"",
            ),
            ("evidence 2025 #1", "evidence \"2025\" #1"),
        ] {
            let s = one(src);
            assert_eq!(s.to_string(), canon);
            assert_eq!(one(canon), s);
        }
    }

    #[test]
    fn scripts_split_on_newlines_and_semicolons() {
        let v = parse("stats; schema\n\n-- c\ndocs;").unwrap();
        assert_eq!(v.len(), 3);
        assert_eq!(v[2].span, 20..24);
    }

    #[test]
    fn errors_are_typed() {
        assert_eq!(
            err("shwo a"),
            ErrorKind::UnknownStatement {
                found: "shwo".into(),
                suggestion: Some("show".into())
            }
        );
        assert!(matches!(
            err("show 浪潮 集团"),
            ErrorKind::TrailingInput { .. }
        ));
        assert!(matches!(
            err("neighbors a depth 9"),
            ErrorKind::OutOfRange { value: 9, .. }
        ));
        assert!(matches!(
            err("neighbors a depth 1 depth 2"),
            ErrorKind::Duplicate { .. }
        ));
        assert!(matches!(err("path a b"), ErrorKind::Expected { .. }));
        assert!(matches!(err("dot dot stats > a"), ErrorKind::NestedDot));
        assert!(matches!(err("dot stats"), ErrorKind::Expected { .. }));
        assert!(matches!(
            err("neighbors a limit 2.5"),
            ErrorKind::BadInteger { .. }
        ));
        assert!(matches!(err("show"), ErrorKind::Expected { .. }));
    }

    #[test]
    fn recursion_is_bounded() {
        let deep = format!(
            "find * where {}a=1{}",
            "(".repeat(10_000),
            ")".repeat(10_000)
        );
        assert_eq!(err(&deep), ErrorKind::TooDeep { limit: MAX_DEPTH });
        let ok = format!("find * where {}a=1{}", "(".repeat(60), ")".repeat(60));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn random_input_never_panics_and_what_parses_round_trips() {
        use rand::{Rng, SeedableRng};
        let pieces = [
            "show ",
            "neighbors ",
            "path ",
            "find ",
            "evidence ",
            "stats",
            "dot ",
            " > ",
            "->",
            " depth ",
            " 2",
            " 99",
            " in",
            " out",
            " type ",
            " rel ",
            " all",
            " limit ",
            " max ",
            " where ",
            " and ",
            " or ",
            "(",
            ")",
            "~",
            "=",
            "!=",
            "<=",
            ">=",
            "<",
            ",",
            ";",
            "\n",
            "\"",
            "“",
            "”",
            "#",
            "#7",
            "--",
            "云州",
            "青岚-集团",
            "a.dot",
            "-3.5",
            "*",
            " ",
            "@",
            "\\",
            "name",
            "year",
            "企业",
            "\r\n",
            "·",
            "，",
            "（",
            "）",
        ];
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let mut parsed = 0;
        for _ in 0..20_000 {
            let n = rng.gen_range(1..10);
            let mut src = pieces[rng.gen_range(0..7)].to_string();
            for _ in 0..n {
                src.push_str(pieces[rng.gen_range(0..pieces.len())]);
            }
            let _ = crate::query::is_complete(&src);
            let Ok(statements) = parse(&src) else {
                continue;
            };
            for s in statements {
                let printed = s.to_string();
                let again =
                    parse(&printed).unwrap_or_else(|e| panic!("{src:?} → {printed:?}: {e}"));
                assert_eq!(again, vec![s], "{src:?} → {printed:?}");
                parsed += 1;
            }
        }
        assert!(parsed > 300, "only {parsed} parsed");
    }

    #[test]
    fn never_panics_on_prefixes() {
        let src = "dot path “青岚” -> #2 all max 3 rel LOCATED_IN,all > x.dot; find * where (a ~ \"x\" or b >= -1) limit 2";
        for (i, _) in src.char_indices() {
            let _ = parse(&src[..i]);
        }
    }
}
