//! The extraction dictionaries: general facts embedded from `data/extract_*.txt` (name suffixes
//! and their types, industry vocabulary, fixed government bodies, generic words that are never
//! entities, stop words that bound names, person titles), parsed once on first use.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use crate::model::EntityType;

const SUFFIXES: &str = include_str!("../../data/extract_suffixes.txt");
const INDUSTRIES: &str = include_str!("../../data/extract_industries.txt");
const ORGS: &str = include_str!("../../data/extract_orgs.txt");
const GENERIC: &str = include_str!("../../data/extract_generic.txt");
const STOPWORDS: &str = include_str!("../../data/extract_stopwords.txt");
const PLACES: &str = include_str!("../../data/extract_places.txt");
const TITLES: &str = include_str!("../../data/extract_titles.txt");

/// A name suffix and what it makes of a name.
#[derive(Debug, Clone)]
pub struct Suffix {
    pub text: &'static str,
    pub kind: EntityType,
    pub flag: SuffixFlag,
}

/// A condition a suffix puts on the name before it (see `data/extract_suffixes.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuffixFlag {
    None,
    /// A government body: only after 市/省/区/县/国家/中共 or a place.
    Gov,
    /// `工程`: a Project when the modifier names a physical work, else a Policy.
    Infra,
    /// 省/市/区/县: only right after a place name.
    Admin,
    /// 产业/行业: only after industry words.
    Industry,
    /// 措施, 机制, 方案: only inside book titles or after a quoted part.
    Titled,
    /// 制药, 电气: an enterprise only right after one name-like token (a brand).
    Brand,
}

/// Where a title stands relative to the name it qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleSide {
    Before,
    After,
    Both,
}

/// Every dictionary the rules read.
pub struct Dicts {
    /// Longest first.
    pub suffixes: Vec<Suffix>,
    pub industries: FxHashSet<&'static str>,
    /// Industry words, longest first (for scanning).
    pub industry_list: Vec<&'static str>,
    pub orgs: Vec<&'static str>,
    /// Countries and regions (divisions come from `segment::divisions`).
    pub places: Vec<&'static str>,
    pub generic: FxHashSet<&'static str>,
    /// The generic words of four characters or more (names ending with one are vague).
    pub generic_long: Vec<&'static str>,
    pub generic_mods: FxHashSet<&'static str>,
    /// The generic modifiers of two characters or more (names starting with one are vague).
    pub generic_mods_long: Vec<&'static str>,
    pub stopwords: FxHashSet<&'static str>,
    pub titles: FxHashMap<&'static str, TitleSide>,
}

/// The words of `set` of at least `chars` characters, sorted.
fn at_least(set: &FxHashSet<&'static str>, chars: usize) -> Vec<&'static str> {
    let mut out: Vec<&str> = set
        .iter()
        .copied()
        .filter(|w| w.chars().count() >= chars)
        .collect();
    out.sort_unstable();
    out
}

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static DICTS: LazyLock<Dicts> = LazyLock::new(|| {
    let mut suffixes: Vec<Suffix> = lines(SUFFIXES)
        .filter_map(|l| {
            let mut f = l.split('\t');
            let text = f.next()?;
            let kind = EntityType::parse(f.next()?)?;
            let flag = match f.next() {
                Some("gov") => SuffixFlag::Gov,
                Some("infra") => SuffixFlag::Infra,
                Some("admin") => SuffixFlag::Admin,
                Some("industry") => SuffixFlag::Industry,
                Some("titled") => SuffixFlag::Titled,
                Some("brand") => SuffixFlag::Brand,
                _ => SuffixFlag::None,
            };
            Some(Suffix { text, kind, flag })
        })
        .collect();
    suffixes.sort_by_key(|s| std::cmp::Reverse(s.text.len()));
    let mut industry_list: Vec<&str> = lines(INDUSTRIES).collect();
    industry_list.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut generic = FxHashSet::default();
    let mut generic_mods = FxHashSet::default();
    for l in lines(GENERIC) {
        match l.strip_prefix('~') {
            Some(m) => generic_mods.insert(m),
            None => generic.insert(l),
        };
    }
    let titles = lines(TITLES)
        .filter_map(|l| {
            let mut f = l.split('\t');
            let w = f.next()?;
            let side = match f.next()? {
                "before" => TitleSide::Before,
                "after" => TitleSide::After,
                _ => TitleSide::Both,
            };
            Some((w, side))
        })
        .collect();
    let generic_long = at_least(&generic, 4);
    let generic_mods_long = at_least(&generic_mods, 2);
    Dicts {
        suffixes,
        industries: industry_list.iter().copied().collect(),
        industry_list,
        orgs: lines(ORGS).collect(),
        places: lines(PLACES).collect(),
        generic,
        generic_long,
        generic_mods,
        generic_mods_long,
        stopwords: lines(STOPWORDS).collect(),
        titles,
    }
});

/// The dictionaries, parsed on first use.
pub fn dicts() -> &'static Dicts {
    &DICTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries_parse() {
        let d = dicts();
        assert!(d.suffixes.iter().any(|s| s.text == "集团"));
        assert!(d
            .suffixes
            .windows(2)
            .all(|w| w[0].text.len() >= w[1].text.len()));
        assert!(d.industries.contains("集成电路"));
        assert!(d.generic.contains("重点项目"));
        assert!(d.generic_mods.contains("重点"));
        assert_eq!(d.titles.get("记者"), Some(&TitleSide::Before));
    }
}
