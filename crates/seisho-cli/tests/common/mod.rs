//! What the integration tests of the `seisho` binary share: running it, and listing a
//! directory.
#![allow(dead_code)] // Each test crate uses its own part.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `seisho` binary built for the tests.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_seisho"))
}

/// `seisho ARGS` run in `dir`, without color.
pub fn seisho(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run seisho")
}

/// Names of the entries of `dir`, sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
