//! `zhitu eval`: scores a graph against gold annotations.

use std::path::{Path, PathBuf};

use super::CmdResult;

pub fn eval(gold: &Path, graph: Option<&Path>, inputs: Vec<PathBuf>, json: bool) -> CmdResult {
    let _ = (gold, graph, inputs, json);
    Err("eval is not implemented yet".into())
}
