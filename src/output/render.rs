//! Writing a diagram to a file, chosen by its extension: `.dot`/`.gv` as DOT text, `.svg`,
//! `.png` and `.pdf` by piping the DOT through Graphviz's `dot` command. Files are written
//! atomically (temp file + rename), so a failed render leaves no half-written file.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::dot::{write_dot, DotOptions};
use crate::query::{GraphView, Subgraph};

/// The Graphviz program used for `.svg`, `.png` and `.pdf`.
pub const DOT_PROGRAM: &str = "dot";

/// Why a diagram could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(
        "{path}: cannot write a diagram with extension `{extension}`: use .dot, .gv, .svg, .png or .pdf"
    )]
    UnsupportedExtension { path: PathBuf, extension: String },
    #[error("{path}: Graphviz's `dot` is not installed: install graphviz, or write a .dot file")]
    GraphvizMissing { path: PathBuf },
    #[error("{path}: Graphviz's `dot` failed ({status}): {stderr}")]
    GraphvizFailed {
        path: PathBuf,
        status: String,
        stderr: String,
    },
    #[error("{path}: cannot run Graphviz's `dot`: {source}")]
    GraphvizIo {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What a path's extension asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagramKind {
    /// DOT text (`.dot`, `.gv`).
    Dot,
    /// Rendered by Graphviz into this output format (`svg`, `png`, `pdf`).
    Rendered(&'static str),
}

impl DiagramKind {
    /// The kind for `path`'s extension (any case).
    ///
    /// # Errors
    /// [`RenderError::UnsupportedExtension`] for any other extension, or none.
    pub fn of(path: &Path) -> Result<DiagramKind, RenderError> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "dot" | "gv" => Ok(DiagramKind::Dot),
            "svg" => Ok(DiagramKind::Rendered("svg")),
            "png" => Ok(DiagramKind::Rendered("png")),
            "pdf" => Ok(DiagramKind::Rendered("pdf")),
            _ => Err(RenderError::UnsupportedExtension {
                path: path.to_path_buf(),
                extension: ext,
            }),
        }
    }
}

/// Writes `sub` as a diagram to `path` with the default [`DotOptions`]; see
/// [`write_diagram_with`].
///
/// # Errors
/// As [`write_diagram_with`].
pub fn write_diagram(
    graph: &dyn GraphView,
    sub: &Subgraph,
    path: &Path,
) -> Result<(), RenderError> {
    write_diagram_with(graph, sub, &DotOptions::default(), path)
}

/// Writes `sub` as a diagram to `path`: DOT text for `.dot`/`.gv`; for `.svg`, `.png` and `.pdf`
/// the DOT is piped through `dot -T<ext>`. Missing parent folders are created.
///
/// # Errors
/// [`RenderError::UnsupportedExtension`] for other extensions; [`RenderError::GraphvizMissing`]
/// when `dot` is not on the `PATH`; [`RenderError::GraphvizFailed`] with `dot`'s stderr when it
/// fails; [`RenderError::Write`] when the file cannot be written.
pub fn write_diagram_with(
    graph: &dyn GraphView,
    sub: &Subgraph,
    opts: &DotOptions,
    path: &Path,
) -> Result<(), RenderError> {
    let kind = DiagramKind::of(path)?;
    let mut dot = Vec::new();
    write_dot(graph, sub, opts, &mut dot).map_err(|source| RenderError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    let bytes = match kind {
        DiagramKind::Dot => dot,
        DiagramKind::Rendered(format) => run_dot(&dot, format, path)?,
    };
    write_atomic(path, |w| w.write_all(&bytes)).map_err(|source| RenderError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Runs `dot -T<format>` on `input` and returns its output.
///
/// # Errors
/// [`RenderError::GraphvizMissing`], [`RenderError::GraphvizFailed`] or
/// [`RenderError::GraphvizIo`], naming `path` (the file being made).
pub fn run_dot(input: &[u8], format: &str, path: &Path) -> Result<Vec<u8>, RenderError> {
    run_program(DOT_PROGRAM, input, format, path)
}

fn run_program(
    program: &str,
    input: &[u8],
    format: &str,
    path: &Path,
) -> Result<Vec<u8>, RenderError> {
    let io = |source: std::io::Error| RenderError::GraphvizIo {
        path: path.to_path_buf(),
        source,
    };
    let mut child = match Command::new(program)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(RenderError::GraphvizMissing {
                path: path.to_path_buf(),
            })
        }
        Err(e) => return Err(io(e)),
    };
    let (mut stdin, mut stdout, mut stderr) =
        match (child.stdin.take(), child.stdout.take(), child.stderr.take()) {
            (Some(i), Some(o), Some(e)) => (i, o, e),
            _ => return Err(io(std::io::Error::other("no pipe to `dot`"))),
        };
    // Feed stdin and drain stderr on their own threads so no pipe fills up and blocks.
    let (written, out, err) = std::thread::scope(|s| {
        let writer = s.spawn(move || stdin.write_all(input));
        let errs = s.spawn(move || {
            let mut buf = Vec::new();
            stderr.read_to_end(&mut buf).map(|_| buf)
        });
        let mut out = Vec::new();
        let read = stdout.read_to_end(&mut out).map(|_| out);
        let written = writer.join().unwrap_or(Ok(()));
        let err = errs.join().unwrap_or_else(|_| Ok(Vec::new()));
        (written, read, err)
    });
    let status = child.wait().map_err(io)?;
    let stderr = String::from_utf8_lossy(&err.unwrap_or_default())
        .trim()
        .to_string();
    if !status.success() {
        return Err(RenderError::GraphvizFailed {
            path: path.to_path_buf(),
            status: status.to_string(),
            stderr,
        });
    }
    // A broken pipe while writing only matters when `dot` then failed, handled above.
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(io(e));
        }
    }
    out.map_err(io)
}

/// Writes a file atomically: `f` writes into a temp file in the same folder (created if
/// missing), which then replaces `path`; on any error `path` is left as it was. The file is
/// readable by all (0644 on Unix), like any file a command writes.
///
/// # Errors
/// Any I/O error of creating the folder or the temp file, of `f`, or of the rename.
pub fn write_atomic(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        f(&mut w)?;
        w.flush()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_by_extension() {
        assert_eq!(
            DiagramKind::of(Path::new("a/b.DOT")).unwrap(),
            DiagramKind::Dot
        );
        assert_eq!(
            DiagramKind::of(Path::new("x.svg")).unwrap(),
            DiagramKind::Rendered("svg")
        );
        let e = DiagramKind::of(Path::new("x.jpg")).unwrap_err();
        assert!(e.to_string().contains("`jpg`"), "{e}");
        assert!(DiagramKind::of(Path::new("noext")).is_err());
    }

    #[test]
    fn missing_graphviz_is_named() {
        let e = run_program(
            "zhitu-no-such-dot",
            b"digraph {}",
            "svg",
            Path::new("x.svg"),
        )
        .unwrap_err();
        assert!(matches!(e, RenderError::GraphvizMissing { .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            "x.svg: Graphviz's `dot` is not installed: install graphviz, or write a .dot file"
        );
    }
}
