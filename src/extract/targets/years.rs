//! The year a figure is for, worked out from context: a year written before it in its sentence
//! (`到2025年,…`, not a baseline `比2020年…`), else the year of its section (a heading such as
//! `一、2022年…执行情况`, or a paragraph opened by `2012年,…`/`到2025年,…`, until the next
//! heading), else a relative word (`去年`, `今年`, `全年`) against the document's year, or a
//! reported-to-date marker (`目前`, `已`, `截至目前`) for the document's own year (when its date
//! is not contradicted by the year its title names, as a re-posted page's timestamp may be),
//! else the last past or present year stated earlier in the same paragraph, else none. Recurring figures
//! (`每年…`), spans (`3年内`, `去年以来`), projections (`达产后`) and a facility's design attributes (`规划年产能`,
//! `总面积`) are for no single year. One pass over the sentences.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::Document;

/// `到2025年`, `2022年底`: group 1 the year.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:到|至|截至|截止|在)?((?:19|20)\d{2})\s*年(?:底|末|前|初|内)?")
        .expect("valid regex")
});
/// A five-year plan's period (`“十三五”期间`, `十四五末`): group 1 its ordinal; the figure is
/// for the plan's last year.
static PLAN_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"十([一二三四五六七八九])五[”\x22’]?(?:期间|末)").expect("valid regex")
});
/// Heading markers: `一、`, `(一)`, `1.`, `第一,`.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<l1>[一二三四五六七八九十]+[、.．])|(?P<l2>[（(][一二三四五六七八九十]+[）)])|(?P<l3>\d{1,2}[、.．](?:[^\d]|$)|第[一二三四五六七八九十]+[,，、章节部分篇]))",
    )
    .expect("valid regex")
});
/// A span of several years (`3年内`, `去年来`), a recurring figure (`每年`) or a projection
/// (`达产后`): its figures are for no single year.
static SPAN_OF_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\d{1,2}|[两二三四五六七八九十])年(?:内|来|间)|去年以?来|近年以?来|(?:^|[^人户亩天])每年|(?:达产|建成|投产|竣工)后",
    )
        .expect("valid regex")
});
/// Whether `s` may hold a [`SPAN_OF_YEARS`]: a `后`, or a 年 with 内, 来, 间 or 以 after it or 每
/// before it (`has_year`: whether `s` holds a 年), so that most sentences skip the regex.
fn may_hold_span(s: &str, has_year: bool) -> bool {
    s.contains('后')
        || (has_year
            && s.match_indices('年').any(|(at, y)| {
                s[at + y.len()..].starts_with(['内', '来', '间', '以']) || s[..at].ends_with('每')
            }))
}

/// Markers of a figure reported to date (`目前,…`, `已入驻…`, `截至目前`): group 1 ends the
/// marker. `目前` only opens a clause (not `项目前景`).
static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[，,；;：:])\s*(?:截至|截止)?(目前|当前)|(现已|已)").expect("valid regex")
});
/// A facility's design attributes (`规划年产能`, `总面积`, `占地500亩`): a figure in the same
/// clause describes the facility, not a year.
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:规划|设计)年?产能|(?:总|占地|建筑|规划)面积|占地(?:约|近)?\d")
        .expect("valid regex")
});
/// A date in a document's first lines (`2023-06-30`, `2024/12/22`).
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})[-/.年]\d{1,2}").expect("valid regex"));

/// Words that make a year a baseline or a starting point, not the year of a figure.
const BASELINE_BEFORE: [&str; 7] = ["比", "较", "与", "同", "自", "从", "相比"];
const BASELINE_AFTER: [&str; 4] = ["以来", "相比", "同期", "的"];
/// Words that may open a paragraph before its year (`力争到2025年,…`).
const AIMS: [&str; 7] = ["力争", "争取", "预计", "计划", "确保", "目标是", "努力"];
/// Relative year words and their offset from the document's year; each ends with 年.
const RELATIVE: [(&str, i32); 7] = [
    ("前年", -2),
    ("去年", -1),
    ("上年", -1),
    ("今年", 0),
    ("本年", 0),
    ("全年", 0),
    ("明年", 1),
];

