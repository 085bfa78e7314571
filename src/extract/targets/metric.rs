//! The metric of each figure in a sentence: the noun phrase before it (`软件和信息服务业收入突破
//! 1000亿元`), or after it when only a verb stands before (`培育10个智慧城市应用示范工程`), or
//! the previous figure's metric when the clause only continues it (`…12027.5亿元,增长3.1%`,
//! `…,占全社会用电量的58.7%`), with lists distributed over their members
//! (`章丘、平阴分别净增55和50户`). Byte offsets are relative to the sentence.

use std::ops::Range;

use super::lexicon::{ends_with_any, starts_with_any, UnitClass, LEXICON};
use super::lists::distribute;
use super::phrase::{
    clause_index, clean, last_chars, right_phrase, trim, words, MEMBER_SEPS, QUOTES,
};
use super::quantity::Quantity;

/// The most characters kept of the words before a counted noun (`培育发展50户X`).
const MAX_VERB_CHARS: usize = 10;
/// Head words that alone name no metric (`总量达到75家`).
const GENERIC_HEADS: [&str; 8] = [
    "总量",
    "总数",
    "总额",
    "总规模",
    "规模",
    "比重",
    "占比",
    "总计",
];
/// Where a metric stops naming what is measured and starts saying how it changed.
const CHANGE_MARKS: [&str; 12] = [
    "同比",
    "比上年",
    "比年初",
    "较上年",
    "较去年",
    "增长",
    "下降",
    "提高",
    "降低",
    "上涨",
    "减少",
    "增速",
];
/// A metric without the verb `实现` between its subject and its noun (`某产业实现营业收入` →
/// `某产业营业收入`) or a stray bracket at its edges, so that it reads as a noun phrase.
pub fn tidy(metric: &str) -> String {
    let mut out = balanced(metric.trim());
    while let Some(at) = out
        .match_indices("实现")
        .map(|(at, _)| at)
        .find(|&at| out[..at].chars().count() >= 2 && out[at + "实现".len()..].chars().count() >= 2)
    {
        out.replace_range(at..at + "实现".len(), "");
    }
    out
}

/// `m` without a bracket closed or opened outside its words: an opening bracket never closed
/// cuts the rest (`某基金(规模` → `某基金`), a closing one never opened is dropped (`小区)`).
fn balanced(m: &str) -> String {
    let mut out = String::with_capacity(m.len());
    let mut depth = 0usize;
    for (i, c) in m.char_indices() {
        match c {
            '(' | '（' if !m[i..].contains([')', '）']) => break,
            '(' | '（' => depth += 1,
            ')' | '）' if depth == 0 => continue,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        out.push(c);
    }
    if out.chars().count() < 2 {
        return m.to_string();
    }
    out
}

/// Verbs of granting that end a metric before an award (`对X给予最高10亿元支持`).
const GRANTS: [&str; 5] = ["给予最高", "最高给予", "给予不超过", "给予", "最高"];
/// Awards named after the figure granted.
const AWARDS: [&str; 6] = ["奖励", "补贴", "支持", "补助", "资助", "扶持"];

/// The metric of an award (`对新上市企业给予最高` + `500万元奖励` → `新上市企业奖励`): the
/// grantee and the award, so that it reads as a noun phrase. `after` is the text after the
/// figure; other metrics are returned as they are.
pub fn award(metric: String, after: &str) -> String {
    let Some(grant) = GRANTS.iter().find(|g| metric.ends_with(*g)) else {
        return metric;
    };
    let Some(kind) = AWARDS.iter().find(|a| after.starts_with(*a)) else {
        return metric;
    };
    let grantee = metric[..metric.len() - grant.len()].trim_start_matches('对');
    if grantee.chars().count() < 2 {
        return metric;
    }
    format!("{grantee}{kind}")
}

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

/// What a metric measures without how it changed (`规模以上工业增加值比上年增长` →
/// `规模以上工业增加值`), for the figures that continue it.
///
/// The cut is the earliest first occurrence of a change mark with two or more characters before
/// it (a mark first written nearer the start is no cut, even where it recurs later).
fn base_noun(metric: &str) -> String {
    // one pass: at each character, the marks written there, each taken at its first occurrence
    let mut seen = [false; CHANGE_MARKS.len()];
    let mut cut = None;
    'scan: for (n, (at, c)) in metric.char_indices().enumerate() {
        if !opens_change_mark(c) {
            continue;
        }
        let rest = &metric[at..];
        for (k, w) in CHANGE_MARKS.iter().enumerate() {
            if !seen[k] && rest.starts_with(w) {
                seen[k] = true;
                if n >= 2 {
                    cut = Some(at);
                    break 'scan;
                }
            }
        }
    }
    match cut {
        Some(at) => metric[..at].to_string(),
        None => metric.to_string(),
    }
}

