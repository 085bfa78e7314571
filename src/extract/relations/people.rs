//! WORKS_FOR: a person and the body, company or place whose title the text gives them
//! (`某某市某某局党组书记、局长张三` → 某某市某某局; `某某集团董事长李四`; `某某市市长王五` → the city;
//! `张三（某某集团董事长）`; every office of `甲部副部长、乙办主任张三`), a bare `市长张三`/`副市长李四` → the document's city, `由张三任组长的
//! 某某领导小组` → the group, and bylined reporters → the document's news outlet.

use super::{has_break, Ctx};
use crate::extract::Endpoint;
use crate::model::{EntityType, RelationType};

/// Runs the WORKS_FOR rules.
pub(crate) fn run(ctx: &mut Ctx) {
    title_before(ctx);
    title_after(ctx);
    bare_titles(ctx);
    group_leaders(ctx);
    bylines(ctx);
    parent_bodies(ctx);
}

/// A person working for a department (`中共某某市委宣传部`) works for the body it belongs to
/// (`中共某某市委`) too, where the document names that body.
fn parent_bodies(ctx: &mut Ctx) {
    let mut bodies: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for i in ctx.distinct() {
        if employer(ctx.kind(i)) {
            bodies.entry(ctx.m(i).name.as_str()).or_insert(i);
        }
    }
    type Work = (usize, usize, usize, std::ops::Range<usize>, f32);
    let works: Vec<Work> = ctx
        .relations()
        .iter()
        .filter_map(|r| match (r.source, r.relation, r.target) {
            (Endpoint::Mention(p), RelationType::WorksFor, Endpoint::Mention(e)) => {
                Some((p, e, r.sentence, r.span.clone(), r.confidence))
            }
            _ => None,
        })
        .collect();
    for (p, e, sentence, span, conf) in works {
        let name = ctx.m(e).name.as_str();
        let parent = name
            .char_indices()
            .skip(4)
            .filter_map(|(b, _)| bodies.get(&name[..b]).copied())
            .last();
        if let Some(parent) = parent {
            ctx.push(
                Endpoint::Mention(p),
                RelationType::WorksFor,
                Endpoint::Mention(parent),
                sentence,
                span,
                conf - 0.2,
            );
        }
    }
}

fn employer(kind: EntityType) -> bool {
    matches!(kind, EntityType::Organization | EntityType::Enterprise)
}

/// `张三（某某集团董事长）`, `张三，某某局局长`: a person, a bracket or comma, an employer, a title.
fn title_after(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        for w in top.windows(2) {
            let (p, e) = (w[0], w[1]);
            if ctx.kind(p) != EntityType::Person || !employer(ctx.kind(e)) {
                continue;
            }
            let gap = ctx.between(ctx.m(p).span.end, ctx.m(e).span.start).trim();
            if !matches!(gap, "（" | "(" | "，" | "," | "、" | "：" | ":") {
                continue;
            }
            let after: String = ctx
                .doc
                .text
                .get(ctx.m(e).span.end..)
                .unwrap_or("")
                .chars()
                .take_while(|c| !"，。；,;）)\n".contains(*c))
                .take(12)
                .collect();
            if super::cues::any_in("titles", &after) {
                ctx.link(p, RelationType::WorksFor, e, 0.7);
            }
        }
    }
}

/// `记者 张三`, `通讯员 李四`: bylined people work for the document's one news outlet (an
/// organisation named …报, …电视台, …新闻网), where it names exactly one.
fn bylines(ctx: &mut Ctx) {
    let outlets: Vec<usize> = ctx
        .distinct()
        .into_iter()
        .filter(|&i| {
            let n = ctx.m(i).name.as_str();
            ctx.kind(i) == EntityType::Organization
                && (n.ends_with('报')
                    || n.ends_with("电视台")
                    || n.ends_with("新闻网")
                    || n.ends_with("广播电台"))
        })
        .collect();
    let [outlet] = outlets.as_slice() else {
        return;
    };
    for s in 0..ctx.top.len() {
        for &p in &ctx.top[s].clone() {
            if ctx.kind(p) != EntityType::Person {
                continue;
            }
            let before = ctx.before(ctx.m(p).span.start, 6);
            if ["记者", "通讯员", "编辑", "撰稿", "整理", "摄影"]
                .iter()
                .any(|w| before.contains(w))
            {
                ctx.link(p, RelationType::WorksFor, *outlet, 0.5);
            }
        }
    }
}

