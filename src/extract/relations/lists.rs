//! The grammar of lists inside a sentence: runs of mentions joined by 、 和 及 与 以及, and the
//! words that close a list (`等`, `等一批`, `两个`) or open one (`领域重点推动`, `：`, `包括`).

use std::rc::Rc;

use super::{clean_gap, is_gap_mark, Ctx};

/// A run of mentions of one sentence joined by list separators: their indices, in order.
pub(crate) type Group = Vec<usize>;

/// The lists of sentence `s`, every outermost mention in exactly one group (most of size one);
/// worked out once per document (see [`find_groups`]).
pub(crate) fn groups(ctx: &Ctx, s: usize) -> Rc<[Group]> {
    ctx.groups.get(s).cloned().unwrap_or_else(|| Rc::from([]))
}

/// The lists of sentence `s`, as [`groups`] gives them.
pub(super) fn find_groups(ctx: &Ctx, s: usize) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut prev: Option<usize> = None;
    for &i in &ctx.top[s] {
        let joined = prev.is_some_and(|p| {
            let raw = ctx.between(ctx.m(p).span.end, ctx.m(i).span.start);
            joins(raw) || spaced(ctx, p, i)
        });
        match out.last_mut() {
            Some(g) if joined => g.push(i),
            _ => out.push(vec![i]),
        }
        prev = Some(i);
    }
    out
}

/// Two mentions of one kind parted only by white space (`冶金 钢铁`): one item written in two.
fn spaced(ctx: &Ctx, a: usize, b: usize) -> bool {
    let raw = ctx.between(ctx.m(a).span.end, ctx.m(b).span.start);
    !raw.is_empty() && raw.trim().is_empty() && ctx.kind(a) == ctx.kind(b)
}

/// The items of a list in order, each the mentions it holds: none for an unrecognised item
/// between two mentions (`A、灯光、B` → [A], [], [B]), two for one item written in two
/// (`冶金 钢铁`), so that lists can be paired by position.
pub(crate) fn slots(ctx: &Ctx, group: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(group.len());
    for (k, &i) in group.iter().enumerate() {
        if k > 0 && spaced(ctx, group[k - 1], i) {
            if let Some(last) = out.last_mut() {
                last.push(i);
                continue;
            }
        }
        if k > 0 {
            let gap = clean_gap(ctx.between(ctx.m(group[k - 1]).span.end, ctx.m(i).span.start));
            if !is_plain_separator(&gap) && "、和及与".contains(gap.chars().last().unwrap_or('、'))
            {
                let inner = gap.trim_matches(|c| "、和及与".contains(c));
                out.extend(inner.split('、').map(|_| Vec::new()));
            }
        }
        out.push(vec![i]);
    }
    out
}

/// [`is_separator`] of the raw text between two mentions, quotes and white space dropped.
pub(crate) fn joins(raw: &str) -> bool {
    // every separator opens with one of these: most gaps fail at their first character
    let first = raw.chars().find(|&c| !is_gap_mark(c));
    first.is_some_and(|c| "、和及与以或，并".contains(c)) && is_separator(&clean_gap(raw))
}

/// Whether the text between two mentions joins them into one list, an unrecognised short item
/// between allowed (`A、灯光、B`, `A、节能和B`).
pub(crate) fn is_separator(gap: &str) -> bool {
    if is_plain_separator(gap) {
        return true;
    }
    let Some(first) = gap.chars().next() else {
        return false;
    };
    let Some(last) = gap.chars().last() else {
        return false;
    };
    let inner = &gap[first.len_utf8()..];
    if first == '、'
        && (1..=3).contains(&inner.chars().count())
        && !inner.contains(['，', ',', '等'])
    {
        return true; // `A、冶金 钢铁`: a modifier the next mention left out
    }
    let inner = inner.strip_suffix(last).unwrap_or(inner);
    "、和及与".contains(first)
        && "、和及与".contains(last)
        && inner.split('、').all(|w| {
            let n = w.chars().count();
            (1..=6).contains(&n) && !w.contains(['，', ',', '。', '；', ';', '：', ':', '等'])
        })
}

fn is_plain_separator(gap: &str) -> bool {
    matches!(
        gap,
        "、" | "和" | "及" | "与" | "以及" | "、以及" | "、和" | "或" | "，以及" | "并" | "及其"
    )
}

/// The most characters of a gap that [`closes_list`] or [`opens_list`] accepts.
pub(crate) const MAX_CLOSE_CHARS: usize = 24;

/// Whether the text after a list closes it with a reference to what follows
/// (`等`, `等一批`, `等重点`, `两个`, `等6个`, `等企业为代表的`).
pub(crate) fn closes_list(gap: &str) -> bool {
    if gap.is_empty()
        || gap.chars().count() > MAX_CLOSE_CHARS
        || gap.contains(['。', '；', ';', '：', ':'])
    {
        return false;
    }
    if gap.ends_with(['和', '及', '与', '、']) {
        return false; // `A、B等公园和C`: C is one more item, not the head
    }
    // unrecognised items before the closing word: `A、B、灯光等X`
    let gap = match gap.find('等') {
        Some(at) if at > 0 && gap.starts_with('、') => {
            let items = &gap[..at];
            let ok = items
                .split('、')
                .skip(1)
                .all(|w| (1..=6).contains(&w.chars().count()) && !w.contains(['，', ',']));
            if !ok {
                return false;
            }
            &gap[at..]
        }
        _ => gap,
    };
    if counted_items(gap) {
        return true;
    }
    let n = gap.chars().count();
    if n > 12 {
        return false;
    }
    if gap.contains("为代表的") || gap.contains("为主的") || gap.contains("在内的") {
        return true;
    }
    if gap.matches(['，', ',']).count() > 1 {
        return false;
    }
    if gap.contains(['，', ',']) {
        // `等领域，做强做优做大X`: a comma only after 领域/方面
        let before = gap.split(['，', ',']).next().unwrap_or("");
        return before.starts_with('等') && (before.ends_with("领域") || before.ends_with("方面"));
    }
    if gap.starts_with('等') {
        return n <= 8;
    }
    is_count(gap)
}

