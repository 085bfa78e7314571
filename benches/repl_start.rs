//! How long `zhitu repl` takes to be ready on the bundled graph, against the 50 ms target:
//! from spawning the binary to its prompt under a pseudo-terminal (`script` from util-linux; the
//! bench answers rustyline's cursor-position query as a terminal would), and, for comparison,
//! the whole run of a piped session that just says `:quit`. Median of 20 runs each.
//!
//! `cargo bench --bench repl_start [-- GRAPH]`

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const RUNS: usize = 20;
const TARGET_MS: f64 = 50.0;
const PROMPT: &str = "知图>";

fn main() {
    let graph = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "graphs/corpus.json".into());
    let bin = env!("CARGO_BIN_EXE_zhitu");
    println!("repl_start: {bin} repl -g {graph}, {RUNS} runs each");

    let piped: Vec<Duration> = (0..RUNS).map(|_| piped_run(bin, &graph)).collect();
    report("piped stdin, `:quit`, whole run", &piped);

    if Command::new("script").arg("--version").output().is_err() {
        println!("pty: skipped (no `script` command)");
        return;
    }
    let mut pty = Vec::new();
    for _ in 0..RUNS {
        match pty_run(bin, &graph) {
            Ok(d) => pty.push(d),
            Err(e) => {
                println!("pty: skipped ({e})");
                return;
            }
        }
    }
    let median = report("pty, spawn to prompt", &pty);
    println!(
        "target: prompt within {TARGET_MS} ms: {}",
        if median <= TARGET_MS { "met" } else { "MISSED" }
    );
}

fn piped_run(bin: &str, graph: &str) -> Duration {
    let start = Instant::now();
    let mut child = Command::new(bin)
        .args(["repl", "-g", graph])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("zhitu runs");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b":quit\n");
    }
    let status = child.wait().expect("zhitu exits");
    assert!(status.success(), "zhitu repl failed on {graph}");
    start.elapsed()
}

/// Spawns the REPL under `script`, answers the cursor-position query, and times the prompt.
fn pty_run(bin: &str, graph: &str) -> Result<Duration, String> {
    let start = Instant::now();
    let mut child = Command::new("script")
        .args(["-qfec"])
        .arg(format!("{bin} repl -g {graph}"))
        .arg("/dev/null")
        .env("ZHITU_HISTORY", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run script: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let mut answered = false;
    let elapsed = loop {
        let chunk = rx
            .recv_timeout(Duration::from_secs(10))
            .map_err(|_| format!("no prompt; output: {}", String::from_utf8_lossy(&seen)))?;
        seen.extend_from_slice(&chunk);
        if !answered && contains(&seen, b"\x1b[6n") {
            let _ = stdin.write_all(b"\x1b[1;1R");
            answered = true;
        }
        if contains(&seen, PROMPT.as_bytes()) {
            break start.elapsed();
        }
    };
    let _ = stdin.write_all(b"\x04");
    drop(stdin);
    let _ = child.wait();
    let _ = reader.join();
    Ok(elapsed)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Prints median, min and max in ms; returns the median.
fn report(what: &str, runs: &[Duration]) -> f64 {
    let mut ms: Vec<f64> = runs.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let median = ms[ms.len() / 2];
    println!(
        "{what}: median {median:.1} ms (min {:.1}, max {:.1})",
        ms[0],
        ms[ms.len() - 1]
    );
    median
}
