//! Places: administrative divisions from `segment::divisions` (full names, and short forms in
//! the document's city or province or of a city or province), rivers and mountains jieba tags
//! `ns`, countries and regions from `data/extract_places.txt`; and the document's city.

use std::sync::LazyLock;

use regex::Regex;

use super::dictionary::WordScan;
use super::lexicon::dicts;
use super::{prio, Cand, Sent};
use crate::model::EntityType;
use crate::segment::divisions::{self, Division, Divisions, Level};

/// Places: administrative divisions (full names anywhere at token boundaries; short forms when
/// they lie in the document's city or province, or are a city or province themselves, or jieba
/// tags them `ns`), and countries and regions from `data/extract_places.txt`.
pub(crate) fn places(sent: &Sent, city: Option<&Division>, out: &mut Vec<Cand>) {
    let divs = Divisions::get();
    for m in divs.find_in(sent.text) {
        let (s, e) = (m.span.start, m.span.end);
        if !sent.is_boundary(s) {
            continue;
        }
        let mut end = e;
        if !sent.is_boundary(e) {
            // 某某区 written out where the data has 某某市, or a short form glued to a suffix
            match ["区", "县", "市"]
                .iter()
                .find(|x| sent.text[e..].starts_with(**x))
            {
                Some(x) if sent.is_boundary(e + x.len()) => end = e + x.len(),
                _ => continue,
            }
        }
        let Some(best) = m.candidates.first() else {
            continue;
        };
        let tagged = sent
            .tok_starting(s)
            .is_some_and(|t| t.span.end == e && t.tag.starts_with("ns"));
        let in_city = city.is_some_and(|c| {
            m.candidates
                .iter()
                .any(|d| divs.ancestors(d).any(|a| std::ptr::eq(a, c)))
        });
        let in_province = city.and_then(|c| divs.province(c)).is_some_and(|p| {
            m.candidates
                .iter()
                .any(|d| divs.ancestors(d).any(|a| std::ptr::eq(a, p)))
        });
        // 城区, 郊区, 矿区: a few districts bear a common word for a name, which elsewhere means
        // any city's urban area, suburbs or mining area
        if divisions::is_common_word(&sent.text[s..end]) && !in_city {
            continue;
        }
        let near = in_city || (in_province && tagged);
        let big = best.level != Level::County;
        if m.full || near || big {
            let conf = if m.full { 0.9 } else { 0.7 };
            out.extend(sent.cand(s..end, EntityType::Place, conf, prio::PLACE));
        }
    }
    // rivers, lakes and mountains jieba knows as places
    for t in sent.toks.iter().filter(|t| t.tag == "ns") {
        let n = t.word.chars().count();
        // 入河, 沿江, 环湖: a verb or preposition of place before the water, not a name
        let phrase = n == 2
            && t.word
                .starts_with(['入', '出', '沿', '跨', '临', '环', '近', '进']);
        if (2..=4).contains(&n) && t.word.ends_with(['河', '江', '湖', '山']) && !phrase {
            out.extend(sent.cand(t.span.clone(), EntityType::Place, 0.6, prio::PLACE));
        }
    }
    // 中央商务区 and its kin: a city's central districts (no regex without its literal)
    if sent.text.contains("中央") {
        for m in CENTRAL.find_iter(sent.text) {
            if sent.is_boundary(m.start()) {
                out.extend(sent.cand(m.range(), EntityType::Place, 0.7, prio::PLACE));
            }
        }
    }
    directional_regions(sent, out);
    let places = &dicts().places;
    for (i, at) in PLACE_WORDS.occurrences(sent.text) {
        let p = places[i];
        if sent.is_boundary(at) && sent.is_boundary(at + p.len()) {
            out.extend(sent.cand(at..at + p.len(), EntityType::Place, 0.7, prio::PLACE));
        }
    }
}

/// One-character abbreviations of the provinces, municipalities and regions (鲁, 粤, 苏 …).
const PROVINCE_ABBR: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

/// A region named by a province's abbreviation and directions (粤东, 鲁西南, 苏北, 粤东西北),
/// optionally followed by 地区. 京东 is also a company's name, so it is left alone.
static REGION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"[{PROVINCE_ABBR}][东西南北中]{{1,4}}(?:地区)?")).expect("static regex")
});

/// Whether `word` is a province's abbreviation followed by directions only (苏北, 鲁西南).
pub(crate) fn directional_region(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next().is_some_and(|c| PROVINCE_ABBR.contains(c));
    let rest: Vec<char> = chars.collect();
    first
        && (1..=4).contains(&rest.len())
        && rest.iter().all(|c| "东西南北中".contains(*c))
        && word != "京东"
}

/// Regions named by a province's abbreviation and directions: the first token a place jieba
/// knows (tag `ns` or `s`), the match on token boundaries.
fn directional_regions(sent: &Sent, out: &mut Vec<Cand>) {
    // (the regex needs an abbreviation before a direction: most sentences skip it)
    let mut chars = sent.text.chars();
    let mut prev = chars.next();
    let abbr_direction = chars.any(|c| {
        let p = prev.replace(c);
        matches!(c, '东' | '西' | '南' | '北' | '中')
            && p.is_some_and(|p| PROVINCE_ABBR.contains(p))
    });
    if !abbr_direction {
        return;
    }
    for m in REGION.find_iter(sent.text) {
        let (s, e) = (m.start(), m.end());
        let first = sent.tok_starting(s).filter(|t| t.span.end <= e);
        let known =
            first.is_some_and(|t| matches!(t.tag, "ns" | "s") && directional_region(t.word));
        if known && sent.is_boundary(s) && sent.is_boundary(e) {
            out.extend(sent.cand(s..e, EntityType::Place, 0.7, prio::PLACE));
        }
    }
}

/// Countries and regions of `data/extract_places.txt`, scanned in one pass.
static PLACE_WORDS: LazyLock<WordScan<'static>> =
    LazyLock::new(|| WordScan::new(dicts().places.iter().copied()));

static CENTRAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"中央\p{Han}{2}区").expect("static regex"));

/// The document's city: the city-level division its text names most often (its title counts
/// five times).
pub(crate) fn doc_city(title: &str, text: &str) -> Option<&'static Division> {
    let divs = Divisions::get();
    let mut counts: Vec<(&Division, usize)> = Vec::new();
    for (t, w) in [(title, 5), (text, 1)] {
        // a common word (城区) names no city here, as in ingest's choice of the main city
        for m in divs
            .find_in(t)
            .filter(|m| !divisions::is_common_word(&t[m.span.clone()]))
        {
            if let Some(c) = m.candidates.first().and_then(|d| divs.city_of(d)) {
                match counts.iter_mut().find(|(d, _)| std::ptr::eq(*d, c)) {
                    Some(e) => e.1 += w,
                    None => counts.push((c, w)),
                }
            }
        }
    }
    // the first-named city wins a tie
    let mut best: Option<(&Division, usize)> = None;
    for (d, n) in counts {
        if best.is_none_or(|b| n > b.1) {
            best = Some((d, n));
        }
    }
    let name = best?.0.name.clone();
    divs.lookup_all(&name).into_iter().find(|d| divs.is_city(d))
}
