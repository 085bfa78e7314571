//! LOCATED_IN: where places, enterprises, projects and organisations are.
//!
//! In order of confidence: a place written right before another (`安徽省合肥市`, `高新区某某园`),
//! `位于/落户/坐落于 X`, a place inside the name (`合肥XX研究院` → 合肥), a district that heads the
//! sentence or the numbered item, `在X建设/设立A`, a district in its city and a city in its
//! province (divisions), and, as the default, the document's own city (or a province's document's
//! province) for its districts and for the local enterprises, projects and bodies it names.

use rustc_hash::FxHashMap;

use super::city::{city_division, foreign, is_city, province_home};
use super::layout::{starts_item, starts_line};
use super::places::{self, Level};
use super::{clean_gap, clean_gap_within, cues, has_break, Ctx};
use crate::model::{EntityType, RelationType};

const LOC: RelationType = RelationType::LocatedIn;

/// Runs the LOCATED_IN rules.
pub(crate) fn run(ctx: &mut Ctx) {
    let keys = place_keys(ctx);
    let mut placed: Vec<bool> = vec![false; ctx.mentions.len()];
    adjacent(ctx, &mut placed);
    cue_words(ctx, &mut placed);
    inside_name(ctx, &keys, &mut placed);
    heading_scope(ctx);
    let paired = super::respectively::run(ctx, &mut placed);
    at_place(ctx, &mut placed, &paired);
    provinces(ctx, &mut placed);
    default_city(ctx, &placed);
}

/// Place name and its short form → the first mention of it.
fn place_keys(ctx: &Ctx) -> FxHashMap<String, usize> {
    let mut keys = FxHashMap::default();
    for i in ctx.distinct() {
        if ctx.kind(i) != EntityType::Place {
            continue;
        }
        let n = ctx.m(i).name.as_str();
        if places::level(n) == Level::Country {
            continue;
        }
        keys.entry(n.to_string()).or_insert(i);
        keys.entry(places::short(n).to_string()).or_insert(i);
    }
    if let Some(c) = ctx.city {
        let n = ctx.m(c).name.as_str();
        keys.insert(n.to_string(), c);
        keys.insert(places::short(n).to_string(), c);
    }
    keys
}

fn locatable(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Enterprise | EntityType::Project | EntityType::Organization | EntityType::Place
    )
}

/// `安徽省合肥市`, `合肥市蜀山区`: a wider place written right before a narrower one;
/// `高新区某某产业园`, `高新区的某某公司`: a district or city right before a project, firm or
/// body.
fn adjacent(ctx: &mut Ctx, placed: &mut [bool]) {
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        for w in top.windows(2) {
            let (a, b) = (w[0], w[1]);
            if ctx.kind(a) != EntityType::Place || !locatable(ctx.kind(b)) {
                continue;
            }
            let gap = ctx.between(ctx.m(a).span.end, ctx.m(b).span.start);
            let of = clean_gap_within(gap, 4).is_some_and(|g| {
                g.is_empty() || matches!(g.as_ref(), "的" | "内的" | "境内的" | "辖区内的")
            });
            if !of || gap.contains('“') {
                continue;
            }
            let la = places::level(&ctx.m(a).name);
            if ctx.kind(b) == EntityType::Place {
                let lb = places::level(&ctx.m(b).name);
                if la < lb && la >= Level::Province {
                    ctx.link(b, LOC, a, 0.8);
                    placed[b] = true;
                } else if la == Level::Local && lb == Level::Local && zone_in_district(ctx, a, b) {
                    ctx.link(b, LOC, a, 0.7);
                    placed[b] = true;
                }
            } else if matches!(la, Level::Local | Level::City) {
                ctx.link(b, LOC, a, 0.6);
                placed[b] = true;
            }
        }
    }
}

/// `某某区某某经济技术开发区`: a county or district, then a development zone that is no division
/// itself, is the zone's district.
fn zone_in_district(ctx: &Ctx, district: usize, zone: usize) -> bool {
    const ZONES: [&str; 5] = ["开发区", "高新区", "经开区", "保税区", "综保区"];
    let divs = crate::segment::divisions::Divisions::get();
    let (d, z) = (ctx.m(district).name.as_str(), ctx.m(zone).name.as_str());
    !divs.lookup_all(d).is_empty()
        && (d.ends_with('区') || d.ends_with('县') || d.ends_with('市'))
        && divs.lookup_all(z).is_empty()
        && ZONES.iter().any(|w| z.ends_with(w))
}

