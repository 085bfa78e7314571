//! Parts and wholes from the grammar of lists, within a sentence: a list closed by a head
//! (`A、B、C等新一代信息技术`, `以A、B等企业为代表的X、Y行业`, `甲、乙两个“某某”工程`, `以A为核心的B`)
//! and a head opening a list (`X领域重点推动A、B`, `X产业，重点发展A、B`). The relation follows
//! the types: industry in industry, policy in policy, project in project → PART_OF; project or
//! enterprise → industry → IN_INDUSTRY.

use super::lists::{self, closes_list, opens_list};
use super::{clean_gap, clean_gap_within, Ctx};
use crate::model::{EntityType, RelationType};

/// What an item is to its head, by their types, if anything.
pub(crate) fn part_relation(item: EntityType, head: EntityType) -> Option<RelationType> {
    use EntityType::*;
    match (item, head) {
        (Industry, Industry) | (Policy, Policy) | (Project, Project) => Some(RelationType::PartOf),
        (Project | Enterprise, Industry) => Some(RelationType::InIndustry),
        _ => None,
    }
}

/// Runs the list rules over every sentence, then the share and `其中` rules.
pub(crate) fn run(ctx: &mut Ctx) {
    lists_in_sentences(ctx);
    share_of(ctx);
    among(ctx);
    named_after_project(ctx);
}

/// `某某港北岸港区` ⊃ `某某港`, `某某产业园二期` ⊃ `某某产业园`: a project named as a part of another
/// project the document names.
fn named_after_project(ctx: &mut Ctx) {
    let distinct = ctx.distinct();
    let mut names: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for &i in &distinct {
        if ctx.kind(i) == EntityType::Project {
            names.entry(ctx.m(i).name.as_str()).or_insert(i);
        }
    }
    for &p in &distinct {
        if ctx.kind(p) != EntityType::Project {
            continue;
        }
        let name = ctx.m(p).name.as_str();
        let mut best: Option<usize> = None;
        for (end, _) in name.char_indices().skip(2) {
            let rest = &name[end..];
            if rest.chars().count() < 2 || !super::cues::ends_with_any("project_parts", rest) {
                continue;
            }
            if let Some(&whole) = names.get(&name[..end]) {
                best = Some(whole);
            }
        }
        if let Some(whole) = best {
            ctx.link_at(p, RelationType::PartOf, whole, 0.5, p);
        }
    }
}

/// `X占Y比重`, `X增加值占Y的比重`: X is part of Y.
fn share_of(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        for w in top.windows(2) {
            let (x, y) = (w[0], w[1]);
            // at most five characters before 占
            let Some(gap) =
                clean_gap_within(ctx.between(ctx.m(x).span.end, ctx.m(y).span.start), 6)
            else {
                continue;
            };
            let Some(head) = gap.strip_suffix('占') else {
                continue;
            };
            if head.chars().count() > 5 || super::has_break(head) {
                continue;
            }
            let after: String = ctx
                .doc
                .text
                .get(ctx.m(y).span.end..)
                .unwrap_or("")
                .chars()
                .take(8)
                .collect();
            let after =
                after.trim_start_matches(|c: char| c != '比' && !super::has_break(&c.to_string()));
            if after.starts_with("比重") || after.starts_with("比例") {
                relate(ctx, x, y, 0.5);
            }
        }
    }
}

/// `…X…，其中Y…`: Y, right after 其中, is part of the last mention of its kind before, in the
/// sentence or the one before it on the same line.
fn among(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        for (k, &y) in top.iter().enumerate() {
            let lead = clean_gap(ctx.before(ctx.m(y).span.start, 3));
            if !lead.ends_with("其中") {
                continue;
            }
            let same_kind =
                |i: &usize| ctx.kind(*i) == ctx.kind(y) && ctx.m(*i).name != ctx.m(y).name;
            let earlier = top[..k]
                .iter()
                .rev()
                .find(|i| same_kind(i))
                .copied()
                .or_else(|| {
                    (s > 0 && !super::layout::starts_line(ctx, s))
                        .then(|| ctx.top[s - 1].iter().rev().find(|i| same_kind(i)).copied())
                        .flatten()
                });
            if let Some(x) = earlier {
                if matches!(
                    ctx.kind(y),
                    EntityType::Industry | EntityType::Policy | EntityType::Project
                ) {
                    relate(ctx, y, x, 0.5);
                }
            }
        }
    }
}

fn lists_in_sentences(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let groups = lists::groups(ctx, s);
        for w in groups.windows(2) {
            let (items, heads) = (&w[0], &w[1]);
            let last = *items.last().unwrap_or(&items[0]);
            let raw = ctx.between(ctx.m(last).span.end, ctx.m(heads[0]).span.start);
            // closing and opening words are short: a longer gap is neither
            let Some(gap) = clean_gap_within(raw, lists::MAX_CLOSE_CHARS) else {
                continue;
            };
            if closes_list(&gap) || (led_by_yi(ctx, items[0]) && is_wei_de(&gap)) {
                closed(ctx, items, heads, 0.65);
            } else if items.len() == 1 && opens_list(&gap) {
                for &i in heads {
                    relate(ctx, i, items[0], 0.6);
                }
            }
        }
    }
}

/// Items closed by heads: each to the one head; pairwise when the counts match; each to each
/// for industries of enterprises or projects.
fn closed(ctx: &mut Ctx, items: &[usize], heads: &[usize], conf: f32) {
    if heads.len() == 1 {
        for &i in items {
            relate(ctx, i, heads[0], conf);
        }
    } else if heads.len() == items.len() {
        for (&i, &h) in items.iter().zip(heads) {
            relate(ctx, i, h, conf);
        }
    } else {
        for &i in items {
            for &h in heads {
                if part_relation(ctx.kind(i), ctx.kind(h)) == Some(RelationType::InIndustry) {
                    relate(ctx, i, h, conf - 0.2);
                }
            }
        }
    }
}

fn relate(ctx: &mut Ctx, item: usize, head: usize, conf: f32) {
    if let Some(rel) = part_relation(ctx.kind(item), ctx.kind(head)) {
        ctx.link(item, rel, head, conf);
    }
}

/// Whether the mention is preceded by 以 (`以A为核心的B`).
fn led_by_yi(ctx: &Ctx, i: usize) -> bool {
    clean_gap(ctx.before(ctx.m(i).span.start, 3)).ends_with('以')
}

/// `为核心的`, `为母体和统领的`, `为龙头的`.
fn is_wei_de(gap: &str) -> bool {
    gap.starts_with('为') && gap.ends_with('的') && gap.chars().count() <= 10
}
