//! Reading documents: files and folders in, [`Document`]s out — decoded (UTF-8, UTF-8 with BOM,
//! GBK/GB18030), HTML stripped, web-page furniture dropped, width and white space normalised,
//! with id, title, date and main city where the text gives them, and sentences with byte spans.
//! Never segments words, never knows the graph.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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

/// Why a file could not be read as a document.
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
}

/// The files a build reads: every `.txt`, `.html` and `.htm` file given, folders walked
/// recursively, in sorted order.
pub fn collect_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        walk(p, true, &mut out)?;
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// A file named on the command line is read whatever its extension; inside folders only
/// documents are.
fn walk(p: &Path, named: bool, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if p.is_dir() {
        for entry in std::fs::read_dir(p)? {
            walk(&entry?.path(), false, out)?;
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
/// [`IngestError`] when the file cannot be read, is empty, binary or undecodable.
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

/// Builds a document from raw bytes (the file's name gives the id).
///
/// # Errors
/// As [`read_document`].
pub fn parse_document(id: &str, path: &Path, bytes: &[u8]) -> Result<Document, IngestError> {
    let path_buf = path.to_path_buf();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { path: path_buf });
    }
    if bytes.contains(&0) {
        return Err(IngestError::Binary { path: path_buf });
    }
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        Ok(s) => s.to_string(),
        Err(e) => {
            return Err(IngestError::Undecodable {
                path: path_buf,
                offset: e.valid_up_to(),
            })
        }
    };
    let sentences = split_sentences(&text);
    let title = text.lines().next().unwrap_or("").trim().to_string();
    Ok(Document {
        id: id.to_string(),
        path: path_buf,
        title,
        date: None,
        year: None,
        city: None,
        text,
        sentences,
    })
}

/// Splits text into sentences at 。！？；!? and line breaks, spans in bytes, blank ones dropped.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n') {
            push_sentence(text, start..i + c.len_utf8(), &mut out);
            start = i + c.len_utf8();
        }
    }
    push_sentence(text, start..text.len(), &mut out);
    out
}

fn push_sentence(text: &str, span: Range<usize>, out: &mut Vec<Sentence>) {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Sentence {
            index: out.len(),
            span: span.start + lead..span.end - trail,
        });
    }
}
