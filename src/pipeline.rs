//! The build facade, reading like the pipeline: ingest → segment → extract → resolve → graph.
//! Documents are read and extracted in parallel (rayon, order kept); resolution runs once over
//! all of them in document order, so the graph does not depend on the number of threads.
//! Also reads a user's dictionary (`--dict`: lines `name [type] [freq]`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::extract::{self, DocExtraction, Lexicon};
use crate::graph::{DocumentMeta, KnowledgeGraph};
use crate::ingest::{self, Document, IngestError};
use crate::model::EntityType;
use crate::resolve::{self, AliasRegistry};
use crate::segment::Segmenter;

/// What a build is given besides its inputs.
#[derive(Default)]
pub struct BuildOptions {
    pub lexicon: Lexicon,
    pub aliases: AliasRegistry,
}

/// A finished build: the graph, and the files skipped with why.
pub struct Build {
    pub graph: KnowledgeGraph,
    pub skipped: Vec<IngestError>,
}

/// Reads the documents at `files` and builds their graph. `progress` is called once per document
/// extracted (from any thread). Unreadable, empty, binary or undecodable files are skipped and
/// listed in [`Build::skipped`]; the build goes on.
///
/// # Complexity
/// Linear in the input; extraction uses every rayon thread.
pub fn build(
    files: &[PathBuf],
    seg: &Segmenter,
    options: &BuildOptions,
    progress: &(dyn Fn() + Sync),
) -> Build {
    let (mut docs, skipped): (Vec<_>, Vec<_>) = files
        .par_iter()
        .map(|p| ingest::read_document(p))
        .partition_map(|r| match r {
            Ok(d) => rayon::iter::Either::Left(d),
            Err(e) => rayon::iter::Either::Right(e),
        });
    unique_ids(&mut docs);
    let extractions: Vec<DocExtraction> = docs
        .par_iter()
        .map(|d| {
            let ex = extract::extract(d, seg, &options.lexicon);
            progress();
            ex
        })
        .collect();
    let graph = graph_of(&docs, &extractions, &options.aliases);
    Build { graph, skipped }
}

/// Resolves extracted documents into their graph.
pub fn graph_of(
    docs: &[Document],
    extractions: &[DocExtraction],
    aliases: &AliasRegistry,
) -> KnowledgeGraph {
    let resolved = resolve::resolve(docs, extractions, aliases);
    KnowledgeGraph::from_resolved(resolved, docs.iter().map(meta).collect())
}

/// Two files of one name in different folders would share an id: the later ones get their path.
fn unique_ids(docs: &mut [Document]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for d in docs.iter() {
        *seen.entry(d.id.clone()).or_default() += 1;
    }
    let mut taken: BTreeMap<String, ()> = BTreeMap::new();
    for d in docs.iter_mut() {
        if seen[&d.id] > 1 && taken.contains_key(&d.id) {
            d.id = d.path.to_string_lossy().into_owned();
        }
        taken.insert(d.id.clone(), ());
    }
}

fn meta(d: &Document) -> DocumentMeta {
    DocumentMeta {
        id: d.id.clone(),
        title: d.title.clone(),
        date: d.date.clone(),
        city: d.city.clone(),
        path: d.path.to_string_lossy().into_owned(),
    }
}

/// One entry of a user's dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserWord {
    pub name: String,
    pub kind: Option<EntityType>,
    pub freq: Option<usize>,
}

/// Why a user's dictionary could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DictError {
    #[error("{path}: cannot read: {message}")]
    Read { path: PathBuf, message: String },
    #[error("{path}:{line}: unknown type {word:?} (expected one of Place, Enterprise, Organization, Project, Industry, Policy, Person, Event, or 地点, 企业 …)")]
    Type {
        path: PathBuf,
        line: usize,
        word: String,
    },
    #[error("{path}:{line}: expected `name [type] [freq]`, found {found:?}")]
    Syntax {
        path: PathBuf,
        line: usize,
        found: String,
    },
}

/// Reads a user's dictionary: lines `name [type] [freq]` (type and frequency in either order,
/// both optional), `#` starting a comment line.
///
/// # Errors
/// [`DictError`] naming the file and line.
///
/// # Example
/// ```
/// use std::path::Path;
/// use zhitu::model::EntityType;
/// use zhitu::pipeline::parse_user_dict;
/// let words = parse_user_dict(Path::new("my.dict"), "# mine\n某某科技 企业 500\n某某港\n").unwrap();
/// assert_eq!(words[0].kind, Some(EntityType::Enterprise));
/// assert_eq!(words[0].freq, Some(500));
/// assert_eq!(words[1].kind, None);
/// ```
pub fn parse_user_dict(path: &Path, text: &str) -> Result<Vec<UserWord>, DictError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim().trim_start_matches('\u{feff}');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = trimmed.split_whitespace().collect();
        if fields.len() > 3 {
            return Err(DictError::Syntax {
                path: path.to_path_buf(),
                line,
                found: trimmed.to_string(),
            });
        }
        let mut word = UserWord {
            name: fields[0].to_string(),
            kind: None,
            freq: None,
        };
        for f in &fields[1..] {
            if let Ok(n) = f.parse::<usize>() {
                word.freq = Some(n);
            } else if let Some(k) = EntityType::parse(f).filter(|k| EntityType::NAMED.contains(k)) {
                word.kind = Some(k);
            } else {
                return Err(DictError::Type {
                    path: path.to_path_buf(),
                    line,
                    word: f.to_string(),
                });
            }
        }
        out.push(word);
    }
    Ok(out)
}

/// Reads a user's dictionary file.
///
/// # Errors
/// As [`parse_user_dict`], and [`DictError::Read`].
pub fn read_user_dict(path: &Path) -> Result<Vec<UserWord>, DictError> {
    let text = std::fs::read_to_string(path).map_err(|e| DictError::Read {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    parse_user_dict(path, &text)
}

/// The frequency a user's word gets when none is given: high enough to win over jieba's default
/// dictionary.
pub const USER_WORD_FREQ: usize = 100_000;

/// Applies a user's words to both the segmenter (so they stay one token) and the lexicon (so
/// they get the user's type).
pub fn apply_user_words(words: &[UserWord], seg: &mut Segmenter, lexicon: &mut Lexicon) {
    for w in words {
        let tag = w.kind.map(|k| match k {
            EntityType::Place => "ns",
            EntityType::Person => "nr",
            EntityType::Organization | EntityType::Enterprise => "nt",
            _ => "nz",
        });
        seg.add_word(&w.name, Some(w.freq.unwrap_or(USER_WORD_FREQ)), tag);
        lexicon.entries.push((w.name.clone(), w.kind));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dict_errors_name_the_line() {
        let p = Path::new("my.dict");
        assert_eq!(
            parse_user_dict(p, "甲乙\n丙丁 Company\n").unwrap_err(),
            DictError::Type {
                path: p.into(),
                line: 2,
                word: "Company".into()
            }
        );
        assert!(parse_user_dict(p, "a b c d\n").is_err());
        assert_eq!(
            parse_user_dict(p, "甲乙 10 Place\n").unwrap()[0],
            UserWord {
                name: "甲乙".into(),
                kind: Some(EntityType::Place),
                freq: Some(10)
            }
        );
    }
}
