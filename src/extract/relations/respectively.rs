//! `在A、B、C分别布局建设X、Y、Z`: places and what is built in them, paired item by item where
//! the text says 分别 (respectively) and the lists are of one length (an item the extractor did
//! not recognise still counts, so that the pairs stay in step).

use super::lists::{self, Group};
use super::{clean_gap, cues, has_break, Ctx};
use crate::model::{EntityType, RelationType};

/// The most characters between 分别 and the end of the verb of building.
const VERB_REACH: usize = 8;

/// Runs the rule; returns the sentences it paired in, for `located::at_place` to leave alone.
pub(crate) fn run(ctx: &mut Ctx, placed: &mut [bool]) -> Vec<usize> {
    let mut done = Vec::new();
    for s in 0..ctx.top.len() {
        for g in lists::groups(ctx, s).iter() {
            if pair(ctx, s, g, placed) {
                done.push(s);
            }
        }
    }
    done
}

/// The places `at`, then `分别` + a verb of building + items parted by 、 up to the clause's
/// end: each item's project, body or firm is in the place of the same rank.
fn pair(ctx: &mut Ctx, s: usize, at: &Group, placed: &mut [bool]) -> bool {
    if at.len() < 2 || !at.iter().all(|&p| ctx.kind(p) == EntityType::Place) {
        return false;
    }
    let lead = clean_gap(ctx.before(ctx.m(at[0]).span.start, 1));
    if lead != "在" && lead != "于" {
        return false;
    }
    let from = ctx.m(at[at.len() - 1]).span.end;
    let sentence_end = ctx.doc.sentences[s].span.end;
    let rest = ctx.between(from, sentence_end);
    let clause_len = rest
        .char_indices()
        .find(|&(_, c)| has_break(&c.to_string()))
        .map_or(rest.len(), |(b, _)| b);
    let clause = &rest[..clause_len];
    let Some(after) = clause.strip_prefix("分别") else {
        return false;
    };
    let verb_end = cues::words("build")
        .iter()
        .chain(cues::words("set_up"))
        .filter_map(|v| after.find(v.as_str()).map(|b| b + v.len()))
        .filter(|&b| after[..b].chars().count() <= VERB_REACH)
        .max();
    let Some(verb_end) = verb_end else {
        return false;
    };
    // byte ranges of the items
    let mut items: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = from + "分别".len() + verb_end;
    for piece in after[verb_end..].split('、') {
        items.push(start..start + piece.len());
        start += piece.len() + '、'.len_utf8();
    }
    if items.len() != at.len() {
        return false;
    }
    let top = ctx.top[s].clone();
    for (&place, item) in at.iter().zip(&items) {
        let built = top.iter().copied().find(|&b| {
            let m = ctx.m(b);
            item.start <= m.span.start
                && m.span.end <= item.end
                && matches!(
                    ctx.kind(b),
                    EntityType::Project | EntityType::Organization | EntityType::Enterprise
                )
        });
        if let Some(b) = built {
            ctx.link(b, RelationType::LocatedIn, place, 0.65);
            placed[b] = true;
        }
    }
    true
}
