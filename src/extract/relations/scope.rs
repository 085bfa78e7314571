//! IN_INDUSTRY from the scope of a list of firms: enterprises listed as a sector's firms
//! (`A、B、C等龙头企业`, `A、B等7家整车企业`) belong to the industry of the heading of their item
//! (`（一）做强某某产业。…支持A、B等龙头企业扩大产能`), else to the industry the document's title
//! line names first (`某某市生物医药产业发展三年行动计划` → 生物医药); firms `以A、B为代表的产业集群`
//! → the industry named before them in their clause.

use super::{layout, lists, Ctx};
use crate::model::{EntityType, RelationType};

/// How far back (in sentences) an item's heading is looked for.
const HEADING_REACH: usize = 40;

/// Runs the rule over every sentence.
pub(crate) fn run(ctx: &mut Ctx) {
    representatives(ctx);
    let theme = title_industry(ctx);
    for s in 0..ctx.top.len() {
        for g in lists::groups(ctx, s).iter() {
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
            for &f in g {
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
/// more than one): a mention there, else an industry the document names elsewhere whose name
/// the title line holds (inside a longer name: `某某市X产业发展新闻发布会`), the earliest and
/// then the longest.
fn title_industry(ctx: &Ctx) -> Option<usize> {
    let text = ctx.doc.text.as_str();
    let lead = text.len() - text.trim_start().len();
    let end = text.trim_start().find('\n')? + lead;
    let line = text.get(lead..end)?;
    let industries: Vec<usize> = (0..ctx.mentions.len())
        .filter(|&i| super::valid(ctx.doc, ctx.m(i)) && ctx.kind(i) == EntityType::Industry)
        .collect();
    if let Some(i) = industries
        .iter()
        .copied()
        .filter(|&i| ctx.m(i).span.end <= end)
        .min_by_key(|&i| ctx.m(i).span.start)
    {
        return Some(i);
    }
    industries
        .iter()
        .copied()
        .filter_map(|i| {
            let name = ctx.m(i).name.as_str();
            (name.chars().count() >= 2)
                .then(|| line.find(name))
                .flatten()
                .map(|at| (at, std::cmp::Reverse(name.len()), ctx.m(i).span.start, i))
        })
        .min()
        .map(|(_, _, _, i)| i)
}

/// `X产业已形成以A、B、C为代表的产业集群`: firms named as the representatives of a cluster, a
/// group or a field the sentence gives no name of its own, are in the industry named last before
/// the list in their clause.
fn representatives(ctx: &mut Ctx) {
    const KINDS: [&str; 6] = ["产业集群", "集群", "产业链", "产业", "企业群", "产业体系"];
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        for g in lists::groups(ctx, s).iter() {
            if !g.iter().all(|&f| ctx.kind(f) == EntityType::Enterprise) {
                continue;
            }
            let first = ctx.m(g[0]).span.start;
            let last = ctx.m(g[g.len() - 1]).span.end;
            if !super::clean_gap(ctx.before(first, 1)).ends_with('以') {
                continue;
            }
            let after = ctx.doc.text.get(last..).unwrap_or("");
            let Some(rest) = after.strip_prefix("为代表的") else {
                continue;
            };
            if !KINDS.iter().any(|k| rest.starts_with(k)) {
                continue;
            }
            let sentence_start = ctx.doc.sentences[s].span.start;
            let ind = top.iter().copied().rev().find(|&i| {
                ctx.kind(i) == EntityType::Industry
                    && ctx.m(i).span.end <= first
                    && !super::has_break(ctx.between(ctx.m(i).span.end.max(sentence_start), first))
            });
            if let Some(ind) = ind {
                for &f in g {
                    ctx.link(f, RelationType::InIndustry, ind, 0.5);
                }
            }
        }
    }
}
