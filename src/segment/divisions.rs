//! China's administrative divisions as general-fact data: every province, prefecture-level city
//! and county-level division with its parent, from `data/divisions.txt` (embedded, parsed once).
//! Looks names up by full name (`济南市`) or short form (`济南`), walks to parents, and finds
//! division names in a text. Knows nothing of documents or the graph.

use rustc_hash::FxHashMap;
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use super::trie::CharTrie;

/// The embedded division list: lines `name<TAB>level<TAB>parent`, `#` starts a comment.
pub const DIVISIONS_DATA: &str = include_str!("../../data/divisions.txt");

/// The administrative level of a division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// 省, 自治区, 直辖市, 特别行政区.
    Province,
    /// 地级市, 地区, 自治州, 盟.
    City,
    /// 市辖区, 县, 县级市, 自治县, 旗 ….
    County,
}

impl Level {
    /// The name used in the data file.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
        }
    }

    fn parse(s: &str) -> Option<Level> {
        match s {
            "province" => Some(Level::Province),
            "city" => Some(Level::City),
            "county" => Some(Level::County),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One division: its full official name, the short form people write (`济南` for `济南市`,
/// `广西` for `广西壮族自治区`), its level and its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    pub name: String,
    /// The name without its suffix (省, 市, 区, 县, 自治区 and the like, ethnic names before
    /// 自治…), where that leaves at least two characters.
    pub short: Option<String>,
    pub level: Level,
    parent: Option<usize>,
    index: usize,
}

/// A line of the division data that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("divisions line {line}: {message}")]
pub struct DivisionsError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

/// One division name found in a text: its byte span and every division it may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DivisionMatch<'d> {
    pub span: Range<usize>,
    /// True when the text wrote a full name (`济南市`), false for a short form (`济南`).
    pub full: bool,
    pub candidates: Vec<&'d Division>,
}

/// The set of divisions with name and short-form indices.
pub struct Divisions {
    all: Vec<Division>,
    /// Every full name and short form → the divisions it may name, in [`Divisions::lookup_all`]
    /// order (worked out once, as a text names the same places again and again).
    named: FxHashMap<String, Vec<usize>>,
    /// Every full name and short form, with whether it is a full name and what it may name,
    /// for [`Divisions::find_in`].
    patterns: Vec<Pattern>,
    matcher: CharTrie,
}

/// A name [`Divisions::find_in`] looks for.
struct Pattern {
    full: bool,
    candidates: Vec<usize>,
}

static DIVISIONS: LazyLock<Divisions> = LazyLock::new(|| {
    // The embedded data is checked by the unit tests; a broken file is a build defect.
    Divisions::parse(DIVISIONS_DATA).expect("embedded data/divisions.txt parses")
});

/// Ethnic names that stand before 自治区/自治州/自治县/自治旗 and are left out of short forms.
const ETHNIC: &[&str] = &[
    "蒙古族",
    "蒙古",
    "回族",
    "藏族",
    "维吾尔族",
    "维吾尔",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "哈萨克",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "柯尔克孜",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "塔吉克",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
    "各族",
];

/// Suffixes dropped for a short form, longest first.
const SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
];

/// Whether a division's name is also a common word (城区, 郊区, 矿区 of a few cities, which
/// elsewhere mean any city's urban area, suburbs or mining area): such a name is that division
/// only in its own city's texts.
///
/// ```
/// use zhitu::segment::divisions::is_common_word;
/// assert!(is_common_word("城区"));
/// assert!(!is_common_word("历城区"));
/// ```
pub fn is_common_word(name: &str) -> bool {
    matches!(name, "城区" | "郊区" | "矿区")
}

/// The short form of a full division name, if it keeps at least two characters.
///
/// # Example
/// ```
/// use zhitu::segment::divisions::short_form;
/// assert_eq!(short_form("广西壮族自治区").as_deref(), Some("广西"));
/// assert_eq!(short_form("内蒙古自治区").as_deref(), Some("内蒙古"));
/// assert_eq!(short_form("黔东南苗族侗族自治州").as_deref(), Some("黔东南"));
/// assert_eq!(short_form("城区"), None);
/// ```
pub fn short_form(name: &str) -> Option<String> {
    let suffix = SUFFIXES.iter().find(|s| name.ends_with(*s))?;
    let mut stem = &name[..name.len() - suffix.len()];
    if suffix.starts_with("自治") {
        // Strip ethnic names from the end while at least two characters remain.
        while let Some(e) = ETHNIC.iter().find(|e| stem.ends_with(*e)) {
            let rest = &stem[..stem.len() - e.len()];
            if rest.chars().count() < 2 {
                break;
            }
            stem = rest;
        }
    }
    (stem.chars().count() >= 2 && stem != name).then(|| stem.to_string())
}

