//! Names found by dictionary: a user's `--dict` entries (their type always wins), fixed
//! government bodies (国务院, 工信部, 市委) and industry vocabulary (集成电路, 新能源汽车), the
//! latter with a following 产业/行业 kept in the name.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use super::lexicon::dicts;
use super::{prio, Cand, Lexicon, Sent};
use crate::model::EntityType;
use crate::segment::divisions::Divisions;

/// Words after an industry word that keep it in the name (`集成电路产业`).
const INDUSTRY_TAIL: &[&str] = &["产业", "行业"];
/// Measures after a field that the segmenter may glue to it (制造业增加值).
const METRIC_HEAD: &[&str] = &["增加值", "产值", "营业收入", "营收", "投资", "增速"];

/// Product heads that, after an industry word, name a narrower field (风电装备, 软件设计).
const FIELD_HEAD: &[&str] = &["装备", "设计", "材料", "器件", "模组", "零部件"];

/// Grade words ending in 级 that say how important, not what kind.
const GRADE: &[&str] = &[
    "国家级",
    "省级",
    "市级",
    "区级",
    "县级",
    "世界级",
    "国际级",
    "高级",
    "初级",
];

/// The start of a technical modifier right before an industry word at `at` (分布式储能,
/// 工业级传感器): one token of two to four characters ending in 式 or 级, no grade word.
fn technical_modifier(sent: &Sent, at: usize) -> Option<usize> {
    let t = sent.tok_ending(at)?;
    let n = t.word.chars().count();
    let technical = t.word.ends_with(['式', '级']) && !GRADE.contains(&t.word);
    let d = dicts();
    if !technical
        || !(2..=4).contains(&n)
        || d.stopwords.contains(t.word)
        || d.generic_mods.contains(t.word)
    {
        return None;
    }
    // a 级 word split after its first character (X + Y级): the one-character noun belongs to it
    let lead = sent
        .tok_ending(t.span.start)
        .filter(|u| u.word.chars().count() == 1 && u.tag == "n");
    Some(lead.map_or(t.span.start, |u| u.span.start))
}

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
                .suffixes_of(name)
                .next()
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

/// A word list looked up by its first two characters: at each character of a text that starts
/// a word, the words starting with it and the next character are compared there. For a few
/// hundred short words this is cheaper than an automaton or a trie walk: little to build per
/// document, no overlapping matches to sort out.
pub(crate) struct WordScan<'w> {
    words: Vec<&'w str>,
    /// Word indices by first two characters (a one-character word's second is `'\0'`).
    by_pair: FxHashMap<(char, char), Vec<usize>>,
    /// Whether some word has one character.
    singles: bool,
    /// A bit per character of the Basic Multilingual Plane: whether a word starts with it (most
    /// characters of a text start none, and this says so without a hash look-up).
    starts: Vec<u64>,
    /// The words that may overlap themselves (`车车` in `车车车`): only their occurrences are
    /// checked against the previous one's end.
    bordered: Vec<bool>,
}

/// Characters of the Basic Multilingual Plane, which [`WordScan::starts`] has a bit for.
const BMP: usize = 0x10000;

impl<'w> WordScan<'w> {
    /// Indexes `words` (their order gives the word indices).
    pub fn new(words: impl IntoIterator<Item = &'w str>) -> Self {
        let words: Vec<&str> = words.into_iter().collect();
        let mut by_pair: FxHashMap<(char, char), Vec<usize>> = FxHashMap::default();
        let mut singles = false;
        let mut starts = vec![0u64; BMP / 64];
        for (i, w) in words.iter().enumerate() {
            let mut chars = w.chars();
            if let Some(c) = chars.next() {
                let second = chars.next().unwrap_or('\0');
                singles |= second == '\0';
                by_pair.entry((c, second)).or_default().push(i);
                if let Some(bits) = starts.get_mut(c as usize / 64) {
                    *bits |= 1 << (c as usize % 64);
                }
            }
        }
        let bordered = words.iter().map(|w| bordered(w)).collect();
        WordScan {
            words,
            by_pair,
            singles,
            starts,
            bordered,
        }
    }

