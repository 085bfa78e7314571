//! Enterprises named by their brand: a brand-like token before a company word (宝华制药), the
//! brand a project or a listed product line is named after (鑫瑞达 in 鑫瑞达新能源电池项目), and
//! the owner of a branch or facility named `brand + place + facility` (鑫瑞达成都工厂).

use std::sync::LazyLock;

use super::lexicon::dicts;
use super::places::directional_region;
use super::{prio, Cand, Sent};
use crate::model::EntityType;
use crate::segment::divisions::{Divisions, Level};
use crate::segment::trie::CharTrie;
use crate::segment::Token;

/// Characters of chemical elements, as materials' names end in them (碳化硅, 氮化镓, 氧化锌).
const ELEMENTS: &str = "氢锂铍硼碳氮氧氟钠镁铝硅磷硫氯钾钙钛钒铬锰铁钴镍铜锌镓锗砷硒溴锶锆铌钼银镉铟锡锑碲碘钡钨铂金汞铅铋";

/// Whether a word names a material, not a maker: a compound `X化Y` ending in an element
/// (碳化硅, 砷化镓) or an organic compound (石墨烯, 聚乙烯, 乙醇).
pub(crate) fn material(word: &str) -> bool {
    let c: Vec<char> = word.chars().collect();
    let compound = c.len() >= 3
        && c[1..c.len() - 1].contains(&'化')
        && c.last().is_some_and(|l| ELEMENTS.contains(*l));
    compound || c.len() >= 2 && word.ends_with(['烯', '烷', '醇', '酯', '醚', '酮'])
}

/// Whether a word cannot be a brand whatever jieba tags it: a material (碳化硅) or a region of a
/// province (粤东, 苏北).
fn never_brand(word: &str) -> bool {
    material(word) || directional_region(word)
}

/// Whether a token looks like a brand: a name jieba tags as a person, organisation or other proper
/// noun, two to four characters, that is no place, no industry and no generic word.
pub(crate) fn brandish(t: &Token) -> bool {
    let n = t.word.chars().count();
    let d = dicts();
    matches!(t.tag, "nr" | "nrt" | "nz" | "nt" | "nrfg")
        && (2..=4).contains(&n)
        && Divisions::get().lookup(t.word).is_none()
        && !d.is_place(t.word)
        && !d.industries.contains(t.word)
        && !d.generic_mods.contains(t.word)
        && !d.stopwords.contains(t.word)
        && !never_brand(t.word)
}

/// `宝华制药`: one brand-like token (a name jieba does not know as a common word, no place, no
/// industry) before a company word.
pub(crate) fn branded(sent: &Sent, sstart: usize, end: usize) -> Option<Cand> {
    let t = sent.tok_ending(sstart)?;
    let n = t.word.chars().count();
    let brandish = matches!(t.tag, "nr" | "nrt" | "nrfg" | "nz" | "nt" | "j" | "ns");
    if !brandish || !(2..=3).contains(&n) {
        return None;
    }
    let d = dicts();
    let name = &sent.text[t.span.start..end];
    let after = &sent.text[end..];
    if Divisions::get().lookup(t.word).is_some()
        || never_brand(t.word)
        || d.is_place(t.word)
        || d.industries.contains(t.word)
        || d.industries.contains(name)
        || d.generic_mods.contains(t.word)
        || after.starts_with(['产', '行', '业', '领'])
    {
        return None;
    }
    sent.cand(
        t.span.start..end,
        EntityType::Enterprise,
        0.55,
        prio::SUFFIX,
    )
}

