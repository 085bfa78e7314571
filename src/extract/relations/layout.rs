//! The layout of a document as its sentences show it: lines (paragraphs) and numbered items
//! (`1.`, `（一）`, `一、`, `一是`), which scope headings and their parts.

use super::Ctx;

/// Whether a sentence opens a numbered item: `1.`, `（一）`, `一、`, `一是`.
pub(crate) fn starts_item(text: &str) -> bool {
    let t = text.trim_start();
    let mut chars = t.chars();
    let Some(c0) = chars.next() else {
        return false;
    };
    if c0 == '(' || c0 == '（' {
        let inner: String = chars.take_while(|c| *c != ')' && *c != '）').collect();
        return !inner.is_empty()
            && inner.chars().count() <= 3
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    }
    let num: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .collect();
    if num.is_empty() || num.chars().count() > 3 {
        return false;
    }
    let rest = &t[num.len()..];
    rest.starts_with(['.', '．', '、']) || rest.starts_with('是')
}

/// Whether sentence `s` starts a new line (a paragraph).
pub(crate) fn starts_line(ctx: &Ctx, s: usize) -> bool {
    if s == 0 {
        return true;
    }
    let prev = &ctx.doc.sentences[s - 1].span;
    let here = &ctx.doc.sentences[s].span;
    ctx.between(prev.end, here.start).contains('\n')
        || ctx.between(prev.start, prev.end).ends_with('\n')
}

/// The byte length of the item marker opening a heading (`（一）`, `1.`, `一、`).
pub(crate) fn item_marker_len(text: &str) -> usize {
    let mut n = 0;
    for (b, c) in text.char_indices() {
        if c.is_ascii_digit() || "一二三四五六七八九十(（".contains(c) || c.is_whitespace()
        {
            n = b + c.len_utf8();
            continue;
        }
        if ")）.．、".contains(c) {
            n = b + c.len_utf8();
        }
        break;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items() {
        assert!(starts_item("（一）实施某某行动"));
        assert!(starts_item("3.推动某某区建设全面起势。"));
        assert!(starts_item("一是加快发展。"));
        assert!(starts_item("二、发展目标"));
        assert!(!starts_item("2023年是关键一年。"));
        assert!(!starts_item("（责任单位：市财政局）"));
        assert_eq!(item_marker_len("（一）实施"), "（一）".len());
        assert_eq!(item_marker_len("12.加快"), "12.".len());
    }
}
