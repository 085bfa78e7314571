//! Dates and years as documents write them: `2023-06-30`, `2024/12/22 18:22:00`, `2023.6.30`,
//! `2023年6月30日`, `2023年6月`, `2016年`, and the five-year plans `十四五` → 2021. Pure string
//! functions; the callers decide which date means what.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

/// A calendar date, as precise as the text gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// `2023-06-30`, `2023/6/30`, `2023.06.30`, `2023年6月30日`, and the same without the day
/// when written with 年…月.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:19|20)\d\d)\s*(?:([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)",
    )
    .expect("date pattern compiles")
});

/// A date in Chinese numerals, as formal documents sign off: `二〇二三年六月三十日`.
static CN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*[日号])?")
        .expect("Chinese date pattern compiles")
});

/// A clock time after a date: `14:18`, `18:22:00`.
static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,2}:\d{2}(?::\d{2})?").expect("time pattern compiles"));

/// A year written `2016年`, or the first of a range `2023—2025年` (not part of a longer number).
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\D)((?:19|20)\d\d)\s*(?:年|[-—–~～至到]\s*(?:19|20)\d\d\s*年)")
        .expect("year pattern compiles")
});

/// Every date in `s` with its byte span, in order. Out-of-range months and days are skipped.
///
/// # Example
/// ```
/// use zhitu::ingest::dates::dates_in;
/// let d: Vec<String> = dates_in("发布日期:2023-06-30 14:18 或 2024年1月").map(|(d, _)| d.to_string()).collect();
/// assert_eq!(d, ["2023-06-30", "2024-01"]);
/// ```
pub fn dates_in(s: &str) -> impl Iterator<Item = (Date, std::ops::Range<usize>)> + '_ {
    let arabic = DATE.captures_iter(s).filter_map(|c| {
        let whole = c.get(0)?;
        let year: i32 = c.get(1)?.as_str().parse().ok()?;
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (month, day) = if c.get(2).is_some() {
            (num(3), num(4))
        } else {
            (num(5), num(6))
        };
        checked(year, month, day).map(|d| (d, whole.range()))
    });
    // Chinese-numeral dates are rare: look for them only where a 年 written that way may be.
    let chinese = s
        .contains(['〇', '○', '零'])
        .then(|| {
            CN_DATE.captures_iter(s).filter_map(|c| {
                let whole = c.get(0)?;
                let year = c
                    .get(1)?
                    .as_str()
                    .chars()
                    .try_fold(0i32, |acc, ch| Some(acc * 10 + cn_digit(ch)? as i32))?;
                let month = c.get(2).and_then(|m| cn_number(m.as_str()));
                let day = match c.get(3) {
                    Some(m) => Some(cn_number(m.as_str())?),
                    None => None,
                };
                checked(year, month, day).map(|d| (d, whole.range()))
            })
        })
        .into_iter()
        .flatten();
    let mut all: Vec<(Date, std::ops::Range<usize>)> = arabic.chain(chinese).collect();
    all.sort_by_key(|(_, r)| r.start);
    all.into_iter()
}

/// A date with its month and day in range.
fn checked(year: i32, month: Option<u32>, day: Option<u32>) -> Option<Date> {
    let month = month.filter(|m| (1..=12).contains(m))?;
    if matches!(day, Some(d) if !(1..=31).contains(&d)) {
        return None;
    }
    Some(Date {
        year,
        month: Some(month),
        day,
    })
}

fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or(matches!(c, '○' | '零').then_some(0))
        .map(|p| p as u32)
}

/// `六` → 6, `十` → 10, `十二` → 12, `二十三` → 23, `三十` → 30.
fn cn_number(s: &str) -> Option<u32> {
    match s.split_once('十') {
        None => {
            let mut chars = s.chars();
            let d = cn_digit(chars.next()?)?;
            chars.next().is_none().then_some(d)
        }
        Some((tens, ones)) => {
            let tens = if tens.is_empty() { 1 } else { cn_number(tens)? };
            let ones = if ones.is_empty() { 0 } else { cn_number(ones)? };
            Some(tens * 10 + ones)
        }
    }
}

