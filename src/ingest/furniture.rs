//! Web-page furniture: the lines a page wraps around its article — publication and source lines
//! (`发布日期:2023-06-30 14:18 信息来源:…`), view counters and font switches
//! (`浏览次数: 字体:【 默认 超大`), breadcrumbs (`首页 » 常识 » …`), bylines with a timestamp
//! (`TUhjnbcbe - 2024/12/22 18:22:00`), editor stamps (`商报编辑`), page numbers, copyright
//! notices and the related-links trailer (`相关阅读`, `相关链接`…). Dropped after the date and title
//! they carry are read. A line that names people as authors of the content (`本版稿件整理：…`)
//! is text, not furniture.

use super::dates::{self, Date};

/// The text without furniture, and what the furniture said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stripped {
    pub text: String,
    /// The publication date from a date or byline line (`发布日期:…`, `… - 2024/12/22 18:22:00`).
    pub date: Option<Date>,
    /// A date standing alone on a line (a signing date), weaker than [`Stripped::date`].
    pub lone_date: Option<Date>,
    /// The article's title as a breadcrumb, `查看完整版本:` or `原标题:` line gives it.
    pub title: Option<String>,
}

/// Field names that open a furniture line when a colon (or `【`) follows them.
const META_KEYS: &[&str] = &[
    "发布日期",
    "发布时间",
    "发文日期",
    "成文日期",
    "印发日期",
    "发表时间",
    "发表日期",
    "更新时间",
    "日期",
    "时间",
    "来源",
    "信息来源",
    "文章来源",
    "稿件来源",
    "新闻来源",
    "作者",
    "撰稿",
    "编辑",
    "责任编辑",
    "审核",
    "校对",
    "摄影",
    "浏览次数",
    "浏览量",
    "阅读次数",
    "阅读量",
    "点击次数",
    "点击数",
    "点击量",
    "点击",
    "索引号",
    "主题分类",
    "发布机构",
    "发布单位",
    "发文机关",
    "发文字号",
    "文号",
    "主题词",
    "有效性",
    "公开方式",
    "访问量",
    "字体",
    "字号",
    "分享到",
    "上一篇",
    "下一篇",
    "原文链接",
    "本文链接",
];

/// Marks that make a short line furniture wherever they stand in it.
const MARKS: &[&str] = &[
    "浏览次数",
    "阅读次数",
    "字体:【",
    "字体：【",
    "【字体",
    "【大 中 小】",
    "【打印",
    "【关闭",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "分享到:",
    "分享到：",
    "版权所有",
    "Copyright",
    "ICP备",
    "扫一扫",
];

/// Words of the page's tool bars: a short line made only of them is furniture (`打印 | 关闭`).
const TOOL_WORDS: &[&str] = &[
    "打印",
    "关闭",
    "收藏",
    "分享",
    "返回",
    "顶部",
    "返回顶部",
    "打印本页",
    "关闭窗口",
    "纠错",
    "我要纠错",
    "默认",
    "超大",
    "大",
    "中",
    "小",
    "字体",
    "字号",
    "微信",
    "微博",
    "扫一扫",
    "打印此页",
    "关闭本页",
    "保存",
    "加入收藏",
];

/// Headings that open the related-links trailer at the end of a page.
const TRAILERS: &[&str] = &[
    "相关阅读",
    "相关链接",
    "相关新闻",
    "相关文章",
    "相关推荐",
    "推荐阅读",
    "热点推荐",
    "热门推荐",
    "延伸阅读",
    "猜你喜欢",
    "热门文章",
    "热点新闻",
    "更多阅读",
    "精彩推荐",
    "热门阅读",
];

/// Where a breadcrumb starts.
const CRUMB_STARTS: &[&str] = &[
    "首页",
    "当前位置",
    "您的位置",
    "您当前的位置",
    "您现在的位置",
    "当前的位置",
    "所在位置",
];
const CRUMB_SEPS: &[char] = &['»', '›', '>', '＞', '→', '/', '|', '｜'];

/// Lines longer than this (in characters) are never furniture.
const MAX_FURNITURE_CHARS: usize = 150;

