//! The phrases around figures: a sentence's clauses, and the spans of words read as metrics —
//! trimmed of filler (`预计`, `其中`, `到2025年`), link words (`达到`, `的`) and quotes. Byte
//! offsets are relative to the sentence.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{ends_with_any, starts_with_any, LEXICON};
use super::years::first_period_end;

/// The longest metric kept, in characters (the words nearest the figure).
const MAX_METRIC_CHARS: usize = 24;
/// Whether `c` ends a clause (a `match`: tested on every character of a sentence).
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?' | '■' | '●' | '◆'
    )
}

/// Separators of a list's members.
pub(super) const MEMBER_SEPS: [char; 4] = ['、', '和', '及', '与'];
/// Separators trimmed from a metric's ends.
const SEPS: &[char] = &['、', ',', '，', ';', '；', ':', '：'];
/// Quote and title marks dropped from metrics.
pub(super) const QUOTES: &[char] = &[
    '“', '”', '‘', '’', '"', '\'', '《', '》', '「', '」', '〈', '〉',
];

/// A year opening a clause (`到2025年`, `2022年底`), not part of a metric.
static LEADING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:到|至|截至|截止|在)?(?:19|20)\d{2}\s*年(?:底|末|前|初|内)?|(?:\d{1,2}|[两二三四五六七八九十])年(?:内|来|间)|(?:\d{1,2}\s*(?:至|-|—|~|－)\s*)?\d{1,2}\s*月(?:份|底|末|初)?)")
        .expect("valid regex")
});

/// Whether a [`LEADING_YEAR`] match can open with `c` (a digit, `到`, `两`, …): most texts are
/// turned away without running the regex.
fn opens_year(c: char) -> bool {
    // `\d` is any Unicode digit: `is_numeric` holds for all of them
    c.is_numeric() || "到至截在两二三四五六七八九十".contains(c)
}

/// The clauses of `s`: spans between clause punctuation and wide gaps.
pub(super) fn clauses(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut spaces = 0;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            spaces += 1;
            if spaces == 2 {
                out.push(start..i);
                start = i;
            }
            continue;
        }
        spaces = 0;
        if is_clause_end(c) {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..s.len());
    out
}

/// The index of the clause holding byte `pos` (clauses are in order and cover the sentence).
pub(super) fn clause_index(cl: &[Range<usize>], pos: usize) -> usize {
    cl.partition_point(|c| c.end <= pos)
        .min(cl.len().saturating_sub(1))
}

/// A span of the sentence, trimmed of white space.
pub(super) fn trim(s: &str, r: Range<usize>) -> Range<usize> {
    let t = &s[r.clone()];
    let start = r.start + (t.len() - t.trim_start().len());
    let end = r.end - (t.len() - t.trim_end().len());
    start..end.max(start)
}

/// `r` without its leading filler (`预计`, `其中`, `到2025年`, quotes, the words up to a year
/// or plan period inside it) and trailing link words
/// (`达到`, `突破`, `的`).
pub(super) fn clean(s: &str, r: Range<usize>) -> Range<usize> {
    let mut r = trim(s, r);
    loop {
        let t = &s[r.clone()];
        let cut = if let Some(w) = starts_with_any(t, &LEXICON.lead) {
            w.len()
        } else if let Some(m) = t
            .chars()
            .next()
            .filter(|&c| opens_year(c))
            .and_then(|_| LEADING_YEAR.find(t))
        {
            m.end()
        } else if let Some(e) = first_period_end(t).filter(|&e| t[e..].chars().count() >= 2) {
            // `我们将围绕到2025年新能源汽车产量`: the words before the year say who and how
            e
        } else if let Some(c) = t
            .chars()
            .next()
            .filter(|c| QUOTES.contains(c) || SEPS.contains(c))
        {
            c.len_utf8()
        } else {
            break;
        };
        r = trim(s, r.start + cut..r.end);
    }
    loop {
        let t = &s[r.clone()];
        let cut = if let Some(w) =
            ends_with_any(t, &LEXICON.link).or_else(|| ends_with_any(t, &LEXICON.before))
        {
            w.len()
        } else if let Some(c) = t
            .chars()
            .next_back()
            .filter(|c| QUOTES.contains(c) || SEPS.contains(c))
        {
            c.len_utf8()
        } else {
            break;
        };
        r = trim(s, r.start..r.end - cut);
    }
    r
}

/// The noun phrase after a figure: what it counts (`个智慧城市应用示范工程` → `智慧城市…`).
pub(super) fn right_phrase(s: &str, r: Range<usize>) -> Range<usize> {
    let mut r = trim(s, r);
    loop {
        let t = &s[r.clone()];
        let cut = ["的", "以上的", "之"]
            .iter()
            .find(|w| t.starts_with(*w))
            .map(|w| w.len())
            .or_else(|| {
                t.chars()
                    .next()
                    .filter(|c| QUOTES.contains(c) || *c == '(' || *c == '（')
                    .map(|c| c.len_utf8())
            });
        match cut {
            Some(n) if n > 0 && t.starts_with(['(', '（']) => {
                // a unit's gloss, `套(间)`: skip to its close
                let close = t
                    .char_indices()
                    .find(|&(_, c)| c == ')' || c == '）')
                    .map_or(t.len(), |(i, c)| i + c.len_utf8());
                r = trim(s, r.start + close..r.end);
            }
            Some(n) => r = trim(s, r.start + n..r.end),
            None => break,
        }
    }
    let t = &s[r.clone()];
    let mut end = r.end;
    if let Some((i, _)) = t.char_indices().nth(MAX_METRIC_CHARS) {
        end = r.start + i;
    }
    clean(s, r.start..end)
}

/// The metric text of a span: quotes dropped, the words nearest the figure kept.
pub(super) fn words(s: &str, r: &Range<usize>) -> String {
    let t = &s[r.clone()];
    // read from the end: only the last MAX_METRIC_CHARS characters that are not quotes count
    let (mut from, mut kept, mut quotes) = (t.len(), 0, false);
    for (b, c) in t.char_indices().rev() {
        if QUOTES.contains(&c) {
            quotes = true;
        } else if kept == MAX_METRIC_CHARS {
            break;
        } else {
            kept += 1;
            from = b;
        }
    }
    let tail = &t[from..];
    if quotes {
        let tail: String = tail.chars().filter(|c| !QUOTES.contains(c)).collect();
        last_chars(&tail, MAX_METRIC_CHARS)
    } else {
        last_chars(tail, MAX_METRIC_CHARS)
    }
}

/// The last `n` characters of `t`, separators at the cut dropped.
pub(super) fn last_chars(t: &str, n: usize) -> String {
    let from = match n.checked_sub(1) {
        Some(k) => t.char_indices().rev().nth(k).map_or(0, |(b, _)| b),
        None => t.len(),
    };
    t[from..]
        .trim_start_matches(|c: char| c.is_whitespace() || SEPS.contains(&c))
        .to_string()
}
