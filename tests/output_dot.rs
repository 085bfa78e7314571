//! Output as a user sees it: DOT diagrams of a small hand-made graph compared to golden files in
//! tests/fixtures/dot/ (rewrite them with `UPDATE_EXPECT=1 cargo test output_dot`), tables that
//! align Chinese, the JSON shape, CSV quoting, well-formed GraphML, the exports of `zhitu export`,
//! and Graphviz rendering the golden diagrams when it is installed.

use std::path::PathBuf;

use indexmap::IndexMap;
use zhitu::graph::{Edge, KnowledgeGraph, Node, NodeId};
use zhitu::model::{EntityType, RelationType};
use zhitu::output::{self, DotOptions, Format};
use zhitu::query::{QueryOutput, Subgraph, Value};
use zhitu::resolve::Evidence;

use crate::util;

fn node(g: &mut KnowledgeGraph, name: &str, kind: EntityType, aliases: &[&str]) -> NodeId {
    g.add_node(Node {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        docs: vec!["doc1".into()],
        years: vec![],
        attrs: IndexMap::new(),
    })
}

fn edge(g: &mut KnowledgeGraph, s: NodeId, t: NodeId, relation: RelationType, weight: u32) {
    g.add_edge(
        s,
        t,
        Edge {
            relation,
            confidence: 0.9,
            weight,
            evidence: vec![Evidence {
                doc: "doc1".into(),
                sentence: 3,
                span: [10, 40],
                text: Some("浪潮集团位于济南市，主营\"云计算\"。".into()),
            }],
            docs: Vec::new(),
            attrs: Default::default(),
        },
    );
}

/// A small graph with every kind of trouble: long names, quotes, backslashes, a line break, a
/// target with its figure, a CO_OCCURS edge, a foreign relation label.
fn sample() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::default();
    let jinan = node(&mut g, "济南市", EntityType::Place, &["济南"]);
    let inspur = node(&mut g, "浪潮集团", EntityType::Enterprise, &["浪潮"]);
    let ind = node(&mut g, "新一代信息技术产业", EntityType::Industry, &[]);
    let plan = node(
        &mut g,
        "济南市新一代信息技术产业集群发展规划（2021—2025年）",
        EntityType::Policy,
        &[],
    );
    let target = g.add_node(Node {
        name: "软件和信息技术服务业营业收入".into(),
        kind: EntityType::Target,
        aliases: vec![],
        docs: vec!["doc1".into()],
        years: vec![2025],
        attrs: [
            ("metric", serde_json::json!("软件和信息技术服务业营业收入")),
            ("value", serde_json::json!(6000)),
            ("unit", serde_json::json!("亿元")),
            ("year", serde_json::json!(2025)),
            ("comparator", serde_json::json!("以上")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect(),
    });
    let bureau = node(
        &mut g,
        "济南市工业和信息化局",
        EntityType::Organization,
        &[],
    );
    let project = node(&mut g, "\"量子\"谷\\实验室\n二期", EntityType::Project, &[]);
    let person = node(&mut g, "张三", EntityType::Person, &[]);
    let event = node(
        &mut g,
        "2024 World Intelligence Expo",
        EntityType::Event,
        &[],
    );
    edge(&mut g, inspur, jinan, RelationType::LocatedIn, 1);
    edge(&mut g, inspur, ind, RelationType::InIndustry, 2);
    edge(&mut g, plan, target, RelationType::SetsTarget, 1);
    edge(&mut g, target, ind, RelationType::Measures, 1);
    edge(&mut g, bureau, plan, RelationType::ResponsibleFor, 1);
    edge(&mut g, inspur, project, RelationType::Develops, 1);
    edge(&mut g, project, jinan, RelationType::LocatedIn, 1);
    edge(&mut g, person, inspur, RelationType::WorksFor, 1);
    edge(&mut g, inspur, bureau, RelationType::CoOccurs, 3);
    g.add_edge(
        event,
        jinan,
        Edge {
            relation: RelationType::Related,
            confidence: 1.0,
            weight: 1,
            evidence: vec![],
            docs: Vec::new(),
            attrs: [("label".to_string(), serde_json::json!("held in"))]
                .into_iter()
                .collect(),
        },
    );
    g
}

fn whole(g: &KnowledgeGraph, focus: &[u32]) -> Subgraph {
    Subgraph {
        nodes: g.node_ids().collect::<Vec<_>>().into_iter().rev().collect(),
        edges: g.edge_ids().collect(),
        focus: focus.iter().map(|&i| NodeId(i)).collect(),
    }
}

/// Compares `actual` with the golden file, or rewrites it when `UPDATE_EXPECT=1`.
fn golden(name: &str, actual: &str) {
    let path = util::fixture(&format!("dot/{name}"));
    if std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        // Atomically, as other tests read the goldens in parallel.
        zhitu::output::render::write_atomic(&path, |w| w.write_all(actual.as_bytes())).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_EXPECT=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        let (i, (e, a)) = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .find(|(_, (e, a))| e != a)
            .unwrap_or((
                expected.lines().count().min(actual.lines().count()),
                ("<end>", "<end>"),
            ));
        panic!(
            "{} differs (UPDATE_EXPECT=1 rewrites it)\nfirst difference at line {}:\nexpected: {e}\nactual:   {a}\n\n--- actual ---\n{actual}",
            path.display(),
            i + 1
        );
    }
}

