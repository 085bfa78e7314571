//! Lists that type their members: `A、B、C等企业` (Enterprise), `…等项目` (Project),
//! `…等产业/行业/领域`, `A、B、C五大支柱产业` (Industry), `以A、B为代表的X、Y行业` (A, B
//! Enterprise; X, Y Industry), `以A、B为代表的产业集群` (Enterprise),
//! and enterprise growth figures `A增长26.9%，B集团增长37.5%`.

use std::sync::LazyLock;

use regex::Regex;

use super::brands::brandish;
use super::grow::grow_left;
use super::lexicon::{dicts, SuffixFlag};
use super::names::specific;
use super::{prio, Cand, Sent};
use crate::model::EntityType;
use crate::segment::divisions::Divisions;

static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:等|[两三四五六七八九十]大)(?:[0-9一二三四五六七八九十百多]+[家户个项]|一批)?\p{Han}{0,6}?(企业|公司|集团|项目|产业|行业|领域|业态|技术|制造业|服务业)",
    )
    .expect("static regex")
});
static REPRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"以([^以，。；]{2,60}?)(?:等企业)?为代表的([^，。；]{2,60}?)等?(?:行业|产业|领域)")
        .expect("static regex")
});
/// `以A、B为代表的（产业）集群/企业`: the listed names are enterprises.
static REPRESENT_FIRMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"以([^以，。；]{2,60}?)(?:等企业)?为代表的\p{Han}{0,10}?(?:企业|集群)")
        .expect("static regex")
});
static GROWTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[，、；：,])([^，、；：,。\d%]{2,10}?)(?:收入|产值|营业收入|销售收入|营收)?(?:分别)?(?:增长|下降|增加)[0-9.]+%")
        .expect("static regex")
});

/// Words that make a growth clause's subject a metric, not an enterprise.
const METRIC: &[&str] = &[
    "增加值",
    "投资",
    "总额",
    "用电",
    "收入",
    "产值",
    "规模",
    "比重",
    "工业",
    "产业",
    "行业",
    "全市",
    "全省",
    "经济",
    "GDP",
    "消费",
    "出口",
    "进口",
    "利润",
    "税收",
    "企业",
    "业",
    "量",
    "率",
    "额",
    "数",
    "其中",
    "居民",
    "人均",
    "城镇",
    "农村",
    "价格",
    "指标",
    "同比",
    "年",
    "月",
    "预计",
    "全年",
    "增速",
    "指数",
    "平均",
    "累计",
    "达到",
];

fn member_kind(noun: &str) -> EntityType {
    match noun {
        "企业" | "公司" | "集团" => EntityType::Enterprise,
        "项目" => EntityType::Project,
        _ => EntityType::Industry,
    }
}

/// Emits each member of the list that ends at `end`.
fn members(sent: &Sent, floor: usize, mut end: usize, kind: EntityType, out: &mut Vec<Cand>) {
    let d = dicts();
    for _ in 0..20 {
        let mut start = grow_left(sent, end, kind).max(floor);
        if kind == EntityType::Enterprise {
            // a firm's name runs back to the list's separator (远航存储, not 存储)
            let seg = &sent.text[floor..start];
            let from = seg
                .rfind(['、', '，', ',', '；', '：', '和', '及', '与', '以'])
                .map_or(floor, |i| {
                    floor + i + seg[i..].chars().next().map_or(0, char::len_utf8)
                });
            let lead = &sent.text[from..start];
            if from < start
                && lead.chars().count() <= 3
                && lead.chars().all(char::is_alphanumeric)
                && sent.is_boundary(from)
                && !sent
                    .toks_in(from..start)
                    .iter()
                    .any(|t| dicts().stopwords.contains(t.word))
            {
                start = from;
            }
        }
        if kind == EntityType::Industry {
            // 重点发展X, 利用X: leading verbs and adverbs are not part of a field's name
            let first = start;
            let from = sent.toks.partition_point(|t| t.span.start < first);
            for t in sent.toks[from..].iter().take_while(|t| t.span.end < end) {
                let stop = d.stopwords.contains(t.word)
                    || matches!(t.word, "重点" | "发展")
                    || t.tag.starts_with(['d', 'p'])
                    || t.tag == "ad";
                if t.span.start != start || !stop {
                    break;
                }
                start = t.span.end;
            }
        }
        if start >= end {
            break;
        }
        let name = &sent.text[start..end];
        let ok =
            specific(sent, start..end) && !d.generic.contains(name) && name.chars().count() <= 16;
        if ok {
            // `A和B`: two members
            let parts: Vec<&str> = if kind == EntityType::Enterprise {
                name.split(['和', '及']).collect()
            } else {
                vec![name]
            };
            let mut at = start;
            for p in parts {
                // an industry word stays an industry whatever the list's noun
                let own = d
                    .suffixes_of(p)
                    .find(|s| p.len() > s.text.len() && s.flag == SuffixFlag::None)
                    .map(|s| s.kind);
                let mut kind = if d.industries.contains(p) {
                    EntityType::Industry
                } else {
                    own.unwrap_or(kind)
                };
                // 某某晶体材料 in a list of fields: an enterprise's product line, a project
                let lead = sent.tok_starting(at);
                if let Some(t) = lead.filter(|t| t.span.end < at + p.len() && brandish(t)) {
                    if matches!(kind, EntityType::Industry | EntityType::Project) {
                        kind = EntityType::Project;
                        out.extend(sent.cand(
                            t.span.clone(),
                            EntityType::Enterprise,
                            0.55,
                            prio::LIST,
                        ));
                    }
                }
                if let Some(c) = sent.cand(at..at + p.len(), kind, 0.7, prio::LIST) {
                    out.push(c);
                }
                at += p.len() + '和'.len_utf8();
            }
        }
        let before = &sent.text[..start];
        match before.chars().next_back() {
            Some(c @ ('、' | '和' | '及' | '与')) => end = start - c.len_utf8(),
            _ => break,
        }
    }
}

