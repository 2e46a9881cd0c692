//! Data-driven cases: every `tests/data/*.toml` file holds `[[case]]` tables, each an input,
//! its expected output with the case's options, the rules of the applied edits and of the
//! suggestions, and its expected output when unsafe fixes are applied too.
//!
//! Every case is run and every failure is collected, so one run reports all of them with the
//! file and the case name. A case marked `known_failure = "reason"` is a discrepancy between
//! the specification and the code that is known and reported: it is run and printed, but it
//! does not fail the suite.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use seisho::{apply_edits, CompatClass, Edit, Normalizer, Rule, Safety, WaveDashStyle};
use serde::Deserialize;

/// The files there must be; a missing one is an error rather than silently fewer cases.
const FILES: &[&str] = &[
    "width.toml",
    "voiced.toml",
    "long_vowel.toml",
    "kana_typo.toml",
    "punctuation.toml",
    "wave_dash.toml",
    "invisible.toml",
    "compat.toml",
    "mixed.toml",
];

/// The suite must not shrink below this many cases.
const MIN_CASES: usize = 170;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    #[serde(rename = "case", default)]
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    /// The output with the case's options (safe fixes only).
    output: String,
    /// The output with unsafe fixes applied too; required when there are suggestions.
    unsafe_output: Option<String>,
    /// The sorted, deduplicated ids of the rules of the applied edits.
    rules: Vec<String>,
    /// The sorted, deduplicated ids of the rules of the suggestions.
    #[serde(default)]
    suggest: Vec<String>,
    #[serde(default)]
    options: Options,
    /// Why this case fails today: it is run and printed, and does not fail the suite.
    known_failure: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    disable: Vec<Rule>,
    #[serde(default)]
    enable: Vec<Rule>,
    wave_dash: Option<WaveDashStyle>,
    #[serde(default)]
    compat: Vec<CompatClass>,
    #[serde(default)]
    collapse_exclamations: bool,
    #[serde(default)]
    leaders: bool,
    /// Confirm kana typo suggestions with the dictionary (default: on with the `morphology`
    /// feature). Cases that set it `true` are skipped without the feature.
    dictionary: Option<bool>,
}

impl Options {
    fn is_default(&self) -> bool {
        self.disable.is_empty()
            && self.enable.is_empty()
            && self.wave_dash.is_none()
            && self.compat.is_empty()
            && !self.collapse_exclamations
            && !self.leaders
            && self.dictionary.is_none()
    }

    fn normalizer(&self, unsafe_fixes: bool) -> Normalizer {
        let mut b = Normalizer::builder()
            .unsafe_fixes(unsafe_fixes)
            .collapse_exclamations(self.collapse_exclamations)
            .leaders(self.leaders);
        if let Some(style) = self.wave_dash {
            b = b.wave_dash(style);
        }
        for &class in &self.compat {
            b = b.compat(class, true);
        }
        for &rule in &self.enable {
            b = b.enable(rule);
        }
        for &rule in &self.disable {
            b = b.disable(rule);
        }
        if let Some(on) = self.dictionary {
            b = b.dictionary(on);
        }
        b.build()
    }
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("data")
}