fn dot_text(g: &KnowledgeGraph, sub: &Subgraph, opts: &DotOptions) -> String {
    let mut buf = Vec::new();
    output::write_dot(g, sub, opts, &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

#[test]
fn dot_diagram_matches_golden() {
    let g = sample();
    golden(
        "sample.dot",
        &dot_text(&g, &whole(&g, &[1]), &DotOptions::default()),
    );
}

#[test]
fn dot_with_cooccurs_chinese_labels_and_title() {
    let g = sample();
    let opts = DotOptions {
        show_cooccurs: true,
        chinese_labels: true,
        title: Some("浪潮集团 的 \"邻居\"".into()),
        ..DotOptions::default()
    };
    golden(
        "sample_cooccurs.dot",
        &dot_text(&g, &whole(&g, &[1, 0]), &opts),
    );
}

#[test]
fn dot_is_deterministic_and_hides_cooccurs() {
    let g = sample();
    let mut sub = whole(&g, &[1]);
    let a = dot_text(&g, &sub, &DotOptions::default());
    sub.nodes.reverse();
    sub.edges.reverse();
    assert_eq!(a, dot_text(&g, &sub, &DotOptions::default()));
    assert!(!a.contains("CO_OCCURS"));
    // An edge alone brings its ends; unknown ids are skipped.
    let sub = Subgraph {
        nodes: vec![NodeId(999)],
        edges: vec![zhitu::graph::EdgeId(0)],
        focus: vec![],
    };
    let d = dot_text(&g, &sub, &DotOptions::default());
    assert!(
        d.contains("n1 [label=\"浪潮集团\"") && d.contains("n0 [label=\"济南市\""),
        "{d}"
    );
    assert!(!d.contains("n999"));
}

#[test]
fn dot_renders_with_graphviz() {
    if !graphviz() {
        return;
    }
    for name in ["sample.dot", "sample_cooccurs.dot"] {
        let path = util::fixture(&format!("dot/{name}"));
        let out = std::process::Command::new("dot")
            .arg("-Tsvg")
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let svg = String::from_utf8_lossy(&out.stdout);
        assert!(
            svg.contains("浪潮集团") && svg.contains("图例 Legend"),
            "{name}"
        );
    }
}

fn graphviz() -> bool {
    let ok = std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("note: Graphviz's `dot` is not installed; skipping the rendering check");
    }
    ok
}

#[test]
fn write_diagram_by_extension() {
    let g = sample();
    let dir = util::tempdir();
    let sub = whole(&g, &[1]);
    let dot = dir.path().join("sub/d.dot");
    output::write_diagram(&g, &sub, &dot).unwrap();
    assert_eq!(
        std::fs::read_to_string(&dot).unwrap(),
        dot_text(&g, &sub, &DotOptions::default())
    );
    let bad = dir.path().join("d.jpg");
    let e = output::write_diagram(&g, &sub, &bad).unwrap_err();
    assert!(matches!(
        e,
        output::RenderError::UnsupportedExtension { .. }
    ));
    assert!(!bad.exists());
    if graphviz() {
        for ext in ["svg", "png"] {
            let p = dir.path().join(format!("d.{ext}"));
            output::write_diagram(&g, &sub, &p).unwrap();
            let bytes = std::fs::read(&p).unwrap();
            assert!(bytes.len() > 1000, "{ext}: {} bytes", bytes.len());
        }
    }
}

fn result() -> QueryOutput {
    QueryOutput {
        kind: "neighbors",
        title: None,
        columns: vec![
            "实体".into(),
            "类型".into(),
            "关系".into(),
            "度".into(),
            "别名".into(),
        ],
        rows: [
            vec![
                Value::Node(NodeId(0)),
                Value::Str("Place".into()),
                Value::Str("LOCATED_IN".into()),
                Value::Int(3),
                Value::List(vec![Value::Str("济南".into())]),
            ],
            vec![
                Value::Node(NodeId(5)),
                Value::Str("Organization".into()),
                Value::Str("CO_OCCURS".into()),
                Value::Int(12),
                Value::Null,
            ],
            vec![
                Value::Node(NodeId(6)),
                Value::Str("Project".into()),
                Value::Str("DEVELOPS, \"new\"".into()),
                Value::Float(0.5),
                Value::List(vec![Value::Node(NodeId(0)), Value::Node(NodeId(1))]),
            ],
        ]
        .into_iter()
        .map(Into::into)
        .collect(),
        subgraph: Some(Subgraph {
            nodes: vec![NodeId(6), NodeId(0), NodeId(1)],
            edges: vec![zhitu::graph::EdgeId(5), zhitu::graph::EdgeId(0)],
            focus: vec![NodeId(1)],
        }),
        export: None,
    }
}

fn formatted(g: &KnowledgeGraph, out: &QueryOutput, format: Format) -> String {
    let mut buf = Vec::new();
    output::write_result(g, out, format, &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

#[test]
fn table_aligns_chinese() {
    let g = sample();
    let text = formatted(&g, &result(), Format::Table);
    golden("result_table.txt", &text);
    // Every row's columns start at the same display column.
    let starts: Vec<usize> = text
        .lines()
        .take(5)
        .filter(|l| !l.starts_with('-'))
        .map(|l| {
            let byte = l
                .find("Place")
                .or(l.find("类型"))
                .or(l.find("Org"))
                .or(l.find("Pro"));
            unicode_width::UnicodeWidthStr::width(&l[..byte.unwrap_or(0)])
        })
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] == w[1]),
        "{starts:?}\n{text}"
    );
    assert!(text.ends_with("(3 rows)\n"));
}

