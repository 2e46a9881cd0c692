//! The fuzz targets' checks (`fuzz/src/`) on the committed inputs: the regressions that
//! fuzzing found (`tests/data/fuzz-regressions/TARGET/`) and the seed corpora
//! (`fuzz/seeds/TARGET/`). A crash found by `cargo fuzz run TARGET` is minimized with
//! `cargo fuzz tmin`, fixed, and its input added to the regression directory.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// The files of `dir` (none if it does not exist), sorted.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs the check of `target` on each of its inputs and names every input that fails.
fn replay(target: &str) {
    let (_, check) = seisho_fuzz::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("a fuzz target");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<PathBuf> = [
        root.join("tests/data/fuzz-regressions").join(target),
        root.join("fuzz/seeds").join(target),
    ]
    .iter()
    .flat_map(|dir| inputs(dir))
    .collect();
    assert!(!files.is_empty(), "no input for {target}");
    let failed: Vec<String> = files
        .iter()
        .filter(|file| {
            let data = std::fs::read(file).expect("a readable input");
            catch_unwind(AssertUnwindSafe(|| check(&data))).is_err()
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(failed.is_empty(), "{target} fails on {failed:#?}");
}

#[test]
fn every_target_is_replayed() {
    let names: Vec<&str> = seisho_fuzz::TARGETS.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["normalize", "lint", "score", "markdown", "config"]);
    for name in names {
        let target = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/fuzz_targets")
            .join(format!("{name}.rs"));
        assert!(target.is_file(), "{} is missing", target.display());
    }
}

#[test]
fn normalize() {
    replay("normalize");
}

#[test]
fn lint() {
    replay("lint");
}

#[test]
fn score() {
    replay("score");
}

#[test]
fn markdown() {
    replay("markdown");
}

#[test]
fn config() {
    replay("config");
}
