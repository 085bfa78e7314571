//! Place levels: how general a place name is (country, region, province, city, or local: a
//! district, county, zone or area inside a city), from China's administrative divisions
//! ([`crate::segment::divisions`]) where the name is one, else from its suffix; and which city
//! or province a division belongs to.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::cues;
use crate::segment::divisions::{self, Division, Divisions};

/// The country names of the cues, as a set (a name is looked up once per mention).
static COUNTRIES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set("countries"));
/// The region names of the cues, as a set.
static REGIONS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set("regions"));

fn word_set(section: &str) -> FxHashSet<&'static str> {
    cues::words(section).iter().map(String::as_str).collect()
}

/// How general a place is; smaller is wider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    Country,
    /// A named region across administrative lines (…流域, …经济圈, 长三角).
    Region,
    Province,
    /// A prefecture-level city, or a municipality (北京市).
    City,
    /// A district, county, town, zone or area: inside a city.
    Local,
}

/// The division a place name stands for: the one inside `within` if any, else the single best.
pub(crate) fn division<'d>(name: &str, within: Option<&'d Division>) -> Option<&'d Division> {
    let d = Divisions::get();
    within
        .and_then(|w| d.lookup_within(name, w))
        .or_else(|| d.lookup(name))
}

fn level_of(d: &Division) -> Level {
    if Divisions::get().is_city(d) {
        return Level::City;
    }
    match d.level {
        divisions::Level::Province => Level::Province,
        divisions::Level::City => Level::City,
        divisions::Level::County => Level::Local,
    }
}

/// The level of a place name.
pub(crate) fn level(name: &str) -> Level {
    if COUNTRIES.contains(name) || (name.ends_with('国') && name.chars().count() <= 4) {
        return Level::Country;
    }
    if REGIONS.contains(name) {
        return Level::Region;
    }
    let cands = Divisions::get().lookup_all(name);
    if let Some(widest) = cands.iter().map(|d| level_of(d)).min() {
        return widest;
    }
    if name.ends_with('省') || name.ends_with("自治区") || name.ends_with("特别行政区") {
        return Level::Province;
    }
    if cues::ends_with_any("region_suffixes", name) {
        return Level::Region;
    }
    // a river (黄河, 长江) runs through many cities
    if name.chars().count() <= 3 && (name.ends_with('河') || name.ends_with('江')) {
        return Level::Region;
    }
    if name.ends_with('市') || name.ends_with('州') || name.ends_with('盟') {
        return Level::City;
    }
    Level::Local
}

/// The name without a trailing 市, 省, 区 or 县 (kept when only one character would remain).
pub(crate) fn short(name: &str) -> &str {
    for suffix in ["特别行政区", "自治区", "市", "省", "区", "县"] {
        if let Some(s) = name.strip_suffix(suffix) {
            if s.chars().count() >= 2 {
                return s;
            }
        }
    }
    name
}

/// The province-level division a city or province name belongs to (or is).
pub(crate) fn province_of(name: &str) -> Option<&'static Division> {
    let d = Divisions::get();
    d.province(d.lookup(name)?)
}

/// The province or prefecture-level city (full or short name) that `name` opens with, if any:
/// `苏州工业园区` → 苏州市. County names are passed over (too many are everyday words).
pub(crate) fn leading_place(name: &str) -> Option<&'static Division> {
    let d = Divisions::get();
    let m = d.find_in(name).next()?;
    if m.span.start != 0 || m.span.end == name.len() {
        return None;
    }
    let wide: Vec<&Division> = m
        .candidates
        .into_iter()
        .filter(|c| c.level != divisions::Level::County)
        .collect();
    (wide.len() == 1).then(|| wide[0])
}

/// Whether division `d` is `home` or lies within it.
pub(crate) fn within(d: &Division, home: &Division) -> bool {
    Divisions::get()
        .ancestors(d)
        .any(|a| std::ptr::eq(a, home) || a.name == home.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels() {
        assert_eq!(level("合肥市"), Level::City);
        assert_eq!(level("合肥"), Level::City);
        assert_eq!(level("安徽省"), Level::Province);
        assert_eq!(level("安徽"), Level::Province);
        assert_eq!(level("蜀山区"), Level::Local);
        assert_eq!(level("新站区"), Level::Local);
        assert_eq!(level("长江流域"), Level::Region);
        assert_eq!(level("中国"), Level::Country);
        assert_eq!(level("黄河"), Level::Region);
        assert_eq!(level("上海市"), Level::City);
        assert_eq!(
            province_of("苏州市").map(|d| d.name.as_str()),
            Some("江苏省")
        );
        assert_eq!(
            leading_place("苏州工业园区").map(|d| d.name.as_str()),
            Some("苏州市")
        );
        assert_eq!(
            leading_place("安徽大学").map(|d| d.name.as_str()),
            Some("安徽省")
        );
        assert_eq!(leading_place("蜀山"), None);
    }
}
