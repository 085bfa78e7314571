//! The query language as a user sees it: data-driven golden cases in `queries/cases/`, run
//! against the fixture graph `tests/fixtures/query_graph.json` (a made-up city, 云州市).
//!
//! - `NAME.kq` beside `NAME.out`: every statement of the script, echoed after `> `, then its
//!   result as a table (`output::write_result`, `Format::Table`) and the result's note; for
//!   `dot … > FILE`, the DOT text of the diagram instead of writing the file.
//! - `NAME.err.kq` beside `NAME.err`: the script must fail; the exact rendered error
//!   (`FILE:LINE:COL: message`, the line, the caret).
//! - a guard: every case has its expected file and every expected file its case.
//! - a round trip: every statement of the cases and of doc/QUERY.md parses, prints back
//!   (`Display`) and parses again to an equal tree.
//!
//! `UPDATE_EXPECT=1 cargo test query_cases` rewrites the expected files.

use std::fs;
use std::path::{Path, PathBuf};

use zhitu::graph::KnowledgeGraph;
use zhitu::output::{write_dot, write_result, DotOptions, Format};
use zhitu::query::{execute, parse_script, QueryError};

use crate::util::{fixture, root};

fn cases_dir() -> PathBuf {
    root().join("queries/cases")
}

fn graph() -> KnowledgeGraph {
    KnowledgeGraph::load(&fixture("query_graph.json")).expect("fixture graph loads")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some()
}

