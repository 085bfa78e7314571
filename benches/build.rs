//! Build throughput: the bundled corpus repeated to at least 2 MB of text, built by zhitu on one
//! thread and on two, against jieba-rs tagging the same text alone on one core; and peak memory
//! against the input size. Run with `cargo bench --bench build`.
//!
//! The bounds: build (one core) within 3× of jieba-rs tagging; peak memory under 20× the
//! input plus the dictionary. Memory is measured in a child process that only builds (on two
//! threads), so the reference jieba instance and the timing runs do not count; "dictionary" is
//! what the segmenter and extraction's own tables take once loaded and warmed on one document.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use zhitu::pipeline::{self, BuildOptions};
use zhitu::segment::Segmenter;

const MIN_BYTES: usize = 2 << 20;

/// A `/proc/self/status` field in kB.
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

/// Copies the corpus into `dir` under new names until it holds `MIN_BYTES`; returns the files.
fn repeated_corpus(dir: &Path) -> (Vec<PathBuf>, usize) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/corpus");
    let sources = zhitu::ingest::collect_files(&[corpus]).expect("the bundled corpus");
    let mut files = Vec::new();
    let mut bytes = 0;
    let mut round = 0;
    while bytes < MIN_BYTES {
        for src in &sources {
            let name = format!("r{round:03}_{}", src.file_name().unwrap().to_string_lossy());
            let dst = dir.join(name);
            std::fs::copy(src, &dst).expect("copy");
            bytes += std::fs::metadata(&dst)
                .map(|m| m.len() as usize)
                .unwrap_or(0);
            files.push(dst);
        }
        round += 1;
    }
    (files, bytes)
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == MEMORY_RUN) {
        if let Some(dir) = args.get(i + 1) {
            memory_run(Path::new(dir));
        }
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (files, bytes) = repeated_corpus(dir.path());
    let docs: Vec<_> = files
        .iter()
        .filter_map(|f| zhitu::ingest::read_document(f).ok())
        .collect();
    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "input: {} documents, {:.2} MB in files, {:.2} MB of clean text",
        files.len(),
        mb(bytes as u64),
        mb(text_bytes as u64)
    );

    let rss0 = status_kb("VmRSS");
    let (seg, dict_time) = time(Segmenter::new);
    let dict_kb = status_kb("VmRSS").saturating_sub(rss0);
    println!(
        "segmenter (jieba + domain dictionary) loads in {:.2}s, {:.0} MB",
        dict_time.as_secs_f64(),
        dict_kb as f64 / 1024.0
    );

    let jieba = jieba_rs::Jieba::new();
    let (tokens, jieba_time) = time(|| {
        docs.iter()
            .map(|d| jieba.tag(&d.text, true).len())
            .sum::<usize>()
    });
    drop(jieba);
    println!(
        "jieba-rs tag alone, 1 thread: {:.2}s ({tokens} tokens)",
        jieba_time.as_secs_f64()
    );

    let options = BuildOptions::default();
    let build_on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        pool.install(|| time(|| pipeline::build(&files, &seg, &options, &|| {})))
    };
    let (built, one) = build_on(1);
    let ratio = one.as_secs_f64() / jieba_time.as_secs_f64();
    println!(
        "zhitu build, 1 thread: {:.2}s = {ratio:.2}× jieba-rs tagging (bound 3×: {})",
        one.as_secs_f64(),
        if ratio <= 3.0 { "ok" } else { "EXCEEDED" }
    );
    println!(
        "  {} nodes, {} edges",
        built.graph.node_count(),
        built.graph.edge_count()
    );
    drop(built);
    let (_, two) = build_on(2);
    println!(
        "zhitu build, 2 threads: {:.2}s ({:.2}× the 1-thread build)",
        two.as_secs_f64(),
        one.as_secs_f64() / two.as_secs_f64()
    );

    drop(seg);
    let out = std::process::Command::new(std::env::current_exe().expect("own path"))
        .arg(MEMORY_RUN)
        .arg(dir.path())
        .output()
        .expect("child run");
    let line = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut nums = line
        .split_whitespace()
        .filter_map(|n| n.parse::<u64>().ok());
    let (base, dict, hwm) = (
        nums.next().unwrap_or(0) * 1024,
        nums.next().unwrap_or(0) * 1024,
        nums.next().unwrap_or(0) * 1024,
    );
    let used = hwm.saturating_sub(base);
    let bound = 20 * bytes as u64 + dict;
    println!(
        "peak memory of a 2-thread build: {:.0} MB above the {:.0} MB process baseline \
         (dictionary {:.0} MB) = {:.1}× input; bound 20× input + dictionary = {:.0} MB: {}",
        mb(used),
        mb(base),
        mb(dict),
        used as f64 / bytes as f64,
        mb(bound),
        if used <= bound { "ok" } else { "EXCEEDED" }
    );
}

/// The argument that makes the bench a child that only builds and reports memory.
const MEMORY_RUN: &str = "--memory-run";

/// Child: prints `baseline dictionary peak` in kB (VmRSS at start, VmRSS growth once the
/// segmenter is loaded and extraction warmed, VmHWM after the build).
fn memory_run(dir: &Path) {
    let base = status_kb("VmRSS");
    let files = zhitu::ingest::collect_files(&[dir.to_path_buf()]).expect("inputs");
    let seg = Segmenter::new();
    let options = BuildOptions::default();
    if let Some(first) = files.first() {
        let _ = pipeline::build(std::slice::from_ref(first), &seg, &options, &|| {});
    }
    let dict = status_kb("VmRSS").saturating_sub(base);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("thread pool");
    let built = pool.install(|| pipeline::build(&files, &seg, &options, &|| {}));
    built.graph.save(&dir.join("graph.json")).expect("saved");
    println!("{base} {dict} {}", status_kb("VmHWM"));
}
