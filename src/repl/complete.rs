//! What Tab offers at the cursor: statement keywords where a statement starts, entity types after
//! `find`/`type`, relations after `rel`, attributes after `where`/`and`/`or`, clause keywords and
//! entity names (Chinese included, by prefix of a name or an alias) elsewhere, and `:` commands.
//! Pure logic over [`GraphView`]; the rustyline glue is in `helper`.

use std::cell::OnceCell;

use crate::model::{EntityType, RelationType};
use crate::query::GraphView;

use super::scan::{self, Kind, ATTRIBUTES, KEYWORDS, STATEMENTS};
use crate::query::CLAUSES;

/// The REPL's `:` commands, for completion.
pub const COMMANDS: [&str; 6] = [":help", ":load", ":format", ":timing", ":quit", ":exit"];

/// Most candidates offered at once.
const MAX_CANDIDATES: usize = 200;
/// Names are offered on an empty prefix only when the graph has at most this many.
const MAX_UNPREFIXED_NAMES: usize = 100;

/// One completion: what the list shows, and what replaces the word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub display: String,
    pub replacement: String,
}

impl Candidate {
    fn plain(s: &str) -> Self {
        Candidate {
            display: s.to_string(),
            replacement: s.to_string(),
        }
    }
}

/// A name or alias in the completion index.
#[derive(Debug)]
struct NameEntry {
    /// Lower-cased, the sort key.
    key: String,
    text: String,
    /// The entity's name when `text` is an alias of exactly one entity.
    alias_of: Option<String>,
    kind: Option<EntityType>,
    /// How many entities carry this name or alias.
    count: usize,
}

/// Completion over one graph; the name index is built on the first Tab, not at start-up.
pub struct Completer<'g> {
    graph: &'g dyn GraphView,
    names: OnceCell<Vec<NameEntry>>,
}

impl<'g> Completer<'g> {
    pub fn new(graph: &'g dyn GraphView) -> Self {
        Completer {
            graph,
            names: OnceCell::new(),
        }
    }

