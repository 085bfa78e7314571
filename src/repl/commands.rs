//! The REPL's `:` commands: `:help [STATEMENT]`, `:load FILE`, `:format table|json|csv`,
//! `:timing on|off`, `:quit`. Parsing them, and the help text (its examples name entities of the
//! open graph, so each one runs as shown).

use std::path::PathBuf;

use crate::graph::Dir;
use crate::model::{EntityType, RelationType};
use crate::output::Format;
use crate::query::GraphView;

/// A parsed `:` command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help(Option<String>),
    Load(PathBuf),
    /// `None`: show the current format.
    Format(Option<Format>),
    /// `None`: show whether timing is on.
    Timing(Option<bool>),
    Quit,
}

/// Why a `:` line is not a command.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("unknown command {0}; the commands are :help, :load FILE, :format table|json|csv, :timing on|off, :quit")]
    Unknown(String),
    #[error(":load needs a file: :load queries/tour.kq")]
    LoadWithoutFile,
    #[error("unknown format {0:?}; use :format table, :format json or :format csv")]
    BadFormat(String),
    #[error("{0:?} is neither on nor off; use :timing on or :timing off")]
    BadSwitch(String),
}

/// Parses a line starting with `:`.
///
/// # Errors
/// [`CommandError`] for an unknown command or a bad argument.
///
/// # Example
/// ```
/// use zhitu::repl::commands::{parse, Command};
/// assert_eq!(parse(":timing on"), Ok(Command::Timing(Some(true))));
/// assert_eq!(parse(":q"), Ok(Command::Quit));
/// ```
pub fn parse(line: &str) -> Result<Command, CommandError> {
    let line = line.trim();
    let (name, arg) = match line.split_once(char::is_whitespace) {
        Some((n, a)) => (n, a.trim()),
        None => (line, ""),
    };
    let arg_opt = (!arg.is_empty()).then(|| arg.to_string());
    match name {
        ":help" | ":h" | ":?" => Ok(Command::Help(arg_opt)),
        ":quit" | ":q" | ":exit" => Ok(Command::Quit),
        ":load" | ":l" => {
            let file = unquote(arg);
            if file.is_empty() {
                Err(CommandError::LoadWithoutFile)
            } else {
                Ok(Command::Load(PathBuf::from(file)))
            }
        }
        ":format" | ":f" => match arg.to_ascii_lowercase().as_str() {
            "" => Ok(Command::Format(None)),
            "table" => Ok(Command::Format(Some(Format::Table))),
            "json" => Ok(Command::Format(Some(Format::Json))),
            "csv" => Ok(Command::Format(Some(Format::Csv))),
            _ => Err(CommandError::BadFormat(arg.to_string())),
        },
        ":timing" | ":t" => match arg.to_ascii_lowercase().as_str() {
            "" => Ok(Command::Timing(None)),
            "on" | "true" | "1" => Ok(Command::Timing(Some(true))),
            "off" | "false" | "0" => Ok(Command::Timing(Some(false))),
            _ => Err(CommandError::BadSwitch(arg.to_string())),
        },
        _ => Err(CommandError::Unknown(name.to_string())),
    }
}

fn unquote(s: &str) -> &str {
    s.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(s)
}

/// The name of the best-connected entity of type `kind` (semantic relations only), quoted if
/// the language needs it.
fn example_name(graph: &dyn GraphView, kind: EntityType) -> Option<String> {
    let degree = |id| {
        [Dir::Out, Dir::In]
            .into_iter()
            .flat_map(|d| graph.edges_at(id, d))
            .filter(|(e, _)| graph.edge(*e).is_some_and(|e| e.relation.is_semantic()))
            .count()
    };
    let best = graph
        .node_ids()
        .filter(|&id| graph.node(id).is_some_and(|n| n.kind == kind))
        .map(|id| (degree(id), std::cmp::Reverse(id), id))
        .max()?;
    let name = &graph.node(best.2)?.name;
    Some(if super::complete::needs_quotes(name) {
        super::complete::quote(name)
    } else {
        name.clone()
    })
}

