//! Names built around a suffix (…集团, …研究院, …产业园, …行动, …大会, 市…局): from a suffix
//! that ends a token, the name grows leftwards over name-like tokens until a stop word, a
//! punctuation mark or a length cap; a name whose modifier is only generic words (重点项目,
//! 龙头企业) is dropped. Also places from jieba's `ns` tags.

use std::ops::Range;

use super::lexicon::{dicts, Suffix, SuffixFlag};
use super::{prio, Cand, Sent};
use crate::model::EntityType;
use crate::segment::Token;

/// Modifier words that make a `工程` a physical work (a Project) rather than a programme.
const INFRA: &[&str] = &[
    "调水",
    "供水",
    "供暖",
    "供热",
    "防洪",
    "复航",
    "改扩建",
    "扩建",
    "光纤",
    "管网",
    "连通",
    "公路",
    "道路",
    "大桥",
    "隧道",
    "电网",
    "输变电",
    "水利",
    "管廊",
    "地铁",
    "轨道",
    "大科学",
    "一期",
    "二期",
    "三期",
    "四期",
    "入济",
    "入鲁",
    "输电",
    "特高压",
    "水库",
    "铁路",
    "机场",
    "港",
    "+1",
];

/// Words that may start a government body's name.
const GOV_START: &[&str] = &[
    "市",
    "省",
    "区",
    "县",
    "国家",
    "中共",
    "国务院",
    "自治区",
    "人民银行",
];

/// Leading words dropped from a name (deictics and quantities).
const LEAD_TRIM: &[&str] = &[
    "我市", "我省", "我国", "本市", "全市", "全省", "全国", "全区", "各", "各类", "一批", "一个",
    "新", "首个", "这", "该", "其", "第一", "多个", "两个", "个",
];

fn max_chars(kind: EntityType) -> usize {
    match kind {
        EntityType::Policy | EntityType::Event => 30,
        EntityType::Project => 22,
        EntityType::Organization | EntityType::Enterprise => 18,
        EntityType::Industry => 10,
        _ => 8,
    }
}

/// Whether a token may sit inside a name.
fn name_part(t: &Token, first: bool) -> bool {
    let d = dicts();
    let w = t.word;
    if matches!(
        w,
        "“" | "”" | "·" | "-" | "—" | "+" | "(" | ")" | "（" | "）"
    ) {
        return true;
    }
    if matches!(w, "和" | "与") {
        return !first;
    }
    if d.stopwords.contains(w) {
        return false;
    }
    let tag = t.tag;
    if tag == "x" {
        return w.chars().all(|c| c.is_alphanumeric());
    }
    !matches!(
        tag.as_bytes().first(),
        Some(b'p' | b'c' | b'u' | b'd' | b'r' | b'y' | b'e' | b'o')
    )
}