    fn names(&self) -> &[NameEntry] {
        self.names.get_or_init(|| {
            let mut v: Vec<NameEntry> = self
                .graph
                .names()
                .filter(|(text, _)| !text.is_empty())
                .map(|(text, ids)| {
                    let nodes: Vec<_> = ids.iter().filter_map(|&id| self.graph.node(id)).collect();
                    let alias_of = match nodes.as_slice() {
                        [n] if n.name != text => Some(n.name.clone()),
                        _ => None,
                    };
                    NameEntry {
                        key: text.to_lowercase(),
                        text: text.to_string(),
                        alias_of,
                        kind: nodes.first().map(|n| n.kind),
                        count: nodes.len(),
                    }
                })
                .collect();
            v.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.text.cmp(&b.text)));
            v
        })
    }

    /// Names and aliases starting with `prefix` (case-insensitive), shortest first.
    fn names_with_prefix(&self, prefix: &str) -> Vec<&NameEntry> {
        let names = self.names();
        let key = prefix.to_lowercase();
        let from = names.partition_point(|e| e.key.as_str() < key.as_str());
        let mut hits: Vec<&NameEntry> = names[from..]
            .iter()
            .take_while(|e| e.key.starts_with(&key))
            .collect();
        hits.sort_by(|a, b| {
            (a.text.chars().count(), &a.key).cmp(&(b.text.chars().count(), &b.key))
        });
        hits.truncate(MAX_CANDIDATES);
        hits
    }

    /// The completions of the word before `pos` in `line`: where the word starts and the
    /// candidates, best first. `:load` paths are left to the caller (start `None`).
    ///
    /// # Example
    /// ```
    /// use zhitu::graph::KnowledgeGraph;
    /// use zhitu::repl::complete::Completer;
    /// let g = KnowledgeGraph::default();
    /// let c = Completer::new(&g);
    /// let (start, cands) = c.complete("neigh", 5).unwrap();
    /// assert_eq!((start, cands[0].replacement.as_str()), (0, "neighbors"));
    /// ```
    pub fn complete(&self, line: &str, pos: usize) -> Option<(usize, Vec<Candidate>)> {
        let pos = floor_char_boundary(line, pos);
        let head = &line[..pos];
        if head.trim_start().starts_with(':') {
            return complete_command(head);
        }
        let toks = scan::scan(head);
        // Inside an open string: complete names, closing the quote.
        if let Some(t) = toks.last() {
            let text = &head[t.span.clone()];
            if t.kind == Kind::Str && !scan::closed(text) {
                let open = text.chars().next().map_or(1, char::len_utf8);
                let prefix = &text[open..];
                let cands = self
                    .names_with_prefix(prefix)
                    .into_iter()
                    .map(|e| Candidate {
                        display: self.display(e),
                        replacement: quote(&e.text),
                    })
                    .collect();
                return Some((t.span.start, cands));
            }
        }
        let start = word_start(head);
        let prefix = &head[start..];
        if prefix.starts_with('#') {
            return Some((start, Vec::new()));
        }
        let before = &toks_before(&toks, start);
        let prev = list_head(head, before);
        let mut out: Vec<Candidate> = Vec::new();
        let mut push_words = |words: &mut dyn Iterator<Item = &str>| {
            for w in words {
                if starts_with_ci(w, prefix) {
                    out.push(Candidate::plain(w));
                }
            }
        };
        let lower = prev.map(str::to_ascii_lowercase);
        match lower.as_deref() {
            None | Some(";") | Some("dot") => push_words(&mut STATEMENTS.into_iter()),
            Some("type") | Some("find") => push_words(&mut type_words()),
            Some("rel") => push_words(
                &mut RelationType::ALL
                    .iter()
                    .map(|r| r.as_str())
                    .chain(std::iter::once("all")),
            ),
            Some("where") | Some("and") | Some("or") | Some("(") => {
                push_words(&mut ATTRIBUTES.into_iter())
            }
            Some("depth") | Some("limit") | Some("max") => {}
            _ => {
                push_words(&mut CLAUSES.into_iter());
                let names_ok = !prefix.is_empty() || self.names().len() <= MAX_UNPREFIXED_NAMES;
                if names_ok {
                    for e in self.names_with_prefix(prefix) {
                        out.push(Candidate {
                            display: self.display(e),
                            replacement: if needs_quotes(&e.text) {
                                quote(&e.text)
                            } else {
                                e.text.clone()
                            },
                        });
                    }
                }
            }
        }
        // Nothing fits the context: fall back to every word the language knows.
        if out.is_empty() && !prefix.is_empty() {
            let mut all = KEYWORDS
                .iter()
                .copied()
                .chain(type_words())
                .chain(RelationType::ALL.iter().map(|r| r.as_str()));
            for w in &mut all {
                if starts_with_ci(w, prefix) {
                    out.push(Candidate::plain(w));
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|c| seen.insert(c.replacement.clone()));
        out.truncate(MAX_CANDIDATES);
        Some((start, out))
    }

    /// How a name shows in the list: the name (long ones cut, so the list keeps its columns),
    /// its type, and the entity an alias stands for.
    fn display(&self, e: &NameEntry) -> String {
        let kind = e.kind.map_or("", |k| k.chinese());
        let text = truncate(&e.text, MAX_DISPLAY_WIDTH);
        match (&e.alias_of, e.count) {
            (Some(canon), _) => format!("{text} ({kind}, {})", truncate(canon, MAX_DISPLAY_WIDTH)),
            (None, n) if n > 1 => format!("{text} ({n} entities)"),
            _ if kind.is_empty() => text,
            _ => format!("{text} ({kind})"),
        }
    }
}

/// The widest a name shows in the completion list, in terminal columns.
const MAX_DISPLAY_WIDTH: usize = 24;

/// `s` cut to at most `max` columns, ending in `…` when cut.
fn truncate(s: &str, max: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

fn type_words() -> impl Iterator<Item = &'static str> {
    EntityType::ALL
        .into_iter()
        .filter(|t| *t != EntityType::Unknown)
        .flat_map(|t| [t.as_str(), t.chinese()])
}

fn complete_command(head: &str) -> Option<(usize, Vec<Candidate>)> {
    let lead = head.len() - head.trim_start().len();
    let body = &head[lead..];
    match body.split_once(char::is_whitespace) {
        None => Some((
            lead,
            COMMANDS
                .iter()
                .filter(|c| c.starts_with(body))
                .map(|c| Candidate::plain(c))
                .collect(),
        )),
        Some((cmd, arg)) => {
            let arg = arg.trim_start();
            let start = head.len() - arg.len();
            let options: &[&str] = match cmd {
                ":format" => &["table", "json", "csv"],
                ":timing" => &["on", "off"],
                ":help" => &STATEMENTS,
                ":load" => return None,
                _ => &[],
            };
            Some((
                start,
                options
                    .iter()
                    .filter(|o| o.starts_with(arg))
                    .map(|o| Candidate::plain(o))
                    .collect(),
            ))
        }
    }
}

/// The start of the bare word (or `#id`) ending at the end of `head`.
fn word_start(head: &str) -> usize {
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !scan::is_word_char(c))
        .map_or(0, |(i, c)| if c == '#' { i } else { i + c.len_utf8() });
    // `a->b`, `a--b`: the word starts after the arrow.
    match head[start..].rfind("->") {
        Some(i) => start + i + 2,
        None => start,
    }
}

fn toks_before(toks: &[scan::Tok], start: usize) -> Vec<scan::Tok> {
    toks.iter()
        .filter(|t| t.span.end <= start && !matches!(t.kind, Kind::Space | Kind::Comment))
        .cloned()
        .collect()
}

/// The word that decides what may come next: the previous token, skipping back over a
/// comma-separated list (`type Project,In|` → `type`).
fn list_head<'h>(head: &'h str, before: &[scan::Tok]) -> Option<&'h str> {
    let mut i = before.len();
    while i > 0 {
        let t = &before[i - 1];
        let text = &head[t.span.clone()];
        if text == "," {
            i = i.saturating_sub(2);
            continue;
        }
        return Some(text);
    }
    None
}

