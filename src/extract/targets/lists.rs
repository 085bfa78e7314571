//! Lists: `A、B分别增长2%和1%` gives each member of a list subject its own figure; the
//! subject's members are split on `、` (then 和, 及, 与), separators inside brackets ignored.

use std::ops::Range;

use super::metric::Reading;
use super::phrase::{clause_index, clean, words, MEMBER_SEPS};
use super::quantity::Quantity;

/// Splits a list subject (`绿色工厂、绿色供应链管理企业、绿色工业园区(产业集群、…)`) into
/// its members, separators inside brackets ignored.
fn members(s: &str, r: Range<usize>, n: usize) -> Vec<Range<usize>> {
    let split = |seps: &[char]| {
        let mut out = Vec::new();
        let mut depth = 0i32;
        let mut start = r.start;
        for (i, c) in s[r.clone()].char_indices() {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth -= 1,
                c if depth <= 0 && seps.contains(&c) => {
                    out.push(start..r.start + i);
                    start = r.start + i + c.len_utf8();
                }
                _ => {}
            }
        }
        out.push(start..r.end);
        out.into_iter()
            .map(|m| clean(s, m))
            .filter(|m| !m.is_empty())
            .collect::<Vec<_>>()
    };
    let by_comma = split(&['、']);
    if by_comma.len() == n {
        by_comma
    } else {
        split(&MEMBER_SEPS)
    }
}

/// `A、B分别增长2%和1%`: gives each member of a list subject its own figure.
pub(super) fn distribute(s: &str, qs: &[Quantity], cl: &[Range<usize>], out: &mut [Reading]) {
    let mut k = 0;
    while k < out.len() {
        let qi = out[k].quantity;
        let q = &qs[qi];
        let Some(c) = cl.get(clause_index(cl, q.start)) else {
            k += 1;
            continue;
        };
        // the list's subject lies between the previous figure of the clause and this one
        let c = match qi.checked_sub(1).map(|j| &qs[j]) {
            Some(p) if c.contains(&p.start) => p.end.max(c.start)..c.end,
            _ => c.clone(),
        };
        let mut n = 1;
        while k + n < out.len()
            && out[k + n].text.start == out[k].text.start
            && out[k + n].metric == out[k].metric
        {
            n += 1;
        }
        let head = &s[c.start..q.start];
        if let (true, Some(at)) = (n >= 2, head.find("分别")) {
            let subject = clean(s, c.start..c.start + at);
            let verb = clean(s, c.start + at + "分别".len()..q.start);
            let verb = words(s, &verb);
            let ms = members(s, subject.clone(), n);
            // `A 5.6万元,B 2.8万元,分别增长5.1%和7.3%`: the members are the figures before
            let earlier: Vec<(String, Range<usize>)> = match (subject.is_empty(), k.checked_sub(n))
            {
                (true, Some(first)) => out[first..k]
                    .iter()
                    .map(|r| (r.metric.clone(), r.source.clone()))
                    .collect(),
                _ => Vec::new(),
            };
            for j in 0..n {
                let (m, src) = if ms.len() == n {
                    (words(s, &ms[j]), ms[j].clone())
                } else if earlier.len() == n {
                    earlier[j].clone()
                } else {
                    (words(s, &subject), subject.clone())
                };
                let r = &mut out[k + j];
                r.metric = format!("{m}{verb}");
                r.text = src.start.min(r.text.start)..r.text.end;
                r.source = src;
            }
        }
        k += n;
    }
}
