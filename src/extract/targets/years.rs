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
/// A date in a document's first lines (`2023-06-30`, `2024/12/22`).
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})[-/.年]\d{1,2}").expect("valid regex"));

/// Words that make a year a baseline or a starting point, not the year of a figure.
const BASELINE_BEFORE: [&str; 7] = ["比", "较", "与", "同", "自", "从", "相比"];
const BASELINE_AFTER: [&str; 3] = ["以来", "相比", "同期"];
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

/// The year phrases of `s` that name the year of what follows: (byte offset, year).
pub fn year_phrases(s: &str) -> Vec<(usize, i32)> {
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
            Some((whole.start(), y.as_str().parse().ok()?))
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

/// Starts of the stretches of a sentence that may open with a year: the sentence start and the
/// ends of wide gaps (two or more spaces, `■`).
fn stretch_starts(s: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            run += 1;
            continue;
        }
        if run >= 2 {
            out.push(i);
        }
        run = 0;
        if matches!(c, '■' | '●' | '◆') {
            out.push(i + c.len_utf8());
        }
    }
    out
}

impl Years {
    /// Works out the section years of `doc`.
    pub fn new(doc: &Document) -> Years {
        let mut section = Vec::with_capacity(doc.sentences.len());
        let mut headings: [Option<i32>; 4] = [None; 4];
        let mut opener: Option<i32> = None;
        for sent in &doc.sentences {
            let s = &doc.text[sent.span.clone()];
            let line_start = doc.text[..sent.span.start]
                .rsplit('\n')
                .next()
                .is_none_or(|l| l.trim().is_empty());
            let phrases = year_phrases(s);
            let level = if line_start { heading_level(s) } else { None };
            match level {
                Some(0) if phrases.is_empty() => {}
                Some(l) => {
                    headings[l] = phrases.first().map(|p| p.1);
                    for h in headings.iter_mut().skip(l + 1) {
                        *h = None;
                    }
                    opener = None;
                }
                None => {}
            }
            section.push(opener.or_else(|| headings.iter().rev().find_map(|h| *h)));
            if level.is_none() {
                let starts = stretch_starts(s);
                if let Some(&(_, y)) = phrases.iter().find(|(at, _)| {
                    starts
                        .iter()
                        .any(|&st| s.get(st..*at).is_some_and(|gap| gap.trim().is_empty()))
                }) {
                    opener = Some(y);
                }
            }
        }
        Years {
            section,
            doc_year: doc.year.or_else(|| document_year(doc)),
        }
    }

    /// The year of a figure at byte `pos` of sentence `i` (whose text is `s`).
    pub fn year_at(&self, i: usize, s: &str, pos: usize) -> Option<i32> {
        let before = s.get(..pos).unwrap_or(s);
        if let Some(&(_, y)) = year_phrases(before).last() {
            return Some(y);
        }
        if let Some(y) = self.section.get(i).copied().flatten() {
            return Some(y);
        }
        let dy = self.doc_year?;
        RELATIVE
            .iter()
            .filter_map(|(w, d)| before.rfind(w).map(|at| (at, d)))
            .max_by_key(|(at, _)| *at)
            .map(|(_, d)| dy + d)
    }
}

/// The document's year when ingest could not tell: its date, else the first year written in
/// its first lines, else a date there.
fn document_year(doc: &Document) -> Option<i32> {
    if let Some(y) = doc.date.as_deref().and_then(|d| d.get(..4)?.parse().ok()) {
        return Some(y);
    }
    let head: String = doc.text.chars().take(300).collect();
    if let Some(&(_, y)) = year_phrases(&head).first() {
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
                (s.chars().take(8).collect(), y.year_at(i, s, s.len()))
            })
            .collect()
    }

    #[test]
    fn baselines_and_glued_years_are_skipped() {
        assert_eq!(year_phrases("能耗比2020年降低17%"), vec![]);
        assert_eq!(year_phrases("入选2016-2017年度名单"), vec![]);
        assert_eq!(year_phrases("到2025年,收入突破1万亿元"), vec![(0, 2025)]);
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
            ("培育20家。", Some(2025)),
            ("2.推动转型。", None),
            ("去年增长5%。", Some(2021)),
        ];
        let got: Vec<_> = got.iter().map(|(s, y)| (s.as_str(), *y)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn an_opener_after_a_wide_gap_counts() {
        let got = years_of("本版稿件整理：某某      2012年，面对困难。增长10%。");
        assert_eq!(got[1].1, Some(2012));
    }
}
