//! DEVELOPS: an enterprise and the project it builds — a project named after the enterprise
//! (`某某新能源电池项目` ← 某某, after an optional place: `合肥某某中心` ← 某某), an enterprise
//! list written right before a project (`推动甲、乙“城市矿产”基地建设`),
//! `A投资建设/实施/打造 B` and `B由A投资建设`.

use rustc_hash::FxHashMap;

use super::{clean_gap_within, cues, has_break, lists, places, Ctx};
use crate::model::{EntityType, RelationType};

const DEV: RelationType = RelationType::Develops;

/// Runs the DEVELOPS rules.
pub(crate) fn run(ctx: &mut Ctx) {
    by_name(ctx);
    by_grammar(ctx);
    passive(ctx);
}

/// `B项目由A投资建设`: a project, 由, an enterprise, a verb of building.
fn passive(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        for w in top.windows(2) {
            let (p, f) = (w[0], w[1]);
            if ctx.kind(p) != EntityType::Project || ctx.kind(f) != EntityType::Enterprise {
                continue;
            }
            let gap = clean_gap_within(ctx.between(ctx.m(p).span.end, ctx.m(f).span.start), 3);
            if !gap.is_some_and(|g| matches!(g.as_ref(), "由" | "项目由" | "将由")) {
                continue;
            }
            let after: String = ctx
                .doc
                .text
                .get(ctx.m(f).span.end..)
                .unwrap_or("")
                .chars()
                .take(6)
                .collect();
            if cues::any_in("develop_passive", &after) {
                ctx.link(f, DEV, p, 0.6);
            }
        }
    }
}

/// An enterprise's name without its company-form suffixes (`某某集团有限公司` → 某某).
pub(crate) fn short_form(name: &str) -> &str {
    let mut s = name;
    loop {
        let before = s;
        for suf in cues::words("firm_suffixes") {
            if let Some(rest) = s.strip_suffix(suf) {
                if rest.chars().count() >= 2 {
                    s = rest;
                }
            }
        }
        if s == before {
            return s;
        }
    }
}

/// Projects whose name starts with an enterprise's name or short form.
fn by_name(ctx: &mut Ctx) {
    let distinct = ctx.distinct();
    let mut firms: FxHashMap<&str, usize> = FxHashMap::default();
    let mut place_names: Vec<&str> = Vec::new();
    for &i in &distinct {
        let name = ctx.m(i).name.as_str();
        match ctx.kind(i) {
            EntityType::Enterprise => {
                firms.entry(name).or_insert(i);
                firms.entry(short_form(name)).or_insert(i);
                // `中国某某集团` builds `某某…项目`
                if let Some(rest) = short_form(name).strip_prefix("中国") {
                    if rest.chars().count() >= 2 {
                        firms.entry(rest).or_insert(i);
                    }
                }
            }
            EntityType::Place => place_names.push(name),
            _ => {}
        }
    }
    if firms.is_empty() {
        return;
    }
    for &p in &distinct {
        if ctx.kind(p) != EntityType::Project {
            continue;
        }
        let name = ctx.m(p).name.as_str();
        let mut heads = vec![name];
        // after a leading place: a place mentioned, or a province or city (divisions)
        let lead = places::leading_place(name);
        let lead_forms = lead
            .map(|d| d.name.as_str())
            .into_iter()
            .chain(lead.and_then(|d| d.short.as_deref()));
        for pl in place_names.iter().copied().chain(lead_forms) {
            for form in [pl, places::short(pl)] {
                if let Some(rest) = name.strip_prefix(form) {
                    heads.push(rest.trim_start_matches(['(', '（', ')', '）']));
                }
            }
        }
        let mut best: Option<(usize, usize)> = None; // (length, firm)
        for head in heads {
            for (end, _) in head.char_indices().skip(2).chain([(head.len(), ' ')]) {
                if end >= head.len() && head == name {
                    continue; // the whole project name is no firm of its own
                }
                if let Some(&f) = firms.get(&head[..end]) {
                    if best.is_none_or(|(l, _)| end > l) {
                        best = Some((end, f));
                    }
                }
            }
        }
        if let Some((_, f)) = best {
            ctx.link_at(f, DEV, p, 0.7, p);
        }
    }
}

/// `推动甲、乙“某某”基地建设` (a list of enterprises right before a project) and
/// `甲投资建设/实施/打造 B项目`.
fn by_grammar(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let groups = lists::groups(ctx, s);
        for w in groups.windows(2) {
            let (firms, projects) = (&w[0], &w[1]);
            // `某某大学与某某公司共建的X`: the firms of a list of firms and bodies
            if !firms.iter().any(|&f| ctx.kind(f) == EntityType::Enterprise)
                || !firms.iter().all(|&f| {
                    matches!(
                        ctx.kind(f),
                        EntityType::Enterprise | EntityType::Organization
                    )
                })
            {
                continue;
            }
            let last = *firms.last().unwrap_or(&firms[0]);
            let first = projects[0];
            let raw = ctx.between(ctx.m(last).span.end, ctx.m(first).span.start);
            // empty, or a verb of at most six characters and 的
            let Some(gap) = clean_gap_within(raw, 7) else {
                continue;
            };
            let direct = gap.is_empty();
            let gap = gap.as_ref();
            let gap = gap.strip_suffix('的').unwrap_or(gap);
            let verb =
                !has_break(raw) && gap.chars().count() <= 6 && cues::ends_with_any("develop", gap);
            if !(direct || verb) {
                continue;
            }
            let conf = if direct { 0.6 } else { 0.55 };
            for &f in firms {
                for &p in projects {
                    if ctx.kind(p) == EntityType::Project && ctx.kind(f) == EntityType::Enterprise {
                        ctx.link(f, DEV, p, conf);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::short_form;

    #[test]
    fn short_forms() {
        assert_eq!(short_form("某某集团有限公司"), "某某");
        assert_eq!(short_form("某某实业"), "某某");
        assert_eq!(short_form("某某"), "某某");
    }
}
