//! The build facade, reading like the pipeline: ingest → segment → extract → resolve → graph.
//! Documents are extracted in parallel (rayon); the result does not depend on thread count.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::extract::{self, DocExtraction, Lexicon};
use crate::graph::{DocumentMeta, KnowledgeGraph};
use crate::ingest::{self, Document, IngestError};
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
/// extracted.
pub fn build(
    files: &[PathBuf],
    seg: &Segmenter,
    options: &BuildOptions,
    progress: &(dyn Fn() + Sync),
) -> Build {
    let (docs, skipped): (Vec<_>, Vec<_>) = files
        .par_iter()
        .map(|p| ingest::read_document(p))
        .partition_map(|r| match r {
            Ok(d) => rayon::iter::Either::Left(d),
            Err(e) => rayon::iter::Either::Right(e),
        });
    let extractions: Vec<DocExtraction> = docs
        .par_iter()
        .map(|d| {
            let ex = extract::extract(d, seg, &options.lexicon);
            progress();
            ex
        })
        .collect();
    let resolved = resolve::resolve(&docs, &extractions, &options.aliases);
    let graph = KnowledgeGraph::from_resolved(resolved, docs.iter().map(meta).collect());
    Build { graph, skipped }
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
