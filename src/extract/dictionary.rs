//! Names found by dictionary: a user's `--dict` entries (their type always wins), fixed
//! government bodies (国务院, 工信部, 市委) and industry vocabulary (集成电路, 新能源汽车), the
//! latter with a following 产业/行业 kept in the name.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::dicts;
use super::{prio, Cand, Lexicon, Sent};
use crate::model::EntityType;
use crate::segment::divisions::Divisions;

/// Words after an industry word that keep it in the name (`集成电路产业`).
const INDUSTRY_TAIL: &[&str] = &["产业", "行业"];
/// Words after an industry word that make it part of a longer name or a generic use.
const INDUSTRY_BLOCK: &[&str] = &[
    "园",
    "基地",
    "城",
    "谷",
    "岛",
    "港",
    "中心",
    "研究院",
    "集团",
    "公司",
];

/// A user's entries, wherever they occur; untyped ones take the type their suffix gives.
pub(crate) fn user_entries(sent: &Sent, lexicon: &Lexicon, out: &mut Vec<Cand>) {
    for (name, kind) in &lexicon.entries {
        if name.is_empty() {
            continue;
        }
        let kind = kind.unwrap_or_else(|| {
            dicts()
                .suffixes
                .iter()
                .find(|s| name.ends_with(s.text))
                .map_or(EntityType::Enterprise, |s| s.kind)
        });
        for (at, _) in sent.text.match_indices(name.as_str()) {
            out.push(Cand {
                span: sent.base + at..sent.base + at + name.len(),
                name: name.clone(),
                kind,
                conf: 1.0,
                prio: prio::USER,
            });
        }
    }
}

/// Fixed government bodies and industry words, at token boundaries.
pub(crate) fn fixed(sent: &Sent, out: &mut Vec<Cand>) {
    let d = dicts();
    for org in &d.orgs {
        for (at, _) in sent.text.match_indices(org) {
            let end = at + org.len();
            if sent.is_boundary(at) && sent.is_boundary(end) {
                out.extend(sent.cand(at..end, EntityType::Organization, 0.8, prio::DICT));
            }
        }
    }
    for word in &d.industry_list {
        for (at, _) in sent.text.match_indices(word) {
            let mut end = at + word.len();
            // a long word is distinctive enough where the segmenter glued it to a neighbour
            if !sent.is_boundary(at) && word.chars().count() < 3 {
                continue;
            }
            let rest = &sent.text[end..];
            let tail = INDUSTRY_TAIL.iter().find(|t| rest.starts_with(**t));
            if let Some(t) = tail.filter(|_| !word.ends_with('业')) {
                end += t.len();
            } else if !sent.is_boundary(end) && !rest.starts_with('业') {
                continue;
            }
            if INDUSTRY_BLOCK
                .iter()
                .any(|b| sent.text[end..].starts_with(b))
            {
                continue;
            }
            out.extend(sent.cand(at..end, EntityType::Industry, 0.7, prio::INDUSTRY));
        }
    }
    compounds(sent, out);
    for m in CONGRESS.find_iter(sent.text) {
        out.extend(sent.cand(m.range(), EntityType::Event, 0.8, prio::DICT));
    }
    city_programmes(sent, out);
}

/// City programmes named by a slogan word and a place (智慧某市, 数字某市) or a manufacturing
/// plan with its target year (某地制造2025).
fn city_programmes(sent: &Sent, out: &mut Vec<Cand>) {
    for c in SLOGAN_CITY.captures_iter(sent.text) {
        let (Some(all), Some(place)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let p = place.as_str();
        let known = Divisions::get().lookup(p).is_some() || dicts().places.contains(&p);
        let r = all.start()..place.end();
        if known && sent.is_boundary(r.start) {
            out.extend(sent.cand(r, EntityType::Policy, 0.7, prio::DICT));
        }
    }
    for m in MADE_IN.find_iter(sent.text) {
        // the place starts at a word boundary (落实中原制造2025: 中原, not 实中原)
        let start = m
            .as_str()
            .char_indices()
            .map(|(i, _)| m.start() + i)
            .find(|&i| {
                sent.is_boundary(i)
                    && sent
                        .toks
                        .iter()
                        .find(|t| t.span.start == i)
                        .is_some_and(|t| {
                            !dicts().stopwords.contains(t.word)
                                && !t.tag.starts_with(['u', 'p', 'c', 'd'])
                        })
            });
        if let Some(s) = start.filter(|&s| sent.text[s..m.end()].chars().count() >= 8) {
            out.extend(sent.cand(s..m.end(), EntityType::Policy, 0.8, prio::DICT));
        }
    }
}

static SLOGAN_CITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(智慧|数字|智造|科创|美丽|平安|健康|法治|文明|宜居|活力|幸福|创新)(\p{Han}{2,3}?)(?:建设|[，。、；“”]|$)")
        .expect("static regex")
});
static MADE_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Han}{2,3}制造20[2-5]\d").expect("static regex"));

/// Party congresses and plenary sessions (党的十八大, 十八届三中全会).
static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:党的)?[一二三四五六七八九十]{2,3}大|[一二三四五六七八九十]{2,3}届[一二三四五六七八九]中全会")
        .expect("static regex")
});

/// `A与B` where both are industry words names one field (`生物医药与大健康`).
fn compounds(sent: &Sent, out: &mut Vec<Cand>) {
    let inds: Vec<_> = out
        .iter()
        .filter(|c| c.kind == EntityType::Industry && c.prio == prio::INDUSTRY)
        .map(|c| c.span.clone())
        .collect();
    for a in &inds {
        let joint = a.end - sent.base;
        let category = |r: &std::ops::Range<usize>| {
            sent.text[r.start - sent.base..r.end - sent.base].ends_with('业')
        };
        if !sent.text[joint..].starts_with('与') || category(a) {
            continue;
        }
        let bstart = sent.base + joint + '与'.len_utf8();
        if let Some(b) = inds
            .iter()
            .filter(|b| b.start == bstart && !category(b))
            .max_by_key(|b| b.end)
        {
            let r = a.start - sent.base..b.end - sent.base;
            out.extend(sent.cand(r, EntityType::Industry, 0.65, prio::INDUSTRY + 1));
        }
    }
}
