//! The fast path for loading the files zhitu itself writes ([`KnowledgeGraph::write_json`]: one
//! node or edge a line, node ids dense and in order). The file is read in blocks, so memory is a
//! block or two plus the graph; each block's lines are parsed on every core (rayon), with the
//! same node and edge parsers as the general loader, while the block before is added in order. Anything else (another
//! layout, sparse ids, an edge naming a missing node, malformed JSON, an unreadable file) gives
//! `None`, and the caller runs the general loader, which reports errors with line and column.

use std::io::Read;
use std::path::Path;

use rayon::prelude::*;
use serde_json::Value;

use super::io::IdKey;
use super::raw::{RawEdge, RawNode};
use super::{KnowledgeGraph, NodeId};

/// How many bytes are read and parsed at a time.
const BLOCK: usize = 16 << 20;

/// Where the reader is in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// The first line: `{"directed": true, "multigraph": true,`.
    Head,
    /// The second: ` "graph": {...},`.
    Meta,
    /// The third: ` "nodes": [`.
    NodesOpen,
    Nodes,
    /// ` "edges": [` after the last node.
    EdgesOpen,
    Edges,
    /// After `]}`: nothing may follow (blank lines are skipped everywhere).
    Done,
}

/// One line's element, to parse.
enum Task<'a> {
    Node(&'a [u8]),
    Edge(&'a [u8]),
}

enum Parsed {
    Node(RawNode),
    Edge(RawEdge),
}

/// Loads `path` if it is laid out as zhitu writes it; `None` otherwise.
///
/// # Complexity
/// Linear in the file's size, spread over the cores.
pub(super) fn load(path: &Path) -> Option<KnowledgeGraph> {
    load_in_blocks(path, BLOCK)
}

fn load_in_blocks(path: &Path, block: usize) -> Option<KnowledgeGraph> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut g = KnowledgeGraph::default();
    let mut section = Section::Head;
    let mut buf: Vec<u8> = Vec::with_capacity(block + (1 << 16));
    let mut eof = false;
    let mut pending: Vec<Option<Parsed>> = Vec::new();
    while !eof {
        // Fill the block up, keeping the unfinished line carried over.
        let start = buf.len();
        buf.resize(start + block, 0);
        let mut filled = start;
        while filled < buf.len() {
            match file.read(&mut buf[filled..]) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(k) => filled += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        buf.truncate(filled);
        let end = if eof {
            buf.len()
        } else {
            buf.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
        };
        let mut tasks = Vec::new();
        for line in buf[..end].split(|&b| b == b'\n') {
            let line = line.trim_ascii();
            if !line.is_empty() {
                section = step(&mut g, section, line, &mut tasks)?;
            }
        }
        // This block parses on the pool while the one before is added to the graph.
        let (parsed, added) = rayon::join(
            || parse(&tasks),
            || add(&mut g, std::mem::take(&mut pending)),
        );
        added?;
        pending = parsed;
        drop(tasks);
        buf.drain(..end);
    }
    add(&mut g, pending)?;
    if section != Section::Done {
        return None;
    }
    g.adjacency();
    Some(g)
}

/// Parses a block's elements, on every core.
fn parse(tasks: &[Task]) -> Vec<Option<Parsed>> {
    tasks
        .par_iter()
        .with_min_len(1024)
        .map(|t| match t {
            Task::Node(s) => serde_json::from_slice(s).ok().map(Parsed::Node),
            Task::Edge(s) => serde_json::from_slice(s).ok().map(Parsed::Edge),
        })
        .collect()
}

/// Adds parsed elements in order; `None` when one failed to parse or breaks the layout.
fn add(g: &mut KnowledgeGraph, parsed: Vec<Option<Parsed>>) -> Option<()> {
    for p in parsed {
        match p? {
            Parsed::Node(RawNode(key, node)) => {
                if key != IdKey::Int(g.node_count() as i64) {
                    return None;
                }
                g.add_node(node);
            }
            Parsed::Edge(RawEdge(s, t, edge)) => {
                let n = g.node_count() as i64;
                let id = |k: &IdKey| match *k {
                    IdKey::Int(i) if (0..n).contains(&i) => Some(NodeId(i as u32)),
                    _ => None,
                };
                g.add_edge(id(&s)?, id(&t)?, edge);
            }
        }
    }
    Some(())
}

/// Reads one trimmed line in `section`: an element becomes a task, a structural line moves on.
fn step<'a>(
    g: &mut KnowledgeGraph,
    section: Section,
    line: &'a [u8],
    tasks: &mut Vec<Task<'a>>,
) -> Option<Section> {
    Some(match section {
        Section::Head if line == br#"{"directed": true, "multigraph": true,"# => Section::Meta,
        Section::Meta => {
            let meta = line.strip_prefix(br#""graph": "#)?.strip_suffix(b",")?;
            let meta: Value = serde_json::from_slice(meta).ok()?;
            if let Some(docs) = meta.get("documents") {
                if let Ok(docs) = serde_json::from_value(docs.clone()) {
                    g.documents = docs;
                }
            }
            Section::NodesOpen
        }
        Section::NodesOpen if line == br#""nodes": ["# => Section::Nodes,
        Section::Nodes => {
            if let Some(x) = line.strip_suffix(b"],") {
                tasks.push(Task::Node(x));
                Section::EdgesOpen
            } else {
                tasks.push(Task::Node(line.strip_suffix(b",")?));
                Section::Nodes
            }
        }
        Section::EdgesOpen if line == br#""edges": ["# => Section::Edges,
        Section::Edges => {
            if let Some(x) = line.strip_suffix(b"]}") {
                tasks.push(Task::Edge(x));
                Section::Done
            } else {
                tasks.push(Task::Edge(line.strip_suffix(b",")?));
                Section::Edges
            }
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::synth::generate;
    use super::*;

    #[test]
    fn loads_what_zhitu_writes_as_the_general_loader_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        let g = generate(300, 2000, 4);
        g.save(&path).unwrap();
        let fast = load(&path).expect("the fast path takes zhitu's own files");
        // Blocks smaller than the file, and than a line.
        for block in [4096, 100, 7] {
            let small = load_in_blocks(&path, block).expect("any block size");
            assert_eq!(small.edge_count(), fast.edge_count());
            assert_eq!(small.node(NodeId(299)), fast.node(NodeId(299)));
        }
        let bytes = std::fs::read(&path).unwrap();
        let slow = KnowledgeGraph::from_json_slice(&path, &bytes).unwrap();
        let mut a = Vec::new();
        let mut b = Vec::new();
        fast.write_json(&mut a).unwrap();
        slow.write_json(&mut b).unwrap();
        assert_eq!(a, b);
        assert_eq!(fast.documents(), slow.documents());
    }

    #[test]
    fn declines_other_layouts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        for text in [
            r#"{"nodes": [{"id": 0}], "edges": []}"#,
            "{\"directed\": true, \"multigraph\": true,\n \"graph\": {},\n \"nodes\": [\n  {\"id\":1}],\n \"edges\": [\n  {\"source\":0,\"target\":0}]}\n",
            "{\"directed\": true, \"multigraph\": true,\n \"graph\": {},\n \"nodes\": [\n  {\"id\":0}],\n \"edges\": [\n  {\"source\":0,\"target\":7}]}\n",
            "{\"directed\": true, \"multigraph\": true,\n \"graph\": {},\n \"nodes\": [\n  {\"id\":0}],\n \"edges\": [\n  {\"source\":0,\"target\":0}]}\nx",
            "{\"directed\": true, \"multigraph\": true,\n \"graph\": {},\n \"nodes\": [\n  {\"id\":0}],\n \"edges\": [\n  {\"source\":0,\"target\":0},",
        ] {
            std::fs::write(&path, text).unwrap();
            assert!(load(&path).is_none(), "{text}");
        }
        let ok = "{\"directed\": true, \"multigraph\": true,\n \"graph\": {},\n \"nodes\": [\n  {\"id\":0}],\n \"edges\": [\n  {\"source\":0,\"target\":0}]}\n";
        std::fs::write(&path, ok).unwrap();
        let g = load(&path).unwrap();
        assert_eq!((g.node_count(), g.edge_count()), (1, 1));
    }
}