/// Whether a [`CHANGE_MARKS`] word opens with `c` (a test keeps the two in step).
fn opens_change_mark(c: char) -> bool {
    matches!(
        c,
        '同' | '比' | '较' | '增' | '下' | '提' | '降' | '上' | '减'
    )
}

/// Units of a technical grade (bandwidth, frequency band) that qualify the noun after them.
const SPEC_UNITS: [&str; 4] = ["兆", "G", "M", "T"];

/// Whether a figure only qualifies the noun of another figure that follows in the same phrase
/// (`投资500万元以上技术改造项目1000个`, `过50亿元的产业集群5个`, `5天储气能力达到2200亿立方米`,
/// `年产10万辆以上整车企业3家`) or names a technical grade (`800兆数字集群`).
fn is_descriptor(s: &str, q: &Quantity, next: Option<&Quantity>) -> bool {
    let money_or_time = matches!(q.class, UnitClass::Money | UnitClass::Time);
    // a threshold: `投资1000万元以上的项目`
    if money_or_time && matches!(q.after, Some("以上" | "以下")) && s[q.end..].starts_with('的')
    {
        return true;
    }
    // a technical grade before its noun: `2兆以上宽带网络`, `800兆数字集群`
    let rest = &s[q.end..];
    let noun_after = rest.chars().next().is_some_and(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            && !(MEMBER_SEPS.contains(&c) || "或至到等".contains(c))
            && starts_with_any(rest, &LEXICON.follow).is_none()
            && starts_with_any(rest, &LEXICON.link).is_none()
    });
    if noun_after && SPEC_UNITS.contains(&q.unit.as_str()) {
        return true;
    }
    let Some(next) = next else {
        return false;
    };
    let between = &s[q.end..next.start.max(q.end)];
    if between.contains(['、', '，', ',', '和', '及', '与', '；', ';']) {
        return false;
    }
    let rest = &s[q.end..];
    let noun_next = rest.chars().next().is_some_and(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            && !(MEMBER_SEPS.contains(&c) || "或至到".contains(c))
            && starts_with_any(rest, &LEXICON.follow).is_none()
            && starts_with_any(rest, &LEXICON.link).is_none()
    });
    (money_or_time && rest.starts_with('的'))
        || (noun_next
            && (q.class == UnitClass::Time
                || matches!(q.after, Some("以上" | "以下"))
                || (money_or_time && matches!(q.before, Some("过" | "超过" | "超")))))
}

/// Whether a count is written before the noun it counts (`2户企业成为…`, `633个社区`).
fn counts_noun(s: &str, q: &Quantity) -> bool {
    if !matches!(q.class, UnitClass::Count | UnitClass::Measure)
        || matches!(q.after, Some("以下" | "以内" | "上下"))
    {
        return false;
    }
    let rest = s[q.end..].trim_start_matches(QUOTES);
    if rest.starts_with('的') {
        return true;
    }
    rest.chars().next().is_some_and(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            && !(MEMBER_SEPS.contains(&c) || "或至到等".contains(c))
            && starts_with_any(rest, &LEXICON.follow).is_none()
            && starts_with_any(rest, &LEXICON.link).is_none()
            && starts_with_any(rest, &LEXICON.before).is_none()
    })
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

