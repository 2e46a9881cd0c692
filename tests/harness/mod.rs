//! The harness of the data-driven tests: `[[case]]` tables in TOML files, each case run and
//! every failure collected, so that one run reports all of them with the file and the case
//! name (`tests/cases.rs`, `tests/lint.rs`, `tests/sentences.rs`).
//!
//! Every case has a `name`, unique in its file; the failure messages show it with the case's
//! `input` (or `text`). The other fields are the table's own ([`Case`]).
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

/// One case of a table: the fields of its `[[case]]` table other than `name` and
/// `known_failure`, which the harness reads.
pub trait Case: DeserializeOwned {
    /// Whether the case cannot run in this build (it needs a feature that is off).
    fn skipped(&self) -> bool {
        false
    }
    /// Runs the case: its problems, empty when it passes. A panic is a problem too.
    fn run(&self) -> Vec<String>;
}

/// A case as the harness reads it: its name, why it is a known failure, and what the failure
/// messages show of it (its `input` or `text`).
struct Header {
    name: String,
    known_failure: Option<String>,
    subject: String,
}

impl Header {
    /// Takes the fields of the harness out of `table`.
    fn take(table: &mut toml::Table) -> Result<Header, String> {
        let mut string = |key: &str| match table.remove(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(format!("`{key}` is not a string: {other}")),
        };
        let name = string("name")?.ok_or("a case without a name")?;
        let known_failure = string("known_failure")?;
        let subject = ["input", "text"]
            .into_iter()
            .find_map(|key| Some(format!("{key} {:?}", table.get(key)?.as_str()?)))
            .unwrap_or_default();
        Ok(Header {
            name,
            known_failure,
            subject,
        })
    }
}

/// A file of `[[case]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    #[serde(rename = "case", default)]
    cases: Vec<toml::Table>,
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
    /// the cases that were read (none when the file does not parse, which is a failure).
    pub fn run_file<C: Case>(&mut self, path: &Path) -> Vec<C> {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |f| f.to_string_lossy().into(),
        );
        let tables = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| toml::from_str::<CaseFile>(&text).map_err(|e| e.to_string()))
        {
            Ok(data) => data.cases,
            Err(e) => {
                self.fail(format!("{file}: does not parse: {e}"));
                return Vec::new();
            }
        };
        if tables.is_empty() {
            self.fail(format!("{file}: no cases"));
        }
        let mut names = BTreeSet::new();
        let mut cases = Vec::new();
        for (i, mut table) in tables.into_iter().enumerate() {
            self.read += 1;
            let (header, case) = match Header::take(&mut table).and_then(|header| {
                let case = C::deserialize(toml::Value::Table(table)).map_err(|e| e.to_string())?;
                Ok((header, case))
            }) {
                Ok(read) => read,
                Err(e) => {
                    self.fail(format!("{file}: case {}: does not parse: {e}", i + 1));
                    continue;
                }
            };
            if !case.skipped() {
                self.ran += 1;
                let mut problems =
                    catch_unwind(AssertUnwindSafe(|| case.run())).unwrap_or_else(|panic| {
                        vec![format!("panicked: {}", seisho_fuzz::panic_message(&*panic))]
                    });
                if !names.insert(header.name.clone()) {
                    problems.push("duplicate case name".to_owned());
                }
                self.record(&file, &header, &problems);
            }
            cases.push(case);
        }
        eprintln!("{file}: {} cases", cases.len());
        cases
    }

    /// Files the outcome of one case.
    fn record(&mut self, file: &str, case: &Header, problems: &[String]) {
        let head = format!("{file}: {} ({})", case.name, case.subject);
        let body = problems.iter().fold(String::new(), |mut s, p| {
            let _ = write!(s, "\n    - {p}");
            s
        });
        match (&case.known_failure, problems.is_empty()) {
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
