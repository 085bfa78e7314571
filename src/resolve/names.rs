//! Surface forms: the normalised name every comparison uses (book-title marks, quotes and white
//! space stripped) and the type-aware short forms that tie a name to its full form
//! (星海 ↔ 星海集团 for enterprises, 济南 ↔ 济南市 for places). Pure string functions.

use std::borrow::Cow;

/// Characters dropped from every name before it is compared: book-title marks, quotes of either
/// width and white space (the same set the reference scorer strips, plus corner brackets).
fn is_stripped(c: char) -> bool {
    // Most characters of a name are ideographs, none of them stripped: answered first.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return false;
    }
    matches!(
        c,
        '《' | '》' | '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」' | '『' | '』'
    ) || c.is_whitespace()
        || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The normalised form of a name: book-title marks, quotes and white space removed.
///
/// # Example
/// ```
/// use zhitu::resolve::normalise;
/// assert_eq!(normalise("《专项 规划》"), "专项规划");
/// assert_eq!(normalise("“12345”工程"), "12345工程");
/// ```
pub fn normalise(name: &str) -> Cow<'_, str> {
    if name.chars().any(is_stripped) {
        Cow::Owned(name.chars().filter(|&c| !is_stripped(c)).collect())
    } else {
        Cow::Borrowed(name)
    }
}

/// Company suffixes, longest first, stripped repeatedly to find an enterprise's bare name.
const COMPANY_SUFFIXES: &[&str] = &[
    "集团股份有限公司",
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "实业有限公司",
    "控股有限公司",
    "有限公司",
    "集团公司",
    "股份公司",
    "控股集团",
    "实业集团",
    "集团",
    "公司",
    "股份",
    "控股",
    "实业",
];

/// Words of trade that often follow an enterprise's brand (圣泉生物 for 圣泉). A brand joins its
/// longer form only when it has exactly one (a group with several listed arms stays apart).
const TRADE_SUFFIXES: &[&str] = &[
    "科技",
    "生物",
    "医药",
    "药业",
    "制药",
    "电子",
    "信息",
    "软件",
    "智能",
    "新能源",
    "能源",
    "汽车",
    "电气",
    "电器",
    "机械",
    "重工",
    "装备",
    "材料",
    "化工",
    "光电",
    "通信",
    "网络",
    "数据",
    "数字",
    "环保",
    "物流",
    "钢铁",
    "建设",
    "建工",
    "投资",
    "发展",
];

/// An enterprise's brand: its bare name with one trade word dropped (圣泉生物 → 圣泉), if what is
/// left keeps two characters.
///
/// # Example
/// ```
/// use zhitu::resolve::trade_base;
/// assert_eq!(trade_base("某某生物"), Some("某某"));
/// assert_eq!(trade_base("生物"), None);
/// ```
pub fn trade_base(base: &str) -> Option<&str> {
    TRADE_SUFFIXES.iter().find_map(|s| {
        base.strip_suffix(s)
            .filter(|rest| rest.chars().count() >= MIN_BASE_CHARS)
    })
}

/// Administrative suffixes a place name may carry or drop.
const PLACE_SUFFIXES: &[char] = &['市', '省', '区', '县'];

/// The shortest bare name a short form may have: two characters (济南, 星海).
const MIN_BASE_CHARS: usize = 2;

/// An enterprise's bare name: its company suffixes stripped (星海集团有限公司 → 星海), or the
/// name itself when it has none or stripping would leave fewer than two characters.
///
/// # Example
/// ```
/// use zhitu::resolve::company_base;
/// assert_eq!(company_base("星海集团有限公司"), "星海");
/// assert_eq!(company_base("星海"), "星海");
/// assert_eq!(company_base("某公司"), "某公司");
/// ```
pub fn company_base(name: &str) -> &str {
    let mut base = name;
    'strip: loop {
        for s in COMPANY_SUFFIXES {
            if let Some(rest) = base.strip_suffix(s) {
                if rest.chars().count() >= MIN_BASE_CHARS {
                    base = rest;
                    continue 'strip;
                }
            }
        }
        return base;
    }
}

/// A place's bare name and the administrative suffix it carries (济南市 → (济南, Some('市'))),
/// or the name itself with `None`.
///
/// # Example
/// ```
/// use zhitu::resolve::place_base;
/// assert_eq!(place_base("济南市"), ("济南", Some('市')));
/// assert_eq!(place_base("济南"), ("济南", None));
/// assert_eq!(place_base("省"), ("省", None));
/// ```
pub fn place_base(name: &str) -> (&str, Option<char>) {
    if let Some(last) = name.chars().next_back() {
        if PLACE_SUFFIXES.contains(&last) {
            let rest = &name[..name.len() - last.len_utf8()];
            if rest.chars().count() >= MIN_BASE_CHARS {
                return (rest, Some(last));
            }
        }
    }
    (name, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_strips_marks_quotes_and_spaces() {
        assert_eq!(normalise(" 《广州制造2025》\u{3000}"), "广州制造2025");
        assert_eq!(normalise("「链长制」"), "链长制");
    }

    #[test]
    fn company_base_strips_repeatedly() {
        assert_eq!(company_base("某某控股集团有限公司"), "某某");
        assert_eq!(company_base("某某实业"), "某某");
        assert_eq!(company_base("某公司"), "某公司");
    }

    #[test]
    fn place_base_needs_two_characters() {
        assert_eq!(place_base("章丘区"), ("章丘", Some('区')));
        assert_eq!(place_base("县"), ("县", None));
        assert_eq!(place_base("市区"), ("市区", None));
    }
}