/// Files in queries/cases ending with `suffix`, sorted.
fn files(suffix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("queries/cases exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    v.sort();
    v
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// Runs a script the way `zhitu run` shows it: each statement echoed, then its table.
fn run_case(g: &KnowledgeGraph, source: &str, file: &str) -> Result<String, String> {
    let statements = parse_script(source).map_err(|e| e.render(source, Some(file)))?;
    let mut out = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(format!("> {s}\n").as_bytes());
        let mut result = execute(g, s).map_err(|e: QueryError| e.render(source, Some(file)))?;
        if let Some(path) = result.export.take() {
            // The diagram `dot … > FILE` would write, shown instead of writing the file.
            out.extend_from_slice(format!("(diagram to {})\n", path.display()).as_bytes());
            let sub = result.subgraph.clone().unwrap_or_default();
            write_dot(g, &sub, &DotOptions::default(), &mut out).expect("writes to a Vec");
            continue;
        }
        write_result(g, &result, Format::Table, &mut out).expect("writes to a Vec");
    }
    Ok(String::from_utf8(out).expect("UTF-8 output"))
}

fn check(expected_path: &Path, actual: &str, failures: &mut Vec<String>) {
    let expected = fs::read_to_string(expected_path).unwrap_or_default();
    if expected == actual {
        return;
    }
    if updating() {
        fs::write(expected_path, actual).expect("write expected file");
        return;
    }
    failures.push(format!(
        "{}: output differs\n--- expected\n{expected}\n--- actual\n{actual}",
        file_name(expected_path)
    ));
}

#[test]
fn query_cases_golden_outputs() {
    let g = graph();
    let mut failures = Vec::new();
    let cases: Vec<PathBuf> = files(".kq")
        .into_iter()
        .filter(|p| !file_name(p).ends_with(".err.kq"))
        .collect();
    assert!(cases.len() >= 10, "too few golden cases: {}", cases.len());
    for kq in cases {
        let source = fs::read_to_string(&kq).unwrap();
        let actual = match run_case(&g, &source, &file_name(&kq)) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{}: fails:\n{e}", file_name(&kq)));
                continue;
            }
        };
        check(&kq.with_extension("out"), &actual, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn query_cases_error_messages() {
    let g = graph();
    let mut failures = Vec::new();
    let cases = files(".err.kq");
    assert!(cases.len() >= 8, "too few error cases: {}", cases.len());
    for kq in cases {
        let source = fs::read_to_string(&kq).unwrap();
        let name = file_name(&kq);
        match run_case(&g, &source, &name) {
            Ok(out) => failures.push(format!("{name}: should fail but printed\n{out}")),
            Err(rendered) => {
                let stem = name.trim_end_matches(".err.kq");
                check(
                    &kq.with_file_name(format!("{stem}.err")),
                    &rendered,
                    &mut failures,
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn query_cases_guard_every_case_has_its_expected_file() {
    let mut problems = Vec::new();
    for p in files("") {
        let name = file_name(&p);
        let partner = if let Some(stem) = name.strip_suffix(".err.kq") {
            format!("{stem}.err")
        } else if let Some(stem) = name.strip_suffix(".kq") {
            format!("{stem}.out")
        } else if let Some(stem) = name.strip_suffix(".err") {
            format!("{stem}.err.kq")
        } else if let Some(stem) = name.strip_suffix(".out") {
            format!("{stem}.kq")
        } else {
            problems.push(format!(
                "{name}: not a case (.kq, .err.kq) nor an expected file (.out, .err)"
            ));
            continue;
        };
        let is_expected_file = partner.ends_with(".out") || partner.ends_with(".err");
        let exists = cases_dir().join(&partner).exists();
        // When updating, the golden tests write the missing expected files.
        let may_be_written = updating() && is_expected_file;
        if !(exists || may_be_written) {
            problems.push(format!("{name}: {partner} is missing"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The statements of the ```kq blocks of doc/QUERY.md.
fn doc_examples() -> Vec<String> {
    let doc = fs::read_to_string(root().join("doc/QUERY.md")).expect("doc/QUERY.md exists");
    let mut out = Vec::new();
    let mut inside = false;
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            inside = !inside && line.trim() == "```kq";
            continue;
        }
        if inside {
            out.push(line.to_string());
        }
    }
    out
}

#[test]
fn query_cases_round_trip_through_display() {
    let mut sources: Vec<(String, String)> = files(".kq")
        .into_iter()
        .map(|p| (file_name(&p), fs::read_to_string(&p).unwrap()))
        .collect();
    let examples = doc_examples();
    assert!(examples.len() >= 10, "doc/QUERY.md has too few kq examples");
    sources.push(("doc/QUERY.md".into(), examples.join("\n")));
    let mut count = 0;
    for (name, source) in sources {
        let Ok(statements) = parse_script(&source) else {
            assert!(name.ends_with(".err.kq"), "{name} does not parse");
            continue;
        };
        for s in statements {
            let printed = s.to_string();
            let again = parse_script(&printed)
                .unwrap_or_else(|e| panic!("{name}: `{printed}` does not re-parse: {e}"));
            assert_eq!(again.len(), 1, "{name}: `{printed}`");
            assert_eq!(again[0], s, "{name}: `{printed}` re-parses differently");
            assert_eq!(
                again[0].to_string(),
                printed,
                "{name}: printing is not stable"
            );
            count += 1;
        }
    }
    assert!(count >= 40, "only {count} statements round-tripped");
}

#[test]
fn query_cases_random_statements_run_without_panicking() {
    use rand::{Rng, SeedableRng};
    let g = graph();
    let heads = [
        "show ",
        "neighbors ",
        "path ",
        "find ",
        "evidence ",
        "dot neighbors ",
        "dot path ",
    ];
    let pieces = [
        "青岚",
        "云州",
        "星海",
        "#0",
        "#21",
        "#99",
        "白鹭岛",
        "规模以上工业增加值",
        " -> ",
        " depth ",
        " 1",
        " 3",
        " 5",
        " in",
        " out",
        " both",
        " type ",
        "企业",
        "Target",
        " rel ",
        "all",
        "DEVELOPS",
        "位于",
        ",",
        " limit ",
        " max ",
        " where ",
        "name ~ 制药",
        "value > 100",
        "year = 2025",
        " and ",
        " or ",
        "(",
        ")",
        " > a.dot",
        "*",
        "\"星海 科技\"",
        " ",
    ];
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    let mut ran = 0;
    for _ in 0..5_000 {
        let mut src = heads[rng.gen_range(0..heads.len())].to_string();
        for _ in 0..rng.gen_range(1..8) {
            src.push_str(pieces[rng.gen_range(0..pieces.len())]);
        }
        let Ok(statements) = parse_script(&src) else {
            continue;
        };
        for s in &statements {
            if let Err(e) = execute(&g, s) {
                let rendered = e.render(&src, Some("fuzz.kq"));
                assert!(rendered.starts_with("fuzz.kq:1:"), "{rendered}");
            }
            ran += 1;
        }
    }
    assert!(ran > 200, "only {ran} statements ran");
}
