//! The checks of the fuzz targets, one public function per target taking the fuzzer's bytes
//! (one module per target), and the checks they are made of, which the seisho package's
//! property and hostile-input tests run too.
//!
//! Each target in `fuzz_targets/` is one call to a function here, and `tests/fuzz_regressions.rs`
//! of the seisho package replays the committed inputs of `tests/data/fuzz-regressions/TARGET/`
//! through the same function, so a crash found by fuzzing stays fixed under `cargo test`.
//! A check fails by panicking, which libFuzzer reports as a crash and the test as a failure.
//!
//! Bytes become text with `String::from_utf8_lossy`: seisho takes `&str`, and invalid UTF-8
//! is the CLI's business (it decodes files before they reach the library).
//!
//! The linter and scorer run without the morphological analyzer, as the fuzz crate builds
//! seisho without the dictionary; the regression test does the same, so that an input replays
//! the same way in both.

/// A target's check: panics when the input breaks an invariant.
pub type Check = fn(&[u8]);

/// The message of a check that failed: the text of its panic's payload.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

/// The targets, by name: the names of `fuzz_targets/*.rs` and of the regression directories.
pub const TARGETS: &[(&str, Check)] = &[
    ("normalize", normalize),
    ("lint", lint),
    ("score", score),
    ("markdown", markdown),
    ("config", config),
];

/// `text` for a failure message: its first 200 characters, with its length when it is longer
/// (the hostile-input tests check megabytes).
pub fn shown(text: &str) -> String {
    match text.char_indices().nth(200) {
        None => format!("{text:?}"),
        Some((end, _)) => format!("{:?}… ({} bytes)", &text[..end], text.len()),
    }
}

mod config;
mod lint;
mod markdown;
mod normalize;
mod score;

pub use config::config;
pub use lint::{check_lint, lint};
pub use markdown::markdown;
pub use normalize::{
    check_bounded_growth, check_edits, check_edits_apply, check_idempotent, check_is_normalized,
    check_normalized, edits_well_formed, everything_on, normalize, offset_maps,
};
pub use score::{check_any_report, check_report, score, script_shares};
