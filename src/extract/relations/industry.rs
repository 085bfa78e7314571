//! IN_INDUSTRY by name and by sentence: a project or enterprise whose name holds an industry
//! the document names (`某某动力电池项目` → 动力电池), the enterprise behind such a project, and
//! projects that a sentence builds up into its one industry (`依托A、B等项目，打造X产业集群`).
//! Lists (`以A、B等企业为代表的X、Y行业`, `X领域重点推动A、B`) are in `parts`.

use rustc_hash::FxHashMap;

use super::{parts, Ctx};
use crate::extract::Endpoint;
use crate::model::{EntityType, RelationType};

const IND: RelationType = RelationType::InIndustry;

/// Runs the IN_INDUSTRY rules, and the list rules of `parts`.
pub(crate) fn run(ctx: &mut Ctx) {
    by_name(ctx);
    parts::run(ctx);
    by_sentence(ctx);
    paired_lists(ctx);
    firms_enter_industries(ctx);
    firms_of_industry(ctx);
    through_projects(ctx);
}

/// `新能源汽车龙头企业A、B`: an industry, a word for its firms, then the firms.
fn firms_of_industry(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let groups = super::lists::groups(ctx, s);
        for w in groups.windows(2) {
            let (Some(&ind), firms) = (w[0].last(), &w[1]) else {
                continue;
            };
            if ctx.kind(ind) != EntityType::Industry {
                continue;
            }
            let gap = ctx.between(ctx.m(ind).span.end, ctx.m(firms[0]).span.start);
            let named = super::clean_gap_within(gap, 8).is_some_and(|gap| {
                super::cues::ends_with_any("industry_firms", &gap) && !super::has_break(&gap)
            });
            if !named {
                continue;
            }
            for &f in firms {
                if ctx.kind(f) == EntityType::Enterprise {
                    ctx.link(f, IND, ind, 0.6);
                }
            }
        }
    }
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
    let mut keys: FxHashMap<&str, usize> = FxHashMap::default();
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
    // where a key can start, and how long one can be: most offsets of a name need no look-up
    let firsts: rustc_hash::FxHashSet<char> =
        keys.keys().filter_map(|k| k.chars().next()).collect();
    let longest = keys.keys().map(|k| k.chars().count()).max().unwrap_or(0);
    // a project's name opening with its developer's: the developer's words name no industry of
    // the project (`某某汽车合肥基地`: 汽车 is the firm's)
    let mut developer_len: FxHashMap<usize, usize> = FxHashMap::default();
    for r in ctx.relations() {
        if let (Endpoint::Mention(f), RelationType::Develops, Endpoint::Mention(p)) =
            (r.source, r.relation, r.target)
        {
            let (firm, project) = (ctx.m(f).name.as_str(), ctx.m(p).name.as_str());
            if project.starts_with(firm) {
                let len = developer_len.entry(p).or_insert(0);
                *len = (*len).max(firm.chars().count());
            }
        }
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
        let mut a = developer_len.get(&p).copied().unwrap_or(0);
        while a + 1 < n {
            let mut hit = None;
            let opens_key = name[chars[a]..]
                .chars()
                .next()
                .is_some_and(|c| firsts.contains(&c));
            for len in (2..=12.min(n - a).min(longest)).rev().filter(|_| opens_key) {
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
                    ctx.link_at(p, IND, ind, conf, p);
                    a += len;
                }
                None => a += 1,
            }
        }
    }
}

