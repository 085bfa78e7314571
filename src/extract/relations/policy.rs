//! Policies and their parts, and who answers for them: PART_OF between policies
//! (`实施“某某”专项行动。即：甲行动、乙行动`, `“某某”工程：…；…乙战略；…`, the headings of the
//! document's own plan, `A作为B的重要组成部分`) and RESPONSIBLE_FOR
//! (`（责任单位：市某某局、市某某委）` → the measure it closes).

use super::layout::{item_marker_len, starts_item, starts_line};
use super::{clean_gap, is_gap_mark, Ctx};
use crate::model::{EntityType, RelationType};

const PART: RelationType = RelationType::PartOf;

/// Runs the policy rules.
pub(crate) fn run(ctx: &mut Ctx) {
    namely(ctx);
    colon_scope(ctx);
    own_plan(ctx);
    component(ctx);
    responsible(ctx);
}

fn policies(ctx: &Ctx, s: usize) -> Vec<usize> {
    ctx.top[s]
        .iter()
        .copied()
        .filter(|&i| ctx.kind(i) == EntityType::Policy)
        .collect()
}

/// `…“某某”专项行动的实施。即：甲行动、乙行动…`: a sentence opening with 即 lists the parts of
/// the last policy of the sentence before.
fn namely(ctx: &mut Ctx) {
    for s in 1..ctx.top.len() {
        // (the sentence's first character once cleaned as by `clean_gap`)
        let first = ctx.sentence(s).chars().find(|&c| !is_gap_mark(c));
        if first != Some('即') {
            continue;
        }
        let Some(&head) = policies(ctx, s - 1).last() else {
            continue;
        };
        for i in policies(ctx, s) {
            ctx.link(i, PART, head, 0.7);
        }
    }
}

/// `“某某”工程：围绕…；大力实施…乙战略；…。`: the policies of the clauses after a policy and a
/// colon, up to the end of the sentence proper (。), are its parts.
fn colon_scope(ctx: &mut Ctx) {
    let mut s = 0;
    while s < ctx.top.len() {
        let mut head = None;
        for &i in &ctx.top[s] {
            if ctx.kind(i) != EntityType::Policy {
                continue;
            }
            let after = ctx.doc.text.get(ctx.m(i).span.end..).unwrap_or("");
            let after = after.trim_start_matches(['”', '》', '"', ' ']);
            if after.starts_with('：') || after.starts_with(':') {
                head = Some(i);
                break;
            }
        }
        let Some(h) = head else {
            s += 1;
            continue;
        };
        let mut t = s;
        loop {
            for i in policies(ctx, t) {
                if ctx.m(i).span.start > ctx.m(h).span.start {
                    ctx.link(i, PART, h, 0.5);
                }
            }
            let ends_clause = ctx.sentence(t).ends_with(['；', ';']);
            if !ends_clause || t + 1 >= ctx.top.len() || starts_line(ctx, t + 1) {
                break;
            }
            t += 1;
        }
        s = t + 1;
    }
}

/// The document's own plan (the policy its title names) and the policies its numbered headings
/// name: `（一）实施某某行动` → PART_OF the plan.
fn own_plan(ctx: &mut Ctx) {
    let title = ctx.doc.title.as_str();
    let mut plan: Option<usize> = None;
    for s in 0..ctx.top.len().min(3) {
        for i in policies(ctx, s) {
            let n = ctx.m(i).name.as_str();
            if title.contains(n) && plan.is_none_or(|p| ctx.m(p).name.len() < n.len()) {
                plan = Some(i);
            }
        }
    }
    // the full title, written whole later (`《某某行动计划(2024-2026年)》`), rather than a part of
    // it the title line gave
    let full = title_key(title);
    let whole = (0..ctx.top.len())
        .flat_map(|s| policies(ctx, s))
        .filter(|&i| {
            let key = title_key(&ctx.m(i).name);
            key == full
                || plan.is_some_and(|p| {
                    key.contains(&title_key(&ctx.m(p).name)) && full.contains(&key)
                })
        })
        .max_by_key(|&i| ctx.m(i).name.len());
    let Some(plan) = whole
        .filter(|&w| plan.is_none_or(|p| ctx.m(p).name.len() <= ctx.m(w).name.len()))
        .or(plan)
    else {
        return;
    };
    for s in 0..ctx.top.len() {
        let text = ctx.sentence(s);
        if !starts_item(text) || text.chars().count() > 40 || !starts_line(ctx, s) {
            continue;
        }
        let marker = ctx.doc.sentences[s].span.start + item_marker_len(text);
        for i in policies(ctx, s) {
            // the heading is the policy, or `实施/开展…` it
            let lead = clean_gap(ctx.between(marker, ctx.m(i).span.start));
            let ok = lead.is_empty()
                || (lead.chars().count() <= 4 && super::cues::any_in("plan_verbs", &lead));
            if ok {
                ctx.link(i, PART, plan, 0.6);
            }
        }
    }
}