impl Divisions {
    /// The embedded divisions, parsed on first use.
    pub fn get() -> &'static Divisions {
        &DIVISIONS
    }

    /// Parses division data (the format of `data/divisions.txt`). A parent must be listed
    /// before its children.
    ///
    /// # Errors
    /// [`DivisionsError`] with the 1-based line of a malformed line, an unknown level, or a
    /// parent not listed before.
    pub fn parse(text: &str) -> Result<Divisions, DivisionsError> {
        let mut all: Vec<Division> = Vec::new();
        let mut by_name: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let err = |message: String| DivisionsError { line, message };
            let trimmed = raw.trim_end_matches('\r');
            if trimmed.trim().is_empty() || trimmed.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = trimmed.split('\t');
            let name = fields.next().unwrap_or_default().trim();
            let level = fields.next().map(str::trim).unwrap_or_default();
            let parent = fields.next().map(str::trim).unwrap_or_default();
            if fields.next().is_some() {
                return Err(err("expected `name<TAB>level<TAB>parent`".into()));
            }
            if name.is_empty() {
                return Err(err("empty name".into()));
            }
            let level = Level::parse(level).ok_or_else(|| {
                err(format!(
                    "unknown level `{level}` (expected province, city or county)"
                ))
            })?;
            let parent = if parent.is_empty() {
                if level != Level::Province {
                    return Err(err(format!("{name}: a {level} needs a parent")));
                }
                None
            } else {
                let found = by_name.get(parent).and_then(|ids| {
                    ids.iter()
                        .copied()
                        .find(|&p| all[p].level != Level::County && all[p].level < level)
                });
                Some(found.ok_or_else(|| {
                    err(format!("{name}: parent `{parent}` is not listed before"))
                })?)
            };
            let index = all.len();
            by_name.entry(name.to_string()).or_default().push(index);
            all.push(Division {
                name: name.to_string(),
                short: short_form(name),
                level,
                parent,
                index,
            });
        }
        let mut by_short: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for d in &all {
            if let Some(s) = &d.short {
                by_short.entry(s.clone()).or_default().push(d.index);
            }
        }
        let mut names: Vec<&String> = by_name.keys().chain(by_short.keys()).collect();
        names.sort();
        names.dedup();
        let named: FxHashMap<String, Vec<usize>> = names
            .iter()
            .map(|n| ((*n).clone(), lookup_order(&all, &by_name, &by_short, n)))
            .collect();
        let patterns = names
            .iter()
            .map(|n| Pattern {
                full: by_name.contains_key(*n),
                candidates: named.get(*n).cloned().unwrap_or_default(),
            })
            .collect();
        // one walk along the text's characters from each position (about 12,000 names)
        let matcher = CharTrie::new(names.iter().map(|n| n.as_str()));
        Ok(Divisions {
            all,
            named,
            patterns,
            matcher,
        })
    }

    /// Every division, provinces first, then cities, then counties.
    pub fn all(&self) -> &[Division] {
        &self.all
    }

    /// Every division a name may stand for: full-name matches first, then short-form matches,
    /// each group by level (provinces first) and data order.
    ///
    /// # Example
    /// ```
    /// use zhitu::segment::divisions::Divisions;
    /// let names: Vec<_> = Divisions::get().lookup_all("朝阳区").iter().map(|d| d.name.as_str()).collect();
    /// assert_eq!(names, ["朝阳区", "朝阳区"]); // 北京市 and 长春市 each have one
    /// ```
    pub fn lookup_all(&self, name: &str) -> Vec<&Division> {
        self.named
            .get(name)
            .map(|ids| ids.iter().map(|&i| &self.all[i]).collect())
            .unwrap_or_default()
    }

    /// The division a name stands for, when that can be told: a full-name match beats a short
    /// form, a higher level beats a lower one (`吉林` → 吉林省, `中山` → 中山市); a tie left
    /// after that (`朝阳区`, `鼓楼`) gives `None` (see [`Divisions::lookup_all`]).
    ///
    /// # Example
    /// ```
    /// use zhitu::segment::divisions::Divisions;
    /// let d = Divisions::get();
    /// assert_eq!(d.lookup("济南").map(|x| x.name.as_str()), Some("济南市"));
    /// assert_eq!(d.lookup("章丘").and_then(|x| d.parent(x)).map(|x| x.name.as_str()), Some("济南市"));
    /// assert!(d.lookup("朝阳区").is_none());
    /// ```
    pub fn lookup(&self, name: &str) -> Option<&Division> {
        best(self.lookup_all(name), |d| d.name == name)
    }

    /// Like [`Divisions::lookup`], among the divisions that lie within `within` (or are it):
    /// `朝阳区` within 北京市.
    pub fn lookup_within(&self, name: &str, within: &Division) -> Option<&Division> {
        let inside = self
            .lookup_all(name)
            .into_iter()
            .filter(|d| self.ancestors(d).any(|a| a.index == within.index))
            .collect();
        best(inside, |d| d.name == name)
    }

    /// The division directly above `d` (a county's city or province, a city's province).
    pub fn parent(&self, d: &Division) -> Option<&Division> {
        d.parent.and_then(|p| self.all.get(p))
    }

    /// `d` itself, then its parent, then its parent's parent.
    pub fn ancestors<'a>(&'a self, d: &'a Division) -> impl Iterator<Item = &'a Division> + 'a {
        std::iter::successors(Some(d), move |x| self.parent(x))
    }

    /// The province-level division `d` lies in (or is).
    pub fn province<'a>(&'a self, d: &'a Division) -> Option<&'a Division> {
        self.ancestors(d).find(|a| a.level == Level::Province)
    }

    /// The city `d` lies in (or is): a prefecture-level city or a municipality (北京市 …).
    /// `None` for a province, or a county directly under a province (济源市 …).
    pub fn city_of<'a>(&'a self, d: &'a Division) -> Option<&'a Division> {
        self.ancestors(d).find(|a| self.is_city(a))
    }

    /// True for a prefecture-level division (地级市, 地区, 自治州, 盟) and for the four
    /// municipalities directly under the central government (北京市, 天津市, 上海市, 重庆市).
    pub fn is_city(&self, d: &Division) -> bool {
        match d.level {
            Level::City => true,
            Level::Province => d.name.ends_with('市'),
            Level::County => false,
        }
    }

    /// Every division name (full or short form) in `text`, leftmost-longest, non-overlapping,
    /// with byte spans.
    ///
    /// # Complexity
    /// One walk along the characters of `text` from each position where no name was found
    /// (each walk as long as the longest name it could begin).
    pub fn find_in<'d, 't>(
        &'d self,
        text: &'t str,
    ) -> impl Iterator<Item = DivisionMatch<'d>> + use<'d, 't> {
        let mut starts = self.matcher.candidates(text);
        // where the last name found ends
        let mut free = 0;
        std::iter::from_fn(move || {
            for at in starts.by_ref() {
                if at < free {
                    continue;
                }
                let Some((p, len)) = self.matcher.prefixes_at_candidate(&text[at..]).last() else {
                    continue;
                };
                free = at + len;
                let pat = self.patterns.get(p)?;
                return Some(DivisionMatch {
                    span: at..at + len,
                    full: pat.full,
                    candidates: pat.candidates.iter().map(|&i| &self.all[i]).collect(),
                });
            }
            None
        })
    }
}

