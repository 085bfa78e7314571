//! Targets: quantified goals and reported figures — metric, value, unit, year (worked out from
//! context: 去年, 今年, 到2025年, the document's date) and comparator (以上, 左右, 突破 …).

use super::{Mention, TargetMention};
use crate::ingest::Document;

/// Finds the targets of a document. `mentions` are the entity mentions already found, so a
/// target can name the one it measures ([`TargetMention::subject`]).
pub fn extract_targets(doc: &Document, mentions: &[Mention]) -> Vec<TargetMention> {
    let _ = (doc, mentions);
    Vec::new()
}