/// The `:help` text, its examples naming entities of `graph` where it has them.
pub fn help(graph: &dyn GraphView, topic: Option<&str>) -> String {
    let ent = example_name(graph, EntityType::Enterprise)
        .or_else(|| example_name(graph, EntityType::Organization))
        .unwrap_or_else(|| "#0".into());
    let place = example_name(graph, EntityType::Place).unwrap_or_else(|| "#1".into());
    let industry = example_name(graph, EntityType::Industry).unwrap_or_else(|| "#2".into());
    let statements = [
        (
            "show",
            format!("show {ent}"),
            "the entity card: type, aliases, attributes, documents, degree, evidence".to_string(),
        ),
        ("show", "show #0".into(), "an entity by its id".into()),
        (
            "neighbors",
            format!(
                "neighbors {ent} depth 2 type Project,Industry rel DEVELOPS,IN_INDUSTRY limit 50"
            ),
            "the neighbourhood, filtered".into(),
        ),
        (
            "neighbors",
            format!("neighbors {place} in rel all"),
            "in/out restrict the direction; rel all adds MENTIONS and CO_OCCURS".into(),
        ),
        (
            "path",
            format!("path {ent} -> {place}"),
            "a shortest path, each hop with its relation and evidence".into(),
        ),
        (
            "path",
            format!("path {ent} -> {industry} all max 4"),
            "all shortest paths, up to 4 hops".into(),
        ),
        (
            "find",
            "find Enterprise where name ~ \"集团\"".into(),
            "search by type and name (企业 works too)".into(),
        ),
        (
            "find",
            "find Target where year = 2025 and unit = \"亿元\"".into(),
            "compare fields: ~ = != < <= > >=".into(),
        ),
        (
            "evidence",
            format!("evidence {ent} {place}"),
            "the sentences behind every edge between two entities".into(),
        ),
        (
            "stats",
            "stats".into(),
            "counts of entities and relations by type".into(),
        ),
        (
            "schema",
            "schema".into(),
            "which types each relation joins".into(),
        ),
        (
            "docs",
            "docs".into(),
            "the documents the graph was built from".into(),
        ),
        (
            "dot",
            format!("dot neighbors {ent} depth 2 > graph.svg"),
            "any result as a diagram: .dot, or .svg/.png through Graphviz".into(),
        ),
    ];
    let mut s = String::new();
    if let Some(t) = topic {
        let t = t.trim().to_ascii_lowercase();
        let hits: Vec<_> = statements.iter().filter(|(k, _, _)| *k == t).collect();
        if hits.is_empty() {
            return format!("no statement {t:?}; :help lists them all\n");
        }
        for (_, ex, what) in hits {
            s.push_str(&format!("  {ex}\n      {what}\n"));
        }
        return s;
    }
    s.push_str("Statements (one per line, or separated by ;  -- starts a comment):\n");
    for (_, ex, what) in &statements {
        s.push_str(&format!("  {ex}\n      {what}\n"));
    }
    s.push_str(
        "Entities: a name or alias, a quoted name (\"A B\"), or an id (#42).\n\
         A line ending in \\, or with a quote or parenthesis open, continues on the next.\n",
    );
    let types: Vec<String> = EntityType::ALL
        .iter()
        .filter(|t| **t != EntityType::Unknown)
        .map(|t| format!("{} {}", t.as_str(), t.chinese()))
        .collect();
    s.push_str(&format!("Types: {}\n", wrap(&types, ", ")));
    let rels: Vec<String> = RelationType::ALL
        .iter()
        .map(|r| r.as_str().to_string())
        .collect();
    s.push_str(&format!("Relations: {}\n", wrap(&rels, " ")));
    s.push_str(
        "Commands:\n  \
         :help [STATEMENT]       this text, or one statement's examples\n  \
         :load FILE              run a script (.kq), stopping at its first error\n  \
         :format table|json|csv  how results print\n  \
         :timing on|off          print the time each statement took\n  \
         :quit                   leave (Ctrl-D too)\n\
         Keys: Tab completes (names, types, relations), → accepts the grey hint,\n  \
         Ctrl-R searches history, Ctrl-C abandons the line, Ctrl-D leaves.\n",
    );
    s
}

/// `items` joined by `sep`, broken into lines of at most about 80 columns (indented by 2).
fn wrap(items: &[String], sep: &str) -> String {
    let mut s = String::new();
    let mut col = 12;
    for (i, item) in items.iter().enumerate() {
        let w = unicode_width::UnicodeWidthStr::width(item.as_str()) + sep.len();
        if i > 0 {
            s.push_str(sep.trim_end());
            if col + w > 80 {
                s.push_str("\n  ");
                col = 2;
            } else if sep.ends_with(' ') {
                s.push(' ');
            }
        }
        s.push_str(item);
        col += w;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands_and_rejects_bad_ones() {
        assert_eq!(
            parse(":load \"my file.kq\""),
            Ok(Command::Load("my file.kq".into()))
        );
        assert_eq!(
            parse(":format JSON"),
            Ok(Command::Format(Some(Format::Json)))
        );
        assert_eq!(parse(":format"), Ok(Command::Format(None)));
        assert_eq!(parse(":help path"), Ok(Command::Help(Some("path".into()))));
        assert_eq!(parse(":load"), Err(CommandError::LoadWithoutFile));
        assert_eq!(
            parse(":format xml"),
            Err(CommandError::BadFormat("xml".into()))
        );
        assert_eq!(
            parse(":timing maybe"),
            Err(CommandError::BadSwitch("maybe".into()))
        );
        assert_eq!(
            parse(":frobnicate"),
            Err(CommandError::Unknown(":frobnicate".into()))
        );
    }

    #[test]
    fn help_covers_every_statement() {
        let g = crate::graph::KnowledgeGraph::default();
        let h = help(&g, None);
        for kw in super::super::scan::STATEMENTS {
            assert!(h.lines().any(|l| l.trim_start().starts_with(kw)), "{kw}");
        }
        assert!(help(&g, Some("path")).contains("path "));
    }
}
