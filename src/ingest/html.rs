//! HTML to text: the page's `<title>` (or its `<h1>`) as title, a publication date from its
//! `<meta>` tags, and the body as text with block elements on their own lines. Scripts, styles,
//! navigation, headers, footers, asides and forms are dropped, as are elements whose id or class
//! says they are navigation, breadcrumbs, sharing bars or footers.

use scraper::{ElementRef, Html, Node};

use super::dates::{self, Date};

/// What a page gives: body text (not yet normalised), title and date where it has them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub date: Option<Date>,
}

/// Elements whose content is never text of the article.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "select", "button", "object", "canvas",
];

/// Elements that stand on their own lines.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "body",
    "html",
];

/// Words in an id or class that mark page furniture.
const SKIP_MARKS: &[&str] = &[
    "nav",
    "footer",
    "breadcrumb",
    "crumb",
    "share",
    "sidebar",
    "copyright",
];

/// `<meta name=…>` (or `property=…`) values that carry a publication date.
const DATE_METAS: &[&str] = &[
    "pubdate",
    "publishdate",
    "publishtime",
    "publish_date",
    "article:published_time",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "firstpublishedtime",
    "createdate",
];

/// Whether a text looks like an HTML document (for files not named `.html`/`.htm`).
///
/// # Example
/// ```
/// use zhitu::ingest::html::looks_like_html;
/// assert!(looks_like_html("\n<!DOCTYPE html><html>…"));
/// assert!(!looks_like_html("济南市 <b>"));
/// ```
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
        "<?xml",
    ]
    .iter()
    .any(|p| head.starts_with(p))
        || (head.starts_with("<!--") && text.get(..4096).unwrap_or(text).contains("<html"))
}

