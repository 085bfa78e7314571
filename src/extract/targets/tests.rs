//! Snapshot tests of target extraction on short texts.

use std::path::Path;

use expect_test::{expect, Expect};

use super::extract_targets;
use crate::ingest::parse_document;

fn check(text: &str, expected: Expect) {
    let doc = parse_document("t.txt", Path::new("t.txt"), text.as_bytes()).expect("doc");
    let got: Vec<String> = extract_targets(&doc, &[])
        .iter()
        .map(|t| {
            format!(
                "{} | {}{} | {:?} | {}",
                t.metric,
                t.value,
                t.unit,
                t.year,
                t.comparator.as_deref().unwrap_or("-")
            )
        })
        .collect();
    expected.assert_eq(&got.join("\n"));
}

#[test]
fn goals_with_comparators() {
    check(
        "到2025年,规模以上工业营业收入突破1万亿元,先进制造业营业收入占工业比重达到67%左右。",
        expect![[r#"
            规模以上工业营业收入 | 1万亿元 | Some(2025) | 突破
            先进制造业营业收入占工业比重 | 67% | Some(2025) | 左右"#]],
    );
}