/// The sorted, deduplicated rule ids of `edits`.
fn rule_ids(edits: &[Edit<'_>]) -> Vec<String> {
    edits
        .iter()
        .map(|e| e.rule().id())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

fn show_edits(edits: &[Edit<'_>]) -> String {
    if edits.is_empty() {
        return " (none)".to_owned();
    }
    edits.iter().fold(String::new(), |mut s, e| {
        let _ = write!(s, "\n        {e}");
        s
    })
}

/// Checks one mode (safe fixes only, or unsafe fixes too) of a case; returns the problems.
fn check_mode(
    case: &Case,
    n: &Normalizer,
    expected: &str,
    unsafe_mode: bool,
    problems: &mut Vec<String>,
) {
    let mode = if unsafe_mode { "unsafe" } else { "default" };
    let input = case.input.as_str();
    let out = n.normalize(input);
    if out.text() != expected {
        problems.push(format!(
            "[{mode}] output: expected {expected:?}, got {:?}\n      edits:{}\n      suggestions:{}",
            out.text(),
            show_edits(out.edits()),
            show_edits(out.suggestions()),
        ));
    }
    if !unsafe_mode {
        let rules = rule_ids(out.edits());
        if rules != case.rules {
            problems.push(format!(
                "[{mode}] rules: expected {:?}, got {rules:?}\n      edits:{}",
                case.rules,
                show_edits(out.edits())
            ));
        }
        let suggest = rule_ids(out.suggestions());
        if suggest != case.suggest {
            problems.push(format!(
                "[{mode}] suggest: expected {:?}, got {suggest:?}\n      suggestions:{}",
                case.suggest,
                show_edits(out.suggestions())
            ));
        }
        if let Some(e) = out.edits().iter().find(|e| !e.is_safe()) {
            problems.push(format!("[{mode}] an applied edit is unsafe: {e}"));
        }
        if let Some(e) = out
            .suggestions()
            .iter()
            .find(|e| e.safety() != Safety::Unsafe)
        {
            problems.push(format!("[{mode}] a suggestion is safe: {e}"));
        }
    } else if !out.suggestions().is_empty() {
        problems.push(format!(
            "[{mode}] suggestions left with unsafe fixes on:{}",
            show_edits(out.suggestions())
        ));
    }
    match apply_edits(input, out.edits()) {
        Ok(applied) if applied == out.text() => {}
        Ok(applied) => problems.push(format!(
            "[{mode}] apply_edits gives {applied:?}, the output is {:?}",
            out.text()
        )),
        Err(e) => problems.push(format!("[{mode}] apply_edits fails: {e}")),
    }
    if n.is_normalized(input) == out.is_changed() {
        problems.push(format!(
            "[{mode}] is_normalized(input) is {} but is_changed() is {}",
            n.is_normalized(input),
            out.is_changed()
        ));
    }
    let again = n.normalize(out.text());
    if again.is_changed() {
        problems.push(format!(
            "[{mode}] not idempotent: the output {:?} normalizes to {:?}\n      edits:{}",
            out.text(),
            again.text(),
            show_edits(again.edits())
        ));
    }
    if !n.is_normalized(out.text()) {
        problems.push(format!(
            "[{mode}] is_normalized(output) is false for {:?}",
            out.text()
        ));
    }
}

/// Runs one case and returns its problems (empty when it passes).
fn run_case(case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    // The data must be tidy: rule lists sorted, deduplicated and naming real rules.
    for (field, list) in [("rules", &case.rules), ("suggest", &case.suggest)] {
        let sorted: Vec<String> = list
            .iter()
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if *list != sorted {
            problems.push(format!("`{field}` is not sorted and deduplicated"));
        }
        for id in list {
            if Rule::from_id(id).is_none() {
                problems.push(format!("`{field}` names no rule: {id:?}"));
            }
        }
    }
    let unsafe_expected = match (&case.unsafe_output, case.suggest.is_empty()) {
        (Some(u), _) => u.as_str(),
        (None, true) => case.output.as_str(),
        (None, false) => {
            problems.push("`unsafe_output` is required when there are suggestions".to_owned());
            return problems;
        }
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut p = Vec::new();
        check_mode(
            case,
            &case.options.normalizer(false),
            &case.output,
            false,
            &mut p,
        );
        check_mode(
            case,
            &case.options.normalizer(true),
            unsafe_expected,
            true,
            &mut p,
        );
        if case.options.is_default() {
            // The free functions use the same defaults.
            let out = seisho::normalize(&case.input);
            if out.text() != case.output {
                p.push(format!(
                    "seisho::normalize gives {:?}, the default normalizer {:?}",
                    out.text(),
                    case.output
                ));
            }
            if seisho::is_normalized(&case.input) == out.is_changed() {
                p.push("seisho::is_normalized(input) disagrees with is_changed()".to_owned());
            }
            if !seisho::is_normalized(out.text()) {
                p.push("seisho::is_normalized(output) is false".to_owned());
            }
        }
        p
    }));
    match result {
        Ok(p) => problems.extend(p),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            problems.push(format!("panicked: {msg}"));
        }
    }
    problems
}

#[test]
fn data_cases() {
    let dir = data_dir();
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.ends_with(".toml").then_some(name)
        })
        .collect();
    found.sort();
    let mut failures = Vec::new();
    let mut known = Vec::new();
    let mut fixed = Vec::new();
    let mut total = 0;
    for file in FILES {
        if !found.iter().any(|f| f == file) {
            failures.push(format!("{file}: missing"));
        }
    }
    for file in &found {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let data: CaseFile = match toml::from_str(&text) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{file}: does not parse: {e}"));
                continue;
            }
        };
        if data.cases.is_empty() {
            failures.push(format!("{file}: no cases"));
        }
        let mut names = BTreeSet::new();
        for case in &data.cases {
            total += 1;
            if case.options.dictionary == Some(true) && !cfg!(feature = "embedded-dictionary") {
                continue;
            }
            let mut problems = run_case(case);
            if !names.insert(case.name.as_str()) {
                problems.push("duplicate case name".to_owned());
            }
            let head = format!("{file}: {} (input {:?})", case.name, case.input);
            let body = problems.iter().fold(String::new(), |mut s, p| {
                let _ = write!(s, "\n    - {p}");
                s
            });
            match (&case.known_failure, problems.is_empty()) {
                (None, true) => {}
                (None, false) => failures.push(format!("{head}{body}")),
                (Some(reason), false) => known.push(format!("{head}\n    known: {reason}{body}")),
                (Some(reason), true) => fixed.push(format!(
                    "{head}\n    passes now; remove `known_failure = {reason:?}`"
                )),
            }
        }
        eprintln!("{file}: {} cases", data.cases.len());
    }
    eprintln!("{total} cases in {} files", found.len());
    if total < MIN_CASES {
        failures.push(format!(
            "only {total} cases; the suite keeps at least {MIN_CASES}"
        ));
    }
    // Written to stderr directly, not through the test harness's captured eprintln!, so that
    // the known failures show in every run, also when the suite passes.
    let mut err = std::io::stderr().lock();
    for k in &known {
        let _ = writeln!(err, "KNOWN FAILURE {k}\n");
    }
    for f in &fixed {
        let _ = writeln!(err, "FIXED {f}\n");
    }
    drop(err);
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
}
