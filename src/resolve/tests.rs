//! Resolution on small hand-made extractions.

use std::path::Path;

use super::*;
use crate::extract::{AliasMention, Endpoint, Mention, RelationMention};
use crate::ingest::parse_document;
use EntityType::{Enterprise, Industry, Place, Policy, Target};

fn doc(id: &str, text: &str) -> Document {
    parse_document(id, Path::new(id), text.as_bytes()).expect("test document")
}

/// A mention of the `nth` occurrence of `name` in `doc`.
fn mention(doc: &Document, name: &str, kind: EntityType, nth: usize) -> Mention {
    let start = doc
        .text
        .match_indices(name)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("name in text");
    let sentence = doc
        .sentences
        .iter()
        .position(|s| s.span.contains(&start))
        .expect("in a sentence");
    Mention {
        name: name.to_string(),
        kind,
        sentence,
        span: start..start + name.len(),
        confidence: 0.9,
    }
}

fn ex(mentions: Vec<Mention>) -> DocExtraction {
    DocExtraction {
        mentions,
        ..Default::default()
    }
}

fn named<'a>(r: &'a Resolved, name: &str) -> Vec<&'a Entity> {
    r.entities.iter().filter(|e| e.name == name).collect()
}

#[test]
fn short_forms_merge_across_documents() {
    let a = doc("a.txt", "甲城是省会。甲城乙丙集团发展良好。");
    let b = doc("b.txt", "甲城市召开会议。乙丙在甲城市投资。");
    let exa = ex(vec![
        mention(&a, "甲城", Place, 0),
        mention(&a, "甲城", Place, 1),
        mention(&a, "乙丙集团", Enterprise, 0),
    ]);
    let exb = ex(vec![
        mention(&b, "甲城市", Place, 0),
        mention(&b, "乙丙", Enterprise, 0),
        mention(&b, "甲城市", Place, 1),
    ]);
    let r = resolve(&[a, b], &[exa, exb], &AliasRegistry::default());
    let place = named(&r, "甲城市");
    assert_eq!(place.len(), 1);
    assert_eq!(place[0].aliases, vec!["甲城"]);
    assert_eq!(place[0].docs, strs(&["a.txt", "b.txt"]));
    assert_eq!(
        place[0].attrs["merged_from"],
        serde_json::json!([{"forms": ["甲城", "甲城市"], "reason": "place suffix"}])
    );
    let company = named(&r, "乙丙集团");
    assert_eq!(company.len(), 1);
    assert_eq!(company[0].aliases, vec!["乙丙"]);
    assert!(named(&r, "乙丙").is_empty());
    // Entities first (by type), then the two documents.
    let kinds: Vec<EntityType> = r.entities.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        vec![
            Place,
            Enterprise,
            EntityType::Document,
            EntityType::Document
        ]
    );
}

#[test]
fn a_brand_joins_its_one_trade_form() {
    let a = doc(
        "a.txt",
        "甲乙生物和甲乙合作，丙丁软件、丙丁信息与丙丁并列。",
    );
    let exa = ex(vec![
        mention(&a, "甲乙生物", Enterprise, 0),
        mention(&a, "甲乙", Enterprise, 1),
        mention(&a, "丙丁软件", Enterprise, 0),
        mention(&a, "丙丁信息", Enterprise, 0),
        mention(&a, "丙丁", Enterprise, 2),
    ]);
    let r = resolve(&[a], &[exa], &AliasRegistry::default());
    let names: Vec<&str> = r.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["甲乙生物", "丙丁软件", "丙丁信息", "丙丁", "a.txt"]);
    assert_eq!(r.entities[0].aliases, ["甲乙"]);
}

#[test]
fn an_ambiguous_place_short_form_is_left_alone() {
    let a = doc("a.txt", "丁林市和丁林省和丁林。");
    let exa = ex(vec![
        mention(&a, "丁林市", Place, 0),
        mention(&a, "丁林省", Place, 0),
        mention(&a, "丁林", Place, 2),
    ]);
    let r = resolve(&[a], &[exa], &AliasRegistry::default());
    assert_eq!(r.entities.len(), 4);
}

#[test]
fn declared_aliases_stay_in_their_document() {
    let a = doc(
        "a.txt",
        "印发戊己产业专项规划（以下简称专项规划）。专项规划提出目标。",
    );
    let b = doc("b.txt", "专项规划另有所指。");
    let mut exa = ex(vec![
        mention(&a, "戊己产业专项规划", Policy, 0),
        mention(&a, "专项规划", Policy, 2),
    ]);
    exa.aliases.push(AliasMention {
        alias: "《专项规划》".into(),
        mention: 0,
    });
    let exb = ex(vec![mention(&b, "专项规划", Policy, 0)]);
    let r = resolve(&[a, b], &[exa, exb], &AliasRegistry::default());
    let plan = named(&r, "戊己产业专项规划");
    assert_eq!(plan[0].aliases, vec!["专项规划"]);
    assert_eq!(plan[0].docs, strs(&["a.txt"]));
    let other = named(&r, "专项规划");
    assert_eq!(other.len(), 1);
    assert_eq!(other[0].docs, strs(&["b.txt"]));
}

#[test]
fn the_registry_joins_and_names() {
    let a = doc("a.txt", "庚辛发布新品，壬癸也参加。");
    let exa = ex(vec![
        mention(&a, "庚辛", Enterprise, 0),
        mention(&a, "壬癸", Enterprise, 0),
    ]);
    let reg = AliasRegistry::parse(Path::new("r"), "庚辛控股\t庚辛\t壬癸\n").unwrap();
    let r = resolve(&[a], &[exa], &reg);
    let e = named(&r, "庚辛控股");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].aliases, vec!["壬癸", "庚辛"]);
}

