//! The committed graph of the bundled corpus is what the current code builds from it.

use crate::util::{run, tempdir, zhitu};

/// Guards graphs/corpus.json going stale: rebuild it with the README's command
/// (`cargo run --release -- build`) whenever extraction changes.
#[test]
fn committed_corpus_graph_is_what_the_code_builds() {
    let dir = tempdir();
    let out = dir.path().join("corpus.json");
    let (code, _, err) = run(zhitu().args(["build", "-q", "-o"]).arg(&out));
    assert_eq!(code, 0, "build failed: {err}");
    let built = std::fs::read(&out).expect("built graph");
    let committed = std::fs::read(crate::util::root().join("graphs/corpus.json"))
        .expect("graphs/corpus.json is committed");
    assert!(
        built == committed,
        "graphs/corpus.json is stale: rebuild it with `cargo run --release -- build`"
    );
}
