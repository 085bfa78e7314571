//! PARTNERS_WITH: `A与B合作/签约/共建/联合…` and `A携手/联合B` between enterprises and
//! organisations of one sentence (`A及时调整…，与B合作共建…` too: A is the nearest actor before 与).

use super::{clean_gap, has_break, lists, Ctx};
use crate::model::{EntityType, RelationType};

fn actor(kind: EntityType) -> bool {
    matches!(kind, EntityType::Enterprise | EntityType::Organization)
}

/// The partnership cue right after a mention, if any, before a clause break.
fn cue_after(ctx: &Ctx, i: usize) -> bool {
    let after = ctx.doc.text.get(ctx.m(i).span.end..).unwrap_or("");
    let after: String = after.chars().take(10).collect();
    let cut = after
        .find(|c: char| "，。；,;：".contains(c))
        .unwrap_or(after.len());
    super::cues::any_in("partner", &after[..cut])
}

/// Runs the PARTNERS_WITH rules.
pub(crate) fn run(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let groups = lists::groups(ctx, s);
        // `A与B合作`, `A和B签约`: two actors joined by 与/和/同, the cue right after
        // `A与B、C开展联合攻关`: A with each of the list after 与/同
        for g in groups.iter() {
            if g.len() < 2 || !g.iter().all(|&i| actor(ctx.kind(i))) {
                continue;
            }
            let gap =
                |a: usize, b: usize| clean_gap(ctx.between(ctx.m(a).span.end, ctx.m(b).span.start));
            let first = gap(g[0], g[1]);
            let rest_plain = g[1..].windows(2).all(|w| gap(w[0], w[1]) == "、");
            let joined = if g.len() == 2 {
                matches!(first.as_ref(), "与" | "和" | "同")
            } else {
                matches!(first.as_ref(), "与" | "同") && rest_plain
            };
            if joined && cue_after(ctx, g[g.len() - 1]) {
                for &b in &g[1..] {
                    ctx.link(g[0], RelationType::PartnersWith, b, 0.7);
                }
            }
        }
        for (g, group) in groups.iter().enumerate() {
            let first = group[0];
            let last = *group.last().unwrap_or(&first);
            if !group.iter().all(|&i| actor(ctx.kind(i))) {
                continue;
            }
            let lead = clean_gap(ctx.before(ctx.m(first).span.start, 2));
            // `携手/联合/牵手 B` says it by itself; `与/同/和 B` needs the cue after
            let verb_lead = ["携手", "联合", "牵手", "联手"]
                .iter()
                .any(|v| lead.ends_with(v));
            let joins = lead.ends_with('与') || lead.ends_with('同') || lead.ends_with('和');
            if !(verb_lead || (joins && cue_after(ctx, last))) {
                continue;
            }
            // the nearest actor before, within the sentence
            let Some(a) = groups[..g]
                .iter()
                .rev()
                .flat_map(|gr| gr.iter().rev())
                .copied()
                .find(|&i| actor(ctx.kind(i)))
            else {
                continue;
            };
            let between = ctx.between(ctx.m(a).span.end, ctx.m(first).span.start);
            if between.chars().count() > 40 || between.contains(['。', '；']) {
                continue;
            }
            let conf = if has_break(between) { 0.55 } else { 0.7 };
            for &b in group {
                ctx.link(a, RelationType::PartnersWith, b, conf);
            }
        }
    }
}