#[test]
fn the_majority_type_wins_across_documents() {
    let docs: Vec<Document> = (0..3)
        .map(|i| doc(&format!("{i}.txt"), "发展子丑技术。"))
        .collect();
    let exs = vec![
        ex(vec![mention(&docs[0], "子丑", Industry, 0)]),
        ex(vec![mention(&docs[1], "子丑", Policy, 0)]),
        ex(vec![mention(&docs[2], "子丑", Industry, 0)]),
    ];
    let r = resolve(&docs, &exs, &AliasRegistry::default());
    let e = named(&r, "子丑");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].kind, Industry);
    assert_eq!(e[0].docs.len(), 3);
}

#[test]
fn edges_are_merged_and_weighted() {
    let a = doc("a.txt", "寅卯集团落户辰巳市。寅卯集团在辰巳市扩产。");
    let mut exa = ex(vec![
        mention(&a, "寅卯集团", Enterprise, 0),
        mention(&a, "辰巳市", Place, 0),
        mention(&a, "寅卯集团", Enterprise, 1),
        mention(&a, "辰巳市", Place, 1),
    ]);
    for (s, t, sentence, conf) in [(0, 1, 0, 0.5), (2, 3, 1, 0.8)] {
        exa.relations.push(RelationMention {
            source: Endpoint::Mention(s),
            relation: RelationType::LocatedIn,
            target: Endpoint::Mention(t),
            sentence,
            span: exa.mentions[s].span.start..exa.mentions[t].span.end,
            confidence: conf,
        });
    }
    let r = resolve(&[a], &[exa], &AliasRegistry::default());
    let rels: Vec<(usize, RelationType, usize, u32)> = r
        .links
        .iter()
        .map(|l| (l.source, l.relation, l.target, l.weight))
        .collect();
    // Place 0, Enterprise 1, Document 2.
    assert_eq!(
        rels,
        vec![
            (1, RelationType::LocatedIn, 0, 2),
            (2, RelationType::Mentions, 0, 2),
            (2, RelationType::Mentions, 1, 2),
            (0, RelationType::CoOccurs, 1, 2),
        ]
    );
    let located = &r.links[0];
    assert_eq!(located.confidence, 0.8);
    assert_eq!(located.evidence.len(), 2);
    assert_eq!(
        located.evidence[0].text.as_deref(),
        Some("寅卯集团落户辰巳市。")
    );
    assert_eq!(r.links[3].evidence[1].sentence, 1);
}

#[test]
fn targets_are_never_merged() {
    let a = doc("a.txt", "增加值增长10%。增加值增长10%。");
    let t = |sentence: usize, start: usize| crate::extract::TargetMention {
        metric: "增加值".into(),
        value: 10.0,
        unit: "%".into(),
        year: Some(2024),
        comparator: None,
        text: "增加值增长10%".into(),
        sentence,
        span: start..start + 18,
        subject: None,
    };
    let mut exa = ex(vec![]);
    exa.targets = vec![t(0, 0), t(1, 22)];
    let r = resolve(&[a], &[exa], &AliasRegistry::default());
    let targets: Vec<&Entity> = r.entities.iter().filter(|e| e.kind == Target).collect();
    assert_eq!(targets.len(), 2);
    assert_eq!(targets[0].name, "增加值 10% (2024)");
    assert_eq!(targets[0].attrs["value"], serde_json::json!(10));
    assert_eq!(targets[0].attrs["year"], serde_json::json!(2024));
}

#[test]
fn resolution_is_deterministic() {
    let a = doc("a.txt", "甲城乙丙集团与丁戊合作。乙丙在甲城市。");
    let exa = ex(vec![
        mention(&a, "甲城", Place, 0),
        mention(&a, "乙丙集团", Enterprise, 0),
        mention(&a, "丁戊", Enterprise, 0),
        mention(&a, "乙丙", Enterprise, 1),
        mention(&a, "甲城市", Place, 0),
    ]);
    let one = resolve(
        std::slice::from_ref(&a),
        std::slice::from_ref(&exa),
        &AliasRegistry::default(),
    );
    let two = resolve(&[a], &[exa], &AliasRegistry::default());
    assert_eq!(one, two);
}

#[test]
fn evidence_is_capped_but_every_document_is_listed() {
    let docs: Vec<Document> = (0..7)
        .map(|i| doc(&format!("{i}.txt"), "寅卯集团落户辰巳市。"))
        .collect();
    let exs: Vec<DocExtraction> = docs
        .iter()
        .map(|d| {
            let mut e = ex(vec![
                mention(d, "寅卯集团", Enterprise, 0),
                mention(d, "辰巳市", Place, 0),
            ]);
            e.relations.push(RelationMention {
                source: Endpoint::Mention(0),
                relation: RelationType::LocatedIn,
                target: Endpoint::Mention(1),
                sentence: 0,
                span: 0..10,
                confidence: 0.7,
            });
            e
        })
        .collect();
    let r = resolve(&docs, &exs, &AliasRegistry::default());
    let located = &r.links[0];
    assert_eq!(located.relation, RelationType::LocatedIn);
    assert_eq!((located.weight, located.evidence.len()), (7, MAX_EVIDENCE));
    assert_eq!(located.docs.len(), 7);
    let g = crate::graph::KnowledgeGraph::from_resolved(r, Vec::new());
    let e = g.edge(crate::graph::EdgeId(0)).unwrap();
    assert_eq!(e.docs.len(), 7);
}

fn strs(v: &[&str]) -> Vec<std::sync::Arc<str>> {
    v.iter().map(|&s| s.into()).collect()
}