/// `X位于/落户/坐落于/落地 Y`, with no clause break between.
fn cue_words(ctx: &mut Ctx, placed: &mut [bool]) {
    for s in 0..ctx.top.len() {
        let top = ctx.top[s].clone();
        for (k, &b) in top.iter().enumerate() {
            if ctx.kind(b) != EntityType::Place || k == 0 {
                continue;
            }
            let prev = ctx.m(top[k - 1]).span.end;
            let before = ctx.between(prev, ctx.m(b).span.start);
            if has_break(before) || !cues::any_in("locate", before) {
                continue;
            }
            // every project / enterprise / body of the list right before the cue
            let mut j = k;
            while j > 0 {
                j -= 1;
                let a = top[j];
                if !locatable(ctx.kind(a)) || ctx.kind(a) == EntityType::Place {
                    break;
                }
                ctx.link(a, LOC, b, 0.8);
                placed[a] = true;
                let gap = ctx.between(
                    ctx.m(top[j.saturating_sub(1)]).span.end,
                    ctx.m(a).span.start,
                );
                if j == 0 || !super::lists::joins(gap) {
                    break;
                }
            }
        }
    }
}

/// A place written inside the name: `蜀山区XX产业园` → 蜀山区, `合肥XX研究院` → 合肥,
/// `XX集团安徽总部` → 安徽; a district before a city, else the place written last. A province opening an enterprise's or project's name names the
/// company, not its site, and is passed over.
fn inside_name(ctx: &mut Ctx, keys: &FxHashMap<String, usize>, placed: &mut [bool]) {
    let home = city_division(ctx);
    for i in ctx.distinct() {
        let kind = ctx.kind(i);
        if !locatable(kind) {
            continue;
        }
        let name = ctx.m(i).name.as_str();
        let own = if kind == EntityType::Place {
            Some(places::level(name))
        } else {
            None
        };
        let mut best: Option<((u8, usize), usize, usize)> = None; // (rank, length, mention)
        let chars: Vec<(usize, char)> = name.char_indices().collect();
        for a in 0..chars.len() {
            for len in 2..=8.min(chars.len() - a) {
                let start = chars[a].0;
                let end = chars.get(a + len).map_or(name.len(), |c| c.0);
                if end == name.len() || (start == 0 && end == name.len()) {
                    continue; // a suffix is the name's own kind word (济南高新区 ⊃ 高新区)
                }
                let Some(&p) = keys.get(&name[start..end]) else {
                    continue;
                };
                if places::short(&ctx.m(p).name) == places::short(name) {
                    continue; // its own short form
                }
                let lp = places::level(&ctx.m(p).name);
                if let Some(lo) = own {
                    if lp >= lo && !(lp == Level::Local && lo == Level::Local) {
                        continue;
                    }
                }
                // a district first; else the place written last (`某某实验室合肥基地` → 合肥)
                // a district: a known division, or a zone named in full at the start
                // (`某某高新区管委会`); other short place words inside a name are too often noise
                // (`市中心医院` is the city's hospital, not one in a `市中区`)
                let own_level_word = start == 0 && name.starts_with(['市', '区', '县', '省']);
                let district = lp == Level::Local
                    && !own_level_word
                    && (places::division(&ctx.m(p).name, home).is_some()
                        || (start == 0 && len >= 3));
                let rank = match lp {
                    Level::Local if district => (1, start),
                    Level::Local => continue,
                    Level::City => (0, start),
                    Level::Province if start > 0 || own.is_some() => (0, start),
                    _ => continue,
                };
                if best.is_none_or(|(r, l, _)| (rank, len) > (r, l)) {
                    best = Some((rank, len, p));
                }
            }
        }
        if let Some((_, _, p)) = best {
            ctx.link(i, LOC, p, 0.75);
            placed[i] = true;
        }
    }
}

