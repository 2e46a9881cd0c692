//! What the integration tests of the `seisho` binary share: running it, and listing a
//! directory.
#![allow(dead_code)] // Each test crate uses its own part.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `seisho` binary built for the tests.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_seisho"))
}

/// The command `seisho ARGS`, to run in `dir` without color.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(bin());
    // English, whatever the locale of the machine that runs the tests.
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C");
    command
}

/// `seisho ARGS` run in `dir`, without color.
pub fn seisho(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("run seisho")
}

/// `seisho ARGS` run in `dir` without color, with standard input from `stdin`.
pub fn seisho_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = command(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run seisho");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
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
