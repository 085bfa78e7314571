//! Marked spans: book titles 《…》 (documents, plans: Policy), quoted names “…” (with the word
//! that follows them: “8+3”工程, “5+1”行动; or alone, for named programmes such as “林长制”),
//! and the short forms a document declares (`（以下简称“…”）`).

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{dicts, SuffixFlag};
use super::names::{ending_suffixes, INFRA};
use super::{prio, AliasMention, Cand, Mention, Sent};
use crate::ingest::Document;
use crate::model::EntityType;

static BOOK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"《([^《》\n]{2,60})》").expect("static regex"));
static QUOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"“([^“”\n]{1,24})”").expect("static regex"));
static PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(]([^（）()，。、“”《》]{2,12})[）)]").expect("static regex"));
static ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]\s*(?:以下)?简称\s*[“《\x22]?([^”》\x22)）\s]{1,16})[”》\x22]?\s*[)）]")
        .expect("static regex")
});

/// Words after a quoted phrase that say it is a slogan, a goal or a label, not a named programme.
const NOT_NAMED_AFTER: &[&str] = &[
    "的",
    "目标",
    "理念",
    "精神",
    "要求",
    "问题",
    "奋斗目标",
    "格局",
    "思路",
    "优势",
    "时期",
    "期间",
    "企业",
    "产品",
    "行为",
    "方式",
    "高地",
    "台阶",
    "位次",
    "地位",
    "任务",
    "意识",
    "支出",
    "全覆盖",
    "监督",
    "协同",
    "新时代",
    "免费",
    "储备",
    "入库",
    "给予",
    "网络",
    "发展格局",
    "主要目标",
    "环节",
    "等行为",
];

/// Words before a quoted phrase that make it a principle held, a figure of speech or a state
/// reached (坚持“…”, 守牢“…”, 形成“…”, 经济的“…”), not a named programme.
const NOT_NAMED_BEFORE: &[&str] = &["的", "坚持", "守牢", "形成", "构建", "作为", "成为"];

/// Tags of the ordinary words jieba knows (nouns, verbs, adjectives, idioms): a quoted phrase that
/// is one of them (“出海”, “绿色通道”) is a figure of speech, not a programme's name. Programme
/// names of the domain dictionary are tagged `nz`.
const COMMON_WORD_TAGS: &[&str] = &["n", "v", "vn", "a", "an", "ad", "d", "i", "l", "nr"];

/// Endings that make a quoted name a built thing or a service (“中国声谷”, “数智链”, “科创贷”).
const QUOTED_PROJECT_END: &[&str] = &[
    "谷", "链", "库", "号", "窗口", "贷", "岛", "港", "云", "站", "馆", "书房", "驿站", "APP",
    "App",
];

/// A two-character slogan of a numeral (双碳, 两化, 三品).
fn slogan(s: &str) -> bool {
    s.chars().count() == 2
        && s.starts_with([
            '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '双',
        ])
}

/// Working methods and designations, not named programmes (一企一策, 一事一议, 审计式).
fn working_method(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    let alternating = c.len() == 4 && c[0] == c[2] && "一两双多".contains(c[0]);
    alternating
        || s.ends_with(['式', '形', '型', '性'])
        || s.chars().any(|c| c.is_ascii_digit()) && s.chars().count() <= 3
        || s.starts_with("一") && s.chars().count() <= 3
        || s.starts_with(['零', '非'])
        || s.ends_with(['化', '+'])
        || s.chars().nth(1) == Some('个')
        || s.ends_with('强')
        || s.contains("TOP")
        || s.chars().count() == 2
            && s.starts_with([
                '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两',
            ])
}

/// Book titles: a named document, plan or regulation.
pub(crate) fn book_titles(sent: &Sent, out: &mut Vec<Cand>) {
    if !sent.text.contains('《') {
        return;
    }
    for m in BOOK.find_iter(sent.text) {
        let inner = &sent.text[m.start() + '《'.len_utf8()..m.end() - '》'.len_utf8()];
        let kind = if ends_with_kind(inner, EntityType::Event) {
            EntityType::Event
        } else {
            EntityType::Policy
        };
        if let Some(c) = sent.cand(m.range(), kind, 0.9, prio::TITLE) {
            out.push(c);
        }
    }
}

fn ends_with_kind(s: &str, kind: EntityType) -> bool {
    dicts().suffixes_of(s).any(|x| x.kind == kind)
}

