//! The build facade, reading like the pipeline: ingest → segment → extract → resolve → graph.
//! Documents are read and extracted in parallel (rayon, order kept); resolution runs once over
//! all of them in document order, so the graph does not depend on the number of threads.
//! Also applies a user's dictionary (`--dict`) to the segmenter and the lexicon.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::extract::{self, DocExtraction, Lexicon};
use crate::graph::{DocumentMeta, KnowledgeGraph};
use crate::ingest::{self, Document, IngestError};
use crate::resolve::{self, AliasRegistry};
use crate::segment::{Segmenter, UserWord};

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
    for d in &mut docs {
        // Held until resolution fetches evidence: no slack.
        d.text.shrink_to_fit();
        d.sentences.shrink_to_fit();
    }
    // In rounds of a few documents per thread: each round's extractions are copied by this
    // thread and the workers' originals freed, so what resolution holds sits in one place and
    // the workers' memory is reused round after round instead of piling up.
    let round = 4 * rayon::current_num_threads().max(1);
    let mut extractions: Vec<DocExtraction> = Vec::with_capacity(docs.len());
    for chunk in docs.chunks(round) {
        let done: Vec<DocExtraction> = chunk
            .par_iter()
            .map(|d| {
                let ex = extract::extract(d, seg, &options.lexicon);
                progress();
                ex
            })
            .collect();
        extractions.extend(done.iter().map(compact_copy));
    }
    // Extractions are consumed (freed as their targets become nodes); texts are freed before
    // the graph is built, so it reuses them.
    let metas = docs.iter().map(meta).collect();
    let resolved = resolve::resolve_owned(docs, extractions, &options.aliases);
    let graph = KnowledgeGraph::from_resolved(resolved, metas);
    Build { graph, skipped }
}

/// A copy of an extraction made by the calling thread, its vectors without slack: extractions
/// are all held until resolution, so slack would add up over a build.
fn compact_copy(ex: &DocExtraction) -> DocExtraction {
    // `clone` allocates exactly the length of each vector.
    ex.clone()
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

/// Why a user's dictionary could not be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UserDictError {
    #[error("{path}: cannot read: {message}")]
    Read { path: PathBuf, message: String },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// Reads a user's dictionary (`--dict`: lines `name [type] [freq]`, see
/// [`crate::segment::parse_user_dict`]) and applies it to both the segmenter (so each word stays
/// one token, whatever jieba's default dictionary says) and the lexicon (so it gets the user's
/// type). Returns how many words it holds.
///
/// # Errors
/// [`UserDictError`] naming the file and, for a bad line, its number; nothing is applied then.
pub fn apply_user_dict(
    path: &Path,
    seg: &mut Segmenter,
    lexicon: &mut Lexicon,
) -> Result<usize, UserDictError> {
    let file = std::fs::File::open(path).map_err(|e| UserDictError::Read {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let words = seg
        .load_user_dict(std::io::BufReader::new(file))
        .map_err(|e| UserDictError::Parse {
            path: path.to_path_buf(),
            line: e.line,
            message: e.message,
        })?;
    apply_user_words(&words, lexicon);
    Ok(words.len())
}

/// Adds a user's words, with their types, to the lexicon extraction reads.
pub fn apply_user_words(words: &[UserWord], lexicon: &mut Lexicon) {
    for w in words {
        lexicon.entries.push((w.name.clone(), w.entity_type));
    }
}
