//! Ctrl-C while a statement runs: the interactive REPL installs a SIGINT handler that raises a
//! flag; output written through [`Checked`] then fails with [`Interrupted`], so the statement
//! (or the rest of a `:load`ed script) is abandoned and the session goes on. A second Ctrl-C
//! before the first is noticed leaves (exit 130), for a query stuck in computation. While
//! rustyline reads a line the terminal is in raw mode and Ctrl-C reaches it as a key, not here.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

static FLAG: AtomicBool = AtomicBool::new(false);
static INSTALLED: OnceLock<bool> = OnceLock::new();

/// The error [`Checked`] writes fail with after Ctrl-C.
#[derive(Debug, thiserror::Error)]
#[error("interrupted")]
pub struct Interrupted;

/// Installs the handler (once); whether it is in place.
pub fn install() -> bool {
    *INSTALLED.get_or_init(|| {
        ctrlc::set_handler(|| {
            if FLAG.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        })
        .is_ok()
    })
}

/// Lowers the flag, before a statement runs.
pub fn reset() {
    FLAG.store(false, Ordering::SeqCst);
}

/// Whether `e` is the error of an interrupted write.
pub fn is_interrupted(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|i| i.is::<Interrupted>())
}

/// A writer that fails once Ctrl-C was pressed.
pub struct Checked<'a>(pub &'a mut dyn Write);

impl Write for Checked<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if FLAG.load(Ordering::SeqCst) {
            return Err(std::io::Error::other(Interrupted));
        }
        self.0.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