/// The year context of a document.
#[derive(Debug, Clone, Default)]
pub struct Years {
    /// The section year at each sentence (before the sentence's own year phrases).
    section: Vec<Option<i32>>,
    /// The year the document reports on or was published in, for relative words.
    doc_year: Option<i32>,
    /// The document's own year, for figures reported to date; none when its date and the year
    /// its title names disagree.
    status_year: Option<i32>,
    /// The last year stated before each sentence in its paragraph.
    carried: Vec<Option<i32>>,
}

/// The year phrases of `s` that name the year of what follows: (start, end, year), byte offsets.
pub fn year_phrases(s: &str) -> Vec<(usize, usize, i32)> {
    calendar_years(s)
}

/// The end of the first year phrase or plan period inside `s` (`我们将围绕到2025年`,
/// `“十三五”期间`), where a metric's own words start.
pub(super) fn first_period_end(s: &str) -> Option<usize> {
    let years = calendar_years(s).into_iter().map(|(_, e, _)| e);
    let plans = PLAN_PERIOD.find_iter(s).map(|m| m.end());
    years
        .chain(plans)
        .filter(|&e| !s[e..].starts_with('度'))
        .min()
}

/// The five-year plan periods of `s` (`“十三五”期间`): (end, the plan's last year), in order.
/// They hold for their own sentence only: a period is no year a paragraph reports on.
fn plan_periods(s: &str) -> Vec<(usize, i32)> {
    PLAN_PERIOD
        .captures_iter(s)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let digit = c.get(1)?.as_str();
            let n = "一二三四五六七八九"
                .chars()
                .position(|d| digit.starts_with(d))?;
            // 十一五 is 2006–2010: the n-th plan ends in 2005 + 5n
            Some((whole.end(), 2010 + 5 * n as i32))
        })
        .collect()
}

/// The calendar years of `s` (`到2025年`) that name the year of what follows.
fn calendar_years(s: &str) -> Vec<(usize, usize, i32)> {
    // most sentences have no 年: no regex for them
    if !s.contains('年') {
        return Vec::new();
    }
    YEAR.captures_iter(s)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let y = c.get(1)?;
            let before = &s[..whole.start()];
            let after = &s[whole.end()..];
            let glued = before
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphanumeric() || "-—~～至".contains(p));
            let baseline = BASELINE_BEFORE.iter().any(|w| before.ends_with(w))
                || BASELINE_AFTER.iter().any(|w| after.starts_with(w))
                || after.starts_with(['-', '—', '至']);
            if glued || baseline {
                return None;
            }
            Some((whole.start(), whole.end(), y.as_str().parse().ok()?))
        })
        .collect()
}

/// The heading level of a sentence that opens a line: 1 `一、`, 2 `(一)`, 3 `1.`/`第一,`; 0 for
/// a short unpunctuated title line.
fn heading_level(s: &str) -> Option<usize> {
    if let Some(c) = HEADING.captures(s) {
        return ["l1", "l2", "l3"]
            .iter()
            .position(|g| c.name(g).is_some())
            .map(|i| i + 1);
    }
    let short = s.chars().count() <= 40;
    let unpunctuated = !s.contains(['，', ',', '。', '；', ';', '：', ':']);
    (short && unpunctuated).then_some(0)
}

/// Whether a year phrase after `before` (its sentence up to the phrase) opens a stretch of
/// text: the sentence start when that opens a paragraph, or the end of a wide gap (two or more
/// spaces) or of a bullet (`■`).
fn opens_stretch(before: &str, para_start: bool) -> bool {
    let trimmed = before.trim_end();
    if trimmed.is_empty() || AIMS.contains(&trimmed.trim_start()) {
        return para_start;
    }
    before[trimmed.len()..].chars().count() >= 2 || trimmed.ends_with(['■', '●', '◆'])
}

/// Whether `before` ends with a wide gap (two or more white-space characters).
fn after_gap(before: &str) -> bool {
    before
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count()
        >= 2
}

