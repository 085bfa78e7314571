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
    _conf: tempfile::NamedTempFile,
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
        let conf = tempfile::NamedTempFile::new().expect("temp conf");
        std::fs::write(
            conf.path(),
            "set -g remain-on-exit on\nset -g history-limit 2000\n",
        )
        .expect("write conf");
        let status = Command::new("tmux")
            .args(["-L", &socket, "-f"])
            .arg(conf.path())
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
            .arg("NO_COLOR=1")
            .arg(env!("CARGO_BIN_EXE_zhitu"))
            .args(["repl", "-g", GRAPH])
            .status()
            .expect("tmux runs");
        assert!(status.success(), "tmux new-session failed");
        let pty = Pty {
            socket,
            _conf: conf,
        };
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

    /// The process's exit status once it has exited (waits up to 10 s).
    fn exit_status(&self) -> i32 {
        let start = Instant::now();
        loop {
            let s = self.tmux(&[
                "display-message",
                "-p",
                "-t",
                "t",
                "#{pane_dead} #{pane_dead_status}",
            ]);
            let mut parts = s.split_whitespace();
            if parts.next() == Some("1") {
                return parts.next().and_then(|c| c.parse().ok()).unwrap_or(-1);
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the REPL did not exit; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
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
        pty.type_text(":quit");
        pty.keys(&["Enter"]);
        assert_eq!(pty.exit_status(), 0);
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
    pty.keys(&["C-d"]);
    assert_eq!(pty.exit_status(), 0);
}

#[test]
fn repl_ctrl_d_leaves_with_status_0() {
    let dir = util::tempdir();
    let Some(pty) = Pty::start(&dir.path().join("history")) else {
        return;
    };
    pty.keys(&["C-d"]);
    assert_eq!(pty.exit_status(), 0);
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
    assert!(!after.is_empty(), "no error printed:\n{s}");
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