/// Keeps the figures that state something, dropping descriptors. `cl` are the clauses of `s`
/// ([`clauses`](super::phrase::clauses)).
pub fn keep(s: &str, cl: &[Range<usize>], qs: &[Quantity]) -> Vec<usize> {
    let clause_of = |q: &Quantity| clause_index(cl, q.start);
    (0..qs.len())
        .filter(|&k| {
            let next = qs.get(k + 1).filter(|n| clause_of(n) == clause_of(&qs[k]));
            !is_descriptor(s, &qs[k], next)
        })
        .collect()
}

/// Reads the metric of each figure of `qs` (the kept figures of sentence `s`, in order); `cl`
/// are the clauses of `s` ([`clauses`](super::phrase::clauses)).
pub fn read(s: &str, cl: &[Range<usize>], qs: &[Quantity]) -> Vec<Reading> {
    let clause_of = |q: &Quantity| clause_index(cl, q.start);
    let mut out: Vec<Reading> = Vec::with_capacity(qs.len());
    // the metric a continuation builds on, and where its words are
    let mut base: Option<(String, Range<usize>)> = None;
    // the verb of the previous figure when it counted the noun after it
    let mut parallel: Option<Option<Range<usize>>> = None;
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
            } else if let Some(verb) = parallel
                .clone()
                .filter(|_| prev.is_some() && counts_noun(s, q) && !right.is_empty())
            {
                // `连通20个国家47个城市`: a second count of the same verb
                Kind::After(verb, right.clone())
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
        parallel = match &kind {
            Kind::After(verb, _) => Some(verb.clone()),
            _ => None,
        };
        let reading = match kind {
            Kind::Member => {
                let Some(first) = out.last().filter(|r| r.quantity + 1 == k) else {
                    continue;
                };
                Reading {
                    quantity: k,
                    metric: first.metric.clone(),
                    source: first.source.clone(),
                    text: first.text.start..q.end,
                }
            }
            Kind::Before(r) => {
                let mut metric = words(s, &r);
                // `设立规模100亿元的某基金`: a bare head word measures the noun after the figure
                if let Some(head) = GENERIC_HEADS.iter().find(|h| metric.ends_with(*h)) {
                    let lead = &metric[..metric.len() - head.len()];
                    let noun = words(s, &right);
                    if (lead.is_empty() || ends_with_any(lead, &LEXICON.action).is_some())
                        && s[q.end..].starts_with('的')
                        && noun.chars().count() >= 2
                    {
                        metric = format!("{noun}{head}");
                    }
                }
                // `总量达到75家`: a bare head word measures the previous figure's subject
                if let (true, Some((b, _))) = (GENERIC_HEADS.contains(&metric.as_str()), &base) {
                    metric = format!("{b}{metric}");
                }
                base = Some((base_noun(&metric), r.clone()));
                Reading {
                    quantity: k,
                    metric,
                    source: r.clone(),
                    text: r.start..q.end,
                }
            }
            Kind::After(verb, noun) => {
                // the words before a counted noun are kept short: the noun names the metric
                let mut metric = verb
                    .as_ref()
                    .map(|v| last_chars(&words(s, v), MAX_VERB_CHARS))
                    .unwrap_or_default();
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
                    base = Some((base_noun(&metric), source.clone()));
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
    distribute(s, qs, cl, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_marks_open_with_the_characters_looked_for() {
        for w in CHANGE_MARKS {
            assert!(w.chars().next().is_some_and(opens_change_mark), "{w}");
        }
        assert_eq!(
            base_noun("规模以上工业增加值比上年增长"),
            "规模以上工业增加值"
        );
        assert_eq!(base_noun("增长率同比增长"), "增长率");
        assert_eq!(base_noun("营业收入"), "营业收入");
    }
}
