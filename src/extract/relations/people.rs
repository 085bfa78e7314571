//! WORKS_FOR: a person and the body, company or place whose title the text gives them
//! (`某某市某某局党组书记、局长张三` → 某某市某某局; `某某集团董事长李四`; `某某市市长王五` → the city;
//! `张三（某某集团董事长）`), and bylined reporters → the document's news outlet.

use super::{has_break, Ctx};
use crate::extract::Endpoint;
use crate::model::{EntityType, RelationType};

/// Runs the WORKS_FOR rules.
pub(crate) fn run(ctx: &mut Ctx) {
    title_before(ctx);
    title_after(ctx);
    bylines(ctx);
    parent_bodies(ctx);
}

/// A person working for a department (`中共某某市委宣传部`) works for the body it belongs to
/// (`中共某某市委`) too, where the document names that body.
fn parent_bodies(ctx: &mut Ctx) {
    let mut bodies: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
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
            }
        }
    }
}