/// The first date in `s` that has a day.
pub fn first_full_date(s: &str) -> Option<Date> {
    dates_in(s).map(|(d, _)| d).find(|d| d.day.is_some())
}

/// Whether `s` holds a clock time (`14:18`).
pub fn has_time(s: &str) -> bool {
    TIME.is_match(s)
}

/// `s` with every date and clock time removed (to see what else a short line says).
pub fn without_dates(s: &str) -> String {
    let s = DATE.replace_all(s, "");
    let s = CN_DATE.replace_all(&s, "");
    TIME.replace_all(&s, "").into_owned()
}

/// The first year written `YYYY年` in `s`; for a range `2023—2025年`, its first year.
pub fn first_year(s: &str) -> Option<i32> {
    YEAR.captures(s)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok())
}

/// The first year of a five-year plan named in `s` (`十四五` → 2021, `十三五` → 2016).
///
/// # Example
/// ```
/// use zhitu::ingest::dates::five_year_plan_start;
/// assert_eq!(five_year_plan_start("济南市工业和信息化“十四五”发展规划"), Some(2021));
/// assert_eq!(five_year_plan_start("第十二个五年规划"), Some(2011));
/// ```
pub fn five_year_plan_start(s: &str) -> Option<i32> {
    const NUMS: [(&str, i32); 8] = [
        ("十五", 15),
        ("十四", 14),
        ("十三", 13),
        ("十二", 12),
        ("十一", 11),
        ("十", 10),
        ("九", 9),
        ("八", 8),
    ];
    for (i, _) in s.match_indices('五') {
        let after = &s[i + '五'.len_utf8()..];
        let before = s[..i].trim_end_matches(['“', '"', '‘']);
        // `第十二个五年` or `十四五` followed by what a plan's name goes on with (not `十五年来`).
        let (before, plan) = match before.strip_suffix('个') {
            Some(b) => (b, after.starts_with('年')),
            None => (
                before,
                after.is_empty()
                    || after.starts_with([
                        '”', '"', '’', '规', '时', '期', '计', '发', '末', '初', '以', '）', ')',
                    ]),
            ),
        };
        if !plan {
            continue;
        }
        if let Some((_, n)) = NUMS.iter().find(|(w, _)| before.ends_with(w)) {
            return Some(1966 + 5 * (n - 3));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &str) -> Vec<String> {
        dates_in(s).map(|(d, _)| d.to_string()).collect()
    }

    #[test]
    fn formats() {
        assert_eq!(all("TUhjnbcbe - 2024/12/22 18:22:00"), ["2024-12-22"]);
        assert_eq!(all("2023.6.3"), ["2023-06-03"]);
        assert_eq!(
            all("2023年6月30日 和 2023年 6 月"),
            ["2023-06-30", "2023-06"]
        );
        assert_eq!(all("2023-13-01 2023年0月"), Vec::<String>::new());
        assert_eq!(
            all("二〇二三年六月三十日 2024年1月 二○一六年十二月"),
            ["2023-06-30", "2024-01", "2016-12"]
        );
        assert_eq!(all("二〇二三年十三月"), Vec::<String>::new());
        assert_eq!(
            first_full_date("2023年6月 2023-06-30"),
            Some(Date {
                year: 2023,
                month: Some(6),
                day: Some(30)
            })
        );
    }

    #[test]
    fn years_and_plans() {
        assert_eq!(first_year("一、2016年主要工作"), Some(2016));
        assert_eq!(first_year("12016年"), None);
        assert_eq!(first_year("三年行动计划(2023—2025年)"), Some(2023));
        assert_eq!(first_year("2021-2025年"), Some(2021));
        assert_eq!(first_year("济南市2023年国民经济"), Some(2023));
        assert_eq!(five_year_plan_start("十三五规划"), Some(2016));
        assert_eq!(five_year_plan_start("五年规划"), None);
        assert_eq!(five_year_plan_start("十五年来"), None);
        assert_eq!(five_year_plan_start("十五五时期"), Some(2026));
        assert!(has_time("2024/12/22 18:22:00"));
        assert_eq!(
            without_dates("TUhjnbcbe - 2024/12/22 18:22:00").trim(),
            "TUhjnbcbe -"
        );
    }
}
