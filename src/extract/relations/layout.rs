//! The layout of a document as its sentences show it: lines (paragraphs) and numbered items
//! (`1.`, `（一）`, `一、`, `一是`), which scope headings and their parts.

use super::Ctx;

/// Whether a sentence opens a numbered item: `1.`, `（一）`, `一、`, `一是`.
pub(crate) fn starts_item(text: &str) -> bool {
    let t = text.trim_start();
    // the number: one to three numerals, then the bracket's close or the end of the sentence
    if let Some(inner) = t.strip_prefix(['(', '（']) {
        let (n, rest) = leading_numerals(inner);
        return (1..=3).contains(&n) && (rest.is_empty() || rest.starts_with([')', '）']));
    }
    let (n, rest) = leading_numerals(t);
    (1..=3).contains(&n) && (rest.starts_with(['.', '．', '、']) || rest.starts_with('是'))
}

/// How many numerals (`1`, `一` … `十`) open `t`, counted up to four, and the text after those
/// counted.
fn leading_numerals(t: &str) -> (usize, &str) {
    let mut n = 0;
    for (b, c) in t.char_indices() {
        if n == 4 || !(c.is_ascii_digit() || "一二三四五六七八九十".contains(c)) {
            return (n, &t[b..]);
        }
        n += 1;
    }
    (n, "")
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
