//! The metric of each figure in a sentence: the noun phrase before it (`软件和信息服务业收入突破
//! 1000亿元`), or after it when only a verb stands before (`培育10个智慧城市应用示范工程`), or
//! the previous figure's metric when the clause only continues it (`…12027.5亿元,增长3.1%`,
//! `…,占全社会用电量的58.7%`), with lists distributed over their members
//! (`章丘、平阴分别净增55和50户`). Byte offsets are relative to the sentence.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{ends_with_any, starts_with_any, UnitClass, LEXICON};
use super::quantity::Quantity;

/// The longest metric kept, in characters (the words nearest the figure).
const MAX_METRIC_CHARS: usize = 24;
/// Characters that end a clause.
const CLAUSE_ENDS: &str = "，,；;：:。！？!?■●◆";
/// Separators of a list's members.
const MEMBER_SEPS: [char; 4] = ['、', '和', '及', '与'];
/// Quote and title marks dropped from metrics.
const QUOTES: &[char] = &[
    '“', '”', '‘', '’', '"', '\'', '《', '》', '「', '」', '〈', '〉',
];

/// A year opening a clause (`到2025年`, `2022年底`), not part of a metric.
static LEADING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:到|至|截至|截止|在)?(?:19|20)\d{2}\s*年(?:底|末|前|初|内)?")
        .expect("valid regex")
});

/// The metric read for one figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Index of the figure in the quantities given.
    pub quantity: usize,
    pub metric: String,
    /// Where the metric's own words are (for finding the entity it measures).
    pub source: Range<usize>,
    /// The shortest span stating the figure.
    pub text: Range<usize>,
}

/// The clauses of `s`: spans between clause punctuation and wide gaps.
fn clauses(s: &str) -> Vec<Range<usize>> {
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
        if CLAUSE_ENDS.contains(c) {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..s.len());
    out
}

/// Whether a money or time figure only qualifies a noun (`投资500万元以上技术改造项目`,
/// `过50亿元的`, `5天储气能力`) in a clause that states another figure.
fn is_descriptor(s: &str, q: &Quantity, others_in_clause: bool) -> bool {
    if !others_in_clause || !matches!(q.class, UnitClass::Money | UnitClass::Time) {
        return false;
    }
    let rest = &s[q.end..];
    match rest.chars().next() {
        Some('的') => true,
        Some(c) if ('\u{4e00}'..='\u{9fff}').contains(&c) => {
            !(MEMBER_SEPS.contains(&c) || "或至到".contains(c))
                && starts_with_any(rest, &LEXICON.follow).is_none()
                && starts_with_any(rest, &LEXICON.link).is_none()
        }
        _ => false,
    }
}

/// Whether a count is written before the noun it counts (`2户企业成为…`, `633个社区`).
fn counts_noun(s: &str, q: &Quantity) -> bool {
    if !matches!(q.class, UnitClass::Count | UnitClass::Measure) || q.after.is_some() {
        return false;
    }
    let rest = &s[q.end..];
    rest.chars().next().is_some_and(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            && !(MEMBER_SEPS.contains(&c) || "或至到等".contains(c))
            && starts_with_any(rest, &LEXICON.follow).is_none()
            && starts_with_any(rest, &LEXICON.link).is_none()
            && starts_with_any(rest, &LEXICON.before).is_none()
    })
}

/// A span of the sentence, trimmed of white space.
fn trim(s: &str, r: Range<usize>) -> Range<usize> {
    let t = &s[r.clone()];
    let start = r.start + (t.len() - t.trim_start().len());
    let end = r.end - (t.len() - t.trim_end().len());
    start..end.max(start)
}