impl Years {
    /// Works out the section years of `doc`.
    pub fn new(doc: &Document) -> Years {
        let doc_year = date_year(doc).or(doc.year).or_else(|| document_year(doc));
        let status_year = match (date_year(doc), doc.year) {
            (Some(d), Some(y)) => (d == y).then_some(d),
            (d, y) => d.or(y),
        };
        let mut years = Years {
            section: Vec::with_capacity(doc.sentences.len()),
            doc_year,
            status_year,
            carried: Vec::with_capacity(doc.sentences.len()),
        };
        let mut para_last: Option<i32> = None;
        let mut section = Vec::with_capacity(doc.sentences.len());
        let mut headings: [Option<i32>; 4] = [None; 4];
        let mut opener: Option<i32> = None;
        let mut prev_end = 0;
        for sent in &doc.sentences {
            let s = &doc.text[sent.span.clone()];
            // sentences are separated by white space only: a line break there opens a line
            let gap = doc.text.get(prev_end..sent.span.start).unwrap_or("");
            let line_start = sent.index == 0 || gap.contains('\n');
            prev_end = sent.span.end;
            if line_start || after_gap(gap) {
                para_last = None;
            }
            years.carried.push(para_last);
            let phrases = year_phrases(s);
            // the first line names the document; a year there is the default of all it says
            let level = match line_start.then(|| heading_level(s)).flatten() {
                None if sent.index == 0 && !phrases.is_empty() => Some(0),
                l => l,
            };
            match level {
                Some(0) if phrases.is_empty() => {}
                Some(l) => {
                    headings[l] = phrases
                        .first()
                        .map(|p| p.2)
                        .or_else(|| relative_year(s, doc_year, false));
                    for h in headings.iter_mut().skip(l + 1) {
                        *h = None;
                    }
                    opener = None;
                    para_last = None;
                }
                None => {}
            }
            section.push(opener.or_else(|| headings.iter().rev().find_map(|h| *h)));
            if level.is_none() {
                // a paragraph opens here: a line start, or a wide gap standing for one
                let para_start = line_start || after_gap(gap);
                if let Some(&(_, _, y)) = phrases
                    .iter()
                    .find(|(at, _, _)| opens_stretch(&s[..*at], para_start))
                {
                    opener = Some(y);
                } else if para_start && section.last().copied().flatten().is_none() {
                    // `今年,…` opening a paragraph, where nothing else gave a year
                    if let Some(y) = relative_year(s, doc_year, true) {
                        opener = Some(y);
                    }
                }
                // the year this sentence leaves for the rest of its paragraph
                let context = years.own(sent.index, s, &phrases);
                let own = context.own_at(s.len());
                // only a past or present year carries: a deadline (`到2025年`) binds its own
                // sentence, the next one often starts another measure
                if own.is_some() || context.first_span.is_some() {
                    para_last = own.filter(|&y| doc_year.is_some_and(|dy| y <= dy));
                }
            }
        }
        years.section = section;
        years
    }

    /// The year context of sentence `i`, whose text is `s`.
    pub fn sentence(&self, i: usize, s: &str) -> SentenceYears<'_> {
        let mut years = self.own(i, s, &year_phrases(s));
        years.phrases = years.calendar.clone();
        years.phrases.extend(plan_periods(s));
        years.phrases.sort_unstable();
        // each kind of attribute needs one of these words: most sentences skip the regex
        if ["产能", "面积", "占地"].iter().any(|w| s.contains(w)) {
            years.attributes = ATTRIBUTE
                .find_iter(s)
                .map(|m| {
                    let rest = &s[m.start()..];
                    let stop = rest
                        .find(['，', ',', '；', ';', '、'])
                        .unwrap_or(rest.len());
                    m.start()..m.start() + stop
                })
                .collect();
        }
        years
    }

    /// What [`SentenceYears::own_at`] reads of sentence `i` (text `s`, calendar year phrases
    /// `calendar` as [`year_phrases`] gives them); no plan periods nor attributes.
    fn own(&self, i: usize, s: &str, calendar: &[(usize, usize, i32)]) -> SentenceYears<'_> {
        // every relative word and span of years but `…后` holds a 年
        let has_year = s.contains('年');
        // every relative word ends with 年: one pass over the 年s, in order
        let relative: Vec<(usize, i32)> = if has_year {
            s.match_indices('年')
                .filter_map(|(at, y)| {
                    let end = at + y.len();
                    let head = &s[..end];
                    RELATIVE
                        .iter()
                        .find(|(w, _)| head.ends_with(w))
                        .map(|&(_, d)| (end, d))
                })
                .collect()
        } else {
            Vec::new()
        };
        let marked = || ["已", "目前", "当前"].iter().any(|w| s.contains(w));
        let status = if self.status_year.is_some() && marked() {
            STATUS
                .captures_iter(s)
                .filter_map(|c| c.get(1).or_else(|| c.get(2)).map(|m| m.end()))
                .collect()
        } else {
            Vec::new()
        };
        let spans = may_hold_span(s, has_year);
        SentenceYears {
            years: self,
            index: i,
            phrases: Vec::new(),
            calendar: calendar.iter().map(|&(_, e, y)| (e, y)).collect(),
            first_span: spans
                .then(|| SPAN_OF_YEARS.find(s))
                .flatten()
                .map(|m| m.end()),
            attributes: Vec::new(),
            relative,
            status,
        }
    }
}

