//! Generalisation: the floors of the build on documents written apart from the sample corpus
//! (tests/fixtures/unseen: a 成都 work report, a 苏州 action plan, a 合肥 press conference, each
//! with gold annotations in the guideline's format). Rules tuned to the sample documents show up
//! here as a drop.

use crate::eval_floors::assert_floors;
use crate::util::fixture;
use zhitu::eval;
use zhitu::pipeline::{self, BuildOptions};
use zhitu::segment::Segmenter;

/// Floors: a little under what the build reached when they were set (0.862, 0.852, 0.996,
/// 0.760); raised, never lowered. These documents have since guided rule changes, so they are
/// a regression guard now more than an independent measure.
const ENTITY_F1_UNTYPED: f64 = 0.86;
const ENTITY_F1_TYPED: f64 = 0.85;
const TARGET_F1: f64 = 0.99;
const FACT_RECALL_ANY_EDGE: f64 = 0.75;

#[test]
fn unseen_documents_meet_the_floors() {
    let files = zhitu::ingest::collect_files(&[fixture("unseen/docs")]).expect("unseen docs");
    let built = pipeline::build(&files, &Segmenter::new(), &BuildOptions::default(), &|| {});
    assert!(built.skipped.is_empty());
    let golds: Vec<_> = eval::read_gold(&fixture("unseen/gold"))
        .expect("unseen gold")
        .into_iter()
        .map(|(_, g)| g)
        .collect();
    let floors = [
        ENTITY_F1_UNTYPED,
        ENTITY_F1_TYPED,
        TARGET_F1,
        FACT_RECALL_ANY_EDGE,
    ];
    assert_floors("the unseen documents", &built.graph, &golds, floors);
}
