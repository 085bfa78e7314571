//! The year a figure is for, worked out from context: a year written before it in its sentence
//! (`到2025年,…`, not a baseline `比2020年…`), else the year of its section (a heading such as
//! `一、2022年…执行情况`, or a paragraph opened by `2012年,…`/`到2025年,…`, until the next
//! heading), else a relative word (`去年`, `今年`, `全年`) against the document's year, else none.
//! One pass over the sentences.

use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::Document;

/// `到2025年`, `2022年底`: group 1 the year.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:到|至|截至|截止|在)?((?:19|20)\d{2})\s*年(?:底|末|前|初|内)?")
        .expect("valid regex")
});
/// Heading markers: `一、`, `(一)`, `1.`, `第一,`.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<l1>[一二三四五六七八九十]+[、.．])|(?P<l2>[（(][一二三四五六七八九十]+[）)])|(?P<l3>\d{1,2}[、.．](?:[^\d]|$)|第[一二三四五六七八九十]+[,，、章节部分篇]))",
    )
    .expect("valid regex")
});
/// A span of several years (`3年内`, `去年来`): its figures are for no single year.
static SPAN_OF_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\d{1,2}|[两二三四五六七八九十])年(?:内|来|间)|去年来|近年来")
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
/// Relative year words and their offset from the document's year.
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
}

/// The year phrases of `s` that name the year of what follows: (start, end, year), byte offsets.
pub fn year_phrases(s: &str) -> Vec<(usize, usize, i32)> {
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
            }
        }
        Years { section, doc_year }
    }

    /// The year context of sentence `i`, whose text is `s`.
    pub fn sentence(&self, i: usize, s: &str) -> SentenceYears<'_> {
        let mut relative: Vec<(usize, i32)> = RELATIVE
            .iter()
            .flat_map(|(w, d)| s.match_indices(w).map(move |(at, _)| (at + w.len(), *d)))
            .collect();
        relative.sort_unstable();
        SentenceYears {
            years: self,
            index: i,
            phrases: year_phrases(s)
                .into_iter()
                .map(|(_, e, y)| (e, y))
                .collect(),
            first_span: SPAN_OF_YEARS.find(s).map(|m| m.end()),
            relative,
        }
    }
}

/// The year context inside one sentence, worked out once.
#[derive(Debug)]
pub struct SentenceYears<'a> {
    years: &'a Years,
    index: usize,
    /// Year phrases: (end, year), in order.
    phrases: Vec<(usize, i32)>,
    /// The end of the first span of years (`3年内`).
    first_span: Option<usize>,
    /// Relative words: (end, offset), in order.
    relative: Vec<(usize, i32)>,
}

impl SentenceYears<'_> {
    /// The year of a figure at byte `pos` of the sentence.
    pub fn at(&self, pos: usize) -> Option<i32> {
        if self.first_span.is_some_and(|e| e <= pos) {
            return None;
        }
        let last_before = |v: &[(usize, i32)]| {
            let n = v.partition_point(|&(e, _)| e <= pos);
            n.checked_sub(1).map(|k| v[k].1)
        };
        if let Some(y) = last_before(&self.phrases) {
            return Some(y);
        }
        if let Some(y) = self.years.section.get(self.index).copied().flatten() {
            return Some(y);
        }
        let dy = self.years.doc_year?;
        last_before(&self.relative).map(|d| dy + d)
    }
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