#[test]
fn json_has_the_documented_shape() {
    let g = sample();
    let text = formatted(&g, &result(), Format::Json);
    golden("result.json", &text);
    assert_eq!(text.lines().count(), 1, "one line per result");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["kind", "title", "columns", "rows", "subgraph", "export"]
    );
    assert_eq!(
        v["rows"][0][0],
        serde_json::json!({"id": 0, "name": "济南市", "type": "Place"})
    );
    assert_eq!(v["subgraph"]["nodes"].as_array().unwrap().len(), 3);
    assert_eq!(
        v["subgraph"]["edges"][0],
        serde_json::json!({"source": 1, "target": 0, "relation": "LOCATED_IN"})
    );
    assert_eq!(v["subgraph"]["focus"], serde_json::json!([1]));
}

#[test]
fn csv_quotes_as_rfc4180() {
    let g = sample();
    let text = formatted(&g, &result(), Format::Csv);
    golden("result.csv", &text);
    assert!(text.contains("\"DEVELOPS, \"\"new\"\"\""), "{text}");
}

#[test]
fn dot_statement_writes_the_file() {
    let g = sample();
    let dir = util::tempdir();
    let mut out = result();
    out.export = Some(dir.path().join("n.dot"));
    let text = formatted(&g, &out, Format::Table);
    assert!(text.ends_with("n.dot: 3 nodes, 2 edges\n"), "{text}");
    assert!(dir.path().join("n.dot").exists());
    let text = formatted(&g, &out, Format::Json);
    assert!(text.contains("\"export\":\""), "{text}");
    out.export = Some(dir.path().join("n.bmp"));
    let mut buf = Vec::new();
    let e = output::write_result(&g, &out, Format::Table, &mut buf).unwrap_err();
    assert!(
        e.to_string().contains("n.bmp: cannot write a diagram"),
        "{e}"
    );
}

