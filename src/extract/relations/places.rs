//! Place levels: how general a place name is (country, region, province, city, or local: a
//! district, county, zone or area inside a city), from its suffix and the embedded gazetteer of
//! provinces and their prefecture-level cities (`data/relation_places.txt`, general facts only).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The gazetteer, embedded.
const PLACES: &str = include_str!("../../../data/relation_places.txt");

/// How general a place is; smaller is wider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    Country,
    /// A named region across administrative lines (…流域, …经济圈, 长三角).
    Region,
    Province,
    City,
    /// A district, county, town, zone or area: inside a city.
    Local,
}

/// Provinces (full and short names) and the prefecture-level cities in each.
struct Gazetteer {
    /// Province-level division: (full name, short name).
    provinces: Vec<(String, String)>,
    /// Full or short province name → index in `provinces`.
    province_index: HashMap<String, usize>,
    /// City short name → index in `provinces`.
    city_province: HashMap<String, usize>,
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut g = Gazetteer {
            provinces: Vec::new(),
            province_index: HashMap::new(),
            city_province: HashMap::new(),
        };
        for line in PLACES.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(full), Some(short)) = (cols.next(), cols.next()) else {
                continue;
            };
            let i = g.provinces.len();
            g.provinces
                .push((full.trim().to_string(), short.trim().to_string()));
            g.province_index.insert(full.trim().to_string(), i);
            g.province_index.insert(short.trim().to_string(), i);
            for city in cols.next().unwrap_or("").split_whitespace() {
                g.city_province.entry(city.to_string()).or_insert(i);
            }
        }
        g
    })
}

const COUNTRIES: &[&str] = &[
    "中国",
    "中华人民共和国",
    "美国",
    "日本",
    "韩国",
    "德国",
    "法国",
    "英国",
    "俄罗斯",
    "意大利",
    "印度",
    "新加坡",
    "澳大利亚",
    "加拿大",
    "以色列",
    "荷兰",
    "瑞士",
    "瑞典",
    "欧盟",
    "欧洲",
    "亚洲",
    "非洲",
    "东盟",
    "芬兰",
    "丹麦",
    "挪威",
    "西班牙",
    "葡萄牙",
    "巴西",
    "越南",
    "泰国",
];

const REGION_SUFFIXES: &[&str] = &[
    "流域",
    "经济圈",
    "经济带",
    "城市群",
    "湾区",
    "三角",
    "三角洲",
    "都市圈",
    "地区",
    "沿线",
    "走廊",
    "半岛",
    "一带一路",
];

const REGIONS: &[&str] = &[
    "长三角",
    "珠三角",
    "京津冀",
    "粤港澳",
    "成渝",
    "东北",
    "华北",
    "华东",
    "华南",
    "华中",
    "西南",
    "西北",
    "中原",
    "东部",
    "西部",
    "中部",
];

/// The level of a place name.
pub(crate) fn level(name: &str) -> Level {
    let g = gazetteer();
    if COUNTRIES.contains(&name) || (name.ends_with('国') && name.chars().count() <= 4) {
        return Level::Country;
    }
    if g.province_index.contains_key(name)
        || name.ends_with('省')
        || name.ends_with("自治区")
        || name.ends_with("特别行政区")
    {
        return Level::Province;
    }
    if REGIONS.contains(&name) || REGION_SUFFIXES.iter().any(|s| name.ends_with(s)) {
        return Level::Region;
    }
    if g.city_province.contains_key(short(name))
        || name.ends_with('市')
        || name.ends_with('州')
        || name.ends_with('盟')
    {
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

/// The province (full name, short name) a city or province name belongs to, from the gazetteer.
pub(crate) fn province_of(name: &str) -> Option<(&'static str, &'static str)> {
    let g = gazetteer();
    let i = g
        .province_index
        .get(name)
        .or_else(|| g.city_province.get(short(name)))?;
    let (full, short) = &g.provinces[*i];
    Some((full.as_str(), short.as_str()))
}

/// Whether `name` is a province's full or short name.
pub(crate) fn is_province(name: &str) -> bool {
    gazetteer().province_index.contains_key(name)
}

/// The gazetteer place (province or city short name) that `name` starts with, if any (longest).
pub(crate) fn leading_place(name: &str) -> Option<&'static str> {
    let g = gazetteer();
    let mut best: Option<&'static str> = None;
    for (end, _) in name
        .char_indices()
        .skip(2)
        .take(4)
        .chain([(name.len(), ' ')])
    {
        let head = &name[..end];
        if let Some((k, _)) = g.province_index.get_key_value(head) {
            best = Some(k.as_str());
        } else if let Some((k, _)) = g.city_province.get_key_value(head) {
            best = Some(k.as_str());
        }
    }
    best
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
        assert_eq!(level("长江流域"), Level::Region);
        assert_eq!(level("中国"), Level::Country);
        assert_eq!(province_of("苏州市"), Some(("江苏省", "江苏")));
        assert_eq!(leading_place("苏州工业园区"), Some("苏州"));
        assert_eq!(leading_place("安徽大学"), Some("安徽"));
        assert_eq!(leading_place("蜀山"), None);
    }
}
