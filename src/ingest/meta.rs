//! Document metadata from the clean text and what the page furniture said: title, publication
//! date, the year the document reports on or plans from, and its main city.

use rustc_hash::FxHashMap;

use super::dates::{self, Date};
use crate::segment::divisions::{self, Division, Divisions, Level};

/// What the page (HTML tags, furniture lines) said about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// From the HTML `<title>`/`<h1>`/`<meta>`.
    pub html_title: Option<String>,
    /// From a breadcrumb, `查看完整版本:` or `原标题:` line.
    pub furniture_title: Option<String>,
    /// From `<meta>` tags.
    pub html_date: Option<Date>,
    /// From a `发布日期:` or byline line.
    pub furniture_date: Option<Date>,
    /// A date alone on a line (a signing date).
    pub lone_date: Option<Date>,
}

/// A document's metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: String,
    pub date: Option<String>,
    pub year: Option<i32>,
    pub city: Option<String>,
}

/// How many lines from the top are looked at for a title or an opening year.
const HEAD_LINES: usize = 8;
/// A title is at most this many characters.
const MAX_TITLE_CHARS: usize = 60;
/// A mention of a city in the title counts this many times a mention in the text.
const TITLE_WEIGHT: usize = 10;

/// Works out title, date, year and city.
///
/// - title: the HTML title, else the furniture's, else the first of the first lines that reads
///   like a title (short, not a sentence, not a numbered heading), else the first line;
/// - date: the furniture's, else the HTML's, else a full date in the title or first lines, else
///   a date alone on a line;
/// - year: a year in the title (`济南市2023年国民经济和社会发展计划` → 2023), else the first year
///   of a five-year plan it names (`十四五` → 2021), else a year that opens one of the first lines
///   (`一、2016年主要工作`, `2012年，面对…`), else the date's year;
/// - city: the prefecture-level city (or municipality) most present in title and text, a county
///   counting for its city; none when the title names only a province.
pub fn metadata(text: &str, hints: &Hints) -> Meta {
    let head: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
        .collect();
    let title = hints
        .html_title
        .clone()
        .or_else(|| hints.furniture_title.clone())
        .or_else(|| {
            head.iter()
                .find(|l| is_title_like(l))
                .map(|l| l.to_string())
        })
        .or_else(|| head.first().map(|l| truncate(l, MAX_TITLE_CHARS)))
        .unwrap_or_default();
    let date = hints
        .furniture_date
        .or(hints.html_date)
        .or_else(|| dates::first_full_date(&title))
        .or_else(|| head.iter().take(3).find_map(|l| dates::first_full_date(l)))
        .or(hints.lone_date);
    let year = dates::first_year(&title)
        .or_else(|| dates::five_year_plan_start(&title))
        .or_else(|| head.iter().find_map(|l| opening_year(l)))
        .or(date.map(|d| d.year));
    Meta {
        city: main_city(&title, text).map(|d| d.name.clone()),
        title,
        date: date.map(|d| d.to_string()),
        year,
    }
}

/// Short, not ending like a sentence or a lead-in, not a numbered heading, with Chinese in it.
fn is_title_like(line: &str) -> bool {
    let n = line.chars().count();
    (2..=MAX_TITLE_CHARS).contains(&n)
        && !line.ends_with([
            '。', '；', ';', '，', ',', '、', '：', ':', '！', '？', '!', '?',
        ])
        && !is_numbered_heading(line)
        && line.chars().any(is_han)
}

/// `一、…`, `（一）…`, `(一)…`, `1.…`, `1、…`, `第一章…`.
fn is_numbered_heading(line: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十百零〇";
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: String = chars.take(4).collect();
    match first {
        '(' | '（' => true,
        '第' => rest.starts_with(|c: char| NUMERALS.contains(c)),
        c if NUMERALS.contains(c) || c.is_ascii_digit() => {
            let after: String = rest
                .chars()
                .skip_while(|c| NUMERALS.contains(*c) || c.is_ascii_digit())
                .take(1)
                .collect();
            matches!(after.as_str(), "、" | "." | "．" | "是")
        }
        _ => false,
    }
}

/// A year that opens a line, after an optional heading number: `一、2016年…`, `2012年，…`.
fn opening_year(line: &str) -> Option<i32> {
    let body = line
        .split_once('、')
        .filter(|(n, _)| n.chars().count() <= 3)
        .map_or(line, |(_, b)| b)
        .trim_start();
    let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
    let after = &body[digits.len()..];
    (digits.len() == 4 && after.trim_start().starts_with('年'))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1949..=2100).contains(y))
}

