//! People: a name of two or three characters starting with a common surname, next to a title or
//! a role (局长 X, X 主持, 记者 X, 整理：X Y); and the outlets reporters ask for in a press
//! conference (`某某日报记者：`).

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{dicts, TitleSide};
use super::{prio, Cand, Sent};
use crate::model::EntityType;
use crate::segment::trie::CharTrie;

/// Common Chinese surnames (single characters).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝汲习";

/// [`SURNAMES`] as a bit per character of the Basic Multilingual Plane.
static SURNAME_BITS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64];
    for c in SURNAMES.chars() {
        if let Some(b) = bits.get_mut(c as usize / 64) {
            *b |= 1 << (c as usize % 64);
        }
    }
    bits
});

/// Whether `c` is a common surname.
fn surname(c: char) -> bool {
    let n = c as usize;
    SURNAME_BITS
        .get(n / 64)
        .is_some_and(|b| b & (1 << (n % 64)) != 0)
}

fn is_name(s: &str) -> bool {
    // two or three characters of three bytes each (every Han character of the range below)
    if !(s.len() == 6 || s.len() == 9) {
        return false;
    }
    s.chars().next().is_some_and(surname)
        && s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !ROLE.iter().any(|r| s.ends_with(r))
        && !dicts().stopwords.contains(s)
        && !dicts().titles.contains_key(s)
}

/// Whether `s` is one character.
fn one_char(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some() && c.next().is_none()
}

/// The titles, as tries: every title from its first character, every title from its last, and
/// the titles of two characters or more that may stand after a name.
struct Titles {
    starts: CharTrie,
    ends: CharTrie,
    after: CharTrie,
}

static TITLES: LazyLock<Titles> = LazyLock::new(|| {
    let t = &dicts().titles;
    let after = t
        .iter()
        .filter(|(k, side)| k.chars().count() >= 2 && **side != TitleSide::Before)
        .map(|(k, _)| *k);
    Titles {
        starts: CharTrie::new(t.keys().copied()),
        ends: CharTrie::new_reversed(t.keys().copied()),
        after: CharTrie::new(after),
    }
});

/// Roles in a working group or a committee (任组长, 兼副组长).
const ROLE: &[&str] = &["组长", "成员", "委员", "召集人"];

/// The person-name span starting at token `i`: one token, or two short ones (汲/佩德).
fn name_at(sent: &Sent, i: usize) -> Option<(usize, usize)> {
    let t = sent.toks.get(i)?;
    // (a name's characters take three bytes each)
    if (t.tag.starts_with("nr") || t.word.len() == 9) && is_name(t.word) {
        return Some((t.span.start, t.span.end));
    }
    if !one_char(t.word) {
        return None;
    }
    let u = sent.toks.get(i + 1)?;
    let joined = &sent.text[t.span.start..u.span.end];
    is_name(joined).then_some((t.span.start, u.span.end))
}

/// Names next to titles, and names listed right after one.
pub(crate) fn people(sent: &Sent, out: &mut Vec<Cand>) {
    let d = dicts();
    let toks = &sent.toks;
    let mut last_end = None;
    for i in 0..toks.len() {
        let Some((s, mut e)) = name_at(sent, i) else {
            continue;
        };
        // 王某任副组长: a two-character name glued to the verb before a title
        let tail = sent.text.get(s..e).and_then(|w| w.chars().nth(2));
        if let Some(c) = tail.filter(|c| matches!(c, '任' | '兼' | '为')) {
            let after = sent.text[e..].trim_start_matches(['副', '常']);
            if ROLE.iter().any(|k| after.starts_with(k))
                || TITLES.starts.prefixes(after).next().is_some()
            {
                e -= c.len_utf8();
            }
        }
        let prev = toks[..i]
            .iter()
            .rev()
            .find(|t| !matches!(t.word, "：" | ":" | " " | "　"));
        let next = sent.tok_starting(e);
        let before_ok = prev.is_some_and(|p| {
            matches!(
                d.titles.get(p.word),
                Some(TitleSide::Before | TitleSide::Both)
            ) || TITLES
                .ends
                .suffixes(p.word)
                .any(|(_, len)| p.word.len() > len)
        });
        let rest = &sent.text[e..];
        let titled_after = TITLES.after.prefixes(rest).next().is_some();
        let after_ok = titled_after
            || next.is_some_and(|n| {
                matches!(
                    d.titles.get(n.word),
                    Some(TitleSide::After | TitleSide::Both)
                ) || n.word.starts_with("主持")
                    || n.word == "："
                    || n.word == ":"
            });
        let chained = last_end.is_some_and(|le: usize| {
            sent.text
                .get(le..s)
                .is_some_and(|gap| gap.trim().is_empty() || gap == "、")
        });
        if before_ok || after_ok || chained {
            if let Some(c) = sent.cand(s..e, EntityType::Person, 0.7, prio::PERSON) {
                out.push(c);
                last_end = Some(e);
            }
        }
    }
}

static OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([\p{Han}A-Za-z0-9·]{2,12}?)记者\s*[：:]").expect("static regex")
});

/// `某某日报记者：` opening a question in a press conference: the outlet is an organisation.
pub(crate) fn outlets(sent: &Sent, out: &mut Vec<Cand>) {
    if !sent.text.contains("记者") {
        return;
    }
    let Some(m) = OUTLET.captures(sent.text).and_then(|c| c.get(1)) else {
        return;
    };
    let w = m.as_str();
    let vague = ["这位", "各位", "那位", "请", "的", "和"]
        .iter()
        .any(|v| w.contains(v))
        || dicts().stopwords.contains(w)
        || dicts().generic.contains(w);
    if !vague {
        out.extend(sent.cand(m.range(), EntityType::Organization, 0.75, prio::DICT));
    }
}
