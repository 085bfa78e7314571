//! Sentence splitting with exact byte spans: a sentence ends at 。！？；!?; (with the closing
//! quotes and brackets that follow), at a line break, and before a bullet (■ ● ◆ ▲ ★ □). Headings
//! stand on their own lines and so are sentences of their own.

use std::ops::Range;

use super::Sentence;

/// Characters that end a sentence and belong to it.
fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// Closing marks that stay with the sentence before them (`…。”`).
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》')
}

/// Characters that separate sentences and belong to none.
fn is_separator(c: char) -> bool {
    matches!(c, '\n' | '■' | '□' | '●' | '◆' | '▲' | '★')
}

/// A common CJK ideograph (U+4E00–U+9FA5, assigned since Unicode 1.1): a letter, and neither a
/// terminator nor a separator. Tested first because most characters are.
fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FA5}').contains(&c)
}

/// Splits text into sentences. Each span is trimmed of white space, `text[span]` is the sentence,
/// and spans without a letter, digit or Chinese character are dropped. Indices count from 0.
///
/// # Complexity
/// One pass over the characters.
///
/// # Example
/// ```
/// use zhitu::ingest::split_sentences;
/// let text = "一、总体要求\n他说：“好。”■ 工业增长；服务业增长";
/// let s: Vec<&str> = split_sentences(text).iter().map(|s| &text[s.span.clone()]).collect();
/// assert_eq!(s, ["一、总体要求", "他说：“好。”", "工业增长；", "服务业增长"]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_ideograph(c) {
            continue; // most characters, and never a break
        }
        if is_separator(c) {
            push(text, start..i, &mut out);
            start = i + c.len_utf8();
        } else if is_terminator(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_closer(d) || is_terminator(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push(text, start..end, &mut out);
            start = end;
        }
    }
    push(text, start..text.len(), &mut out);
    out
}

fn push(text: &str, span: Range<usize>, out: &mut Vec<Sentence>) {
    let Some(s) = text.get(span.clone()) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let has_word = |c: char| is_ideograph(c) || c.is_alphanumeric();
    if lead + trail >= s.len() || !s.chars().any(has_word) {
        return;
    }
    out.push(Sentence {
        index: out.len(),
        span: span.start + lead..span.end - trail,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| &text[s.span.clone()])
            .collect()
    }

    #[test]
    fn terminators_and_closers() {
        assert_eq!(
            split("甲。乙！丙？丁；戊!己?庚;辛"),
            ["甲。", "乙！", "丙？", "丁；", "戊!", "己?", "庚;", "辛"]
        );
        assert_eq!(split("“要坚持。”（完）"), ["“要坚持。”", "（完）"]);
        assert_eq!(split("真的？！好"), ["真的？！", "好"]);
    }

    #[test]
    fn lines_bullets_and_blanks() {
        assert_eq!(
            split("  标题  \n\n正文■ 小标题  正文二"),
            ["标题", "正文", "小标题  正文二"]
        );
        assert_eq!(split("。\n——\n ；"), Vec::<&str>::new());
        assert!(split("").is_empty());
    }

    #[test]
    fn spans_and_indices_are_exact() {
        let text = "一、总体要求\r\n增长10%。■ 下一句";
        let s = split_sentences(text);
        assert_eq!(s.iter().map(|s| s.index).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(&text[s[0].span.clone()], "一、总体要求");
        assert_eq!(&text[s[1].span.clone()], "增长10%。");
        assert_eq!(&text[s[2].span.clone()], "下一句");
    }
}