/// The year context inside one sentence, worked out once.
#[derive(Debug)]
pub struct SentenceYears<'a> {
    years: &'a Years,
    index: usize,
    /// Year phrases and plan periods: (end, year), in order.
    phrases: Vec<(usize, i32)>,
    /// Calendar year phrases only: (end, year), in order.
    calendar: Vec<(usize, i32)>,
    /// The end of the first span of years (`3年内`).
    first_span: Option<usize>,
    /// Clauses that give a facility's design attributes (`总面积10平方公里`).
    attributes: Vec<Range<usize>>,
    /// Relative words: (end, offset), in order.
    relative: Vec<(usize, i32)>,
    /// Ends of reported-to-date markers, in order (empty when the document's year is unsure).
    status: Vec<usize>,
}

impl SentenceYears<'_> {
    /// The year of a figure at byte `pos` of the sentence.
    pub fn at(&self, pos: usize) -> Option<i32> {
        if self.first_span.is_some_and(|e| e <= pos)
            || self.attributes.iter().any(|r| r.contains(&pos))
        {
            return None;
        }
        if let Some(y) = last_before(&self.phrases, pos) {
            return Some(y);
        }
        if let Some(y) = self.years.section.get(self.index).copied().flatten() {
            return Some(y);
        }
        self.relative_at(pos)
            .or_else(|| self.years.carried.get(self.index).copied().flatten())
    }

    /// The calendar year the sentence's own words give a figure at `pos`, without its section
    /// or paragraph: what it leaves for the rest of its paragraph.
    fn own_at(&self, pos: usize) -> Option<i32> {
        if self.first_span.is_some_and(|e| e <= pos) {
            return None;
        }
        let phrase = self.calendar.iter().rev().find(|&&(e, _)| e <= pos);
        match (phrase, self.relative_end(pos)) {
            (Some(&(e, y)), Some(r)) if e > r => Some(y),
            (_, Some(_)) => self.relative_at(pos),
            (Some(&(_, y)), None) => Some(y),
            (None, None) => None,
        }
    }

    /// The end of the last relative word or reported-to-date marker before `pos`.
    fn relative_end(&self, pos: usize) -> Option<usize> {
        let r = self
            .relative
            .iter()
            .rev()
            .find(|&&(e, _)| e <= pos)
            .map(|r| r.0);
        let st = self.status.iter().rev().find(|&&e| e <= pos).copied();
        r.max(st)
    }

    /// The year of the last relative word (`去年`) or reported-to-date marker (`目前`) before
    /// `pos`.
    fn relative_at(&self, pos: usize) -> Option<i32> {
        let r = self
            .relative
            .iter()
            .rev()
            .find(|&&(e, _)| e <= pos)
            .copied();
        let st = self.status.iter().rev().find(|&&e| e <= pos).copied();
        match (r, st) {
            (Some((re, _)), Some(se)) if se > re => self.years.status_year,
            (Some((_, d)), _) => self.years.doc_year.map(|dy| dy + d),
            (None, Some(_)) => self.years.status_year,
            (None, None) => None,
        }
    }
}

/// The value of the last (end, value) pair ending at or before `pos`.
fn last_before(v: &[(usize, i32)], pos: usize) -> Option<i32> {
    let n = v.partition_point(|&(e, _)| e <= pos);
    n.checked_sub(1).map(|k| v[k].1)
}

