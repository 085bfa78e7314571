//! Targets: quantified goals and reported figures — metric, value, unit, year (worked out from
//! context: 去年, 今年, 到2025年, the document's date) and comparator (以上, 左右, 突破 …).
//!
//! Per sentence: [`quantity::scan`] finds the figures, [`metric::keep`] drops those that only
//! qualify a noun, [`metric::read`] finds each one's metric, [`years::Years`] its year. Word
//! lists are data (`data/target_*.txt`, see [`lexicon`]).

mod lexicon;
mod lists;
mod metric;
mod numerals;
mod phrase;
mod quantity;
mod years;

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::{Mention, TargetMention};
use crate::ingest::Document;
use crate::model::EntityType;

/// Finds the targets of a document. `mentions` are the entity mentions already found, so a
/// target can name the one it measures ([`TargetMention::subject`]).
///
/// # Complexity
/// Linear in the length of the text (plus the mentions of each sentence holding a figure).
///
/// # Example
/// ```
/// use std::path::Path;
/// use zhitu::extract::targets::extract_targets;
/// use zhitu::ingest::parse_document;
///
/// let text = "到2025年,软件和信息技术服务业营业收入达到6000亿元以上。";
/// let doc = parse_document("d.txt", Path::new("d.txt"), text.as_bytes()).unwrap();
/// let t = &extract_targets(&doc, &[])[0];
/// assert_eq!(t.metric, "软件和信息技术服务业营业收入");
/// assert_eq!((t.value, t.unit.as_str(), t.year), (6000.0, "亿元", Some(2025)));
/// assert_eq!(t.comparator.as_deref(), Some("以上"));
/// assert_eq!(t.display_name(), "软件和信息技术服务业营业收入 6000亿元 (2025)");
/// ```
pub fn extract_targets(doc: &Document, mentions: &[Mention]) -> Vec<TargetMention> {
    let years = years::Years::new(doc);
    let mut by_sentence: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (k, m) in mentions.iter().enumerate() {
        if matches!(
            m.kind,
            EntityType::Industry | EntityType::Enterprise | EntityType::Place
        ) {
            by_sentence.entry(m.sentence).or_default().push(k);
        }
    }
    let mut out = Vec::new();
    for (i, sent) in doc.sentences.iter().enumerate() {
        let Some(s) = doc.text.get(sent.span.clone()) else {
            continue;
        };
        let found = quantity::scan(s);
        if found.is_empty() {
            continue;
        }
        let cl = phrase::clauses(s);
        let qs: Vec<quantity::Quantity> = metric::keep(s, &cl, &found)
            .into_iter()
            .map(|k| found[k].clone())
            .collect();
        let base = sent.span.start;
        let sentence_years = years.sentence(i, s);
        for r in metric::read(s, &cl, &qs) {
            let q = &qs[r.quantity];
            let metric = metric::award(metric::tidy(&r.metric), s.get(q.end..).unwrap_or(""));
            if metric.is_empty() {
                continue;
            }
            let source = base + r.source.start..base + r.source.end;
            let span = base + r.text.start.min(q.start)..base + r.text.end.max(q.end);
            out.push(TargetMention {
                metric,
                value: q.value,
                unit: q.unit.clone(),
                year: sentence_years.at(q.start),
                comparator: q.after.or(q.before).map(str::to_string),
                text: doc.text.get(span.clone()).unwrap_or_default().to_string(),
                sentence: i,
                span,
                subject: by_sentence
                    .get(&i)
                    .and_then(|ks| subject(mentions, ks, &source)),
            });
        }
    }
    out
}

/// The mention (of those of the sentence, `candidates`) inside a metric's words, the first one
/// written.
fn subject(mentions: &[Mention], candidates: &[usize], source: &Range<usize>) -> Option<usize> {
    candidates
        .iter()
        .copied()
        .filter(|&k| {
            let m = &mentions[k].span;
            source.start <= m.start && m.end <= source.end
        })
        .min_by_key(|&k| mentions[k].span.start)
}

impl TargetMention {
    /// The name of the target's node: metric, figure and year
    /// (`软件和信息技术服务业营业收入 6000亿元 (2025)`).
    pub fn display_name(&self) -> String {
        let value = format_value(self.value);
        match self.year {
            Some(y) => format!("{} {}{} ({y})", self.metric, value, self.unit),
            None => format!("{} {}{}", self.metric, value, self.unit),
        }
    }
}

/// A value as written: no trailing `.0`.
fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests;
