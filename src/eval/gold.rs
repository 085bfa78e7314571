//! Gold annotations in the guideline's format: one JSON file per document with its entities
//! (name, type, variants), targets (metric, value, unit, year, text) and facts (source, relation,
//! target). Values and years stay raw JSON, read as the reference scorer reads them.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

/// One gold file.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Gold {
    /// The document's id (its file name).
    pub doc: String,
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub targets: Vec<GoldTarget>,
    #[serde(default)]
    pub facts: Vec<GoldFact>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub variants: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldTarget {
    #[serde(default)]
    pub metric: Value,
    pub value: Value,
    pub unit: Value,
    #[serde(default)]
    pub year: Value,
    #[serde(default)]
    pub text: Value,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldFact {
    pub source: String,
    pub relation: String,
    pub target: String,
}

/// Why gold annotations could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: not a gold file: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: no gold files (*.json)")]
    Empty { path: PathBuf },
}

/// Reads every `*.json` file of `dir` (or the one file `dir` names), in file-name order.
///
/// # Errors
/// [`GoldError`] naming the file, and line and column for malformed JSON.
pub fn read_gold(dir: &Path) -> Result<Vec<(PathBuf, Gold)>, GoldError> {
    let read_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| GoldError::Read { path, source }
    };
    let mut files = Vec::new();
    if dir.is_dir() {
        for entry in std::fs::read_dir(dir).map_err(read_err(dir))? {
            let p = entry.map_err(read_err(dir))?.path();
            if p.extension().is_some_and(|e| e == "json") {
                files.push(p);
            }
        }
    } else {
        files.push(dir.to_path_buf());
    }
    files.sort();
    if files.is_empty() {
        return Err(GoldError::Empty {
            path: dir.to_path_buf(),
        });
    }
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(read_err(&p))?;
            let gold = parse_gold(&p, &text)?;
            Ok((p, gold))
        })
        .collect()
}

/// Parses one gold file; `path` is only used in errors.
///
/// # Errors
/// [`GoldError::Parse`] with the line and column (in characters).
pub fn parse_gold(path: &Path, text: &str) -> Result<Gold, GoldError> {
    serde_json::from_str(text).map_err(|e| {
        let mut message = e.to_string();
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        let line_text = text.lines().nth(e.line().saturating_sub(1)).unwrap_or("");
        let column =
            String::from_utf8_lossy(&line_text.as_bytes()[..e.column().min(line_text.len())])
                .chars()
                .count();
        GoldError::Parse {
            path: path.to_path_buf(),
            line: e.line(),
            column,
            message,
        }
    })
}
