//! Settling candidates into mentions: one candidate per span (the strongest rule wins), a name
//! inside a longer one dropped unless it names an enterprise, organisation, place or person of
//! its own, partial overlaps won by the stronger rule; then later occurrences of a name found
//! once are echoed; the result sorted by span.

use rustc_hash::FxHashMap;

use super::dictionary::WordScan;
use super::{prio, Cand, Mention};
use crate::ingest::Document;
use crate::model::EntityType;

fn keeps_inside(inner: &Cand, outer: &Cand) -> bool {
    if inner.prio == prio::USER {
        return true;
    }
    inner.kind != outer.kind
        && matches!(
            inner.kind,
            EntityType::Enterprise
                | EntityType::Organization
                | EntityType::Place
                | EntityType::Person
        )
}

fn settle_sentence(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| {
        (
            a.span.start,
            std::cmp::Reverse(a.span.end),
            std::cmp::Reverse(a.prio),
        )
            .cmp(&(
                b.span.start,
                std::cmp::Reverse(b.span.end),
                std::cmp::Reverse(b.prio),
            ))
    });
    cands.dedup_by(|b, a| a.span == b.span);
    let n = cands.len();
    let mut alive = vec![true; n];
    for i in 0..n {
        for j in 0..n {
            if i == j || !alive[i] || !alive[j] {
                continue;
            }
            let (a, b) = (&cands[i], &cands[j]);
            let overlap = a.span.start < b.span.end && b.span.start < a.span.end;
            if !overlap {
                continue;
            }
            let a_in_b = b.span.start <= a.span.start && a.span.end <= b.span.end;
            let b_in_a = a.span.start <= b.span.start && b.span.end <= a.span.end;
            if a_in_b {
                if !keeps_inside(a, b) {
                    if a.prio > b.prio && a.prio >= prio::LIST {
                        alive[j] = false;
                    } else {
                        alive[i] = false;
                    }
                }
            } else if !b_in_a {
                let a_wins = (a.prio, a.span.len()) >= (b.prio, b.span.len());
                alive[if a_wins { j } else { i }] = false;
            }
        }
    }
    cands
        .into_iter()
        .zip(alive)
        .filter(|(_, a)| *a)
        .map(|(c, _)| c)
        .collect()
}

/// Settles each sentence's candidates (`by_sent`, one list per sentence of `doc`) and echoes
/// names found once to their other occurrences.
pub(crate) fn settle(doc: &Document, by_sent: Vec<Vec<Cand>>) -> Vec<Mention> {
    let mut settled: Vec<Vec<Cand>> = by_sent.into_iter().map(settle_sentence).collect();
    harmonise(&mut settled);
    let mut out: Vec<Mention> = Vec::new();
    for (i, v) in settled.into_iter().enumerate() {
        out.extend(v.into_iter().map(|c| Mention {
            name: c.name,
            kind: c.kind,
            sentence: i,
            span: c.span,
            confidence: c.conf,
        }));
    }
    echo(doc, &mut out);
    out.sort_by_key(|m| (m.span.start, m.span.end, m.kind));
    out
}

/// One type per name within a document: the type the strongest rule gave it (a user's entry,
/// a book title, a list), most frequent on a tie.
fn harmonise(settled: &mut [Vec<Cand>]) {
    // per name, each kind it was given with the strongest rule's priority and how often
    let mut best: FxHashMap<&str, Vec<(EntityType, u8, usize)>> = FxHashMap::default();
    for c in settled.iter().flatten() {
        let kinds = best.entry(c.name.as_str()).or_default();
        match kinds.iter_mut().find(|e| e.0 == c.kind) {
            Some(e) => {
                e.1 = e.1.max(c.prio);
                e.2 += 1;
            }
            None => kinds.push((c.kind, c.prio, 1)),
        }
    }
    let chosen: FxHashMap<String, EntityType> = best
        .into_iter()
        .filter(|(_, kinds)| kinds.len() > 1)
        .filter_map(|(name, kinds)| {
            let k = kinds
                .into_iter()
                .max_by_key(|&(k, p, n)| (p, n, std::cmp::Reverse(k)))?
                .0;
            Some((name.to_string(), k))
        })
        .collect();
    for c in settled.iter_mut().flatten() {
        if let Some(k) = chosen.get(&c.name) {
            c.kind = *k;
        }
    }
}

/// Other occurrences of names the rules found, where no mention covers them already.
fn echo(doc: &Document, out: &mut Vec<Mention>) {
    let mut names: Vec<(&str, EntityType)> = out
        .iter()
        .filter(|m| {
            let n = m.name.chars().count();
            n >= 3 || (n == 2 && matches!(m.kind, EntityType::Person | EntityType::Place))
        })
        .filter(|m| doc.text.get(m.span.clone()) == Some(m.name.as_str()))
        .map(|m| (m.name.as_str(), m.kind))
        .collect();
    names.sort_unstable();
    names.dedup_by(|a, b| a.0 == b.0);
    let mut covered: Vec<std::ops::Range<usize>> = out.iter().map(|m| m.span.clone()).collect();
    covered.sort_by_key(|r| r.start);
    // the furthest end of the spans up to each one: a span overlaps one of those starting
    // before its end when the furthest of their ends lies past its start
    let reach: Vec<usize> = covered
        .iter()
        .scan(0, |far, r| {
            *far = r.end.max(*far);
            Some(*far)
        })
        .collect();
    let mut extra = Vec::new();
    let index = WordScan::new(names.iter().map(|(n, _)| *n));
    for (i, at) in index.occurrences(&doc.text) {
        let (name, kind) = names[i];
        let span = at..at + name.len();
        let before_end = covered.partition_point(|r| r.start < span.end);
        if before_end > 0 && reach[before_end - 1] > span.start {
            continue;
        }
        // the sentence holding the span: the last one starting at or before it
        let s = doc.sentences.partition_point(|s| s.span.start <= at);
        let Some(s) = s
            .checked_sub(1)
            .filter(|&s| span.end <= doc.sentences[s].span.end)
        else {
            continue;
        };
        extra.push(Mention {
            name: name.to_string(),
            kind,
            sentence: s,
            span,
            confidence: 0.5,
        });
    }
    out.extend(extra);
}
