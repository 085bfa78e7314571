//! WORKS_FOR: a person and the body, company or place whose title the text gives them
//! (`某某市某某局党组书记、局长张三` → 某某市某某局; `某某集团董事长李四`; `某某市市长王五` → the city).

use super::{has_break, Ctx};
use crate::model::{EntityType, RelationType};

/// Runs the WORKS_FOR rule: the nearest employer before each person in its sentence, with only
/// titles between.
pub(crate) fn run(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        for (k, &p) in top.iter().enumerate() {
            if ctx.kind(p) != EntityType::Person || k == 0 {
                continue;
            }
            let e = top[k - 1];
            let kind = ctx.kind(e);
            if !matches!(
                kind,
                EntityType::Organization | EntityType::Enterprise | EntityType::Place
            ) {
                continue;
            }
            let gap = ctx.between(ctx.m(e).span.end, ctx.m(p).span.start);
            let gap = gap.trim();
            if has_break(gap) || gap.chars().count() > 25 || gap.is_empty() {
                continue;
            }
            let titled = super::cues::any_in("titles", gap);
            let place_title = super::cues::any_in("place_titles", gap);
            if titled && (kind != EntityType::Place || place_title) {
                ctx.link(p, RelationType::WorksFor, e, 0.8);
            }
        }
    }
}