/// A title as compared with policy names: no quotes, book-title marks or white space, ASCII
/// brackets.
fn title_key(s: &str) -> String {
    clean_gap(s)
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '－' | '—' | '–' => '-',
            c => c,
        })
        .collect()
}

/// `A作为B的重要组成部分`, `A是B的一部分`.
fn component(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        // two mentions at least, and both cues hold 部分
        let text = ctx.sentence(s);
        if ctx.top[s].len() < 2 || !text.contains("部分") {
            continue;
        }
        let Some(cue) = text.find("组成部分").or_else(|| text.find("一部分")) else {
            continue;
        };
        let cue = ctx.doc.sentences[s].span.start + cue;
        let before: Vec<usize> = ctx.top[s]
            .iter()
            .copied()
            .filter(|&i| ctx.m(i).span.end <= cue)
            .collect();
        let Some(&b) = before.last() else {
            continue;
        };
        if !matches!(
            ctx.kind(b),
            EntityType::Policy | EntityType::Industry | EntityType::Project
        ) {
            continue;
        }
        let Some(&a) = before
            .iter()
            .rev()
            .skip(1)
            .find(|&&a| ctx.kind(a) == ctx.kind(b))
        else {
            continue;
        };
        let link = ctx.between(ctx.m(a).span.end, ctx.m(b).span.start);
        if link.contains("作为") || link.contains('是') {
            ctx.link(a, PART, b, 0.55);
        }
    }
}

/// `（责任单位：市某某局、市某某委）` and bare `（市某某局、市某某委）` closing a measure: each
/// body is RESPONSIBLE_FOR the last policy before it in the item, and the heading's policy.
fn responsible(ctx: &mut Ctx) {
    let mut heading: Option<usize> = None;
    let mut last_policy: Option<usize> = None;
    for s in 0..ctx.top.len() {
        let text = ctx.sentence(s);
        if starts_item(text) && starts_line(ctx, s) {
            last_policy = None;
            // a section (`一、`, `（一）`) opens a new scope; a numbered point (`1.`) keeps its
            // section's unless it names a policy of its own
            let point = text.trim_start().starts_with(|c: char| c.is_ascii_digit());
            match policies(ctx, s).last() {
                Some(&p) => heading = Some(p),
                None if !point => heading = None,
                None => {}
            }
        }
        if ctx.top[s].is_empty() {
            continue; // no body to answer, no policy to remember
        }
        let base = ctx.doc.sentences[s].span.start;
        let top = ctx.top[s].clone();
        let mut k = 0;
        for (open, _) in text.match_indices(['(', '（']) {
            let rest = &text[open..];
            let Some(close) = rest.find([')', '）']) else {
                continue;
            };
            let (from, to) = (base + open, base + open + close);
            while k < top.len() && ctx.m(top[k]).span.start < from {
                if ctx.kind(top[k]) == EntityType::Policy {
                    last_policy = Some(top[k]);
                }
                k += 1;
            }
            let orgs: Vec<usize> = top
                .iter()
                .copied()
                .filter(|&i| {
                    let sp = &ctx.m(i).span;
                    sp.start > from && sp.end <= to && ctx.kind(i) == EntityType::Organization
                })
                .collect();
            if orgs.is_empty() {
                continue;
            }
            let inner = &rest[..close];
            let named: usize = orgs.iter().map(|&i| ctx.m(i).name.chars().count()).sum();
            let cue = super::cues::any_in("responsible", inner);
            if !cue && named * 10 < inner.chars().count() * 6 {
                continue;
            }
            let Some(policy) = last_policy.or(heading) else {
                continue;
            };
            for o in orgs {
                ctx.link(o, RelationType::ResponsibleFor, policy, 0.6);
                // and for the programme of the heading the measure sits under
                if let Some(h) = heading.filter(|&h| h != policy) {
                    ctx.link(o, RelationType::ResponsibleFor, h, 0.5);
                }
            }
        }
        for &i in &top[k..] {
            if ctx.kind(i) == EntityType::Policy {
                last_policy = Some(i);
            }
        }
    }
}
