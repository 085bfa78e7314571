//! Width and white-space normalisation: full-width letters, digits and spaces to half-width,
//! unusual spaces and invisible characters removed, runs of spaces collapsed, line endings unified,
//! blank lines reduced to one. Chinese punctuation is left as written (entity surface forms and
//! the extraction rules depend on it).

/// Normalises a decoded text.
///
/// - `\r\n`, `\r`, U+2028/U+2029/U+0085 and vertical tab/form feed become `\n`;
/// - U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A (full-width digits and letters) become ASCII;
/// - U+3000, tab, no-break and other wide spaces become a space; zero-width characters and
///   other control characters are dropped;
/// - a run of spaces becomes one space, except a run of two or more after a non-ASCII character
///   at least eight characters into a line (the layout of pasted web text, where such a gap
///   stands for a paragraph break: `…逐月回升    工业生产…`, `…某某某      2012年，…`), which
///   becomes a line break;
/// - lines are trimmed, runs of blank lines become one blank line, and the text is trimmed.
///
/// # Complexity
/// Linear in the text.
///
/// # Example
/// ```
/// use zhitu::ingest::clean::normalize;
/// assert_eq!(normalize("ＧＤＰ增长１０％\r\n\r\n\r\n济南市\u{3000}章丘区"), "GDP增长10％\n\n济南市 章丘区");
/// ```
pub fn normalize(text: &str) -> String {
    let mapped = map_chars(text);
    let mut out = String::with_capacity(mapped.len());
    let mut blank = false;
    for line in mapped.split('\n') {
        let start = out.len();
        collapse_line(line, &mut out);
        if out.len() == start {
            blank = !out.is_empty();
            continue;
        }
        // Put the line break (and one blank line) before the new line's text.
        let text = out.split_off(start);
        if !out.is_empty() {
            out.push('\n');
            if blank {
                out.push('\n');
            }
        }
        out.push_str(&text);
        blank = false;
    }
    out
}

/// Maps single characters: widths, line breaks, spaces, invisible and control characters.
fn map_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0B}' | '\u{0C}' => out.push('\n'),
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                out.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c));
            }
            '\t' | '\u{3000}' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
                out.push(' ');
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` with its space runs collapsed and its ends trimmed; a wide gap between
/// non-ASCII characters far enough into the line becomes a line break.
fn collapse_line(line: &str, out: &mut String) {
    let mut run = 0usize;
    let mut line_chars = 0usize; // characters since the last line break written
    let mut prev: Option<char> = None;
    for c in line.chars() {
        if c == ' ' {
            run += 1;
            continue;
        }
        if run > 0 && prev.is_some() {
            let wide_gap = run >= 2 && line_chars >= 8 && prev.is_some_and(|p| !p.is_ascii());
            if wide_gap {
                out.push('\n');
                line_chars = 0;
            } else {
                out.push(' ');
                line_chars += 1;
            }
        }
        run = 0;
        out.push(c);
        line_chars += 1;
        prev = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_spaces() {
        assert_eq!(normalize("Ａ１ｚ\u{3000}\u{3000}x"), "A1z x");
        assert_eq!(normalize("a \t b"), "a b");
        // Chinese punctuation stays.
        assert_eq!(
            normalize("（一）“十四五”，《规划》。"),
            "（一）“十四五”，《规划》。"
        );
        assert_eq!(normalize("a\u{200B}b\u{1}c"), "abc");
    }

    #[test]
    fn lines() {
        assert_eq!(normalize("\n\n a \r\n\r\n\r\n\n b\rc \n\n"), "a\n\nb\nc");
        assert_eq!(normalize("x\u{2028}y"), "x\ny");
    }

    #[test]
    fn wide_gaps_break_paragraphs() {
        assert_eq!(
            normalize("■ 工业经济逆势增长逐月回升    工业生产持续好转。"),
            "■ 工业经济逆势增长逐月回升\n工业生产持续好转。"
        );
        // Too early in the line: a title with a wide gap stays one line.
        assert_eq!(normalize("济南市   努力实现"), "济南市 努力实现");
        assert_eq!(
            normalize("这是一个很长的句子开头  2012年"),
            "这是一个很长的句子开头\n2012年"
        );
        // ASCII before the gap: a space.
        assert_eq!(
            normalize("the long line opening  2012"),
            "the long line opening 2012"
        );
    }
}