    /// Where each word occurs in `text`, as `(word index, byte start)`, ordered by word and then
    /// position, each word's occurrences not overlapping one another (as `match_indices`).
    ///
    /// # Complexity
    /// One pass over the characters of `text`, comparing the words that start with each and the
    /// next.
    pub fn occurrences(&self, text: &str) -> Vec<(usize, usize)> {
        // per bordered word found so far, where its last occurrence ends (a handful per text)
        let mut free_from: Vec<(usize, usize)> = Vec::new();
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let n = c as usize;
            if n < BMP && self.starts[n / 64] & (1 << (n % 64)) == 0 {
                continue;
            }
            let next = chars.peek().map(|x| x.1);
            let pairs = next.map(|d| (c, d)).into_iter();
            let single = self.singles.then_some((c, '\0'));
            for key in pairs.chain(single) {
                let Some(cands) = self.by_pair.get(&key) else {
                    continue;
                };
                for &i in cands {
                    let w = self.words[i];
                    if !text[at..].starts_with(w) {
                        continue;
                    }
                    if self.bordered[i] {
                        match free_from.iter_mut().find(|f| f.0 == i) {
                            Some(f) if at < f.1 => continue,
                            Some(f) => f.1 = at + w.len(),
                            None => free_from.push((i, at + w.len())),
                        }
                    }
                    out.push((i, at));
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// Whether a proper prefix of `w` is also a suffix of it, so that two occurrences may overlap.
fn bordered(w: &str) -> bool {
    w.char_indices()
        .skip(1)
        .any(|(i, _)| w.starts_with(&w[i..]))
}

/// The fixed bodies, the industry words and the slogan words of city programmes, indexed once
/// and found in one pass.
static FIXED: LazyLock<WordScan<'static>> = LazyLock::new(|| {
    let d = dicts();
    WordScan::new(
        d.orgs
            .iter()
            .chain(&d.industry_list)
            .chain(&SLOGAN_WORDS)
            .copied(),
    )
});

/// Fixed government bodies and industry words, at token boundaries.
pub(crate) fn fixed(sent: &Sent, out: &mut Vec<Cand>) {
    let d = dicts();
    let found = FIXED.occurrences(sent.text);
    // bodies first (the lower word indices), then industry words, then slogan words
    let (orgs, rest) = found.split_at(found.partition_point(|&(i, _)| i < d.orgs.len()));
    let n_words = d.orgs.len() + d.industry_list.len();
    let (industries, slogans) = rest.split_at(rest.partition_point(|&(i, _)| i < n_words));
    for &(i, at) in orgs {
        let org = d.orgs[i];
        let end = at + org.len();
        if sent.is_boundary(at) && sent.is_boundary(end) {
            out.extend(sent.cand(at..end, EntityType::Organization, 0.8, prio::DICT));
        }
    }
    for &(i, at) in industries {
        let word = d.industry_list[i - d.orgs.len()];
        let mut end = at + word.len();
        // a long word is distinctive enough where the segmenter glued it to a neighbour
        if !sent.is_boundary(at) && word.chars().count() < 3 {
            continue;
        }
        let rest = &sent.text[end..];
        let tail = INDUSTRY_TAIL.iter().find(|t| rest.starts_with(**t));
        if let Some(t) = tail.filter(|_| !word.ends_with('业')) {
            end += t.len();
        } else if !sent.is_boundary(end)
            && !rest.starts_with('业')
            && !METRIC_HEAD.iter().any(|m| rest.starts_with(m))
        {
            continue;
        }
        // 风电装备, 软件设计: a product head after a field names a narrower field
        if !word.ends_with('业') {
            if let Some(h) = FIELD_HEAD
                .iter()
                .find(|h| sent.text[end..].starts_with(**h))
            {
                if sent.is_boundary(end + h.len()) {
                    end += h.len();
                }
            }
        }
        if INDUSTRY_BLOCK
            .iter()
            .any(|b| sent.text[end..].starts_with(b))
        {
            continue;
        }
        let start = technical_modifier(sent, at).unwrap_or(at);
        out.extend(sent.cand(start..end, EntityType::Industry, 0.7, prio::INDUSTRY));
    }
    compounds(sent, out);
    // (the regex needs a numeral before 大, or 中全会: most sentences skip it)
    if numbered_congress(sent.text) {
        for m in CONGRESS.find_iter(sent.text) {
            out.extend(sent.cand(m.range(), EntityType::Event, 0.8, prio::DICT));
        }
    }
    city_programmes(sent, !slogans.is_empty(), out);
}

/// Whether `text` may name a congress or a plenary session: a numeral before 大, or 中全会.
fn numbered_congress(text: &str) -> bool {
    const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    text.match_indices('大')
        .any(|(i, _)| text[..i].ends_with(NUMERALS))
        || text.contains("中全会")
}

/// City programmes named by a slogan word and a place (智慧某市, 数字某市) or a manufacturing
/// plan with its target year (某地制造2025).
/// (The slogan regex starts with a slogan word: only a sentence with one, `slogan`, runs it.)
fn city_programmes(sent: &Sent, slogan: bool, out: &mut Vec<Cand>) {
    if slogan {
        slogan_cities(sent, out);
    }
    made_in(sent, out);
}

/// 智慧某市, 数字某市: a slogan word before a known place.
fn slogan_cities(sent: &Sent, out: &mut Vec<Cand>) {
    for c in SLOGAN_CITY.captures_iter(sent.text) {
        let (Some(all), Some(place)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let p = place.as_str();
        let known = Divisions::get().lookup(p).is_some() || dicts().is_place(p);
        let r = all.start()..place.end();
        if known && sent.is_boundary(r.start) {
            out.extend(sent.cand(r, EntityType::Policy, 0.7, prio::DICT));
        }
    }
}

/// 某地制造2025: a manufacturing plan named by a place and its target year.
fn made_in(sent: &Sent, out: &mut Vec<Cand>) {
    // (the regex needs its literal: most sentences skip it)
    if !sent.text.contains("制造20") {
        return;
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

/// The slogan words [`SLOGAN_CITY`] starts with.
const SLOGAN_WORDS: [&str; 13] = [
    "智慧", "数字", "智造", "科创", "美丽", "平安", "健康", "法治", "文明", "宜居", "活力", "幸福",
    "创新",
];
static SLOGAN_CITY: LazyLock<Regex> = LazyLock::new(|| {
    let words = SLOGAN_WORDS.join("|");
    Regex::new(&format!(
        r"({words})(\p{{Han}}{{2,3}}?)(?:建设|[，。、；“”]|$)"
    ))
    .expect("static regex")
});
static MADE_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Han}{2,3}制造20[2-5]\d").expect("static regex"));

/// Party congresses and plenary sessions (党的十八大, 十八届三中全会).
static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:党的)?[一二三四五六七八九十]{2,3}大|[一二三四五六七八九十]{2,3}届[一二三四五六七八九]中全会")
        .expect("static regex")
});

/// `A与B` where both are industry words names one field (`生物医药与大健康`), and so do two
/// industry words written together (`家电芯片`).
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
        // 家电芯片: a field before a product field names the narrower one (氢能储能 stays two)
        let product = |r: &std::ops::Range<usize>| {
            let w = &sent.text[r.start - sent.base..r.end - sent.base];
            ["芯片", "半导体", "软件", "电池", "传感器", "材料", "装备"].contains(&w)
        };
        if let Some(b) = inds
            .iter()
            .filter(|b| b.start == a.end && !category(a) && product(b))
            .max_by_key(|b| b.end)
        {
            let r = a.start - sent.base..b.end - sent.base;
            if sent.text[r.clone()].chars().count() <= 8 {
                out.extend(sent.cand(r, EntityType::Industry, 0.65, prio::INDUSTRY + 1));
            }
        }
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

#[cfg(test)]
mod tests {
    use super::WordScan;

    #[test]
    fn first_char_occurrences_are_each_words_match_indices() {
        let words = ["新能源", "新能源汽车", "汽车", "车车", "能源", "𠀀字"];
        let text = "发展新能源汽车和新能源，汽车车车车，𠀀字𠀀字";
        let mut expected: Vec<(usize, usize)> = words
            .iter()
            .enumerate()
            .flat_map(|(i, w)| text.match_indices(w).map(move |(at, _)| (i, at)))
            .collect();
        expected.sort_unstable();
        assert_eq!(WordScan::new(words).occurrences(text), expected);
    }
}