/// Grows a name leftwards from `pos` (relative); returns its start.
pub(crate) fn grow_left(sent: &Sent, pos: usize, kind: EntityType) -> usize {
    let cap = max_chars(kind);
    let mut start = pos;
    let mut depth = 0i32;
    let mut quotes = 0i32;
    for t in sent.toks.iter().rev() {
        if t.span.start >= start {
            continue;
        }
        let first = start == pos && t.span.end == pos;
        if !name_part(t, first) {
            break;
        }
        match t.word {
            ")" | "）" => depth += 1,
            "(" | "（" => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            "”" => quotes += 1,
            "“" => {
                if quotes == 0 {
                    break;
                }
                quotes -= 1;
            }
            _ => {}
        }
        if sent.text[t.span.start..pos].chars().count() > cap {
            break;
        }
        start = t.span.start;
    }
    // an opening quote or paren left unbalanced at the start is not part of the name
    while depth > 0 || quotes > 0 {
        let rest = &sent.text[start..pos];
        let cut = rest
            .find([')', '）', '”'])
            .map(|i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
        match cut {
            Some(c) => start += c,
            None => break,
        }
        depth = 0;
        quotes = 0;
    }
    trim_lead(sent, start, pos)
}

fn trim_lead(sent: &Sent, mut start: usize, end: usize) -> usize {
    loop {
        let rest = &sent.text[start..end];
        let Some(w) = LEAD_TRIM
            .iter()
            .find(|w| rest.starts_with(**w) && sent.is_boundary(start + w.len()))
        else {
            break;
        };
        start += w.len();
    }
    while let Some(c) = sent.text[start..end].chars().next() {
        if matches!(c, '、' | '，' | '”' | ')' | '）' | '和' | '与') {
            start += c.len_utf8();
        } else {
            break;
        }
    }
    start
}

/// Whether the modifier `m` (the name without its suffix) says which one it is.
pub(crate) fn specific(sent: &Sent, r: Range<usize>) -> bool {
    let d = dicts();
    let m = &sent.text[r.clone()];
    if m.is_empty() || d.generic.contains(m) || d.generic_mods.contains(m) {
        return false;
    }
    if m.chars()
        .all(|c| c.is_ascii_digit() || "个家户项批以上亿万元千百十".contains(c))
    {
        return false;
    }
    // any token of the modifier that is not a generic modifier makes it specific
    sent.toks
        .iter()
        .filter(|t| t.span.start < r.end && t.span.end > r.start)
        .any(|t| {
            let w = &sent.text[t.span.start.max(r.start)..t.span.end.min(r.end)];
            !d.generic_mods.contains(w)
                && !d.generic.contains(w)
                && t.tag != "m"
                && !w.trim().is_empty()
        })
}

fn try_suffix(sent: &Sent, end: usize, suf: &Suffix) -> Option<Cand> {
    let d = dicts();
    let sstart = end - suf.text.len();
    let mut kind = suf.kind;
    let start = match suf.flag {
        SuffixFlag::Admin => {
            let t = sent
                .toks
                .iter()
                .find(|t| t.span.end == sstart || (t.span.start < sstart && t.span.end == end))?;
            if !t.tag.starts_with("ns") {
                return None;
            }
            t.span.start
        }
        _ => grow_left(sent, sstart, kind),
    };
    if start >= sstart {
        return None;
    }
    let name = &sent.text[start..end];
    if d.generic.contains(name) || !specific(sent, start..sstart) {
        return None;
    }
    let modifier = &sent.text[start..sstart];
    match suf.flag {
        SuffixFlag::Gov => {
            let starts = GOV_START.iter().any(|g| name.starts_with(g))
                || sent
                    .toks
                    .iter()
                    .any(|t| t.span.start == start && t.tag.starts_with("ns"));
            if !starts || name.chars().count() > 14 {
                return None;
            }
        }
        SuffixFlag::Industry => {
            let known = d.industries.contains(modifier);
            let nouny = sent
                .toks
                .iter()
                .filter(|t| t.span.start >= start && t.span.end <= sstart)
                .all(|t| matches!(t.tag, "n" | "vn" | "nz" | "eng" | "an" | "b"));
            if !known && !(nouny && modifier.chars().count() <= 6) {
                return None;
            }
        }
        SuffixFlag::Infra => {
            kind = if INFRA.iter().any(|w| modifier.contains(w))
                || sent.text[end..].starts_with("项目")
            {
                EntityType::Project
            } else {
                EntityType::Policy
            };
        }
        _ => {}
    }
    let conf = if matches!(suf.flag, SuffixFlag::Industry) {
        0.6
    } else {
        0.75
    };
    sent.cand(start..end, kind, conf, prio::SUFFIX)
}

/// Names ending with a suffix of `data/extract_suffixes.txt`.
pub(crate) fn suffixed(sent: &Sent, out: &mut Vec<Cand>) {
    let d = dicts();
    let mut ends: Vec<usize> = sent.toks.iter().map(|t| t.span.end).collect();
    // a body's name glued to a title by the segmenter (…局局长)
    for t in &sent.toks {
        for (i, _) in t.word.char_indices().skip(1) {
            let rest = &t.word[i..];
            if d.titles.keys().any(|k| rest.starts_with(k)) || rest.starts_with("党组") {
                ends.push(t.span.start + i);
            }
        }
    }
    ends.sort_unstable();
    ends.dedup();
    for end in ends {
        let head = &sent.text[..end];
        for suf in d.suffixes.iter().filter(|s| head.ends_with(s.text)) {
            if let Some(c) = try_suffix(sent, end, suf) {
                out.push(c);
                break;
            }
        }
    }
}

/// Places: tokens jieba tags `ns` (济南, 广州), with an administrative suffix when one follows.
pub(crate) fn places(sent: &Sent, out: &mut Vec<Cand>) {
    let d = dicts();
    for t in &sent.toks {
        if !t.tag.starts_with("ns") || t.word.chars().count() < 2 {
            continue;
        }
        if d.generic.contains(t.word) || d.stopwords.contains(t.word) {
            continue;
        }
        if let Some(c) = sent.cand(t.span.clone(), EntityType::Place, 0.6, prio::PLACE) {
            out.push(c);
        }
    }
}