/// The enterprise a project is named after: a leading brand-like token (鑫瑞达 in
/// 鑫瑞达新能源电池项目) that jieba takes for a name and that is no place.
pub(crate) fn brand(sent: &Sent, c: &Cand) -> Option<Cand> {
    let start = c.span.start - sent.base;
    let t = sent.tok_starting(start)?;
    let n = t.word.chars().count();
    let name = &sent.text[c.span.start - sent.base..c.span.end - sent.base];
    let built = ["项目", "产业园", "基地", "总部", "工厂", "生产线", "产业城"]
        .iter()
        .any(|s| name.ends_with(s));
    let proper = matches!(t.tag, "nr" | "nrt" | "nz" | "nt" | "nrfg")
        || (t.tag == "ns" && name.ends_with("项目"));
    if !built
        || t.word
            .ends_with(['山', '湖', '河', '江', '海', '路', '桥', '岛'])
    {
        return None;
    }
    if !proper || !(2..=4).contains(&n) || t.span.end >= c.span.end - sent.base {
        return None;
    }
    let d = dicts();
    if Divisions::get().lookup(t.word).is_some()
        || never_brand(t.word)
        || d.is_place(t.word)
        || d.industries.contains(t.word)
    {
        return None;
    }
    sent.cand(
        t.span.clone(),
        EntityType::Enterprise,
        0.55,
        prio::SUFFIX - 5,
    )
}

/// Regional qualifiers that, like a place name, separate an owner from its branch
/// (某某西部总部, 某某中国研发中心).
const REGION: &[&str] = &[
    "西部", "东部", "南部", "北部", "中部", "华东", "华南", "华北", "华中", "西南", "西北", "东北",
    "亚太", "全球", "中国",
];

/// [`REGION`] in a trie.
static REGIONS: LazyLock<CharTrie> = LazyLock::new(|| CharTrie::new(REGION.iter().copied()));

/// Words that start a public body's or a national programme's name, never a brand.
const PUBLIC_START: &[&str] = &[
    "国家",
    "中国",
    "全国",
    "国际",
    "世界",
    "省",
    "市",
    "区",
    "县",
    "中共",
    "国务院",
];

/// The owner of a branch or facility named `owner + place + facility` (鑫瑞达成都工厂,
/// 鑫瑞达（江苏）有限公司, 鑫瑞达西部总部): the part before the first inner place, bracket or
/// regional qualifier, when it is a brand (three or more characters, or a two-character proper
/// name) and no place, body, field or generic word.
pub(crate) fn owner(sent: &Sent, c: &Cand) -> Option<Cand> {
    if !matches!(c.kind, EntityType::Project | EntityType::Organization) {
        return None;
    }
    let rs = c.span.start.checked_sub(sent.base)?;
    let re = c.span.end.checked_sub(sent.base)?;
    let name = sent.text.get(rs..re)?;
    // a county's short form (振兴, 黄岛) is too often an ordinary word to split on
    let place = Divisions::get()
        .find_in(name)
        .find(|m| m.full || m.candidates.iter().any(|d| d.level != Level::County))
        .map(|m| m.span.start);
    if place == Some(0) {
        return None;
    }
    let bracket = name.find(['（', '(']);
    // the first regional qualifier not at the start (each is two different characters, so the
    // first place one starts is the first of any)
    let region = name
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .find(|&i| REGIONS.prefixes(&name[i..]).next().is_some());
    let at = [place, bracket, region].into_iter().flatten().min()?;
    let p = name.get(..at)?;
    let n = p.chars().count();
    if !(2..=6).contains(&n)
        || !p.chars().all(char::is_alphanumeric)
        || !sent.is_boundary(rs + at)
        || !sent.is_boundary(rs)
    {
        return None;
    }
    let d = dicts();
    let toks: Vec<&Token> = sent.toks_in(rs..rs + at).iter().collect();
    let first = toks.first()?;
    if n == 2 && !(toks.len() == 1 && brandish(first)) {
        return None;
    }
    let public = PUBLIC_START.iter().any(|s| p.starts_with(s));
    let other_kind = d.suffixes_of(p).any(|s| s.kind != EntityType::Enterprise);
    if public
        || other_kind
        || Divisions::get().find_in(p).next().is_some()
        || d.is_place(p)
        || d.starts_with_org(p)
        || p.ends_with(['院', '所', '局', '委', '办', '厅', '部', '校', '站', '馆'])
        || d.industries.contains(p)
        || d.ends_with_industry(p)
        || d.generic.contains(p)
        || d.generic_mods.contains(p)
        || d.stopwords.contains(first.word)
        || first.tag.starts_with(['v', 'd', 'p', 'c', 'm', 'r'])
    {
        return None;
    }
    sent.cand(rs..rs + at, EntityType::Enterprise, 0.55, prio::SUFFIX - 5)
}