/// The nearest employer before each person in its sentence, with only titles between.
fn title_before(ctx: &mut Ctx) {
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
                earlier_offices(ctx, &top[..k - 1], e, p);
            }
        }
    }
}

/// The words before a person back to the previous mention or clause break in its sentence.
fn lead_of(ctx: &Ctx, s: usize, p: usize) -> String {
    let start = ctx.doc.sentences[s].span.start;
    let prev_end = ctx.top[s]
        .iter()
        .map(|&i| ctx.m(i).span.end)
        .filter(|&e| e <= ctx.m(p).span.start)
        .max()
        .unwrap_or(start);
    let gap = ctx.between(prev_end, ctx.m(p).span.start);
    let clause = gap
        .rsplit(|c: char| super::has_break(&c.to_string()) || c == '、')
        .next()
        .unwrap_or(gap);
    super::clean_gap(clause).into_owned()
}

/// `市长张三`, `分管副市长李四`, `由市长王五任组长`: a city's title with no employer named before it
/// → the document's city (a `区长`/`县长` names no district, so only 市长).
fn bare_titles(ctx: &mut Ctx) {
    let Some(city) = ctx.city else {
        return;
    };
    if ctx.kind(city) != EntityType::Place {
        return;
    }
    let employed: rustc_hash::FxHashSet<usize> = ctx
        .relations()
        .iter()
        .filter(|r| r.relation == RelationType::WorksFor)
        .filter_map(|r| match r.source {
            Endpoint::Mention(p) => Some(p),
            _ => None,
        })
        .collect();
    for s in 0..ctx.top.len() {
        for &p in &ctx.top[s].clone() {
            if ctx.kind(p) != EntityType::Person || employed.contains(&p) {
                continue;
            }
            let lead = lead_of(ctx, s, p);
            if lead.ends_with("市长") && lead.chars().count() <= 8 {
                ctx.link(p, RelationType::WorksFor, city, 0.6);
            }
        }
    }
}

/// `由张三任组长、李四任副组长的某某领导小组`: the people heading a group named after them in the
/// sentence work for it.
fn group_leaders(ctx: &mut Ctx) {
    const HEADS: [&str; 5] = ["任组长", "任副组长", "任主任", "任副主任", "任总指挥"];
    const GROUPS: [&str; 5] = ["小组", "委员会", "指挥部", "专班", "工作组"];
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        for (k, &p) in top.iter().enumerate() {
            if ctx.kind(p) != EntityType::Person {
                continue;
            }
            let after = ctx.doc.text.get(ctx.m(p).span.end..).unwrap_or("");
            if !HEADS.iter().any(|h| after.starts_with(h)) {
                continue;
            }
            let group = top[k + 1..].iter().copied().find(|&g| {
                ctx.kind(g) == EntityType::Organization
                    && GROUPS.iter().any(|w| ctx.m(g).name.ends_with(w))
            });
            let Some(g) = group else {
                continue;
            };
            let gap = ctx.between(ctx.m(p).span.end, ctx.m(g).span.start);
            if gap.trim_end().ends_with('的') && !gap.contains(['。', '；', ';']) {
                ctx.link(p, RelationType::WorksFor, g, 0.55);
            }
        }
    }
}

/// `甲部副部长、乙办主任张三`: the offices listed before the nearest one, each an employer and
/// its title closed by 、, are the person's too.
fn earlier_offices(ctx: &mut Ctx, before: &[usize], mut next: usize, p: usize) {
    for &e in before.iter().rev() {
        if !employer(ctx.kind(e)) {
            return;
        }
        let gap = ctx
            .between(ctx.m(e).span.end, ctx.m(next).span.start)
            .trim();
        let Some(title) = gap.strip_suffix('、') else {
            return;
        };
        if title.is_empty()
            || title.chars().count() > 12
            || has_break(title)
            || title.contains('、')
            || !super::cues::any_in("titles", title)
        {
            return;
        }
        ctx.link(p, RelationType::WorksFor, e, 0.7);
        next = e;
    }
}