/// A district named in a sentence, or in the head sentence of a numbered item, places the
/// projects and bodies that follow it there (`推动XX区建设。全力推进A、B等平台建设`).
fn heading_scope(ctx: &mut Ctx) {
    let mut scope: Option<usize> = None;
    for s in 0..ctx.top.len() {
        let text = ctx.sentence(s);
        if starts_item(text) || starts_line(ctx, s) {
            scope = None;
            if starts_item(text) {
                let locals: Vec<usize> = ctx.top[s]
                    .iter()
                    .copied()
                    .filter(|&i| is_local(ctx, i))
                    .collect();
                if locals.len() == 1 {
                    scope = Some(locals[0]);
                }
            }
        }
        let mut near: Option<usize> = None;
        for group in super::lists::groups(ctx, s).iter() {
            let first = group[0];
            if group.iter().all(|&i| is_local(ctx, i)) {
                near = group.last().copied();
                continue;
            }
            // a district, a verb of building, then the list: `某某区加快建设A、B`
            let by_verb = near.filter(|&p| {
                let gap = ctx.between(ctx.m(p).span.end, ctx.m(first).span.start);
                gap.chars().count() <= 20
                    && !gap.contains(['。', '；', ';', '：', ':'])
                    && gap.matches(['，', ',']).count() <= 1
                    && cues::any_in("build", gap)
            });
            for &i in group {
                if !matches!(ctx.kind(i), EntityType::Project | EntityType::Organization) {
                    continue;
                }
                if let Some(p) = by_verb {
                    ctx.link(i, LOC, p, 0.5);
                } else if let Some(p) = scope {
                    ctx.link(i, LOC, p, 0.45);
                }
            }
        }
    }
}

/// `在X建设/设立/布局A、B`: a place after 在 or 于, a verb of building, then what is built.
fn at_place(ctx: &mut Ctx, placed: &mut [bool], paired: &[usize]) {
    for s in 0..ctx.top.len() {
        if paired.contains(&s) {
            continue; // `在A、B分别建设X、Y`: paired item by item in `respectively`
        }
        let groups = super::lists::groups(ctx, s);
        for w in groups.windows(2) {
            let (Some(&p), built) = (w[0].last(), &w[1]) else {
                continue;
            };
            if ctx.kind(p) != EntityType::Place || places::level(&ctx.m(p).name) < Level::City {
                continue;
            }
            let lead = clean_gap(ctx.before(ctx.m(w[0][0]).span.start, 1));
            if lead != "在" && lead != "于" {
                continue;
            }
            let Some(gap) = clean_gap_within(
                ctx.between(ctx.m(p).span.end, ctx.m(built[0]).span.start),
                8,
            ) else {
                continue;
            };
            if has_break(&gap) || !(cues::any_in("build", &gap) || cues::any_in("set_up", &gap)) {
                continue;
            }
            for &b in built {
                if matches!(
                    ctx.kind(b),
                    EntityType::Project | EntityType::Organization | EntityType::Enterprise
                ) {
                    for &place in &w[0] {
                        if ctx.kind(place) == EntityType::Place {
                            ctx.link(b, LOC, place, 0.6);
                        }
                    }
                    placed[b] = true;
                }
            }
        }
    }
}

fn is_local(ctx: &Ctx, i: usize) -> bool {
    ctx.kind(i) == EntityType::Place
        && places::level(&ctx.m(i).name) == Level::Local
        && !is_city(ctx, i)
        && !foreign(ctx, &ctx.m(i).name)
}

