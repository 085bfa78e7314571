//! The REPL as a user meets it, through a real pseudo-terminal: the binary runs inside a private
//! tmux server, keys are sent with `send-keys` and the screen is read with `capture-pane`.
//! Covers the prompt and banner, Tab completion of a Chinese name, history across two sessions
//! (`ZHITU_HISTORY` in a temp dir), Ctrl-C, Ctrl-D, and an error that leaves the session going.
//! Without tmux the tests are skipped, except under CI (which installs it), where they fail.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::util;

const GRAPH: &str = "tests/fixtures/repl_graph.json";
const PROMPT: &str = "知图>";

static SESSIONS: AtomicUsize = AtomicUsize::new(0);

/// A REPL in its own tmux server; the server is killed on drop.
struct Pty {
    socket: String,
    /// The tmux configuration and the file the exit status is written to.
    dir: tempfile::TempDir,
}

fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is needed for the REPL tests (CI installs it)"
        );
        eprintln!("skipped: tmux is not installed");
    }
    ok
}

impl Pty {
    /// Starts `zhitu repl -g GRAPH` with its history in `history`.
    fn start(history: &Path) -> Option<Pty> {
        if !tmux_available() {
            return None;
        }
        let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("zhitu-test-{}-{n}", std::process::id());
        let dir = util::tempdir();
        let conf = dir.path().join("tmux.conf");
        std::fs::write(&conf, "set -g history-limit 2000\n").expect("write conf");
        // A shell runs the REPL and writes its exit status to a file: tmux may leave a finished
        // pane's process unreaped for a while on a loaded machine.
        let status = Command::new("tmux")
            .args(["-L", &socket, "-f"])
            .arg(&conf)
            .args([
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                "120",
                "-y",
                "40",
                "-c",
            ])
            .arg(util::root())
            .arg("env")
            .arg(format!("ZHITU_HISTORY={}", history.display()))
            .args(["NO_COLOR=1", "sh", "-c"])
            .arg(format!(
                "\"$0\" repl -g {GRAPH}; echo $? > \"$1\"; sleep 60"
            ))
            .arg(env!("CARGO_BIN_EXE_zhitu"))
            .arg(dir.path().join("status"))
            .status()
            .expect("tmux runs");
        assert!(status.success(), "tmux new-session failed");
        let pty = Pty { socket, dir };
        pty.wait_for("the prompt", |s| s.contains(PROMPT));
        Some(pty)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Types `text` literally.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Presses keys by tmux name (`Enter`, `Tab`, `C-c`, `Up`).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t", "-S", "-200"])
    }

