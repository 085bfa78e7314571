//! Enterprises named by their brand: a brand-like token before a company word (宝华制药), and the
//! brand a project or a listed product line is named after (鑫瑞达 in 鑫瑞达新能源电池项目).

use super::lexicon::dicts;
use super::{prio, Cand, Sent};
use crate::model::EntityType;
use crate::segment::divisions::Divisions;
use crate::segment::Token;

/// Whether a token looks like a brand: a name jieba tags as a person, organisation or other proper
/// noun, two to four characters, that is no place, no industry and no generic word.
pub(crate) fn brandish(t: &Token) -> bool {
    let n = t.word.chars().count();
    let d = dicts();
    matches!(t.tag, "nr" | "nrt" | "nz" | "nt" | "nrfg")
        && (2..=4).contains(&n)
        && Divisions::get().lookup(t.word).is_none()
        && !d.places.contains(&t.word)
        && !d.industries.contains(t.word)
        && !d.generic_mods.contains(t.word)
        && !d.stopwords.contains(t.word)
}

/// `宝华制药`: one brand-like token (a name jieba does not know as a common word, no place, no
/// industry) before a company word.
pub(crate) fn branded(sent: &Sent, sstart: usize, end: usize) -> Option<Cand> {
    let t = sent.toks.iter().find(|t| t.span.end == sstart)?;
    let n = t.word.chars().count();
    let brandish = matches!(t.tag, "nr" | "nrt" | "nrfg" | "nz" | "nt" | "j" | "ns");
    if !brandish || !(2..=3).contains(&n) {
        return None;
    }
    let d = dicts();
    let name = &sent.text[t.span.start..end];
    let after = &sent.text[end..];
    if Divisions::get().lookup(t.word).is_some()
        || d.places.contains(&t.word)
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
    let t = sent.toks.iter().find(|t| t.span.start == start)?;
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
        || d.places.contains(&t.word)
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
