//! Reading documents as a user's files arrive: encodings (GBK, GB18030, UTF-8 with a BOM), an
//! HTML page with its furniture, empty, binary and undecodable files (exact error messages),
//! exact sentence spans, and the metadata a reader sees on the bundled corpus.

use std::path::{Path, PathBuf};

use zhitu::ingest::{collect_files, parse_document, read_document, Document, IngestError};

use crate::util::{fixture, root, tempdir};

fn read(name: &str) -> Document {
    let path = fixture(&format!("ingest/{name}"));
    read_document(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn corpus(name: &str) -> Document {
    let path = root().join("graphs/corpus").join(name);
    read_document(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn sentences(doc: &Document) -> Vec<&str> {
    (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i))
        .collect()
}

/// Every span is on char boundaries, trimmed, non-empty, in order, without a line break, and
/// numbered from 0.
fn assert_spans_exact(doc: &Document) {
    let mut last_end = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        assert_eq!(s.index, i, "{}", doc.id);
        let text = doc
            .text
            .get(s.span.clone())
            .unwrap_or_else(|| panic!("{}: span {:?} not on char boundaries", doc.id, s.span));
        assert!(
            !text.is_empty() && text.trim() == text,
            "{}: {text:?}",
            doc.id
        );
        assert!(!text.contains('\n'), "{}: {text:?}", doc.id);
        assert!(s.span.start >= last_end, "{}: overlapping spans", doc.id);
        last_end = s.span.end;
    }
}

#[test]
fn gbk_file_is_decoded() {
    let doc = read("gbk.txt");
    assert_eq!(doc.id, "gbk.txt");
    assert_eq!(doc.title, "某市2021年工业经济运行情况");
    assert_eq!(doc.year, Some(2021));
    assert_eq!(
        sentences(&doc),
        [
            "某市2021年工业经济运行情况",
            "2021年，全市规模以上工业增加值增长8.5%。",
            "集成电路产业营业收入突破100亿元！",
        ]
    );
    assert!(!doc.text.contains('\r'));
}

#[test]
fn gb18030_file_keeps_characters_outside_gbk() {
    let doc = read("gb18030.txt");
    assert_eq!(doc.title, "某县新材料产业发展报告");
    assert!(doc.text.contains("䶮字与𠀀字只在GB18030里。"));
    assert_spans_exact(&doc);
}

#[test]
fn utf8_bom_is_dropped_and_full_width_digits_normalised() {
    let doc = read("bom.txt");
    assert!(!doc.text.contains('\u{FEFF}'));
    assert_eq!(doc.title, "某区数字经济行动方案");
    assert_eq!(
        doc.sentence_text(1),
        "到2025年，数字经济核心产业增加值达到500亿元。"
    );
}

#[test]
fn html_page_loses_markup_and_furniture() {
    let doc = read("page.html");
    assert_eq!(doc.title, "佛山市推进制造业数字化转型实施方案");
    assert_eq!(doc.date.as_deref(), Some("2022-03-15"));
    assert_eq!(doc.year, Some(2022));
    assert_eq!(doc.city.as_deref(), Some("佛山市"));
    assert_eq!(
        doc.text,
        "佛山市推进制造业数字化转型实施方案\n\
         为加快推进制造业数字化转型，制定本方案。\n\
         一、总体目标\n\
         到2025年，全市规模以上工业企业数字化转型全覆盖\n\
         工业互联网平台达到50个。\n\
         推动智能制造；\n\
         培育专精特新企业。\n\
         指标 目标值"
    );
    assert_spans_exact(&doc);
}

#[test]
fn text_that_starts_like_html_is_stripped_whatever_its_name() {
    let html = "<html><head><title>某市工业计划</title></head><body><p>第一段。</p></body></html>";
    let doc = parse_document("x.txt", Path::new("x.txt"), html.as_bytes()).unwrap();
    assert_eq!(doc.title, "某市工业计划");
    assert_eq!(doc.text, "第一段。");
}

#[test]
fn errors_name_the_file() {
    let dir = tempdir();
    let write = |name: &str, bytes: &[u8]| -> PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let message = |p: &Path| read_document(p).unwrap_err().to_string();

    let empty = fixture("ingest/empty.txt");
    assert_eq!(message(&empty), format!("{}: empty file", empty.display()));
    let blank = fixture("ingest/blank.txt");
    assert_eq!(message(&blank), format!("{}: empty file", blank.display()));

    let png = write("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(
        message(&png),
        format!("{}: binary file, not text", png.display())
    );
    let control = write("control.txt", b"\x01\x02\x03\x04abc");
    assert_eq!(
        message(&control),
        format!("{}: binary file, not text", control.display())
    );

    let bad = write("bad.txt", b"\xE6\xB5\x8E\xE5\x8D\x97\xFF\xFF");
    assert_eq!(
        message(&bad),
        format!("{}: not UTF-8, GBK or GB18030 text (byte 6)", bad.display())
    );

    let only_markup = write(
        "only.html",
        b"<html><head><script>x()</script></head><body> </body></html>",
    );
    assert_eq!(
        message(&only_markup),
        format!(
            "{}: no text left after removing markup and page furniture",
            only_markup.display()
        )
    );

    let missing = dir.path().join("missing.txt");
    let err = read_document(&missing).unwrap_err();
    assert!(matches!(err, IngestError::Io { .. }));
    assert!(err
        .to_string()
        .starts_with(&format!("{}: cannot read: ", missing.display())));
    assert_eq!(err.path(), missing);
}

#[test]
fn stray_control_characters_do_not_make_a_file_binary() {
    let text = "某市工业计划\n正文里有一个\u{1}控制字符。".repeat(3);
    let doc = parse_document("c.txt", Path::new("c.txt"), text.as_bytes()).unwrap();
    assert!(!doc.text.contains('\u{1}'));
}

#[test]
fn folders_give_documents_in_sorted_order() {
    let dir = tempdir();
    for name in [
        "b.txt",
        "a.HTML",
        "c.htm",
        "notes.md",
        "sub/d.txt",
        ".hidden/e.txt",
    ] {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, "某市。").unwrap();
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let named = dir.path().join("notes.md");
    let files = collect_files(&[dir.path().to_path_buf(), named.clone()]).unwrap();
    let rel: Vec<String> = files
        .iter()
        .map(|p| {
            p.strip_prefix(dir.path())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(rel, ["a.HTML", "b.txt", "c.htm", "notes.md", "sub/d.txt"]);
}

#[test]
fn corpus_sentence_spans_are_exact() {
    for f in collect_files(&[root().join("graphs/corpus")]).unwrap() {
        let doc = read_document(&f).unwrap();
        assert!(doc.sentences.len() > 50, "{}", doc.id);
        assert_spans_exact(&doc);
    }
}

#[test]
fn corpus_furniture_is_gone() {
    let all: String = collect_files(&[root().join("graphs/corpus")])
        .unwrap()
        .iter()
        .map(|f| read_document(f).unwrap().text)
        .collect();
    for furniture in [
        "发布日期",
        "浏览次数",
        "字体:【",
        "首页 »",
        "TUhjnbcbe",
        "商报编辑",
        "相关阅读",
        "热点推荐",
        "查看完整版本",
    ] {
        assert!(!all.contains(furniture), "{furniture}");
    }
    // A line that names who compiled the page is content, not furniture.
    assert!(all.contains("本版稿件整理：张硕 周福宝"));
}

/// (file, title, date, year, city): what a reader sees at the top of each corpus document.
#[test]
fn corpus_metadata() {
    let cases = [
        (
            "000_ed6bfb5944992966.txt",
            "济南市 努力实现经济和信息化持续健康发展",
            None,
            Some(2012),
            "济南市",
        ),
        (
            "001_5c61c9380c1bade9.txt",
            "济南市加快建设工业强市三年行动计划(征求意见稿)",
            Some("2023-06-30"),
            Some(2023),
            "济南市",
        ),
        (
            "002_095d3cfc5f21dac8.txt",
            "济南市2023年国民经济和社会发展计划",
            None,
            Some(2023),
            "济南市",
        ),
        (
            "003_11b473e85fddfb7b.txt",
            "济南市工业和信息化十四五发展规划",
            Some("2024-12-22"),
            Some(2021),
            "济南市",
        ),
        (
            "004_15ed48a196308db7.txt",
            "一、2016年主要工作",
            None,
            Some(2016),
            "广州市",
        ),
    ];
    for (file, title, date, year, city) in cases {
        let doc = corpus(file);
        assert_eq!(
            (
                doc.title.as_str(),
                doc.date.as_deref(),
                doc.year,
                doc.city.as_deref()
            ),
            (title, date, year, Some(city)),
            "{file}"
        );
    }
}

#[test]
fn corpus_headings_are_sentences_of_their_own() {
    let doc = corpus("000_ed6bfb5944992966.txt");
    let s = sentences(&doc);
    assert!(s.contains(&"工业经济逆势增长逐月回升"), "{:?}", &s[..8]);
    assert!(s.contains(&"工业生产持续好转。"));
    let doc = corpus("001_5c61c9380c1bade9.txt");
    assert!(sentences(&doc).contains(&"一、总体要求"));
}

/// Random bytes and random mixtures of text, markup, furniture and odd characters never panic,
/// and whatever is read has exact spans.
#[test]
fn random_input_never_panics() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let pieces = [
        "济南市",
        "章丘",
        "。",
        "；",
        "\n",
        "\r\n",
        "  ",
        "\u{3000}",
        "■",
        "”",
        "<p>",
        "</div>",
        "<html>",
        "<title>",
        "发布日期:",
        "2023-06-30 14:18",
        "首页 » ",
        "相关阅读",
        "ＡＢ１",
        "\u{FEFF}",
        "\u{200B}",
        "\u{1}",
        "𠀀",
        "十四五",
        "2016年",
        "一、",
        "(一)",
        "&amp;",
        "\t",
    ];
    for round in 0..400 {
        let bytes: Vec<u8> = if round % 4 == 0 {
            (0..rng.gen_range(0..200)).map(|_| rng.gen()).collect()
        } else {
            let n = rng.gen_range(0..60);
            (0..n)
                .map(|_| pieces[rng.gen_range(0..pieces.len())])
                .collect::<String>()
                .into_bytes()
        };
        let name = if round % 3 == 0 { "r.html" } else { "r.txt" };
        if let Ok(doc) = parse_document(name, Path::new(name), &bytes) {
            assert_spans_exact(&doc);
        }
    }
}