/// Every list rule on one sentence.
pub(crate) fn lists(sent: &Sent, out: &mut Vec<Cand>) {
    // the anchor regex starts with 等 or a count of kinds (五大): most sentences skip it
    if sent.text.contains('等') || counted_kinds(sent.text) {
        anchored(sent, out);
    }
    // both `以…为代表的` rules need their literal: most sentences skip the regexes
    if sent.text.contains("为代表的") {
        represented(sent, out);
    }
    growth(sent, out);
}

/// Whether `text` holds a count of kinds: 两大 … 十大.
fn counted_kinds(text: &str) -> bool {
    text.match_indices('大')
        .any(|(i, _)| text[..i].ends_with(['两', '三', '四', '五', '六', '七', '八', '九', '十']))
}

/// Lists closed by 等 or a count of kinds and the noun that types them.
fn anchored(sent: &Sent, out: &mut Vec<Cand>) {
    for c in ANCHOR.captures_iter(sent.text) {
        let (Some(all), Some(noun)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // 等产业链项目, 等产业园: the noun is part of a longer word
        // 等 as a word of its own (not 高等, 平等)
        // 五大支柱产业: a count of kinds closes the list as 等 does, after a list of two or more
        let counted = !all.as_str().starts_with('等');
        if counted && !sent.text[..all.start()].contains('、') {
            continue;
        }
        if !counted
            && sent
                .tok_starting(all.start())
                .is_none_or(|t| t.word != "等")
        {
            continue;
        }
        // 等方式降低制造企业: a verb between the list and its noun ends the list elsewhere
        let gap = all.start()..noun.start();
        let verb_in_gap = sent.toks_in(gap).iter().any(|t| {
            t.tag.starts_with('v') || ["方式", "方面", "措施", "手段", "形式"].contains(&t.word)
        });
        // (等 plus up to four characters is the old, safe gap)
        if noun.start() - all.start() > 5 * 3 && verb_in_gap {
            continue;
        }
        let rest = &sent.text[all.end()..];
        if rest.starts_with(['链', '园', '基', '集', '化']) {
            continue;
        }
        let kind = if rest.starts_with("项目") {
            EntityType::Project
        } else {
            member_kind(noun.as_str())
        };
        members(sent, 0, all.start(), kind, out);
    }
}

/// `以A、B为代表的X、Y行业` (A, B Enterprise; X, Y Industry) and `以A、B为代表的…集群/企业`.
fn represented(sent: &Sent, out: &mut Vec<Cand>) {
    for c in REPRESENT.captures_iter(sent.text) {
        let (Some(ents), Some(inds)) = (c.get(1), c.get(2)) else {
            continue;
        };
        members(sent, ents.start(), ents.end(), EntityType::Enterprise, out);
        members(sent, inds.start(), inds.end(), EntityType::Industry, out);
    }
    for c in REPRESENT_FIRMS.captures_iter(sent.text) {
        if let Some(ents) = c.get(1) {
            members(sent, ents.start(), ents.end(), EntityType::Enterprise, out);
        }
    }
}

/// `A增长26.9%，B集团增长37.5%`: subjects of growth figures are enterprises when at least two
/// clauses in a row have a name-like subject and none is a metric.
fn growth(sent: &Sent, out: &mut Vec<Cand>) {
    // the regex needs a `%` and one of its verbs: most sentences skip it
    let t = sent.text;
    if !t.contains('%') || !["增长", "下降", "增加"].iter().any(|v| t.contains(v)) {
        return;
    }
    let subs: Vec<_> = GROWTH
        .captures_iter(sent.text)
        .filter_map(|c| c.get(1))
        .filter(|m| !METRIC.iter().any(|w| m.as_str().contains(w)))
        .filter(|m| sent.is_boundary(m.start()) && !dicts().industries.contains(m.as_str()))
        // districts and counties report growth too
        .filter(|m| {
            let w = m.as_str();
            Divisions::get().lookup(w).is_none()
                && !dicts().is_place(w)
                && !w.ends_with(['区', '县', '市', '省', '镇', '州'])
        })
        .collect();
    if subs.len() < 2 {
        return;
    }
    for m in subs {
        if let Some(c) = sent.cand(m.range(), EntityType::Enterprise, 0.55, prio::LIST) {
            out.push(c);
        }
    }
}
