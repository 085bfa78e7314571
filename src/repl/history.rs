//! Where the REPL keeps its history across sessions: `ZHITU_HISTORY` when set (tests use it),
//! otherwise `zhitu/history` in the user's data directory (`~/.local/share` on Linux).
//! Touches only that file's folder, which it creates.

use std::path::PathBuf;

/// The environment variable that overrides the history file.
pub const ENV: &str = "ZHITU_HISTORY";

/// How many entries the history keeps.
pub const MAX_ENTRIES: usize = 10_000;

/// The history file: `$ZHITU_HISTORY`, else `<data dir>/zhitu/history`; `None` when neither is
/// known (history then lives only as long as the session). An empty `ZHITU_HISTORY` turns the
/// file off.
pub fn path() -> Option<PathBuf> {
    match std::env::var_os(ENV) {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => dirs::data_dir().map(|d| d.join("zhitu").join("history")),
    }
}

/// Creates the history file's folder if needed.
///
/// # Errors
/// The I/O error of creating the folder.
pub fn prepare(path: &std::path::Path) -> std::io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
}
