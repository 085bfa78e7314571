//! IN_INDUSTRY by name and by sentence: a project or enterprise whose name holds an industry
//! the document names (`某某动力电池项目` → 动力电池), the enterprise behind such a project, and
//! projects that a sentence builds up into its one industry (`依托A、B等项目，打造X产业集群`).
//! Lists (`以A、B等企业为代表的X、Y行业`, `X领域重点推动A、B`) are in `parts`.

use std::collections::HashMap;

use super::{parts, Ctx};
use crate::extract::Endpoint;
use crate::model::{EntityType, RelationType};

const IND: RelationType = RelationType::InIndustry;

/// Runs the IN_INDUSTRY rules, and the list rules of `parts`.
pub(crate) fn run(ctx: &mut Ctx) {
    by_name(ctx);
    parts::run(ctx);
    by_sentence(ctx);
    through_projects(ctx);
}

/// An industry name without 产业/行业 (`大数据产业` → 大数据), for matching inside names.
fn industry_key(name: &str) -> &str {
    for suffix in ["产业", "行业"] {
        if let Some(s) = name.strip_suffix(suffix) {
            if s.chars().count() >= 2 {
                return s;
            }
        }
    }
    name
}

/// Projects and enterprises whose names hold an industry's name: every longest match, left to
/// right.
fn by_name(ctx: &mut Ctx) {
    let distinct = ctx.distinct();
    let mut keys: HashMap<&str, usize> = HashMap::new();
    for &i in &distinct {
        if ctx.kind(i) == EntityType::Industry {
            let n = ctx.m(i).name.as_str();
            keys.entry(n).or_insert(i);
            keys.entry(industry_key(n)).or_insert(i);
        }
    }
    if keys.is_empty() {
        return;
    }
    for &p in &distinct {
        let kind = ctx.kind(p);
        if !matches!(kind, EntityType::Project | EntityType::Enterprise) {
            continue;
        }
        let name = ctx.m(p).name.as_str();
        let chars: Vec<usize> = name
            .char_indices()
            .map(|(b, _)| b)
            .chain([name.len()])
            .collect();
        let n = chars.len() - 1;
        let mut a = 0;
        while a + 1 < n {
            let mut hit = None;
            for len in (2..=12.min(n - a)).rev() {
                if a == 0 && len == n {
                    continue;
                }
                if let Some(&ind) = keys.get(&name[chars[a]..chars[a + len]]) {
                    hit = Some((len, ind));
                    break;
                }
            }
            match hit {
                Some((len, ind)) => {
                    let conf = if kind == EntityType::Project {
                        0.6
                    } else {
                        0.5
                    };
                    ctx.link(p, IND, ind, conf);
                    a += len;
                }
                None => a += 1,
            }
        }
    }
}

/// A sentence with projects and a single industry named after them, joined by a verb of
/// building up (`依托A、B等重大项目，率先打造X产业集群`).
fn by_sentence(ctx: &mut Ctx) {
    const VERBS: [&str; 7] = ["打造", "发展", "培育", "壮大", "集聚", "做强", "建设"];
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        let mut industries = top.iter().filter(|&&i| ctx.kind(i) == EntityType::Industry);
        let Some(&ind) = industries.next() else {
            continue;
        };
        if industries.any(|&j| ctx.m(j).name != ctx.m(ind).name) {
            continue;
        }
        let at = ctx.m(ind).span.start;
        for &p in &top {
            if ctx.kind(p) != EntityType::Project || ctx.m(p).span.end > at {
                continue;
            }
            let between = ctx.between(ctx.m(p).span.end, at);
            if VERBS.iter().any(|v| between.contains(v)) && between.chars().count() <= 40 {
                ctx.link(p, IND, ind, 0.35);
            }
        }
    }
}

/// An enterprise is in the industries its own projects are named after.
fn through_projects(ctx: &mut Ctx) {
    let rels = ctx.relations().to_vec();
    let mut industries_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for r in &rels {
        if let (Endpoint::Mention(p), RelationType::InIndustry, Endpoint::Mention(i)) =
            (r.source, r.relation, r.target)
        {
            if ctx.kind(p) == EntityType::Project && r.confidence >= 0.6 {
                industries_of.entry(p).or_default().push(i);
            }
        }
    }
    for r in &rels {
        if let (Endpoint::Mention(f), RelationType::Develops, Endpoint::Mention(p)) =
            (r.source, r.relation, r.target)
        {
            for &i in industries_of.get(&p).map(Vec::as_slice).unwrap_or(&[]) {
                ctx.link(f, IND, i, 0.4);
            }
        }
    }
}