/// Projects and the industries built up (`提升X`, `打造X、Y`) in their own clause and the clauses
/// either side, where those are at most two (`推动某某产业园项目建设，提升生物质材料产能`), and the
/// industry the sentence opens by building up (`做强X产业，…，加快某某谷建设`).
fn by_sentence(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        if !ctx.top[s]
            .iter()
            .any(|&i| ctx.kind(i) == EntityType::Project)
        {
            continue;
        }
        let top = ctx.top[s].clone();
        // clause number of each mention: the commas before it (mentions are in order, so the
        // count carries from one to the next)
        let start = ctx.doc.sentences[s].span.start;
        let mut clauses: FxHashMap<usize, usize> = FxHashMap::default();
        let (mut at, mut commas) = (start, 0);
        for &i in &top {
            let m_start = ctx.m(i).span.start;
            commas += ctx.between(at, m_start).matches(['，', ',']).count();
            at = at.max(m_start);
            clauses.insert(i, commas);
        }
        let clause = |i: usize| clauses.get(&i).copied().unwrap_or(0);
        // industries that are the object of a verb of building up (`提升X产能`, `打造X、Y产业链`),
        // or named on their own, not a stray word amid a list of projects
        let mut built_up: Vec<usize> = Vec::new();
        let mut prev_end = start;
        for g in super::lists::groups(ctx, s).iter() {
            let first = ctx.m(g[0]).span.start;
            let last = g.last().map_or(first, |&l| ctx.m(l).span.end);
            let lead = ctx.between(prev_end, first);
            let lead = lead.rsplit(['，', ',']).next().unwrap_or(lead);
            let after = ctx.doc.text.get(last..).unwrap_or("");
            let tail_end = after
                .char_indices()
                .take(8)
                .find(|&(_, c)| "，,。；;、".contains(c))
                .map_or_else(
                    || after.char_indices().nth(8).map_or(after.len(), |(b, _)| b),
                    |(b, _)| b,
                );
            let tail = &after[..tail_end];
            // a fragment of a project's name the extractor left (`X新能源汽车产业园`) is no
            // industry of the clause
            let fragment = ["产业园", "园区", "基地", "项目", "中心", "示范区", "集聚区"]
                .iter()
                .any(|w| tail.starts_with(w));
            let built = super::cues::any_in("topic_verbs", lead)
                || super::cues::any_in("industry_tails", tail);
            if built || (!fragment && g.len() <= 2) {
                built_up.extend(
                    g.iter()
                        .copied()
                        .filter(|&i| ctx.kind(i) == EntityType::Industry),
                );
            }
            prev_end = last;
        }
        // `做强X产业，…，加快A建设`: an industry the sentence opens by building up is its topic
        let topic = top.iter().copied().find(|&i| {
            ctx.kind(i) == EntityType::Industry
                && clause(i) == 0
                && super::cues::any_in("topic_verbs", ctx.between(start, ctx.m(i).span.start))
        });
        for &p in &top {
            if ctx.kind(p) != EntityType::Project {
                continue;
            }
            if let Some(t) = topic.filter(|&t| ctx.m(t).span.end <= ctx.m(p).span.start) {
                ctx.link(p, IND, t, 0.4);
            }
            let cp = clause(p);
            let near: Vec<usize> = top
                .iter()
                .copied()
                .filter(|&i| built_up.contains(&i) && clause(i).abs_diff(cp) <= 1)
                .collect();
            let mut names: Vec<&str> = near.iter().map(|&i| ctx.m(i).name.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            if names.len() > 2 {
                continue;
            }
            for i in near {
                ctx.link(p, IND, i, 0.35);
            }
        }
    }
}

/// `以A、B、C等企业为依托，…提升X、Y、Z`: an enterprise list and a later industry list of the
/// same length, in one sentence, pair up in order.
fn paired_lists(ctx: &mut Ctx) {
    for s in 0..ctx.top.len() {
        let groups = super::lists::groups(ctx, s);
        for (k, firms) in groups.iter().enumerate() {
            if firms.len() < 2 || !firms.iter().all(|&f| ctx.kind(f) == EntityType::Enterprise) {
                continue;
            }
            let firm_slots = super::lists::slots(ctx, firms);
            let Some(ind_slots) = groups[k + 1..]
                .iter()
                .filter(|g| g.len() >= 2 && g.iter().all(|&i| ctx.kind(i) == EntityType::Industry))
                .map(|g| super::lists::slots(ctx, g))
                .find(|sl| sl.len() == firm_slots.len())
            else {
                continue;
            };
            for (fs, is) in firm_slots.into_iter().zip(ind_slots) {
                for &f in &fs {
                    for &i in &is {
                        ctx.link(f, IND, i, 0.45);
                    }
                }
            }
        }
    }
}

/// `推动甲集团、乙集团发展X和Y`: firms and, right after a verb of entering a field, the
/// industries they go into — each firm in each industry.
fn firms_enter_industries(ctx: &mut Ctx) {
    // `加快` and a verb of entering: no longer gap is one
    let longest_entry = super::cues::words("enter_field")
        .iter()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
        + "加快".chars().count();
    for s in 0..ctx.top.len() {
        let groups = super::lists::groups(ctx, s);
        for w in groups.windows(2) {
            let (firms, inds) = (&w[0], &w[1]);
            if !firms.iter().all(|&f| ctx.kind(f) == EntityType::Enterprise)
                || !inds.iter().all(|&i| ctx.kind(i) == EntityType::Industry)
            {
                continue;
            }
            let last = firms[firms.len() - 1];
            let raw = ctx.between(ctx.m(last).span.end, ctx.m(inds[0]).span.start);
            let Some(gap) = super::clean_gap_within(raw, longest_entry) else {
                continue;
            };
            let gap = gap.strip_prefix("加快").unwrap_or(&gap);
            if !super::cues::is("enter_field", gap) {
                continue;
            }
            for &f in firms {
                for &i in inds {
                    ctx.link(f, IND, i, 0.45);
                }
            }
        }
    }
}

/// An enterprise is in the industries its own projects are named after.
fn through_projects(ctx: &mut Ctx) {
    let rels = ctx.relations().to_vec();
    let mut industries_of: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
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
                ctx.link_at(f, IND, i, 0.4, p);
            }
        }
    }
}