fn exported(g: &KnowledgeGraph, format: &str) -> String {
    let dir = util::tempdir();
    let path = dir.path().join("g.json");
    g.save(&path).unwrap();
    let (code, out, err) = util::run(
        util::zhitu()
            .args(["export", "-g"])
            .arg(&path)
            .args(["--format", format, "-o", "-"]),
    );
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn export_formats_match_golden() {
    let g = sample();
    for (format, file) in [
        ("dot", "export.dot"),
        ("graphml", "export.graphml"),
        ("cypher", "export.cypher"),
        ("csv", "export.csv"),
    ] {
        golden(file, &exported(&g, format));
    }
    let json = exported(&g, "json");
    let mut saved = Vec::new();
    g.write_json(&mut saved).unwrap();
    assert_eq!(json.as_bytes(), saved.as_slice());
}

#[test]
fn export_csv_to_two_files() {
    let g = sample();
    let dir = util::tempdir();
    let path = dir.path().join("g.json");
    g.save(&path).unwrap();
    let out = dir.path().join("x.csv");
    let (code, _, err) = util::run(
        util::zhitu()
            .args(["export", "-g"])
            .arg(&path)
            .args(["--format", "csv", "-o"])
            .arg(&out),
    );
    assert_eq!(code, 0, "{err}");
    let nodes = std::fs::read_to_string(dir.path().join("x.nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(dir.path().join("x.edges.csv")).unwrap();
    assert!(nodes.starts_with("id,name,type,aliases,docs,attrs\n"));
    // One record per node; the project's name holds a quoted line break.
    assert_eq!(nodes.lines().count(), g.node_count() + 2);
    assert!(
        nodes.contains("6,\"\"\"量子\"\"谷\\实验室\n二期\",Project,"),
        "{nodes}"
    );
    assert_eq!(edges.lines().count(), g.edge_count() + 1);
}

#[test]
fn export_of_a_missing_graph_names_it() {
    let (code, _, err) = util::run(util::zhitu().args([
        "export",
        "-g",
        "no/such/graph.json",
        "--format",
        "dot",
        "-o",
        "-",
    ]));
    assert_eq!(code, 1);
    assert!(err.contains("no/such/graph.json"), "{err}");
}

#[test]
fn graphml_is_well_formed_xml() {
    let g = sample();
    let xml = exported(&g, "graphml");
    if let Err(e) = check_xml(&xml) {
        panic!("GraphML is not well-formed: {e}\n{xml}");
    }
    assert!(check_xml("<a><b></a>").is_err());
    assert!(check_xml("<a x=\"1 & 2\"/>").is_err());
    assert!(check_xml("<a>x &lt; y</a>").is_ok());
    assert_eq!(xml.matches("<node ").count(), g.node_count());
    assert_eq!(xml.matches("<edge ").count(), g.edge_count());
    networkx_reads(&xml);
}

/// When python3 with networkx is at hand, `nx.read_graphml` must read the export.
fn networkx_reads(xml: &str) {
    let dir = util::tempdir();
    let path: PathBuf = dir.path().join("g.graphml");
    std::fs::write(&path, xml).unwrap();
    let script = "import sys, networkx as nx\n\
                  g = nx.read_graphml(sys.argv[1])\n\
                  print(g.number_of_nodes(), g.number_of_edges(), g.nodes['n1']['name'])";
    let Ok(out) = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
    else {
        eprintln!("note: python3 is not installed; skipping the networkx check");
        return;
    };
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("No module named") {
        eprintln!("note: networkx is not installed; skipping the networkx check");
        return;
    }
    assert!(out.status.success(), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "9 10 浪潮集团");
}

/// A small well-formedness check: one root, tags balanced, attributes quoted, `&` only in
/// entity references, no `<` in text or attribute values.
fn check_xml(s: &str) -> Result<(), String> {
    let mut stack: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut rest = s.trim_start();
    if let Some(r) = rest.strip_prefix("<?xml") {
        rest = &r[r.find("?>").ok_or("unclosed declaration")? + 2..];
    }
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        check_text(&rest[..lt])?;
        if stack.is_empty() && !rest[..lt].trim().is_empty() {
            return Err("text outside the root".into());
        }
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let gt = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().ok_or("close without open")?;
            if open != name.trim() {
                return Err(format!("<{open}> closed by </{name}>"));
            }
            continue;
        }
        let (body, empty) = match tag.strip_suffix('/') {
            Some(b) => (b, true),
            None => (tag, false),
        };
        let name_end = body.find(char::is_whitespace).unwrap_or(body.len());
        let name = &body[..name_end];
        if name.is_empty() {
            return Err("empty tag name".into());
        }
        check_attrs(&body[name_end..])?;
        if stack.is_empty() {
            roots += 1;
        }
        if !empty {
            stack.push(name);
        }
    }
    match (stack.last(), roots) {
        (Some(open), _) => Err(format!("<{open}> never closed")),
        (None, 1) => Ok(()),
        (None, n) => Err(format!("{n} root elements")),
    }
}

fn check_attrs(mut s: &str) -> Result<(), String> {
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Ok(());
        }
        let eq = s.find('=').ok_or(format!("attribute without value: {s}"))?;
        let after = s[eq + 1..].trim_start();
        let q = after.chars().next().ok_or("no attribute value")?;
        if q != '"' && q != '\'' {
            return Err(format!("unquoted attribute: {s}"));
        }
        let close = after[1..].find(q).ok_or("unclosed attribute value")?;
        check_text(&after[1..1 + close])?;
        s = &after[close + 2..];
    }
}

