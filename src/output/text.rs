//! Plain-text renderings shared by the formats: a cell's text (a node by its name, lists joined),
//! and label wrapping by display width (a CJK character counts two columns).

use unicode_width::UnicodeWidthChar;

use crate::query::{GraphView, Value};

/// The list separator between Chinese items (nodes, CJK strings).
pub const CJK_SEPARATOR: &str = "、";
/// The list separator otherwise.
pub const SEPARATOR: &str = ", ";

/// A cell as text: a node by its name (`#id` if the graph lacks it), numbers as written, a list
/// joined by `、` when it holds nodes or Chinese text and by `, ` otherwise, `Null` as empty.
///
/// # Example
/// ```
/// use zhitu::graph::KnowledgeGraph;
/// use zhitu::output::cell_text;
/// use zhitu::query::Value;
///
/// let g = KnowledgeGraph::default();
/// let list = Value::List(vec![Value::Str("济南".into()), Value::Str("青岛".into())]);
/// assert_eq!(cell_text(&g, &list), "济南、青岛");
/// assert_eq!(cell_text(&g, &Value::List(vec![Value::Int(1), Value::Int(2)])), "1, 2");
/// assert_eq!(cell_text(&g, &Value::Float(6000.0)), "6000");
/// ```
pub fn cell_text(graph: &dyn GraphView, value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_text(*f),
        Value::Str(s) => s.clone(),
        Value::Label(s) => (*s).to_string(),
        Value::Node(id) => match graph.node(*id) {
            Some(n) => n.name.clone(),
            None => format!("#{}", id.0),
        },
        Value::List(items) => {
            let sep = if items.iter().any(is_chinese_item) {
                CJK_SEPARATOR
            } else {
                SEPARATOR
            };
            let parts: Vec<String> = items.iter().map(|v| cell_text(graph, v)).collect();
            parts.join(sep)
        }
    }
}

fn is_chinese_item(v: &Value) -> bool {
    match v {
        Value::Node(_) => true,
        Value::Str(s) => s.chars().any(is_wide),
        Value::Label(s) => s.chars().any(is_wide),
        _ => false,
    }
}

/// A float as a person writes it: `6000`, `0.5`, `NaN` for what is not a number.
pub(crate) fn float_text(f: f64) -> String {
    if f.is_finite() {
        format!("{f}")
    } else {
        f.to_string()
    }
}

/// Whether a character takes two columns (CJK ideographs, full-width forms).
pub(crate) fn is_wide(c: char) -> bool {
    c.width().unwrap_or(0) >= 2
}

/// Display width of `s` in terminal columns (CJK = 2, control characters = 0).
pub(crate) fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` on one line: line breaks and tabs become spaces, other control characters are dropped.
pub(crate) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Splits `s` into lines of at most `max_width` display columns (24 = 12 Chinese characters).
/// Runs of ASCII letters and digits are kept whole where they fit; spaces at a break vanish;
/// line breaks in `s` are kept. A `max_width` of 0 means no wrapping.
///
/// # Example
/// ```
/// use zhitu::output::wrap_label;
/// assert_eq!(wrap_label("软件和信息技术服务业营业收入", 24), ["软件和信息技术", "服务业营业收入"]);
/// assert_eq!(wrap_label("New Energy Vehicle", 10), ["New Energy", "Vehicle"]);
/// ```
pub fn wrap_label(s: &str, max_width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let para = one_line(para);
        if max_width == 0 {
            lines.push(para);
            continue;
        }
        // Greedy first; then the narrowest width that needs no more lines, so the lines come
        // out even (软件和信息技术 / 服务业营业收入, not 软件和信息技术服务业营业 / 收入).
        let greedy = wrap_greedy(&para, max_width);
        let n = greedy.len();
        let mut best = greedy;
        if n > 1 {
            let mut w = width(&para).div_ceil(n);
            while w < max_width {
                let lines = wrap_greedy(&para, w);
                if lines.len() <= n {
                    best = lines;
                    break;
                }
                w += 1;
            }
        }
        lines.extend(best);
    }
    lines
}

fn wrap_greedy(para: &str, max_width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut w = 0;
    for token in tokens(para) {
        let tw = width(token);
        if w + tw > max_width && w > 0 && !is_closing(token) {
            lines.push(line.trim_end().to_string());
            line = String::new();
            w = 0;
            if token == " " {
                continue;
            }
        }
        if tw > max_width {
            // A word wider than a line: cut it by characters.
            for c in token.chars() {
                let cw = c.width().unwrap_or(0);
                if w + cw > max_width && w > 0 {
                    lines.push(std::mem::take(&mut line));
                    w = 0;
                }
                line.push(c);
                w += cw;
            }
        } else {
            line.push_str(token);
            w += tw;
        }
    }
    lines.push(line.trim_end().to_string());
    lines
}

/// Closing punctuation, which never starts a line.
fn is_closing(token: &str) -> bool {
    token
        .chars()
        .all(|c| "）)」』》〉】］]，,。.、；;：:！!？?%".contains(c))
}

/// Runs of ASCII alphanumerics (and `.`, `-`, `%` inside numbers) as one token, every other
/// character alone.
fn tokens(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let len = if first.is_ascii_alphanumeric() {
            rest.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '%')))
                .unwrap_or(rest.len())
        } else {
            first.len_utf8()
        };
        let (tok, tail) = rest.split_at(len);
        rest = tail;
        Some(tok)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_cjk_by_width() {
        assert_eq!(
            wrap_label("济南市新一代信息技术产业集群发展规划", 24),
            ["济南市新一代信息技", "术产业集群发展规划"]
        );
        assert_eq!(wrap_label("短", 24), ["短"]);
        assert_eq!(wrap_label("", 24), [""]);
    }

    #[test]
    fn wraps_mixed_and_long_words() {
        assert_eq!(wrap_label("ABCDEFGHIJ", 4), ["ABCD", "EFGH", "IJ"]);
        assert_eq!(wrap_label("5G基站建设", 4), ["5G基", "站建", "设"]);
        assert_eq!(wrap_label("a\nb", 4), ["a", "b"]);
        assert_eq!(wrap_label("规划（草案）", 10), ["规划（草案）"]);
    }

    #[test]
    fn one_line_drops_controls() {
        assert_eq!(one_line("a\r\nb\tc\u{7}"), "a b c");
    }
}