/// Strips a page to its text, title and date.
///
/// # Complexity
/// Linear in the page (one parse, one walk without recursion).
///
/// # Example
/// ```
/// use zhitu::ingest::html::strip_html;
/// let p = strip_html("<html><head><title>工业发展规划_某市人民政府</title></head><body><nav>首页</nav><p>第一段。</p><p>第二段</p><script>x()</script></body></html>");
/// assert_eq!(p.title.as_deref(), Some("工业发展规划"));
/// assert_eq!(p.text.trim(), "第一段。\n第二段");
/// ```
pub fn strip_html(source: &str) -> Page {
    let html = Html::parse_document(source);
    let mut page = Page::default();
    let mut title: Option<String> = None;
    let mut h1: Option<String> = None;
    let mut meta_title: Option<String> = None;
    let mut out = String::with_capacity(source.len() / 2);
    let mut pre = 0usize;
    // Inside this many skipped elements: no text, no line breaks (tags are still read).
    let mut hidden = 0usize;
    let mut stack = vec![(html.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Text(t) if !closing && hidden == 0 => push_text(&mut out, t, pre > 0),
            Node::Element(e) => {
                let name = e.name();
                let skipped = SKIP.contains(&name) || name == "title" || has_skip_mark(e);
                if closing {
                    if skipped {
                        hidden = hidden.saturating_sub(1);
                    } else if hidden == 0 && BLOCK.contains(&name) {
                        line_break(&mut out);
                    } else if hidden == 0 && matches!(name, "td" | "th") {
                        out.push(' ');
                    }
                    if name == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                    continue;
                }
                match name {
                    "title" if title.is_none() => title = ElementRef::wrap(node).map(element_text),
                    "meta" => read_meta(e, &mut page.date, &mut meta_title),
                    "h1" if h1.is_none() && hidden == 0 => {
                        h1 = ElementRef::wrap(node).map(element_text)
                    }
                    _ => {}
                }
                if skipped {
                    hidden += 1;
                } else if hidden == 0 && BLOCK.contains(&name) {
                    line_break(&mut out);
                }
                if name == "pre" {
                    pre += 1;
                }
                stack.push((node, true));
                stack.extend(node.children().rev().map(|c| (c, false)));
            }
            Node::Document | Node::Fragment if !closing => {
                stack.extend(node.children().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
    page.text = out;
    page.title = choose_title(meta_title, title, h1);
    page
}

fn push_text(out: &mut String, t: &str, keep_spaces: bool) {
    if keep_spaces {
        out.push_str(t);
        return;
    }
    // HTML white space: runs of ASCII white space are one space.
    let mut space = false;
    for c in t.chars() {
        if c.is_ascii_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with(['\n', ' ']) {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if space && !out.is_empty() && !out.ends_with(['\n', ' ']) {
        out.push(' ');
    }
}

fn line_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// The text inside an element, white space collapsed.
fn element_text(node: ElementRef<'_>) -> String {
    let joined: String = node.text().collect();
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_meta(e: &scraper::node::Element, date: &mut Option<Date>, title: &mut Option<String>) {
    let key = e
        .attr("name")
        .or_else(|| e.attr("property"))
        .or_else(|| e.attr("itemprop"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some(content) = e.attr("content") else {
        return;
    };
    if date.is_none() && DATE_METAS.contains(&key.as_str()) {
        *date = dates::first_full_date(content);
    }
    if title.is_none() && (key == "articletitle" || key == "og:title") && !content.trim().is_empty()
    {
        *title = Some(content.trim().to_string());
    }
}

fn has_skip_mark(e: &scraper::node::Element) -> bool {
    let marked = |v: &str| {
        let v = v.to_ascii_lowercase();
        SKIP_MARKS.iter().any(|m| v.contains(m))
    };
    e.id().is_some_and(marked) || e.classes().any(marked)
}

/// The page title: a `<meta name="ArticleTitle">`, else the `<h1>` (outside skipped parts) when
/// the `<title>` starts with it, else the first part of the `<title>` split at the site-name
/// separators (`_`, `|`, ` - `), or the longest part when the first is under four characters.
fn choose_title(meta: Option<String>, title: Option<String>, h1: Option<String>) -> Option<String> {
    if let Some(m) = meta {
        return Some(m);
    }
    let title = title.filter(|t| !t.is_empty());
    if let (Some(t), Some(h)) = (&title, &h1) {
        if h.chars().count() >= 4 && t.starts_with(h.as_str()) {
            return Some(h.clone());
        }
    }
    let Some(t) = title else {
        return h1.filter(|h| !h.is_empty());
    };
    let parts: Vec<&str> = t
        .split(['_', '|', '｜'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .collect();
    // Chinese sites write `article_column_site`: the first part, unless it is too short to be one.
    let mut best = parts.first().copied().unwrap_or("");
    if best.chars().count() < 4 {
        for part in &parts {
            if part.chars().count() > best.chars().count() {
                best = part;
            }
        }
    }
    Some(best.to_string()).filter(|b| !b.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_skips() {
        let p = strip_html(
            "<html><head><title>某市发展计划 - 某市人民政府</title><meta name=\"PubDate\" content=\"2023-06-30 14:18\"></head>\
             <body><header>站点</header><div class=\"breadcrumb\">首页 &gt; 政策</div>\
             <h1>某市发展计划</h1><div id=\"content\"><p>一、总体要求</p><p>第一句。<br>第二 \n  句。</p>\
             <table><tr><td>甲</td><td>乙</td></tr></table></div><footer>版权</footer>\
             <style>p{}</style></body></html>",
        );
        assert_eq!(p.title.as_deref(), Some("某市发展计划"));
        assert_eq!(p.date.unwrap().to_string(), "2023-06-30");
        assert_eq!(
            p.text.trim(),
            "某市发展计划\n一、总体要求\n第一句。\n第二 句。\n甲 乙"
        );
    }

    #[test]
    fn site_name_in_h1_is_not_the_title() {
        let p = strip_html(
            "<html><head><title>关于印发某方案的通知_某市人民政府</title></head><body>\
             <header><h1>某市人民政府</h1></header><div><h1>某市人民政府</h1><p>正文。</p></div></body></html>",
        );
        assert_eq!(p.title.as_deref(), Some("关于印发某方案的通知"));
    }

    #[test]
    fn h1_when_there_is_no_title() {
        let p = strip_html("<html><body><h1>某市工业计划</h1><p>正文。</p></body></html>");
        assert_eq!(p.title.as_deref(), Some("某市工业计划"));
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html("<HTML><body>x</body></HTML>"));
        assert!(looks_like_html("<!-- c --><html>"));
        assert!(!looks_like_html("<p>"));
    }

    #[test]
    fn broken_html_does_not_panic() {
        let p = strip_html("<div><p>未闭合<b>粗<i>斜</div></table></html>");
        assert!(p.text.contains("未闭合"));
        let deep = "<div>".repeat(5000) + "深";
        assert!(strip_html(&deep).text.contains('深'));
    }
}