/// `r` without its leading filler (`预计`, `其中`, `到2025年`, quotes) and trailing link words
/// (`达到`, `突破`, `的`).
fn clean(s: &str, r: Range<usize>) -> Range<usize> {
    let mut r = trim(s, r);
    loop {
        let t = &s[r.clone()];
        let cut = if let Some(w) = starts_with_any(t, &LEXICON.lead) {
            w.len()
        } else if let Some(m) = LEADING_YEAR.find(t) {
            m.end()
        } else if let Some(c) = t.chars().next().filter(|c| QUOTES.contains(c)) {
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
        } else if let Some(c) = t.chars().next_back().filter(|c| QUOTES.contains(c)) {
            c.len_utf8()
        } else {
            break;
        };
        r = trim(s, r.start..r.end - cut);
    }
    r
}

/// The noun phrase after a figure: what it counts (`个智慧城市应用示范工程` → `智慧城市…`).
fn right_phrase(s: &str, r: Range<usize>) -> Range<usize> {
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
                let close = t.find([')', '）']).map_or(t.len(), |i| i + 1);
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
fn words(s: &str, r: &Range<usize>) -> String {
    let t: String = s[r.clone()]
        .chars()
        .filter(|c| !QUOTES.contains(c))
        .collect();
    let n = t.chars().count();
    t.chars().skip(n.saturating_sub(MAX_METRIC_CHARS)).collect()
}

/// Splits a list subject (`绿色工厂、绿色供应链管理企业、绿色工业园区(产业集群、…)`) into
/// its members, separators inside brackets ignored.
fn members(s: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = r.start;
    for (i, c) in s[r.clone()].char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            c if depth <= 0 && MEMBER_SEPS.contains(&c) => {
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
        .collect()
}

/// How a figure's metric was found.
enum Kind {
    /// A list member after a previous figure (`55和50户`): same metric.
    Member,
    /// The words before it.
    Before(Range<usize>),
    /// A verb before, the noun after.
    After(Option<Range<usize>>, Range<usize>),
    /// Continues the previous metric (`增长3.1%`).
    Continues(Range<usize>),
}

/// Keeps the figures that state something, dropping descriptors.
pub fn keep(s: &str, qs: &[Quantity]) -> Vec<usize> {
    let cl = clauses(s);
    let clause_of = |q: &Quantity| cl.iter().position(|c| c.contains(&q.start));
    (0..qs.len())
        .filter(|&k| {
            let c = clause_of(&qs[k]);
            let others = qs
                .iter()
                .enumerate()
                .any(|(j, o)| j != k && clause_of(o) == c);
            !is_descriptor(s, &qs[k], others)
        })
        .collect()
}

/// Reads the metric of each figure of `qs` (the kept figures of sentence `s`, in order).
pub fn read(s: &str, qs: &[Quantity]) -> Vec<Reading> {
    let cl = clauses(s);
    let clause_of = |q: &Quantity| cl.iter().position(|c| c.contains(&q.start)).unwrap_or(0);
    let mut out: Vec<Reading> = Vec::with_capacity(qs.len());
    // the metric a continuation builds on, and where its words are
    let mut base: Option<(String, Range<usize>)> = None;
    for (k, q) in qs.iter().enumerate() {
        let c = clause_of(q);
        let prev = k.checked_sub(1).filter(|&j| clause_of(&qs[j]) == c);
        let seg_start = prev.map_or(cl[c].start, |j| qs[j].end.max(cl[c].start));
        let next_start = qs
            .get(k + 1)
            .filter(|n| clause_of(n) == c)
            .map_or(cl[c].end, |n| n.start);
        let left = trim(s, seg_start..q.start.max(seg_start));
        let right = right_phrase(s, q.end.min(next_start)..next_start);
        let gap = &s[left.clone()];
        let kind = if prev.is_some()
            && (gap.is_empty() || (gap.chars().count() == 1 && "、和及与或,，".contains(gap)))
        {
            Kind::Member
        } else {
            let c_r = clean(s, left.clone());
            let t = &s[c_r.clone()];
            if t.ends_with('等') {
                let verb =
                    starts_with_any(t, &LEXICON.action).map(|v| c_r.start..c_r.start + v.len());
                Kind::After(verb, right.clone())
            } else if starts_with_any(t, &LEXICON.follow).is_some() && !t.starts_with("分别") {
                Kind::Continues(c_r)
            } else if t.chars().count() < 2
                || starts_with_any(t, &LEXICON.prep) == Some(t)
                || ends_with_any(t, &LEXICON.action).is_some()
                || (counts_noun(s, q) && !right.is_empty())
            {
                let verb = (!t.is_empty() && starts_with_any(t, &LEXICON.prep) != Some(t))
                    .then_some(c_r.clone());
                Kind::After(verb, right.clone())
            } else {
                Kind::Before(c_r)
            }
        };
        let reading = match kind {
            Kind::Member => {
                let first = &out[out.len() - 1];
                Reading {
                    quantity: k,
                    metric: first.metric.clone(),
                    source: first.source.clone(),
                    text: first.text.start..q.end,
                }
            }
            Kind::Before(r) => {
                let metric = words(s, &r);
                base = Some((metric.clone(), r.clone()));
                Reading {
                    quantity: k,
                    metric,
                    source: r.clone(),
                    text: r.start..q.end,
                }
            }
            Kind::After(verb, noun) => {
                let mut metric = verb.as_ref().map(|v| words(s, v)).unwrap_or_default();
                metric.push_str(&words(s, &noun));
                let (source, start) = match &verb {
                    Some(v) => (v.start..noun.end.max(v.end), v.start.min(q.start)),
                    None => (noun.clone(), q.start),
                };
                if metric.chars().count() < 2 {
                    match &base {
                        Some((b, r)) => {
                            metric = format!("{b}{metric}");
                            Reading {
                                quantity: k,
                                metric,
                                source: r.clone(),
                                text: start..q.end.max(noun.end),
                            }
                        }
                        None => {
                            let prev_clause = c.checked_sub(1).map(|p| clean(s, cl[p].clone()));
                            match prev_clause.filter(|r| !r.is_empty()) {
                                Some(r) => Reading {
                                    quantity: k,
                                    metric: format!("{}{metric}", words(s, &r)),
                                    source: r.clone(),
                                    text: r.start..q.end,
                                },
                                None => continue,
                            }
                        }
                    }
                } else {
                    base = Some((metric.clone(), source.clone()));
                    Reading {
                        quantity: k,
                        metric,
                        source,
                        text: start..q.end.max(noun.end),
                    }
                }
            }
            Kind::Continues(r) => {
                let piece: String = if s[r.clone()].starts_with('占') {
                    let p: String = words(s, &r).replace('的', "");
                    if ["比重", "比例", "占比", "份额"]
                        .iter()
                        .any(|w| p.contains(w))
                    {
                        p
                    } else {
                        format!("{p}比重")
                    }
                } else {
                    words(s, &r)
                };
                let (b, src) = match &base {
                    Some((b, src)) => (b.clone(), src.clone()),
                    None => match c
                        .checked_sub(1)
                        .map(|p| clean(s, cl[p].clone()))
                        .filter(|r| !r.is_empty())
                    {
                        Some(pr) => (words(s, &pr), pr),
                        None => (String::new(), r.clone()),
                    },
                };
                Reading {
                    quantity: k,
                    metric: format!("{b}{piece}"),
                    source: src,
                    text: r.start..q.end,
                }
            }
        };
        out.push(reading);
    }
    distribute(s, qs, &cl, &mut out);
    out
}

/// `A、B分别增长2%和1%`: gives each member of a list subject its own figure.
fn distribute(s: &str, qs: &[Quantity], cl: &[Range<usize>], out: &mut [Reading]) {
    let mut k = 0;
    while k < out.len() {
        let q = &qs[out[k].quantity];
        let Some(c) = cl.iter().find(|c| c.contains(&q.start)) else {
            k += 1;
            continue;
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
            let ms = members(s, subject.clone());
            for j in 0..n {
                let (m, src) = match ms.len() == n {
                    true => (words(s, &ms[j]), ms[j].clone()),
                    false => (words(s, &subject), subject.clone()),
                };
                let r = &mut out[k + j];
                r.metric = format!("{m}{verb}");
                r.source = src;
                r.text = subject.start..r.text.end;
            }
        }
        k += n;
    }
}