/// The year a heading (`一、过去一年工作回顾`) or, with `opening`, a paragraph opening
/// (`过去一年,…`, `今年,…`) speaks of, counted from the document's year.
fn relative_year(s: &str, doc_year: Option<i32>, opening: bool) -> Option<i32> {
    let dy = doc_year?;
    let found = |w: &str| {
        if opening {
            s.strip_prefix(w)
                .is_some_and(|rest| rest.starts_with(['，', ',']))
        } else {
            s.contains(w)
        }
    };
    if ["过去一年", "过去的一年", "去年"].iter().any(|w| found(w)) {
        Some(dy - 1)
    } else if ["今年", "明年"].iter().any(|w| found(w)) {
        Some(if found("明年") { dy + 1 } else { dy })
    } else {
        None
    }
}

/// The year of the document's date: what 去年 and 今年 count from.
fn date_year(doc: &Document) -> Option<i32> {
    doc.date.as_deref().and_then(|d| d.get(..4)?.parse().ok())
}

/// The document's year when ingest could not tell: the first year written in its first lines,
/// else a date there.
fn document_year(doc: &Document) -> Option<i32> {
    let head: String = doc.text.chars().take(300).collect();
    if let Some(&(_, _, y)) = year_phrases(&head).first() {
        return Some(y);
    }
    DATE.captures(&head)
        .and_then(|c| c.get(1)?.as_str().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_document;
    use std::path::Path;

    fn years_of(text: &str) -> Vec<(String, Option<i32>)> {
        let doc = parse_document("t.txt", Path::new("t.txt"), text.as_bytes()).expect("doc");
        let y = Years::new(&doc);
        (0..doc.sentences.len())
            .map(|i| {
                let s = doc.sentence_text(i);
                (s.chars().take(8).collect(), y.sentence(i, s).at(s.len()))
            })
            .collect()
    }

    #[test]
    fn baselines_and_glued_years_are_skipped() {
        assert_eq!(year_phrases("能耗比2020年降低17%"), vec![]);
        assert_eq!(year_phrases("入选2016-2017年度名单"), vec![]);
        assert_eq!(
            year_phrases("到2025年,收入突破1万亿元"),
            vec![(0, 10, 2025)]
        );
    }

    #[test]
    fn headings_and_openers_set_the_section_year() {
        let text = "一、2022年执行情况\n全年增长3%。\n二、2023年总体要求\n增长6%左右。\n三、重点任务\n1.提升能力。到2025年,达到10家。\n培育20家。\n2.推动转型。去年增长5%。\n";
        let got = years_of(text);
        let want = [
            ("一、2022年执", Some(2022)),
            ("全年增长3%。", Some(2022)),
            ("二、2023年总", Some(2023)),
            ("增长6%左右。", Some(2023)),
            ("三、重点任务", None),
            ("1.提升能力。", None),
            ("到2025年,达", Some(2025)),
            ("培育20家。", None),
            ("2.推动转型。", None),
            ("去年增长5%。", Some(2021)),
        ];
        let got: Vec<_> = got.iter().map(|(s, y)| (s.as_str(), *y)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_year_opening_a_paragraph_holds_until_the_next_heading() {
        let got = years_of("标题\n二、发展目标\n力争到2025年,迈上新台阶。\n——收入突破1万亿元。\n三、重点任务\n培育20家。");
        let years: Vec<Option<i32>> = got.iter().map(|g| g.1).collect();
        assert_eq!(years, vec![None, None, Some(2025), Some(2025), None, None]);
    }

    #[test]
    fn relative_headings_and_openings_count_from_the_date() {
        let got = years_of("某市政府工作报告\n2024年1月10日\n一、过去一年工作回顾\n增长5%。\n二、今年主要目标\n增长6%。\n今年,增长7%。");
        let years: Vec<Option<i32>> = got.iter().map(|g| g.1).collect();
        assert_eq!(
            years,
            vec![
                None,
                Some(2023),
                Some(2023),
                Some(2024),
                Some(2024),
                Some(2024)
            ]
        );
    }

    #[test]
    fn an_opener_after_a_wide_gap_counts() {
        let got = years_of("本版稿件整理：某某      2012年，面对困难。增长10%。");
        assert_eq!(got[1].1, Some(2012));
    }
}
