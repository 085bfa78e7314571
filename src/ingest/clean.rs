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
    let mut lines = Lines::with_capacity(text.len());
    // Characters that need no mapping are copied a run at a time.
    let mut plain_from = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mapped = map_char(c);
        if mapped == Mapped::Keep {
            continue;
        }
        lines.text(&text[plain_from..i]);
        plain_from = i + c.len_utf8();
        match mapped {
            Mapped::Keep | Mapped::Drop => {}
            Mapped::To(c) => lines.text(c.encode_utf8(&mut [0; 4])),
            Mapped::Space => lines.space(),
            Mapped::Break => lines.line_break(),
            // `\r\n` is one line break.
            Mapped::Return if chars.peek().map(|&(_, n)| n) != Some('\n') => lines.line_break(),
            Mapped::Return => {}
        }
    }
    lines.text(&text[plain_from..]);
    lines.finish()
}

/// What one character of a decoded text becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mapped {
    /// Itself (most characters).
    Keep,
    /// Another character (a full-width digit or letter's ASCII form).
    To(char),
    Space,
    Break,
    /// `\r`: a line break unless `\n` follows.
    Return,
    Drop,
}

/// Maps single characters: widths, line breaks, spaces, invisible and control characters.
fn map_char(c: char) -> Mapped {
    match c {
        '\n' => Mapped::Break,
        ' ' => Mapped::Space,
        // The common case first: printable ASCII and CJK ideographs.
        '!'..='~' | '\u{4E00}'..='\u{9FFF}' => Mapped::Keep,
        '\r' => Mapped::Return,
        '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0B}' | '\u{0C}' => Mapped::Break,
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            Mapped::To(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c))
        }
        '\t' | '\u{3000}' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
            Mapped::Space
        }
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => Mapped::Drop,
        c if c.is_control() => Mapped::Drop,
        _ => Mapped::Keep,
    }
}

/// The output being written, line by line: space runs collapsed and line ends trimmed (a wide
/// gap between non-ASCII characters far enough into a line becomes a line break), runs of
/// blank lines reduced to one, the text trimmed.
struct Lines {
    out: String,
    /// Spaces seen since the last character written on this line.
    run: usize,
    /// Characters since the last line break written.
    line_chars: usize,
    /// Whether the last character written on this line is non-ASCII (`None`: nothing yet).
    prev_wide: Option<bool>,
    /// A blank line came before this one (after some text).
    blank: bool,
}

impl Lines {
    fn with_capacity(n: usize) -> Self {
        Lines {
            out: String::with_capacity(n),
            run: 0,
            line_chars: 0,
            prev_wide: None,
            blank: false,
        }
    }

    /// Writes `s`, characters without spaces or line breaks (nothing if it is empty).
    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        match self.prev_wide {
            // The line's first text: the line break (and one blank line) before it.
            None => {
                if !self.out.is_empty() {
                    self.out.push('\n');
                    if self.blank {
                        self.out.push('\n');
                    }
                }
                self.blank = false;
            }
            Some(wide) if self.run > 0 => {
                if self.run >= 2 && self.line_chars >= 8 && wide {
                    self.out.push('\n');
                    self.line_chars = 0;
                } else {
                    self.out.push(' ');
                    self.line_chars += 1;
                }
            }
            Some(_) => {}
        }
        self.run = 0;
        self.out.push_str(s);
        self.line_chars += s.chars().count();
        self.prev_wide = s.chars().next_back().map(|c| !c.is_ascii());
    }

    fn space(&mut self) {
        self.run += 1;
    }

    fn line_break(&mut self) {
        if self.prev_wide.is_none() {
            self.blank = !self.out.is_empty();
        }
        self.run = 0;
        self.line_chars = 0;
        self.prev_wide = None;
    }

    fn finish(self) -> String {
        self.out
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
        // A lone `\r` breaks a line even when a dropped character stands before a `\n`.
        assert_eq!(normalize("a\r\u{200B}\nb\r\nc\rd"), "a\n\nb\nc\nd");
        assert_eq!(normalize(" \u{200B} \n\u{3000}"), "");
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