fn check_text(t: &str) -> Result<(), String> {
    if t.contains('<') {
        return Err(format!("`<` in text: {t}"));
    }
    let mut rest = t;
    while let Some(i) = rest.find('&') {
        rest = &rest[i + 1..];
        let end = rest.find(';').ok_or(format!("bare `&` in {t}"))?;
        let ent = &rest[..end];
        let ok = matches!(ent, "amp" | "lt" | "gt" | "quot" | "apos")
            || ent.strip_prefix('#').is_some_and(|n| {
                n.parse::<u32>().is_ok()
                    || n.strip_prefix('x')
                        .is_some_and(|h| u32::from_str_radix(h, 16).is_ok())
            });
        if !ok {
            return Err(format!("bad entity &{ent}; in {t}"));
        }
        rest = &rest[end..];
    }
    Ok(())
}

#[test]
fn golden_files_are_all_used() {
    let used = [
        "sample.dot",
        "sample_cooccurs.dot",
        "result_table.txt",
        "result.json",
        "result.csv",
        "export.dot",
        "export.graphml",
        "export.cypher",
        "export.csv",
    ];
    let dir = util::fixture("dot");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            used.contains(&name.as_str()),
            "{}: a golden file no test uses",
            dir.join(&name).display()
        );
    }
}