/// Every city mentioned → its province, and every county or district → its city, where the
/// document names them (districts looked up inside the document's city first).
fn provinces(ctx: &mut Ctx, placed: &mut [bool]) {
    let home = city_division(ctx);
    let china = (0..ctx.mentions.len()).find(|&i| {
        ctx.kind(i) == EntityType::Place
            && matches!(ctx.m(i).name.as_str(), "中国" | "中华人民共和国")
            && super::valid(ctx.doc, ctx.m(i))
    });
    let mut wide: FxHashMap<&str, usize> = FxHashMap::default(); // division name → mention
    let distinct = ctx.distinct();
    for &i in &distinct {
        let n = ctx.m(i).name.as_str();
        if ctx.kind(i) != EntityType::Place || places::level(n) > Level::City {
            continue;
        }
        if let Some(d) = places::division(n, None) {
            wide.entry(d.name.as_str()).or_insert(i);
        }
    }
    for &i in &distinct {
        let n = ctx.m(i).name.as_str();
        if ctx.kind(i) != EntityType::Place {
            continue;
        }
        match places::level(n) {
            Level::City => {
                let province = places::province_of(n).filter(|p| p.name.as_str() != n);
                if let Some(&m) = province.and_then(|p| wide.get(p.name.as_str())) {
                    let conf = if is_city(ctx, i) { 0.8 } else { 0.6 };
                    ctx.link(i, LOC, m, conf);
                } else if let Some(c) = china {
                    // no province named: the country, where the document names it
                    if places::division(n, None).is_some() {
                        ctx.link(i, LOC, c, 0.4);
                    }
                }
            }
            Level::Province => {
                if let Some(c) = china {
                    if places::division(n, None).is_some() {
                        ctx.link(i, LOC, c, 0.5);
                    }
                }
            }
            Level::Local => {
                let Some(d) = places::division(n, home) else {
                    continue;
                };
                let divs = crate::segment::divisions::Divisions::get();
                let Some(city) = divs.city_of(d) else {
                    continue;
                };
                if home.is_some_and(|h| h.name == city.name) {
                    if let Some(c) = ctx.city {
                        ctx.link(i, LOC, c, 0.8);
                        placed[i] = true;
                    }
                } else if let Some(&m) = wide.get(city.name.as_str()) {
                    ctx.link(i, LOC, m, 0.7);
                    placed[i] = true;
                }
            }
            _ => {}
        }
    }
}

/// The document's city for its districts and for the local enterprises, projects and bodies it
/// names that no other rule placed, with a lower confidence.
fn default_city(ctx: &mut Ctx, placed: &[bool]) {
    let Some(city) = ctx.city else {
        if let Some(province) = province_home(ctx) {
            default_province(ctx, placed, province);
        }
        return;
    };
    for i in ctx.distinct() {
        let kind = ctx.kind(i);
        if !locatable(kind) || placed[i] || is_city(ctx, i) {
            continue;
        }
        let name = ctx.m(i).name.as_str();
        if kind == EntityType::Place {
            if places::level(name) == Level::Local && !foreign(ctx, name) {
                let admin = name.ends_with('区') || name.ends_with('县');
                ctx.link(i, LOC, city, if admin { 0.6 } else { 0.5 });
            }
            continue;
        }
        // named after another city or province: not this city's; a body named after the
        // province is the province's
        if foreign(ctx, name) {
            continue;
        }
        if kind == EntityType::Organization {
            let home = city_division(ctx);
            if places::leading_place(name)
                .is_some_and(|p| !home.is_some_and(|h| places::within(p, h)))
            {
                continue;
            }
        }
        if kind == EntityType::Organization && is_national_body(name) {
            continue;
        }
        if kind == EntityType::Enterprise && name.starts_with("中国") {
            continue;
        }
        ctx.link(i, LOC, city, 0.5);
    }
}

/// A province's document: its provincial bodies (省…) and the firms and projects it names
/// without another place are the province's, with a lower confidence.
fn default_province(ctx: &mut Ctx, placed: &[bool], province: usize) {
    for i in ctx.distinct() {
        let kind = ctx.kind(i);
        if placed[i]
            || !matches!(
                kind,
                EntityType::Enterprise | EntityType::Project | EntityType::Organization
            )
        {
            continue;
        }
        let name = ctx.m(i).name.as_str();
        if places::leading_place(name).is_some() {
            continue; // named after a place: inside_name's, or elsewhere
        }
        let conf = match kind {
            EntityType::Organization if name.starts_with('省') => 0.5,
            EntityType::Organization => continue,
            EntityType::Enterprise if name.starts_with("中国") => continue,
            _ => 0.4,
        };
        ctx.link(i, LOC, province, conf);
    }
}

/// Bodies of the state or province (国务院, 工信部, 省委), which a city's document names but
/// which are not in the city.
fn is_national_body(name: &str) -> bool {
    cues::words("national_heads")
        .iter()
        .any(|h| name.starts_with(h.as_str()))
        || (name.ends_with('部') && name.chars().count() <= 4)
        || name.ends_with("总局")
}
