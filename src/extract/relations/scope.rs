//! IN_INDUSTRY from the scope of a list of firms: enterprises listed as a sector's firms
//! (`A、B、C等龙头企业`, `A、B等7家整车企业`) belong to the industry of the heading of their item
//! (`（一）做强某某产业。…支持A、B等龙头企业扩大产能`), else to the industry the document's title
//! line names first (`某某市生物医药产业发展三年行动计划` → 生物医药).

use super::{layout, lists, Ctx};
use crate::model::{EntityType, RelationType};

/// How far back (in sentences) an item's heading is looked for.
const HEADING_REACH: usize = 40;

/// Runs the rule over every sentence.
pub(crate) fn run(ctx: &mut Ctx) {
    let theme = title_industry(ctx);
    for s in 0..ctx.top.len() {
        for g in lists::groups(ctx, s) {
            if g.len() < 2 || !g.iter().all(|&f| ctx.kind(f) == EntityType::Enterprise) {
                continue;
            }
            let last = g[g.len() - 1];
            if !firm_list_closed(ctx.doc.text.get(ctx.m(last).span.end..).unwrap_or("")) {
                continue;
            }
            let Some(ind) = heading_industry(ctx, s, ctx.m(g[0]).span.start).or(theme) else {
                continue;
            };
            for &f in &g {
                ctx.link(f, RelationType::InIndustry, ind, 0.4);
            }
        }
    }
}

/// Whether the text after a list closes it as a list of firms: `等` and, within a few words, a
/// word for firms (`等一批龙头企业`, `等7家整车企业`, `等企业`).
fn firm_list_closed(after: &str) -> bool {
    let Some(rest) = after.strip_prefix('等') else {
        return false;
    };
    let head: String = rest
        .chars()
        .take_while(|c| !super::has_break(&c.to_string()) && *c != '、')
        .take(9)
        .collect();
    ["企业", "公司", "龙头"].iter().any(|w| head.contains(w))
}

/// The first industry named in the heading of the item sentence `s` belongs to, before byte
/// `before` (the heading: the nearest sentence at or before `s` opening a numbered item).
fn heading_industry(ctx: &Ctx, s: usize, before: usize) -> Option<usize> {
    let h = (s.saturating_sub(HEADING_REACH)..=s)
        .rev()
        .find(|&h| layout::starts_item(ctx.sentence(h)))?;
    ctx.top[h]
        .iter()
        .copied()
        .find(|&i| ctx.kind(i) == EntityType::Industry && ctx.m(i).span.end <= before)
}

/// The first industry named on the document's title line (its first line, when the text has
/// more than one).
fn title_industry(ctx: &Ctx) -> Option<usize> {
    let end = ctx.doc.text.trim_start().find('\n')?
        + (ctx.doc.text.len() - ctx.doc.text.trim_start().len());
    (0..ctx.mentions.len())
        .filter(|&i| {
            super::valid(ctx.doc, ctx.m(i))
                && ctx.kind(i) == EntityType::Industry
                && ctx.m(i).span.end <= end
        })
        .min_by_key(|&i| ctx.m(i).span.start)
}