    /// Waits (up to 10 s) until the screen satisfies `pred`; returns the screen.
    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what}; the screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Sends `keys` (which should end the session) and returns the exit status. On a loaded
    /// machine rustyline may take a key for the late answer to its cursor-position query, so
    /// the keys are sent again if the session is still there after a while.
    fn leave(&self, keys: &[&str]) -> i32 {
        for _ in 0..4 {
            self.keys(keys);
            if let Some(code) = self.exit_status_within(Duration::from_secs(3)) {
                return code;
            }
        }
        self.exit_status()
    }

    fn exit_status_within(&self, limit: Duration) -> Option<i32> {
        let start = Instant::now();
        let file = self.dir.path().join("status");
        while start.elapsed() < limit {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            if let Ok(code) = text.trim().parse() {
                return Some(code);
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        None
    }

    /// The process's exit status once it has exited (waits up to 10 s).
    fn exit_status(&self) -> i32 {
        match self.exit_status_within(Duration::from_secs(10)) {
            Some(code) => code,
            None => panic!("the REPL did not exit; the screen:\n{}", self.screen()),
        }
    }

    /// Types `text`, presses Enter and waits for the next prompt. (Keys sent before rustyline
    /// is ready may be taken for its answer to a cursor-position query, so each line waits.)
    fn line(&self, text: &str) {
        let before = self.prompts();
        self.type_text(text);
        self.keys(&["Enter"]);
        self.wait_for("the next prompt", |s| s.matches(PROMPT).count() > before);
    }

    /// Presses Ctrl-C and waits for the fresh prompt.
    fn interrupt(&self) {
        let before = self.prompts();
        self.keys(&["C-c"]);
        self.wait_for("a fresh prompt", |s| s.matches(PROMPT).count() > before);
    }

    /// How many prompts the screen shows.
    fn prompts(&self) -> usize {
        self.screen().matches(PROMPT).count()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

#[test]
fn repl_shows_the_banner_and_the_prompt() {
    let dir = util::tempdir();
    let Some(pty) = Pty::start(&dir.path().join("history")) else {
        return;
    };
    let s = pty.screen();
    assert!(
        s.contains("repl_graph.json: 1 document, 5 entities, 1 target, 7 relations"),
        "{s}"
    );
    assert!(s.contains(":help"), "{s}");
}

#[test]
fn repl_tab_completes_a_chinese_name_prefix() {
    let dir = util::tempdir();
    let Some(pty) = Pty::start(&dir.path().join("history")) else {
        return;
    };
    pty.type_text("show 浪花电");
    pty.keys(&["Tab"]);
    pty.wait_for("the completed name", |s| s.contains("show 浪花电子集团"));
    // An alias completes to itself; two names sharing a prefix complete to the common part.
    pty.interrupt();
    pty.type_text("path 浪花 -> 泉");
    pty.keys(&["Tab"]);
    pty.wait_for("the common prefix", |s| s.contains("path 浪花 -> 泉城"));
    pty.keys(&["Tab"]);
    pty.wait_for("both candidates", |s| {
        s.contains("泉城 (地点, 泉城市)") && s.contains("泉城市 (地点)")
    });
}

#[test]
fn repl_keeps_history_across_sessions() {
    let dir = util::tempdir();
    let history = dir.path().join("sub").join("history");
    {
        let Some(pty) = Pty::start(&history) else {
            return;
        };
        pty.line(":timing on");
        assert_eq!(pty.leave(&["C-u", ":quit", "Enter"]), 0);
    }
    let saved = std::fs::read_to_string(&history).expect("history file written");
    assert!(saved.contains(":timing on"), "{saved}");
    let Some(pty) = Pty::start(&history) else {
        return;
    };
    pty.keys(&["Up", "Up"]);
    pty.wait_for("the previous session's entry", |s| {
        s.lines()
            .any(|l| l.starts_with(PROMPT) && l.ends_with(":timing on"))
    });
    // Ctrl-R finds it too.
    pty.interrupt();
    pty.keys(&["C-r"]);
    pty.type_text("timing");
    pty.wait_for("the history search", |s| s.contains(":timing on"));
}

#[test]
fn repl_ctrl_c_abandons_the_line_and_the_session_goes_on() {
    let dir = util::tempdir();
    let Some(pty) = Pty::start(&dir.path().join("history")) else {
        return;
    };
    pty.type_text("neighbors 浪花 depth");
    pty.interrupt();
    pty.line(":format");
    let s = pty.wait_for("the command's answer", |s| s.contains("format: table"));
    // The abandoned line was not run.
    assert!(!s.contains("error"), "{s}");
    assert_eq!(pty.leave(&["C-d"]), 0);
}

#[test]
fn repl_ctrl_d_leaves_with_status_0() {
    let dir = util::tempdir();
    let Some(pty) = Pty::start(&dir.path().join("history")) else {
        return;
    };
    assert_eq!(pty.leave(&["C-d"]), 0);
}

#[test]
fn repl_prints_an_error_and_the_session_goes_on() {
    let dir = util::tempdir();
    let Some(pty) = Pty::start(&dir.path().join("history")) else {
        return;
    };
    pty.line("show 不存在的企业");
    let s = pty.screen();
    let after: Vec<&str> = s
        .lines()
        .skip_while(|l| !l.contains("show 不存在的企业"))
        .skip(1)
        .take_while(|l| !l.starts_with(PROMPT))
        .collect();
    assert_eq!(
        after,
        [
            "1:6: no entity named `不存在的企业` (and no similar name)",
            "  show 不存在的企业",
            "       ^^^^^^^^^^^^",
        ],
        "{s}"
    );
    pty.line(":timing");
    pty.wait_for("the session to answer", |s| s.contains("timing: off"));
    assert!(pty.prompts() >= 3);
}

#[test]
fn repl_continues_a_line_ending_in_a_backslash() {
    let dir = util::tempdir();
    let Some(pty) = Pty::start(&dir.path().join("history")) else {
        return;
    };
    pty.type_text(":format \\");
    pty.keys(&["Enter"]);
    pty.line("json");
    pty.line(":format");
    pty.wait_for("the joined line to run", |s| s.contains("format: json"));
}

#[test]
fn repl_reads_piped_statements_without_prompts() {
    let dir = util::tempdir();
    let script = dir.path().join("in.kq");
    std::fs::write(
        &script,
        "show 浪花\n:format csv\nfind Enterprise where name ~ \"星\"\n:load no/such.kq\n",
    )
    .expect("write");
    let mut c = util::zhitu();
    c.args(["repl", "-g", GRAPH])
        .env("ZHITU_HISTORY", dir.path().join("history"))
        .stdin(std::fs::File::open(&script).expect("open"));
    let (code, out, err) = util::run(&mut c);
    assert_eq!(code, 1, "a failed statement makes a piped session exit 1");
    assert!(!out.contains(PROMPT) && !out.contains(":help"), "{out}");
    assert!(out.contains("浪花电子集团"), "{out}");
    assert!(out.ends_with("node\n星河科技\n"), "{out}");
    assert!(err.starts_with("no/such.kq: cannot read: "), "{err}");
    // A failing statement names its line of the input.
    std::fs::write(&script, "docs\n\nshow 泉城\n  show 无此地\n").expect("write");
    let mut c = util::zhitu();
    c.args(["repl", "-g", GRAPH])
        .env("ZHITU_HISTORY", "")
        .stdin(std::fs::File::open(&script).expect("open"));
    let (code, _, err) = util::run(&mut c);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("<stdin>:4:8: no entity named `无此地`"),
        "{err}"
    );
    assert!(
        !dir.path().join("history").exists(),
        "piped input is not history"
    );
}

#[test]
fn repl_load_runs_a_script_and_stops_at_its_error() {
    let dir = util::tempdir();
    let script = dir.path().join("s.kq");
    std::fs::write(&script, "show 泉城\nshow 无此地\nshow 浪花\n").expect("write");
    let input = format!(":timing on\n:load {}\n:timing\n", script.display());
    let mut c = util::zhitu();
    c.args(["repl", "-g", GRAPH])
        .stdin(std::process::Stdio::piped());
    c.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = c.spawn().expect("zhitu runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let o = child.wait_with_output().expect("zhitu exits");
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    // One card: the script stopped at its second statement.
    assert_eq!(out.matches("aliases ").count(), 1, "{out}");
    assert!(out.contains("泉城市"), "{out}");
    assert!(out.contains(" ms)\n"), "timing is printed: {out}");
    assert!(out.ends_with("timing: on\n"), "{out}");
    assert!(
        err.starts_with(&format!(
            "{}:2:6: no entity named `无此地`",
            script.display()
        )),
        "{err}"
    );
}

#[test]
fn zhitu_without_arguments_opens_the_repl_on_the_bundled_graph() {
    let dir = util::tempdir();
    let input = dir.path().join("in.kq");
    std::fs::write(&input, "docs\n:quit\nstats\n").expect("write");
    let mut c = util::zhitu();
    c.env("ZHITU_HISTORY", "")
        .stdin(std::fs::File::open(&input).expect("open"));
    let (code, out, err) = util::run(&mut c);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("000_ed6bfb5944992966.txt"), "{out}");
    assert!(!out.contains("measure"), "nothing runs after :quit: {out}");
}

#[test]
fn every_help_example_runs_on_the_open_graph() {
    let mut c = util::zhitu();
    c.args(["repl", "-g", GRAPH]).env("ZHITU_HISTORY", "");
    c.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped());
    let mut child = c.spawn().expect("zhitu runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b":help\n")
        .expect("write");
    let help = String::from_utf8(child.wait_with_output().expect("exits").stdout).expect("utf-8");
    let examples: Vec<&str> = help
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        // Every statement's examples but `dot`'s, which write files.
        .filter(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|w| w != "dot" && zhitu::query::STATEMENTS.contains(&w))
        })
        .collect();
    assert!(examples.len() >= 12, "{help}");
    let dir = util::tempdir();
    let script = dir.path().join("help.kq");
    std::fs::write(&script, examples.join("\n")).expect("write");
    let mut c = util::zhitu();
    c.args(["run", "--keep-going", "-g", GRAPH]).arg(&script);
    let (code, _, err) = util::run(&mut c);
    assert_eq!((code, err.as_str()), (0, ""), "{}", examples.join("\n"));
}