/// Removes furniture lines from a normalised text, reading their date and title first.
///
/// # Complexity
/// Linear in the text: each line is looked at a bounded number of times.
///
/// # Example
/// ```
/// use zhitu::ingest::furniture::strip;
/// let s = strip("标题\n发布日期:2023-06-30 14:18 信息来源:某局\n正文。\n相关阅读\n别的文章");
/// assert_eq!(s.text, "标题\n正文。");
/// assert_eq!(s.date.map(|d| d.to_string()).as_deref(), Some("2023-06-30"));
/// ```
pub fn strip(text: &str) -> Stripped {
    let lines: Vec<&str> = text.lines().collect();
    let cut = trailer_start(&lines);
    let mut out = Stripped::default();
    let mut kept: Vec<&str> = Vec::with_capacity(cut);
    for line in &lines[..cut] {
        let line = line.trim();
        if longer_than(line, MAX_FURNITURE_CHARS) {
            kept.push(line);
            continue;
        }
        match classify(line) {
            Kind::Text => kept.push(line),
            Kind::Furniture => {}
            Kind::Dated => {
                if out.date.is_none() {
                    out.date = dates::first_full_date(line);
                }
            }
            Kind::LoneDate => {
                if out.lone_date.is_none() {
                    out.lone_date = dates::dates_in(line).map(|(d, _)| d).next();
                }
            }
            Kind::Titled(t) => {
                if out.title.is_none() && t.chars().count() >= 4 {
                    out.title = Some(t.to_string());
                }
            }
        }
    }
    // Join, keeping at most one blank line in a row.
    let mut text = String::with_capacity(text.len());
    let mut blank = false;
    for line in kept {
        if line.is_empty() {
            blank = !text.is_empty();
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
            if blank {
                text.push('\n');
            }
        }
        text.push_str(line);
        blank = false;
    }
    out.text = text;
    out
}

enum Kind<'a> {
    Text,
    Furniture,
    /// Furniture that carries the publication date.
    Dated,
    /// A line that is only a date.
    LoneDate,
    /// Furniture that carries the title.
    Titled(&'a str),
}

fn classify(line: &str) -> Kind<'_> {
    if line.is_empty() {
        return Kind::Text;
    }
    let bare = line.trim_start_matches(['(', '（', '【', '[', ' ']);
    if META_KEYS.iter().any(|k| key_opens(bare, k)) || MARKS.iter().any(|m| line.contains(m)) {
        return if dates::first_full_date(line).is_some() {
            Kind::Dated
        } else {
            Kind::Furniture
        };
    }
    for key in ["查看完整版本", "原标题"] {
        if let Some(rest) = bare.strip_prefix(key) {
            let rest = rest.trim_start_matches([':', '：', ' ']).trim();
            if rest.len() < bare.len() {
                return Kind::Titled(rest);
            }
        }
    }
    if let Some(start) = CRUMB_STARTS.iter().find(|s| bare.starts_with(*s)) {
        if line.contains(CRUMB_SEPS) {
            let last = line.rsplit(CRUMB_SEPS).next().unwrap_or("").trim();
            // A breadcrumb ending in a column name (`通知公告`) gives no title; an article's does.
            return if *start == "首页" && last != line && last.chars().count() >= 8 {
                Kind::Titled(last)
            } else {
                Kind::Furniture
            };
        }
    }
    if is_byline(line) {
        let rest = dates::without_dates(line);
        return if rest.trim().is_empty() && !dates::has_time(line) {
            Kind::LoneDate
        } else {
            Kind::Dated
        };
    }
    let chars = line.chars().count();
    if chars <= 30 && is_tool_bar(line) {
        return Kind::Furniture;
    }
    if chars <= 10 && ["编辑", "记者", "通讯员"].iter().any(|e| line.ends_with(e)) {
        return Kind::Furniture;
    }
    if chars <= 4 && line.bytes().all(|b| b.is_ascii_digit()) {
        return Kind::Furniture; // a page number
    }
    Kind::Text
}

/// Whether `s` has more than `n` characters, counted only when its length leaves it open.
fn longer_than(s: &str, n: usize) -> bool {
    // A character takes one to four bytes.
    s.len() > 4 * n || (s.len() > n && s.chars().count() > n)
}

/// A line made only of tool-bar words and separators.
fn is_tool_bar(line: &str) -> bool {
    let mut words = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| TOOL_WORDS.contains(&w))
}

/// `key` opens `s` and a colon, `【` or `】` follows (spaces allowed between).
fn key_opens(s: &str, key: &str) -> bool {
    s.strip_prefix(key)
        .map(|rest| rest.trim_start())
        .is_some_and(|rest| rest.starts_with([':', '：', '【', '】']))
}