/// `、新型材料、绿色食品五大`: unrecognised short items of a list, then its count (`A、B、C、D、E五大X`).
/// The first piece may be the rest of an item the mention before it left out (`医药健康` seen as 医药).
fn counted_items(gap: &str) -> bool {
    let Some(at) = count_start(gap) else {
        return false;
    };
    let items = &gap[..at];
    let pieces: Vec<&str> = items.split('、').collect();
    pieces.len() >= 2
        && pieces.iter().enumerate().all(|(k, w)| {
            let n = w.chars().count();
            let ok_len = if k == 0 { n <= 4 } else { (2..=6).contains(&n) };
            ok_len
                && !w.contains([
                    '，', ',', '。', '；', ';', '：', ':', '等', '和', '及', '与',
                ])
        })
}

/// The first byte after the first character of `gap` from which the rest is a count
/// ([`is_count`]): `五大` in `、新型材料、绿色食品五大`. The count ends the gap, so only the
/// digits right before its last character are looked at.
fn count_start(gap: &str) -> Option<usize> {
    let (last_at, last) = gap.char_indices().next_back()?;
    if !"个大项类家条种".contains(last) {
        return None;
    }
    let head = &gap[..last_at];
    let digits_from = head.trim_end_matches(is_count_digit).len();
    if digits_from == last_at {
        return None; // no digits
    }
    if digits_from > 0 {
        return Some(digits_from);
    }
    // the digits open the gap: the count may start at their second character
    head.char_indices().nth(1).map(|(b, _)| b)
}

/// `两个`, `三大`, `6个`, `四项`: a count with its classifier.
fn is_count(gap: &str) -> bool {
    let rest = gap.trim_start_matches(is_count_digit);
    rest.len() < gap.len() && matches!(rest, "个" | "大" | "项" | "类" | "家" | "条" | "种")
}

/// A digit of a count: `6`, `五`, `两`, `百`.
fn is_count_digit(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十两百".contains(c)
}

/// Whether the text after a head opens a list of its parts
/// (`领域重点推动`, `产业，重点发展`, `：`, `包括`, `即`).
pub(crate) fn opens_list(gap: &str) -> bool {
    let n = gap.chars().count();
    if n > 12 || gap.contains(['。', '；', ';']) {
        return false;
    }
    let g = gap.trim_start_matches(['，', ',']);
    if g.ends_with('：') || g.ends_with(':') || g.ends_with("包括") || g.ends_with("即") {
        return true;
    }
    // the cheapest tests first
    let starts = || {
        gap.starts_with(['，', ','])
            || super::cues::words("list_heads")
                .iter()
                .any(|l| g.starts_with(l.as_str()))
    };
    starts()
        && g.matches(['，', ',']).count() <= 1
        && super::cues::ends_with_any("list_verbs", g)
        && super::cues::any_in("list_stress", g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closers_and_openers() {
        assert!(closes_list("等"));
        assert!(closes_list("等一批"));
        assert!(closes_list("两个"));
        assert!(closes_list("等企业为代表的"));
        assert!(closes_list("等领域，做强做优做大"));
        assert!(!closes_list("等企业，加快"));
        assert!(!closes_list("推动"));
        assert!(opens_list("领域重点推动"));
        assert!(opens_list("，重点发展"));
        assert!(opens_list("：")); // 即：
        assert!(!opens_list("，推动"));
        assert!(!opens_list("建设"));
        assert!(!opens_list("领域推进")); // 在A、B等X领域推进C: C is no part of X
        assert!(!opens_list("产业集群，大力发展"));
        assert!(!closes_list("等高速公路和"));
        assert!(closes_list("、灯光等"));
        assert!(closes_list("、新型材料、绿色食品五大"));
        assert!(closes_list("健康、新型材料、绿色食品五大"));
        assert!(!closes_list("、加快推进产业发展三大"));
        assert!(!closes_list("，新型材料、绿色食品五大"));
        assert!(closes_list("6个"));
        assert!(closes_list("十大"));
        assert!(!closes_list("个"));
        assert!(counted_items("健康、新型材料、绿色食品5个"));
        assert!(!counted_items("五大"));
        assert_eq!(count_start("五大"), None);
        assert_eq!(count_start("十五大"), Some("十".len()));
        assert_eq!(count_start("、新材料两个"), Some("、新材料".len()));
        assert!(is_separator("、节能和"));
        assert!(is_separator("、"));
        assert!(!is_separator("，推动"));
        assert!(!is_separator("推动"));
    }
}
