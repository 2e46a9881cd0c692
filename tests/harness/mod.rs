//! The harness of the data-driven tests: `[[case]]` tables in TOML files, each case run and
//! every failure collected, so that one run reports all of them with the file and the case
//! name (`tests/cases.rs`, `tests/lint.rs`, `tests/sentences.rs`).
//!
//! A case marked `known_failure = "reason"` is a discrepancy between the specification and the
//! code that is known and reported: it is run, printed, and does not fail the suite. A known
//! failure that passes fails the suite, with a message to remove its marker, so that the table
//! never hides a fix.

// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// One case of a table.
pub trait Case {
    /// The case's name, unique in its file.
    fn name(&self) -> &str;
    /// What the failure message shows after the name, as `input "…"`.
    fn subject(&self) -> String;
    /// Why the case fails today, if it is a known failure.
    fn known_failure(&self) -> Option<&str>;
    /// Whether the case cannot run in this build (it needs a feature that is off).
    fn skipped(&self) -> bool {
        false
    }
    /// Runs the case: its problems, empty when it passes. A panic is a problem too.
    fn run(&self) -> Vec<String>;
}

/// A file of `[[case]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound = "C: Deserialize<'de>")]
struct CaseFile<C> {
    #[serde(rename = "case", default)]
    cases: Vec<C>,
}

/// The `*.toml` files of `dir`, sorted.
pub fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// The run of a suite of tables: its failures, known failures and fixed known failures.
#[derive(Debug, Default)]
pub struct Suite {
    failures: Vec<String>,
    known: Vec<String>,
    fixed: Vec<String>,
    /// The cases read, and those of them run (not skipped).
    read: usize,
    ran: usize,
}

impl Suite {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a failure of the suite that is not a case's (a missing file, a rule without
    /// cases).
    pub fn fail(&mut self, failure: String) {
        self.failures.push(failure);
    }

    /// Reads the `[[case]]` tables of `path` and runs every case that is not skipped; returns
    /// the cases (none when the file does not parse, which is a failure).
    pub fn run_file<C: Case + DeserializeOwned>(&mut self, path: &Path) -> Vec<C> {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |f| f.to_string_lossy().into(),
        );
        let cases = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| toml::from_str::<CaseFile<C>>(&text).map_err(|e| e.to_string()))
        {
            Ok(data) => data.cases,
            Err(e) => {
                self.fail(format!("{file}: does not parse: {e}"));
                return Vec::new();
            }
        };
        if cases.is_empty() {
            self.fail(format!("{file}: no cases"));
        }
        let mut names = BTreeSet::new();
        for case in &cases {
            self.read += 1;
            if case.skipped() {
                continue;
            }
            self.ran += 1;
            let mut problems =
                catch_unwind(AssertUnwindSafe(|| case.run())).unwrap_or_else(|panic| {
                    vec![format!("panicked: {}", seisho_fuzz::panic_message(&*panic))]
                });
            if !names.insert(case.name()) {
                problems.push("duplicate case name".to_owned());
            }
            self.record(&file, case, &problems);
        }
        eprintln!("{file}: {} cases", cases.len());
        cases
    }

    /// Files the outcome of one case.
    fn record(&mut self, file: &str, case: &impl Case, problems: &[String]) {
        let head = format!("{file}: {} ({})", case.name(), case.subject());
        let body = problems.iter().fold(String::new(), |mut s, p| {
            let _ = write!(s, "\n    - {p}");
            s
        });
        match (case.known_failure(), problems.is_empty()) {
            (None, true) => {}
            (None, false) => self.failures.push(format!("{head}{body}")),
            (Some(reason), false) => self
                .known
                .push(format!("{head}\n    known: {reason}{body}")),
            (Some(reason), true) => self.fixed.push(format!(
                "{head}\n    passes now; remove `known_failure = {reason:?}`"
            )),
        }
    }

    /// Prints the known failures and fails on any failure, on a known failure that passes
    /// now, or when fewer than `min_cases` cases ran.
    pub fn finish(mut self, min_cases: usize) {
        let (read, ran) = (self.read, self.ran);
        eprintln!("{ran} of {read} cases run");
        if ran < min_cases {
            self.fail(format!(
                "only {ran} cases ran; the suite keeps at least {min_cases}"
            ));
        }
        // Written to stderr directly, not through the test harness's captured eprintln!, so
        // that the known failures show in every run, also when the suite passes.
        let mut err = std::io::stderr().lock();
        for k in &self.known {
            let _ = writeln!(err, "KNOWN FAILURE {k}\n");
        }
        for f in &self.fixed {
            let _ = writeln!(err, "FIXED {f}\n");
        }
        drop(err);
        assert!(
            self.failures.is_empty() && self.fixed.is_empty(),
            "{} failures, {} known failures pass now (of {read} cases):\n\n{}\n",
            self.failures.len(),
            self.fixed.len(),
            self.failures
                .iter()
                .chain(&self.fixed)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n\n")
        );
    }
}
