//! SETS_TARGET and MEASURES: the document sets every target it states, and so does a policy the
//! same sentence names before it; a target MEASURES its subject where targets found one.

use super::Ctx;
use crate::extract::Endpoint;
use crate::model::{EntityType, RelationType};

/// Runs the target rules.
pub(crate) fn run(ctx: &mut Ctx) {
    for (t, target) in ctx.targets.iter().enumerate() {
        if target.sentence >= ctx.doc.sentences.len() {
            continue;
        }
        let span = target.span.clone();
        ctx.push(
            Endpoint::Document,
            RelationType::SetsTarget,
            Endpoint::Target(t),
            target.sentence,
            span.clone(),
            0.9,
        );
        let policy = ctx.top[target.sentence]
            .iter()
            .rev()
            .copied()
            .find(|&i| ctx.kind(i) == EntityType::Policy && ctx.m(i).span.end <= span.start);
        if let Some(p) = policy {
            let from = ctx.m(p).span.start.min(span.start);
            ctx.push(
                Endpoint::Mention(p),
                RelationType::SetsTarget,
                Endpoint::Target(t),
                target.sentence,
                from..span.end.max(from),
                0.5,
            );
        }
        if let Some(m) = target.subject.filter(|&m| m < ctx.mentions.len()) {
            ctx.push(
                Endpoint::Target(t),
                RelationType::Measures,
                Endpoint::Mention(m),
                target.sentence,
                span,
                0.7,
            );
        }
    }
}