/// Quoted names, with the name word that follows them when there is one.
pub(crate) fn quotes(sent: &Sent, out: &mut Vec<Cand>) {
    if !sent.text.contains('“') {
        return;
    }
    let d = dicts();
    for m in QUOTE.captures_iter(sent.text) {
        let (Some(all), Some(inner)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let close = all.end();
        // “X”+ a few name characters + a suffix (工程, 行动, 战略, 产业 …)
        let mut found = false;
        for end in sent
            .toks
            .iter()
            .map(|t| t.span.end)
            .filter(|&e| e > close && e <= close + 30)
        {
            let between = &sent.text[close..end];
            // “十四五”时期…: a period, not part of the name that follows
            if between.starts_with("时期") || between.starts_with("期间") {
                break;
            }
            // “X”等Y: 等 closes a list, the word after it names the class, not X
            if between.contains(|c: char| {
                "，。、；：,;:（）()“”《》的等".contains(c) || c.is_whitespace()
            }) {
                break;
            }
            let head = &sent.text[..end];
            // (`Titled` suffixes are never a quoted name's: `ending_suffixes` leaves them out)
            let Some(suf) = ending_suffixes(head).find(|s| {
                let single = s.text.chars().count() == 1
                    && sent.tok_ending(end).is_none_or(|t| t.word != s.text);
                !single && !matches!(s.flag, SuffixFlag::Gov | SuffixFlag::Admin)
            }) else {
                continue;
            };
            let kind = match (suf.kind, suf.flag) {
                (EntityType::Organization | EntityType::Enterprise, _) => continue,
                // “双碳”平台: a slogan before a generic facility word names nothing
                (EntityType::Project, _)
                    if working_method(inner.as_str()) || slogan(inner.as_str()) =>
                {
                    continue
                }
                (_, SuffixFlag::Infra) => {
                    if INFRA
                        .iter()
                        .any(|w| between.contains(w) || inner.as_str().contains(w))
                    {
                        EntityType::Project
                    } else {
                        EntityType::Policy
                    }
                }
                (k, _) => k,
            };
            if let Some(c) = sent.cand(all.start()..end, kind, 0.8, prio::TITLE - 5) {
                out.push(c);
                found = true;
            }
            // keep looking for a longer name (“X”专项行动计划)
        }
        if found {
            continue;
        }
        let text = inner.as_str();
        let n = text.chars().count();
        if !(2..=12).contains(&n)
            || text.contains(['，', '。', '；', ',', '、'])
            || working_method(text)
        {
            continue;
        }
        let after = &sent.text[close..];
        let open = all.start();
        let before = &sent.text[..open];
        let common_word = sent
            .tok_starting(inner.start())
            .is_some_and(|t| t.span.end == inner.end() && COMMON_WORD_TAGS.contains(&t.tag));
        if NOT_NAMED_AFTER.iter().any(|w| after.starts_with(w))
            || NOT_NAMED_BEFORE.iter().any(|w| before.ends_with(w))
            || common_word
        {
            continue;
        }
        if text
            .chars()
            .all(|c| c.is_ascii_digit() || "十百千万亿一二三四五六七八九零年".contains(c))
        {
            continue;
        }
        let kind = d
            .suffixes_of(text)
            .find(|s| {
                text.len() > s.text.len() && !matches!(s.flag, SuffixFlag::Admin | SuffixFlag::Gov)
            })
            .map(|s| s.kind)
            .or_else(|| {
                QUOTED_PROJECT_END
                    .iter()
                    .any(|e| text.ends_with(e))
                    .then_some(EntityType::Project)
            })
            .or_else(|| d.industries.contains(text).then_some(EntityType::Industry))
            .unwrap_or(EntityType::Policy);
        if let Some(c) = sent.cand(all.range(), kind, 0.5, prio::QUOTE) {
            out.push(c);
        }
    }
}

/// Short forms the document declares right after a name: `X（以下简称“Y”）`.
pub(crate) fn aliases(doc: &Document, mentions: &[Mention]) -> Vec<AliasMention> {
    let mut out = Vec::new();
    for c in ALIAS.captures_iter(&doc.text) {
        let (Some(all), Some(short)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let at = all.start();
        let best = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.span.end <= at && at - m.span.end <= 3)
            .max_by_key(|(_, m)| m.span.len());
        if let Some((i, m)) = best {
            let alias = super::strip_marks(short.as_str());
            if alias != m.name && !alias.is_empty() {
                out.push(AliasMention { alias, mention: i });
            }
        }
    }
    // X（Y）right after a mention, Y an abbreviation of X (江苏产研院) or Latin letters (CBD)
    for c in PAREN.captures_iter(&doc.text) {
        let (Some(all), Some(short)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let at = all.start();
        let Some((i, m)) = mentions.iter().enumerate().find(|(_, m)| m.span.end == at) else {
            continue;
        };
        let y = short.as_str().trim();
        let latin = y.len() >= 2
            && y.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if (latin || abbreviates(y, &m.name)) && y != m.name {
            out.push(AliasMention {
                alias: y.to_string(),
                mention: i,
            });
        }
    }
    out.sort_by(|a, b| (a.mention, &a.alias).cmp(&(b.mention, &b.alias)));
    out.dedup();
    out
}

/// Whether `short` keeps the first character of `long` and the rest of its characters in order,
/// and is shorter (江苏产研院 of 江苏产业技术研究院).
fn abbreviates(short: &str, long: &str) -> bool {
    let n = short.chars().count();
    if n < 2 || n >= long.chars().count() || short.chars().next() != long.chars().next() {
        return false;
    }
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}
