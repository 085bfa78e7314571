//! Names built around a suffix (…集团, …研究院, …产业园, …行动, …大会, 市…局): from a suffix
//! that ends a token the name grows leftwards (`grow`); a name whose modifier is only generic
//! words (重点项目, 龙头企业) is dropped, the suffix's condition (a place before 市, a body's
//! 市/省 start, a physical 工程) checked; a project's leading brand is an enterprise of its own.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::grow::grow_left;
use super::lexicon::{dicts, Suffix, SuffixFlag};
use super::{prio, Cand, Sent};
use crate::model::EntityType;
use crate::segment::divisions::Divisions;
use crate::segment::trie::CharTrie;

/// Modifier words that make a `工程` a physical work (a Project) rather than a programme.
pub(crate) const INFRA: &[&str] = &[
    "调水",
    "供水",
    "供暖",
    "供热",
    "防洪",
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
    "输电",
    "特高压",
    "水库",
    "铁路",
    "机场",
    "港",
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

/// Whether the modifier `m` (the name without its suffix) says which one it is.
pub(crate) fn specific(sent: &Sent, r: Range<usize>) -> bool {
    let d = dicts();
    let m = &sent.text[r.clone()];
    if m.is_empty() || d.generic.contains(m) || d.generic_mods.contains(m) {
        return false;
    }
    // 规模以上, 省级以上, 千万元以下: a threshold describes a class of things, not one of them
    let threshold = |(i, _): (usize, &str)| m[i + '以'.len_utf8()..].starts_with(['上', '下']);
    if m.match_indices('以').any(threshold) {
        return false;
    }
    if m.chars()
        .all(|c| c.is_ascii_digit() || "个家户项批以上亿万元千百十".contains(c))
    {
        return false;
    }
    // any token of the modifier that is not a generic modifier makes it specific
    sent.toks_over(r.clone()).iter().any(|t| {
        let w = &sent.text[t.span.start.max(r.start)..t.span.end.min(r.end)];
        !d.generic_mods.contains(w)
            && !d.generic.contains(w)
            && !t.tag.starts_with(['m', 'c', 'p', 'u'])
            && (t.tag != "x" || w.chars().any(char::is_alphanumeric))
            && !w.trim().is_empty()
    })
}

/// Whether a modifier holds a proper name: a token jieba tags as a name or abbreviation, a
/// Latin or digit part, a quoted part, a place, or a national prefix (国家…, 中国…).
fn proper(sent: &Sent, r: Range<usize>) -> bool {
    let m = &sent.text[r.clone()];
    if ["国家", "中国", "世界", "全国", "国际"]
        .iter()
        .any(|p| m.starts_with(p))
        || m.contains('“')
    {
        return true;
    }
    if Divisions::get().find_in(m).next().is_some() {
        return true;
    }
    sent.toks_in(r).iter().any(|t| {
        matches!(t.tag, "ns" | "nr" | "nrt" | "nrfg" | "nz" | "nt" | "eng")
            || (t.tag == "x" && t.word.chars().any(|c| c.is_ascii_alphanumeric()))
            || t.word.chars().count() == 1
                && !matches!(t.tag, "n" | "v" | "vn" | "a" | "b" | "m" | "q")
    })
}

fn try_suffix(sent: &Sent, end: usize, suf: &Suffix) -> Option<Cand> {
    let d = dicts();
    let sstart = end - suf.text.len();
    let mut kind = suf.kind;
    // 海洋工程装备, 工程机械: the suffix word goes on into a longer noun
    let rest = &sent.text[end..];
    if suf.text.ends_with("工程")
        && ["装备", "机械", "技术", "师", "院", "学"]
            .iter()
            .any(|w| rest.starts_with(w))
    {
        return None;
    }
    if suf.flag == SuffixFlag::Brand {
        return super::brands::branded(sent, sstart, end);
    }
    let start = match suf.flag {
        SuffixFlag::Admin => {
            // the token ending where the suffix starts, or else one running over its start
            let t = sent
                .tok_ending(sstart)
                .or_else(|| sent.tok_ending(end).filter(|t| t.span.start < sstart))?;
            let m = &sent.text[t.span.start..sstart];
            if m.chars().count() < 2 || Divisions::get().lookup_all(m).is_empty() {
                return None;
            }
            t.span.start
        }
        // 某区纺织服装产业: the place before a field is not part of its name
        SuffixFlag::Industry => {
            let start = grow_left(sent, sstart, kind);
            let lead = Divisions::get().find_in(&sent.text[start..sstart]).next();
            match lead {
                Some(m) if m.span.start == 0 && sent.is_boundary(start + m.span.end) => {
                    let after = start + m.span.end;
                    let rest = &sent.text[after..sstart];
                    after
                        + ["区", "县", "市"]
                            .iter()
                            .find(|x| rest.starts_with(**x))
                            .map_or(0, |x| x.len())
                }
                _ => start,
            }
        }
        _ => grow_left(sent, sstart, kind),
    };
    if start >= sstart {
        return None;
    }
    let name = &sent.text[start..end];
    // a press conference is a named event only as a body's or a place's (某市…新闻发布会)
    if suf.text == "发布会"
        && !["国务院", "国家", "中共"]
            .iter()
            .any(|g| name.starts_with(g))
        && Divisions::get().find_in(name).next().map(|m| m.span.start) != Some(0)
    {
        return None;
    }
    let ordinal =
        kind == EntityType::Event && sent.text[start..sstart].contains(['第', '届', '次']);
    let vague = suf.flag != SuffixFlag::Gov && !ordinal && !specific(sent, start..sstart);
    if d.generic.contains(name) || name.starts_with(['(', '（']) || vague {
        return None;
    }
    let modifier = &sent.text[start..sstart];
    if kind == EntityType::Place
        && (modifier.starts_with("首届") || d.starts_with_generic_mod(modifier))
    {
        return None;
    }
    let n_mod = modifier.chars().count();
    let long_org = kind == EntityType::Organization
        && (n_mod >= 4 || n_mod >= 3 && modifier.starts_with(['省', '市']))
        && !d.starts_with_generic_mod(modifier);
    if matches!(kind, EntityType::Project | EntityType::Organization)
        && suf.flag == SuffixFlag::None
        && !long_org
        && !["试验区", "示范区", "先行区", "先导区"].contains(&suf.text)
        && !proper(sent, start..sstart)
    {
        return None;
    }
    match suf.flag {
        SuffixFlag::Gov => {
            let starts = GOV_START.iter().any(|g| name.starts_with(g))
                || sent
                    .tok_starting(start)
                    .is_some_and(|t| t.tag.starts_with("ns"));
            let vague = [
                "区域", "区县", "县域", "市场", "省会", "市级", "省级", "区级", "县级", "市区",
                "市民",
            ]
            .iter()
            .any(|v| name.starts_with(v))
                || [
                    "布局", "格局", "开局", "大局", "全局", "当局", "结局", "出局",
                ]
                .iter()
                .any(|v| name.ends_with(v));
            if !starts || vague || name.chars().count() > 14 {
                return None;
            }
        }
        SuffixFlag::Industry => {
            let known = d.industries.contains(modifier);
            let nouny = sent
                .toks_in(start..sstart)
                .iter()
                .all(|t| matches!(t.tag, "n" | "nz" | "eng"));
            let n = modifier.chars().count();
            let first_generic = sent
                .tok_starting(start)
                .is_some_and(|t| d.generic_mods.contains(t.word));
            let generic_tail = d.ends_with_generic_long(name);
            let vague = modifier.ends_with(['业', '性', '型'])
                || (first_generic && !known)
                || generic_tail
                || [
                    "省级",
                    "市级",
                    "核心",
                    "现代化",
                    "国家",
                    "区域",
                    "特色",
                    "农村",
                ]
                .iter()
                .any(|g| modifier.starts_with(g));
            if vague || !(known || nouny && (2..=4).contains(&n)) {
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

/// The titles (and 党组) in a trie, for the titles inside a token.
static TITLES: LazyLock<CharTrie> = LazyLock::new(|| {
    let mut titles: Vec<&str> = dicts().titles.keys().copied().collect();
    titles.push("党组");
    CharTrie::new(titles)
});

/// The suffixes (but `Titled` ones) `head` ends with, longest first as in the dictionary.
pub(crate) fn ending_suffixes(head: &str) -> impl Iterator<Item = &'static Suffix> + '_ {
    dicts()
        .suffixes_of(head)
        .filter(|s| s.flag != SuffixFlag::Titled)
}

pub(crate) fn suffixed(sent: &Sent, out: &mut Vec<Cand>) {
    let titles = &*TITLES;
    let mut ends: Vec<usize> = Vec::with_capacity(sent.toks.len() + 4);
    for t in &sent.toks {
        ends.push(t.span.end);
        // a body's name glued to a title by the segmenter (…局局长): a title inside a token,
        // not at its start (a title is Chinese: a token of three bytes holds none past its start)
        if t.word.len() <= 3 {
            continue;
        }
        let mut chars = t.word.char_indices().skip(1).peekable();
        while let Some((i, c)) = chars.next() {
            let word = &t.word[i..];
            if titles.may_begin(c, chars.peek().map(|x| x.1))
                && titles.prefixes(word).next().is_some()
            {
                ends.push(t.span.start + i);
            }
        }
    }
    // (tokens are in order and cover the sentence: only the inner ends need sorting in)
    ends.sort_unstable();
    ends.dedup();
    let d = dicts();
    for end in ends {
        let head = &sent.text[..end];
        // (most words end with no suffix's last character)
        if !head
            .chars()
            .next_back()
            .is_some_and(|c| d.may_end_suffix(c))
        {
            continue;
        }
        for suf in ending_suffixes(head) {
            // a one-character head (港, 展) must be a word of its own, not the end of 香港, 发展
            let single = suf.text.chars().count() == 1
                && !matches!(suf.flag, SuffixFlag::Gov | SuffixFlag::Admin);
            if single && sent.tok_ending(end).is_none_or(|t| t.word != suf.text) {
                continue;
            }
            if let Some(mut c) = try_suffix(sent, end, suf) {
                if c.kind == EntityType::Project {
                    with_phase(sent, &mut c);
                    out.extend(super::brands::brand(sent, &c));
                }
                out.extend(super::brands::owner(sent, &c));
                out.push(c);
                break;
            }
        }
    }
}

static PHASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九]|[0-9]{1,2})期(?:工程|项目)").expect("static regex")
});

/// A phase named as a project of its own belongs to the name (某某基地一期项目); a bare phase
/// after a park (某某产业园二期) stays the park's.
fn with_phase(sent: &Sent, c: &mut Cand) {
    let end = c.span.end - sent.base;
    let Some(m) = sent.text.get(end..).and_then(|rest| PHASE.find(rest)) else {
        return;
    };
    let new_end = end + m.end();
    if !sent.is_boundary(new_end) {
        return;
    }
    if let Some(n) = sent.cand(c.span.start - sent.base..new_end, c.kind, c.conf, c.prio) {
        *c = n;
    }
}
