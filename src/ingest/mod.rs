//! Reading documents: files and folders in, [`Document`]s out — decoded (UTF-8, UTF-8 with BOM,
//! GBK/GB18030), HTML stripped, web-page furniture dropped, width and white space normalised,
//! with id, title, date and main city where the text gives them, and sentences with byte spans.
//! Never segments words, never knows the graph.
//!
//! ```text
//! bytes ─decode─▶ text ─html (if a page)─▶ text ─clean::normalize─▶ ─furniture::strip─▶ clean text
//!                                                                      │ date, title hints
//!                                            meta::metadata ◀──────────┘   split_sentences
//! ```
//!
//! One file a step: [`decode`] (encodings, binary, empty), [`html`] (markup), [`clean`] (width
//! and white space), [`furniture`] (page boilerplate), [`dates`] (date and year forms), [`meta`]
//! (title, date, year, city), `sentences` (spans).

pub mod clean;
pub mod dates;
pub mod decode;
pub mod furniture;
pub mod html;
pub mod meta;
mod sentences;

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use sentences::split_sentences;

/// One sentence of a document: its index and its byte span in [`Document::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub index: usize,
    pub span: Range<usize>,
}

/// A document ready for segmentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable id: the file name (`002_095d3cfc5f21dac8.txt`).
    pub id: String,
    pub path: PathBuf,
    pub title: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, where the text gives one.
    pub date: Option<String>,
    /// The year the document reports on or was published in, where it can be told.
    pub year: Option<i32>,
    /// The document's main city (`济南市`), where it can be told.
    pub city: Option<String>,
    /// The clean text.
    pub text: String,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        &self.text[self.sentences[i].span.clone()]
    }
}

/// Why a file could not be read as a document. Every message starts with the file's path.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: binary file, not text")]
    Binary { path: PathBuf },
    #[error("{path}: not UTF-8, GBK or GB18030 text (byte {offset})")]
    Undecodable { path: PathBuf, offset: usize },
    #[error("{path}: no text left after removing markup and page furniture")]
    NoText { path: PathBuf },
}

impl IngestError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path }
            | IngestError::Undecodable { path, .. }
            | IngestError::NoText { path } => path,
        }
    }
}

/// The files a build reads: every `.txt`, `.html` and `.htm` file given, folders walked
/// recursively (hidden entries skipped, each folder visited once even through symbolic links),
/// in sorted order.
///
/// # Errors
/// The first folder that cannot be listed.
pub fn collect_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in paths {
        walk(p, true, &mut seen, &mut out)?;
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// A file named on the command line is read whatever its extension; inside folders only
/// documents are.
fn walk(
    p: &Path,
    named: bool,
    seen: &mut std::collections::HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    let hidden = p
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'));
    if !named && hidden {
        return Ok(());
    }
    if p.is_dir() {
        if !seen.insert(p.canonicalize().unwrap_or_else(|_| p.to_path_buf())) {
            return Ok(());
        }
        for entry in std::fs::read_dir(p)? {
            walk(&entry?.path(), false, seen, out)?;
        }
    } else if named || is_document(p) {
        out.push(p.to_path_buf());
    }
    Ok(())
}

fn is_document(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt" | "html" | "htm")
    )
}

/// Reads one file as a document.
///
/// # Errors
/// [`IngestError`] when the file cannot be read, is empty, binary or undecodable, or holds no
/// text once markup and furniture are gone.
pub fn read_document(path: &Path) -> Result<Document, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let id = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_document(&id, path, &bytes)
}

/// Builds a document from raw bytes: decode → strip HTML (for `.html`/`.htm` files and text that
/// starts like HTML) → normalise → drop furniture → metadata → sentences. `path` names the file
/// in errors and its extension says whether it is HTML.
///
/// # Errors
/// As [`read_document`].
///
/// # Example
/// ```
/// use std::path::Path;
/// use zhitu::ingest::parse_document;
/// let doc = parse_document("a.txt", Path::new("a.txt"), "济南市2023年工作计划\n发布日期:2023-06-30\n济南发展。章丘区增长。".as_bytes()).unwrap();
/// assert_eq!((doc.title.as_str(), doc.date.as_deref(), doc.year, doc.city.as_deref()),
///            ("济南市2023年工作计划", Some("2023-06-30"), Some(2023), Some("济南市")));
/// assert_eq!(doc.sentence_text(1), "济南发展。");
/// ```
pub fn parse_document(id: &str, path: &Path, bytes: &[u8]) -> Result<Document, IngestError> {
    let path_buf = path.to_path_buf();
    let (raw, _) = decode::decode(bytes).map_err(|e| match e {
        decode::DecodeError::Empty => IngestError::Empty {
            path: path_buf.clone(),
        },
        decode::DecodeError::Binary => IngestError::Binary {
            path: path_buf.clone(),
        },
        decode::DecodeError::Undecodable { offset } => IngestError::Undecodable {
            path: path_buf.clone(),
            offset,
        },
    })?;
    let mut hints = meta::Hints::default();
    let body = if is_html_path(path) || html::looks_like_html(&raw) {
        let page = html::strip_html(&raw);
        hints.html_title = page
            .title
            .map(|t| clean::normalize(&t))
            .filter(|t| !t.is_empty());
        hints.html_date = page.date;
        page.text
    } else {
        raw
    };
    let stripped = furniture::strip(&clean::normalize(&body));
    if stripped.text.is_empty() {
        return Err(IngestError::NoText { path: path_buf });
    }
    hints.furniture_title = stripped.title;
    hints.furniture_date = stripped.date;
    hints.lone_date = stripped.lone_date;
    let text = stripped.text;
    let m = meta::metadata(&text, &hints);
    let sentences = split_sentences(&text);
    Ok(Document {
        id: id.to_string(),
        path: path_buf,
        title: m.title,
        date: m.date,
        year: m.year,
        city: m.city,
        text,
        sentences,
    })
}

fn is_html_path(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("html" | "htm")
    )
}