/// The divisions `name` may stand for, in [`Divisions::lookup_all`] order: full-name matches
/// first, then short-form matches, each group by level and data order, each division once.
fn lookup_order(
    all: &[Division],
    by_name: &FxHashMap<String, Vec<usize>>,
    by_short: &FxHashMap<String, Vec<usize>>,
    name: &str,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for map in [by_name, by_short] {
        let mut group: Vec<&Division> = map
            .get(name)
            .map(|ids| ids.iter().map(|&i| &all[i]).collect())
            .unwrap_or_default();
        group.sort_by_key(|d| (d.level, d.index));
        for d in group {
            if !out.contains(&d.index) {
                out.push(d.index);
            }
        }
    }
    out
}

/// The single best candidate: preferred ones (full-name matches) first, then the highest level;
/// `None` if that leaves a tie.
fn best(cands: Vec<&Division>, preferred: impl Fn(&Division) -> bool) -> Option<&Division> {
    let pool: Vec<&Division> = if cands.iter().any(|d| preferred(d)) {
        cands.into_iter().filter(|d| preferred(d)).collect()
    } else {
        cands
    };
    let top = pool.iter().map(|d| d.level).min()?;
    let mut at_top = pool.into_iter().filter(|d| d.level == top);
    let first = at_top.next()?;
    at_top.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(d: Option<&Division>) -> Option<&str> {
        d.map(|d| d.name.as_str())
    }

    #[test]
    fn embedded_data_parses_with_all_levels() {
        let d = Divisions::get();
        let count = |l| d.all().iter().filter(|x| x.level == l).count();
        assert_eq!(count(Level::Province), 34);
        assert!(count(Level::City) > 330, "{}", count(Level::City));
        assert!(count(Level::County) > 2800, "{}", count(Level::County));
    }

    #[test]
    fn full_and_short_names() {
        let d = Divisions::get();
        for (q, want) in [
            ("济南市", "济南市"),
            ("济南", "济南市"),
            ("章丘区", "章丘区"),
            ("章丘", "章丘区"),
            ("历城区", "历城区"),
            ("山东省", "山东省"),
            ("山东", "山东省"),
            ("广西壮族自治区", "广西壮族自治区"),
            ("广西", "广西壮族自治区"),
            ("内蒙古自治区", "内蒙古自治区"),
            ("内蒙古", "内蒙古自治区"),
            ("新疆", "新疆维吾尔自治区"),
            ("香港", "香港特别行政区"),
            ("北京", "北京市"),
            ("吉林", "吉林省"),
            ("中山", "中山市"),
            ("延边", "延边朝鲜族自治州"),
        ] {
            assert_eq!(name(d.lookup(q)), Some(want), "{q}");
        }
        assert_eq!(d.lookup("不存在的地方"), None);
        assert_eq!(d.lookup(""), None);
    }

    #[test]
    fn parents_and_cities() {
        let d = Divisions::get();
        let zq = d.lookup("章丘").unwrap();
        assert_eq!(name(d.parent(zq)), Some("济南市"));
        assert_eq!(name(d.province(zq)), Some("山东省"));
        assert_eq!(name(d.city_of(zq)), Some("济南市"));
        let jn = d.lookup("济南").unwrap();
        assert!(d.is_city(jn));
        assert!(!d.is_city(zq));
        assert!(d.is_city(d.lookup("上海").unwrap()));
        assert!(!d.is_city(d.lookup("山东").unwrap()));
        let dc = d.lookup("东城区").unwrap();
        assert_eq!(name(d.parent(dc)), Some("北京市"));
        assert_eq!(name(d.city_of(dc)), Some("北京市"));
        let jy = d.lookup("济源市").unwrap();
        assert_eq!(name(d.parent(jy)), Some("河南省"));
        assert_eq!(d.city_of(jy), None);
    }

    #[test]
    fn ambiguous_names_keep_all_candidates() {
        let d = Divisions::get();
        let all = d.lookup_all("朝阳区");
        assert_eq!(all.len(), 2);
        let parents: Vec<_> = all.iter().map(|x| name(d.parent(x)).unwrap()).collect();
        assert_eq!(parents, ["北京市", "长春市"]);
        assert_eq!(d.lookup("朝阳区"), None);
        let bj = d.lookup("北京").unwrap();
        assert_eq!(name(d.lookup_within("朝阳区", bj)), Some("朝阳区"));
        assert_eq!(
            name(d.lookup_within("朝阳", bj).and_then(|x| d.parent(x))),
            Some("北京市")
        );
    }

    #[test]
    fn short_forms() {
        assert_eq!(short_form("章丘区").as_deref(), Some("章丘"));
        assert_eq!(short_form("澳门特别行政区").as_deref(), Some("澳门"));
        assert_eq!(short_form("大厂回族自治县").as_deref(), Some("大厂"));
        assert_eq!(short_form("神农架林区").as_deref(), Some("神农架"));
        assert_eq!(short_form("鄂温克族自治旗").as_deref(), Some("鄂温克族"));
        assert_eq!(short_form("郊区"), None);
        assert_eq!(short_form("济南"), None);
    }

    #[test]
    fn finds_names_in_text() {
        let d = Divisions::get();
        let text = "济南市章丘区和青岛的企业";
        let found: Vec<_> = d
            .find_in(text)
            .map(|m| (&text[m.span.clone()], m.full, m.candidates.len()))
            .collect();
        assert_eq!(found[0], ("济南市", true, 1));
        assert_eq!(found[1], ("章丘区", true, 1));
        assert!(found.contains(&("青岛", false, 1)));
    }

    #[test]
    fn parse_errors_name_the_line() {
        let e = Divisions::parse("# c\n山东省\tprovince\t\n济南市\tcity\t山西省\n").err();
        assert_eq!(
            e.map(|e| e.to_string()).as_deref(),
            Some("divisions line 3: 济南市: parent `山西省` is not listed before")
        );
        let e = Divisions::parse("山东省\tstate\n").err();
        assert_eq!(
            e,
            Some(DivisionsError {
                line: 1,
                message: "unknown level `state` (expected province, city or county)".into()
            })
        );
        let e = Divisions::parse("济南市\tcity\n").err();
        assert_eq!(e.map(|e| e.line), Some(1));
    }
}
