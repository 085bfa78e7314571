//! The extraction dictionaries: general facts embedded from `data/extract_*.txt` (name suffixes
//! and their types, industry vocabulary, fixed government bodies, generic words that are never
//! entities, stop words that bound names, person titles), parsed once on first use.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use crate::model::EntityType;
use crate::segment::trie::CharTrie;

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
    pub generic_mods: FxHashSet<&'static str>,
    pub stopwords: FxHashSet<&'static str>,
    pub titles: FxHashMap<&'static str, TitleSide>,
    /// Look-up indices over the lists above, for the questions of [`Dicts`]' methods.
    index: Index,
}

/// The word lists as tries: asking whether a name starts or ends with one of a list's words is
/// one walk along the name's first or last characters, not a comparison per word.
struct Index {
    places: FxHashSet<&'static str>,
    /// All suffixes, read from their last character.
    suffix_ends: CharTrie,
    industry_ends: CharTrie,
    generic_long_ends: CharTrie,
    generic_mod_starts: CharTrie,
    org_starts: CharTrie,
}

/// The most suffixes one name can end with ([`Dicts::suffixes_of`]): nested suffixes, one per
/// length, so at most as many as the longest has characters.
const MAX_NESTED_SUFFIXES: usize = 24;

impl Dicts {
    /// Whether `w` is a country or region of `data/extract_places.txt`.
    pub fn is_place(&self, w: &str) -> bool {
        self.index.places.contains(w)
    }

    /// Whether some suffix ends with `c` (no suffix ends most words).
    #[inline]
    pub fn may_end_suffix(&self, c: char) -> bool {
        self.index.suffix_ends.starts_with_char(c)
    }

    /// The suffixes `s` ends with, longest first as in [`Dicts::suffixes`].
    pub fn suffixes_of<'a>(&'a self, s: &str) -> impl Iterator<Item = &'a Suffix> + 'a {
        // found shortest first; the suffixes are distinct, so one per length at most
        let mut found = [0u16; MAX_NESTED_SUFFIXES];
        let mut n = 0;
        let t = &self.index.suffix_ends;
        let last = s.chars().next_back();
        let walk = last
            .filter(|&c| t.starts_with_char(c))
            .map(|_| t.suffixes(s));
        for (i, _) in walk.into_iter().flatten() {
            if let (Some(slot), Ok(i)) = (found.get_mut(n), u16::try_from(i)) {
                *slot = i;
                n += 1;
            }
        }
        (0..n)
            .rev()
            .filter_map(move |k| self.suffixes.get(usize::from(found[k])))
    }

    /// Whether `s` ends with an industry word.
    pub fn ends_with_industry(&self, s: &str) -> bool {
        self.index.industry_ends.suffixes(s).next().is_some()
    }

    /// Whether `s` ends with a generic word of four characters or more (a name ending with one
    /// is vague).
    pub fn ends_with_generic_long(&self, s: &str) -> bool {
        self.index.generic_long_ends.suffixes(s).next().is_some()
    }

    /// Whether `s` starts with a generic modifier of two characters or more
    /// (a name starting with one is vague).
    pub fn starts_with_generic_mod(&self, s: &str) -> bool {
        self.index.generic_mod_starts.prefixes(s).next().is_some()
    }

    /// Whether `s` starts with a fixed body's name.
    pub fn starts_with_org(&self, s: &str) -> bool {
        self.index.org_starts.prefixes(s).next().is_some()
    }
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
    let orgs: Vec<&str> = lines(ORGS).collect();
    let places: Vec<&str> = lines(PLACES).collect();
    let index = Index {
        places: places.iter().copied().collect(),
        suffix_ends: CharTrie::new_reversed(suffixes.iter().map(|s| s.text)),
        industry_ends: CharTrie::new_reversed(industry_list.iter().copied()),
        generic_long_ends: CharTrie::new_reversed(generic_long.iter().copied()),
        generic_mod_starts: CharTrie::new(generic_mods_long.iter().copied()),
        org_starts: CharTrie::new(orgs.iter().copied()),
    };
    Dicts {
        suffixes,
        industries: industry_list.iter().copied().collect(),
        industry_list,
        orgs,
        places,
        generic,
        generic_mods,
        stopwords: lines(STOPWORDS).collect(),
        titles,
        index,
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

    #[test]
    fn index_answers_as_the_lists() {
        let d = dicts();
        let texts: Vec<_> = d.suffixes.iter().map(|s| s.text).collect();
        let mut unique = texts.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), texts.len(), "suffixes are distinct");
        for name in [
            "某某集团有限公司",
            "国家集成电路产业",
            "重点项目",
            "某市工业和信息化局",
            "x",
        ] {
            let want: Vec<_> = d
                .suffixes
                .iter()
                .filter(|s| name.ends_with(s.text))
                .map(|s| s.text)
                .collect();
            let got: Vec<_> = d.suffixes_of(name).map(|s| s.text).collect();
            assert_eq!(got, want, "{name}");
            let ind = d.industry_list.iter().any(|w| name.ends_with(w));
            assert_eq!(d.ends_with_industry(name), ind, "{name}");
            let long = |w: &&str, n: usize| w.chars().count() >= n;
            let gl = d.generic.iter().any(|w| long(w, 4) && name.ends_with(w));
            assert_eq!(d.ends_with_generic_long(name), gl, "{name}");
            let gm = d
                .generic_mods
                .iter()
                .any(|w| long(w, 2) && name.starts_with(w));
            assert_eq!(d.starts_with_generic_mod(name), gm, "{name}");
            let org = d.orgs.iter().any(|w| name.starts_with(w));
            assert_eq!(d.starts_with_org(name), org, "{name}");
        }
    }
}
