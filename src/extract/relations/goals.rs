//! SETS_TARGET and MEASURES: the document sets every target it states, and so does a policy the
//! same sentence names before it; a target MEASURES its subject where targets found one, else
//! the industry, enterprise or place written inside its words.

use super::Ctx;
use crate::extract::Endpoint;
use crate::model::{EntityType, RelationType};

/// Where targets named no subject: the industry, else enterprise, else place, written inside
/// the target's own words (`集成电路产业规模达到…` → 集成电路).
fn inside(ctx: &Ctx, sentence: usize, span: &std::ops::Range<usize>) -> Option<usize> {
    let within: Vec<usize> = ctx.top[sentence]
        .iter()
        .copied()
        .filter(|&i| span.start <= ctx.m(i).span.start && ctx.m(i).span.end <= span.end)
        .collect();
    [
        EntityType::Industry,
        EntityType::Enterprise,
        EntityType::Place,
    ]
    .into_iter()
    .find_map(|k| within.iter().copied().find(|&i| ctx.kind(i) == k))
}

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
        let given = target.subject.filter(|&m| m < ctx.mentions.len());
        let (subject, conf) = match given {
            Some(m) => (Some(m), 0.7),
            None => (inside(ctx, target.sentence, &span), 0.5),
        };
        if let Some(m) = subject {
            ctx.push(
                Endpoint::Target(t),
                RelationType::Measures,
                Endpoint::Mention(m),
                target.sentence,
                span,
                conf,
            );
        }
    }
}