/// A short line that is a date (maybe with a time) and little else: a byline
/// (`TUhjnbcbe - 2024/12/22 18:22:00`, `济南日报 2023-06-30 10:00`) or a lone date.
fn is_byline(line: &str) -> bool {
    if line.chars().count() > 60 || dates::first_full_date(line).is_none() {
        return false;
    }
    let rest = dates::without_dates(line);
    let rest = rest.trim();
    let no_cjk = rest.is_ascii();
    let short_plain = rest.chars().count() <= 30
        && !rest.contains(['。', '，', ',', '；', '、', '！', '？'])
        && dates::has_time(line);
    no_cjk || short_plain
}

/// The index of the related-links trailer heading, if the page ends with one: in the second
/// half of the lines, or followed only by short (link-title) lines.
fn trailer_start(lines: &[&str]) -> usize {
    // Lines after this one are all short.
    let last_long = lines.iter().rposition(|l| longer_than(l, 60));
    for (i, line) in lines.iter().enumerate().skip(1) {
        let l = line
            .trim()
            .trim_matches(['【', '】', '[', ']', ':', '：', '>', '»', ' ']);
        if !TRAILERS.contains(&l) {
            continue;
        }
        let rest_short = last_long.is_none_or(|j| j < i);
        if i * 2 >= lines.len() || rest_short {
            return i;
        }
    }
    lines.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        strip(s).text
    }

    #[test]
    fn drops_meta_lines_keeping_their_date() {
        let s = strip("题目\n发布日期:2023-06-30 14:18 信息来源:济南市某局\n浏览次数: 字体:【 默认 超大\n正文。");
        assert_eq!(s.text, "题目\n正文。");
        assert_eq!(s.date.unwrap().to_string(), "2023-06-30");
    }

    #[test]
    fn breadcrumb_byline_and_editor() {
        let s = strip("商报编辑\n\n首页 » 常识 » 诊断 » 某市工业发展规划\nTUhjnbcbe - 2024/12/22 18:22:00\n\n正文。\n\n1\n查看完整版本: 某市工业发展规划");
        assert_eq!(s.text, "正文。");
        assert_eq!(s.title.as_deref(), Some("某市工业发展规划"));
        assert_eq!(s.date.unwrap().to_string(), "2024-12-22");
    }

    #[test]
    fn tool_bars_and_disclosure_fields() {
        let s = strip("【打印】 【关闭】\n打印 | 关闭\n索引号：000/2023-00001\n成文日期：2023年05月20日\n正文。");
        assert_eq!(s.text, "正文。");
        assert_eq!(s.date.unwrap().to_string(), "2023-05-20");
        assert_eq!(text("关闭落后产能。"), "关闭落后产能。");
    }

    #[test]
    fn breadcrumb_ending_in_a_column_gives_no_title() {
        let s = strip("首页 > 政务公开 > 通知公告\n某市关于推进工业发展的通知\n正文。");
        assert_eq!(s.title, None);
        assert_eq!(s.text, "某市关于推进工业发展的通知\n正文。");
    }

    #[test]
    fn keeps_text_that_looks_close() {
        for keep in [
            "本版稿件整理：张三 李四",
            "时间紧任务重，全力推进。",
            "2023年6月30日上午召开会议",
            "首页设计大赛启动",
            "编辑出版工作取得新进展，完成编辑",
        ] {
            assert_eq!(text(keep), keep);
        }
    }

    #[test]
    fn lone_date_is_weak() {
        let s = strip("正文。\n某市人民政府\n2023年6月30日");
        assert_eq!(s.text, "正文。\n某市人民政府");
        assert_eq!(s.date, None);
        assert_eq!(s.lone_date.unwrap().to_string(), "2023-06-30");
        let s = strip("正文。\n二〇二三年六月三十日");
        assert_eq!(s.text, "正文。");
        assert_eq!(s.lone_date.unwrap().to_string(), "2023-06-30");
    }

    #[test]
    fn trailer_cut_only_at_the_end() {
        assert_eq!(text("一\n二\n三\n热点推荐\n相关阅读\n链接"), "一\n二\n三");
        let long = "很长的正文段落".repeat(20);
        let s = format!("相关阅读\n{long}\n{long}\n{long}");
        assert_eq!(text(&s), s);
    }
}
