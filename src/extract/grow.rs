//! Growing a name leftwards from its last word: over name-like tokens (nouns, names, numbers in
//! names, quotes and brackets that close inside) until a stop word, a punctuation mark, a count
//! or a length cap; then leading deictics, verbs and grade words trimmed.

use std::sync::LazyLock;

use super::lexicon::{dicts, SuffixFlag};
use super::Sent;
use crate::model::EntityType;
use crate::segment::divisions::Divisions;
use crate::segment::trie::CharTrie;
use crate::segment::Token;

/// Verbs a programme's name may hold after a noun (招商项目推进行动, 质量品牌提升行动).
const INNER_VERBS: &[&str] = &[
    "推进", "提升", "建设", "培育", "创新", "发展", "引导", "鼓励", "促进", "带动", "服务", "深化",
    "强化", "构建", "完善", "攻坚", "突破", "支持", "创建", "打造", "优化", "加强", "转型", "融合",
];

/// Leading words dropped from a name (deictics and quantities).
const LEAD_TRIM: &[&str] = &[
    "我市",
    "国家级",
    "我省",
    "我国",
    "本市",
    "全市",
    "全省",
    "全国",
    "全区",
    "各",
    "各类",
    "一批",
    "一个",
    "首个",
    "第一个",
    "这",
    "该",
    "其",
    "第一",
    "多个",
    "两个",
    "个",
    "省级",
    "市级",
    "区级",
    "县级",
    "好",
    "全年",
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
    let w = t.word;
    if matches!(
        w,
        "“" | "”" | "·" | "-" | "—" | "+" | "(" | ")" | "（" | "）" | "届"
    ) {
        return true;
    }
    if matches!(w, "和" | "与") {
        return !first;
    }
    if stop_word_end(w) {
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

/// The stop words, read from their last character.
static STOP_ENDS: LazyLock<CharTrie> =
    LazyLock::new(|| CharTrie::new_reversed(dicts().stopwords.iter().copied()));

/// A stop word, or a token ending with a stop word of two characters or more that introduces
/// names (`贯彻落实`, `全面推进`).
fn stop_word_end(w: &str) -> bool {
    // (a first test on the last character: most words end with no stop word's)
    if !w
        .chars()
        .next_back()
        .is_some_and(|c| STOP_ENDS.starts_with_char(c))
    {
        return false;
    }
    STOP_ENDS.suffixes(w).any(|(_, len)| {
        len == w.len()
            || w.get(w.len() - len..)
                .is_some_and(|t| t.chars().nth(1).is_some())
    })
}

/// A verb inside a programme's or meeting's name (招商项目推进行动): a stop word that follows a
/// noun, where a name of that kind may hold one.
fn inner_verb(sent: &Sent, t: &Token, kind: EntityType) -> bool {
    let kinds = [
        EntityType::Policy,
        EntityType::Event,
        EntityType::Organization,
    ];
    if !kinds.contains(&kind) || t.word.chars().count() < 2 {
        return false;
    }
    if !matches!(t.tag, "v" | "vn") || !INNER_VERBS.contains(&t.word) {
        return false;
    }
    let left = sent.tok_before(t.span.start);
    left.is_some_and(|u| matches!(u.tag, "n" | "vn" | "nz" | "j" | "l") && name_part(u, false))
}

/// Verbs that introduce a meeting (召开, 举办) and so end its name.
const EVENT_INTRO: &[&str] = &[
    "召开",
    "主持",
    "举办",
    "举行",
    "参加",
    "出席",
    "承办",
    "筹办",
    "办好",
    "借助",
    "成功",
    "主办",
    "组织",
    "开展",
    "相继召开",
    "成功举办",
    "依托",
    "通过",
    "利用",
    "发挥",
];

/// A verb inside a meeting's name (加快建设制造强省推进大会).
fn event_verb(t: &Token, kind: EntityType) -> bool {
    kind == EntityType::Event
        && t.tag.starts_with('v')
        && t.word.chars().count() >= 2
        && !t.word.ends_with(['到', '于', '在', '至', '向'])
        && !EVENT_INTRO.contains(&t.word)
}

/// `至` between two places in a route's name (甲地至乙地高速).
fn route(sent: &Sent, t: &Token, kind: EntityType) -> bool {
    if kind != EntityType::Project || t.word != "至" {
        return false;
    }
    let place = |w: &str| Divisions::get().lookup(w).is_some();
    let left = sent.tok_before(t.span.start);
    let right = sent.tok_after(t.span.end);
    left.is_some_and(|u| place(u.word)) && right.is_some_and(|u| place(u.word))
}

/// Grows a name leftwards from `pos` (relative); returns its start.
pub(crate) fn grow_left(sent: &Sent, pos: usize, kind: EntityType) -> usize {
    let cap = max_chars(kind);
    let mut start = pos;
    // characters of text[start..pos]
    let mut chars = 0;
    let mut depth = 0i32;
    let mut quotes = 0i32;
    // the tokens starting before `pos`, right to left (the last may run past it)
    let before = &sent.toks[..sent.toks.partition_point(|t| t.span.start < pos)];
    for t in before.iter().rev() {
        if t.span.start >= start {
            continue;
        }
        let first = start == pos && t.span.end == pos;
        if !name_part(t, first)
            && !inner_verb(sent, t, kind)
            && !event_verb(t, kind)
            && !route(sent, t, kind)
        {
            break;
        }
        if matches!(t.word, "和" | "与")
            && (ends_with_name(&sent.text[..t.span.start])
                || ends_with_division(sent, t.span.start)
                || matches!(
                    kind,
                    EntityType::Project | EntityType::Enterprise | EntityType::Place
                ))
        {
            break;
        }
        let dash = t.word == "—"
            && (sent.text[..t.span.start].ends_with('—')
                || sent.text[t.span.end..].starts_with('—'));
        if is_quantity(sent, t) || dash {
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
        let n = chars + sent.text[t.span.start..start].chars().count();
        if n > cap {
            break;
        }
        start = t.span.start;
        chars = n;
        // 省/市 right after another name's end starts this one (…中心省人民医院)
        let before = &sent.text[..t.span.start];
        if matches!(t.word, "省" | "市")
            && (ends_with_name(before)
                || before.ends_with("中心")
                || before.ends_with(['区', '园', '城']))
        {
            break;
        }
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
    let start = trim_lead(sent, start, pos);
    let start = trim_verbs(sent, start, pos, kind);
    trim_lead(sent, start, pos)
}

/// Whether `s` ends with a whole name (a suffix or an industry word): `A试验区和B示范区` is two.
fn ends_with_name(s: &str) -> bool {
    NAME_ENDS.suffixes(s).next().is_some()
}

/// Whether the text before `pos` ends with a place: a division's full name, or a name jieba tags
/// as a place and 市/省/县/区 (某某市与…: the city is one party, not part of the name after 与).
fn ends_with_division(sent: &Sent, pos: usize) -> bool {
    let s = &sent.text[..pos];
    let full = Divisions::get()
        .find_in(s)
        .last()
        .is_some_and(|m| m.full && m.span.end == s.len());
    let tagged = s
        .strip_suffix(['市', '省', '县', '区'])
        .and_then(|head| sent.tok_ending(head.len()))
        .is_some_and(|t| t.tag == "ns");
    full || tagged
}

/// What ends a whole name, read from the last character: suffixes of two characters or more
/// (but an administrative one) and industry words.
static NAME_ENDS: LazyLock<CharTrie> = LazyLock::new(|| {
    let d = dicts();
    let suffixes = d
        .suffixes
        .iter()
        .filter(|x| x.flag != SuffixFlag::Admin && x.text.chars().count() >= 2)
        .map(|x| x.text);
    CharTrie::new_reversed(suffixes.chain(d.industry_list.iter().copied()))
});

/// A count (`20个`, `107`, `3家`), never inside a name; a year (`2023年`) or an ordinal may be.
fn is_quantity(sent: &Sent, t: &Token) -> bool {
    const COUNT: &[char] = &[
        '个', '家', '项', '户', '批', '条', '座', '所', '类', '种', '名', '位', '余', '多', '亿',
        '万', '千', '百', '元', '%',
    ];
    let counting = |w: &str| w.contains(COUNT);
    if t.tag == "q" {
        // a count word only after a number (20个), not inside a word (都市圈) or a measure that
        // names a product (12英寸)
        let prev = sent.tok_before(t.span.start);
        // an ordinal (第十一次, 十八届) is part of a meeting's name
        return counting(t.word)
            && prev.is_some_and(|u| {
                u.tag == "m" && !u.word.starts_with('第') && !matches!(t.word, "届" | "次")
            });
    }
    if t.tag != "m" {
        return false;
    }
    let w = t.word;
    let digits = w.chars().filter(char::is_ascii_digit).count();
    let year = digits == 4 && (w.len() == 4 || w.ends_with('年'));
    let letters = w.chars().any(|c| c.is_ascii_alphabetic());
    let next = sent.tok_after(t.span.end);
    let counted =
        counting(w) || next.is_some_and(|u| counting(u.word) || u.word.starts_with("以上"));
    !(w.starts_with('第') || year || letters || w.contains('+')) && digits > 0 && counted
}

/// Drops leading verbs and adverbs (`贯彻落实`, `努力化解`) and time words (`十四五时期`).
fn trim_verbs(sent: &Sent, mut start: usize, end: usize, kind: EntityType) -> usize {
    let programme = matches!(kind, EntityType::Policy | EntityType::Event);
    let from = sent.toks.partition_point(|t| t.span.start < start);
    for t in &sent.toks[from..] {
        if t.span.start < start {
            continue;
        }
        if t.span.start != start || t.span.end >= end {
            break;
        }
        let coordinated = sent.text[t.span.end..].starts_with(['和', '与']);
        let verb = if kind == EntityType::Event {
            EVENT_INTRO.contains(&t.word) || matches!(t.tag, "d" | "ad")
        } else if programme {
            stop_word_end(t.word) || matches!(t.tag, "d" | "ad")
        } else {
            matches!(t.tag, "v" | "vd" | "ad" | "d" | "vg") || matches!(t.word, "发展" | "建设")
        } && !coordinated;
        let time = sent.text[t.span.end..end].starts_with("时期");
        if verb {
            start = t.span.end;
        } else if time {
            start = t.span.end + "时期".len();
        } else {
            break;
        }
    }
    start
}

/// [`LEAD_TRIM`] in a trie.
static LEAD_WORDS: LazyLock<CharTrie> = LazyLock::new(|| CharTrie::new(LEAD_TRIM.iter().copied()));

/// Where `时期` first occurs in `s` (one pass over the characters of a short name, as a string
/// search costs more to set up than that).
fn find_period(s: &str) -> Option<usize> {
    s.char_indices()
        .find(|&(i, c)| c == '时' && s[i + '时'.len_utf8()..].starts_with('期'))
        .map(|(i, _)| i)
}

/// Drops leading deictics, counts' measure words and separators (`我市`, `一批`, `、`).
pub(crate) fn trim_lead(sent: &Sent, mut start: usize, end: usize) -> usize {
    // a time phrase before the name (“十四五”时期)
    if let Some(i) = find_period(&sent.text[start..end]) {
        if sent.text[start..start + i].chars().count() <= 6 {
            start += i + "时期".len();
        }
    }
    // 1家省…中心 segmented 1/家省/…: a count's measure word glued to the name's first word
    let counted = sent.text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || "一二两三四五六七八九十百千万".contains(c));
    if let Some(c) = sent.text[start..end].chars().next() {
        if counted && "家个项所座条批户名位".contains(c) && !sent.is_boundary(start + c.len_utf8())
        {
            start += c.len_utf8();
        }
    }
    // the first word of LEAD_TRIM the rest starts with, up to a token boundary
    while let Some((_, len)) = LEAD_WORDS
        .prefixes(&sent.text[start..end])
        .filter(|&(_, len)| sent.is_boundary(start + len))
        .min_by_key(|&(i, _)| i)
    {
        start += len;
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