/// The city most present in title and text.
fn main_city(title: &str, text: &str) -> Option<&'static Division> {
    let divisions = Divisions::get();
    let mut score: FxHashMap<&str, (usize, &Division)> = FxHashMap::default();
    let mut title_city = false;
    let mut title_province = false;
    for (src, weight) in [(title, TITLE_WEIGHT), (text, 1)] {
        for m in divisions.find_in(src) {
            let Some(d) = pick(&m.candidates, m.full, &src[m.span.clone()]) else {
                continue;
            };
            // A county counts for its city only when written in full (`章丘区`, not `章丘`),
            // and not when its name is a common word (城区).
            if d.level == Level::County && (!m.full || divisions::is_common_word(&d.name)) {
                continue;
            }
            match divisions.city_of(d) {
                Some(city) => {
                    score.entry(&city.name).or_insert((0, city)).0 += weight;
                    title_city |= weight == TITLE_WEIGHT;
                }
                None => title_province |= weight == TITLE_WEIGHT && d.level == Level::Province,
            }
        }
    }
    if title_province && !title_city {
        return None;
    }
    let mut ranked: Vec<(usize, &Division)> = score.into_values().collect();
    // Highest score first; ties by name for a stable answer.
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    ranked
        .into_iter()
        .next()
        .filter(|(s, _)| *s >= 2)
        .map(|(_, d)| d)
}

/// The division a found name stands for: the full-name match, else the one of highest level if
/// that one is unique.
fn pick<'a>(cands: &[&'a Division], full: bool, surface: &str) -> Option<&'a Division> {
    let pool = || {
        cands
            .iter()
            .copied()
            .filter(move |d| !full || d.name == surface)
    };
    let top = pool().map(|d| d.level).min()?;
    let mut at_top = pool().filter(|d| d.level == top);
    let first = at_top.next()?;
    at_top.next().is_none().then_some(first)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2FFFF}')
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> Meta {
        metadata(text, &Hints::default())
    }

    #[test]
    fn title_skips_lead_sentences_and_headings() {
        let m = meta("某网讯:日前,某市人民政府印发计划。\n原文如下:\n青岛市2023年国民经济和社会发展计划\n正文");
        assert_eq!(m.title, "青岛市2023年国民经济和社会发展计划");
        assert_eq!(m.year, Some(2023));
        let m = meta("一、2016年主要工作\n2016年,全市工业增长。");
        assert_eq!(m.title, "一、2016年主要工作");
        assert_eq!(m.year, Some(2016));
    }

    #[test]
    fn year_from_plan_and_opening_lines() {
        let hints = Hints {
            furniture_title: Some("某市工业和信息化十四五发展规划".into()),
            furniture_date: dates::dates_in("2024/12/22").next().map(|(d, _)| d),
            ..Hints::default()
        };
        let m = metadata("正文。", &hints);
        assert_eq!(m.year, Some(2021));
        assert_eq!(m.date.as_deref(), Some("2024-12-22"));
        assert_eq!(
            meta("标题 努力发展\n2012年，面对严峻形势。").year,
            Some(2012)
        );
        assert_eq!(meta("标题\n正文").year, None);
    }

    #[test]
    fn city_by_presence() {
        let m = meta("工作总结\n推进广州制造2025。广州跻身前列。深圳也好。天河区发展。");
        assert_eq!(m.city.as_deref(), Some("广州市"));
        let m = meta("武汉市 工作报告\n广州、深圳、广州、深圳、广州。");
        assert_eq!(m.city.as_deref(), Some("武汉市"));
        assert_eq!(meta("山东省工作报告\n济南、青岛、济南。").city, None);
        assert_eq!(
            meta("工作报告\n北京市朝阳区。北京。").city.as_deref(),
            Some("北京市")
        );
        assert_eq!(meta("没有地名的文字").city, None);
        // 城区 and 矿区 are districts of some city, but here mean any city's urban and mining areas
        assert_eq!(meta("工作报告\n城区改造，矿区治理，矿区复垦。").city, None);
    }

    #[test]
    fn headings() {
        for h in [
            "一、总体要求",
            "（一）着力",
            "(二)强化",
            "1.加强",
            "12、推进",
            "第三章 任务",
            "八是维护",
        ] {
            assert!(is_numbered_heading(h), "{h}");
        }
        for t in ["十四五规划", "济南市工业", "2023年计划"] {
            assert!(!is_numbered_heading(t), "{t}");
        }
    }
}