fn starts_with_ci(word: &str, prefix: &str) -> bool {
    word.len() >= prefix.len()
        && word.is_char_boundary(prefix.len())
        && word[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Whether a name must be quoted to read back as one entity reference.
pub fn needs_quotes(name: &str) -> bool {
    name.is_empty()
        || !name.chars().all(scan::is_word_char)
        || !name.starts_with(scan::is_word_start)
        || name.parse::<f64>().is_ok()
        || name.contains("->")
        || name.contains("--")
        || scan::is_keyword(name)
        || scan::is_type(name)
        || scan::is_relation(name)
}

/// `name` as a double-quoted string.
pub fn quote(name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 2);
    s.push('"');
    for c in name.chars() {
        if c == '"' || c == '\\' {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('"');
    s
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{KnowledgeGraph, Node};

    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::default();
        for (name, kind, aliases) in [
            ("浪潮集团", EntityType::Enterprise, vec!["浪潮"]),
            ("浪潮软件园", EntityType::Project, vec![]),
            ("济南市", EntityType::Place, vec!["济南"]),
            ("Big Data Lab", EntityType::Organization, vec![]),
        ] {
            g.add_node(Node {
                name: name.into(),
                kind,
                aliases: aliases.into_iter().map(String::from).collect(),
                docs: vec![],
                years: vec![],
                attrs: Default::default(),
            });
        }
        g
    }

    fn replacements(c: &Completer, line: &str) -> (usize, Vec<String>) {
        let (s, v) = c.complete(line, line.len()).unwrap();
        (s, v.into_iter().map(|c| c.replacement).collect())
    }

    #[test]
    fn completes_chinese_names_and_aliases_by_prefix() {
        let g = graph();
        let c = Completer::new(&g);
        let (start, r) = replacements(&c, "show 浪");
        assert_eq!(start, "show ".len());
        assert_eq!(r, ["浪潮", "浪潮集团", "浪潮软件园"]);
        let (_, r) = replacements(&c, "path 浪潮 -> 济");
        assert_eq!(r, ["济南", "济南市"]);
        let (_, v) = c.complete("show 济南", "show 济南".len()).unwrap();
        assert_eq!(v[0].display, "济南 (地点, 济南市)");
    }

    #[test]
    fn completes_by_context() {
        let g = graph();
        let c = Completer::new(&g);
        assert_eq!(replacements(&c, "fi").1, ["find"]);
        assert_eq!(replacements(&c, "find Ent").1, ["Enterprise"]);
        assert_eq!(replacements(&c, "find 企").1, ["企业"]);
        assert_eq!(
            replacements(&c, "neighbors 浪潮 type Project,Ind").1,
            ["Industry"]
        );
        assert_eq!(
            replacements(&c, "neighbors 浪潮 rel develops,LOC").1,
            ["LOCATED_IN"]
        );
        assert_eq!(replacements(&c, "neighbors 浪潮 de").1, ["depth"]);
        assert_eq!(replacements(&c, "find Place where ye").1, ["year"]);
        assert_eq!(replacements(&c, "stats; do").1, ["docs", "dot"]);
    }

    #[test]
    fn quotes_names_that_need_it() {
        let g = graph();
        let c = Completer::new(&g);
        assert_eq!(replacements(&c, "show big").1, ["\"Big Data Lab\""]);
        let (start, r) = replacements(&c, "show \"Big D");
        assert_eq!(
            (start, r.as_slice()),
            (5, &["\"Big Data Lab\"".to_string()][..])
        );
    }

    #[test]
    fn completes_commands_and_their_arguments() {
        let g = graph();
        let c = Completer::new(&g);
        assert_eq!(replacements(&c, ":fo").1, [":format"]);
        assert_eq!(replacements(&c, ":format j"), (8, vec!["json".to_string()]));
        assert!(c.complete(":load qu", 8).is_none());
    }

    #[test]
    fn long_names_are_cut_in_the_list_not_in_the_line() {
        let mut g = graph();
        let long = "济南市加快建设工业强市三年行动计划征求意见稿";
        g.add_node(Node {
            name: long.into(),
            kind: EntityType::Policy,
            aliases: vec![],
            docs: vec![],
            years: vec![],
            attrs: Default::default(),
        });
        let c = Completer::new(&g);
        let (_, v) = c.complete("show 济南市加", 17).unwrap();
        assert_eq!(v[0].replacement, long);
        assert_eq!(v[0].display, "济南市加快建设工业强市… (政策)");
    }

    #[test]
    fn any_cursor_position_is_safe() {
        let g = graph();
        let c = Completer::new(&g);
        let line = "show \"浪潮 -> #3 ,, type";
        for pos in 0..=line.len() + 2 {
            let _ = c.complete(line, pos);
        }
    }
}
