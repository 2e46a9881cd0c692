//! Data-driven cases: every `tests/data/*.toml` file holds `[[case]]` tables, each an input,
//! its expected output with the case's options, the rules of the applied edits and of the
//! suggestions, and its expected output when unsafe fixes are applied too.
//!
//! Every case is run and every failure is collected by the harness of the tables
//! (`tests/harness`), which also handles the cases marked `known_failure = "reason"`.

mod harness;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use harness::Suite;
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

/// The suite must not shrink below this many cases (run in this build).
const MIN_CASES: usize = 170;

/// A `[[case]]` table, but for its `name` and `known_failure` (the harness reads those).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
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
}

impl harness::Case for Case {
    /// A case that confirms with the dictionary needs it.
    fn skipped(&self) -> bool {
        self.options.dictionary == Some(true) && !cfg!(feature = "embedded-dictionary")
    }

    fn run(&self) -> Vec<String> {
        run_case(self)
    }
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
        let b = Normalizer::builder()
            .unsafe_fixes(unsafe_fixes)
            .collapse_exclamations(self.collapse_exclamations)
            .leaders(self.leaders);
        let b = match self.wave_dash {
            Some(style) => b.wave_dash(style),
            None => b,
        };
        let b = self
            .compat
            .iter()
            .fold(b, |b, &class| b.compat(class, true));
        let b = self.enable.iter().fold(b, |b, &rule| b.enable(rule));
        let b = self.disable.iter().fold(b, |b, &rule| b.disable(rule));
        match self.dictionary {
            Some(on) => b.dictionary(on),
            None => b,
        }
        .build()
    }
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
        // The rules of the applied edits, then of the suggestions.
        for (field, list, edits, expected) in [
            ("rules", "edits", out.edits(), &case.rules),
            ("suggest", "suggestions", out.suggestions(), &case.suggest),
        ] {
            let got = rule_ids(edits);
            if got != *expected {
                problems.push(format!(
                    "[{mode}] {field}: expected {expected:?}, got {got:?}\n      {list}:{}",
                    show_edits(edits)
                ));
            }
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
    for (unsafe_mode, expected) in [(false, case.output.as_str()), (true, unsafe_expected)] {
        let n = case.options.normalizer(unsafe_mode);
        check_mode(case, &n, expected, unsafe_mode, &mut problems);
    }
    if case.options.is_default() {
        // The free functions use the same defaults.
        let out = seisho::normalize(&case.input);
        if out.text() != case.output {
            problems.push(format!(
                "seisho::normalize gives {:?}, the default normalizer {:?}",
                out.text(),
                case.output
            ));
        }
        if seisho::is_normalized(&case.input) == out.is_changed() {
            problems.push("seisho::is_normalized(input) disagrees with is_changed()".to_owned());
        }
        if !seisho::is_normalized(out.text()) {
            problems.push("seisho::is_normalized(output) is false".to_owned());
        }
    }
    problems
}

#[test]
fn data_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut suite = Suite::new();
    let files = harness::toml_files(&dir);
    for file in FILES {
        if !files.iter().any(|f| f.ends_with(file)) {
            suite.fail(format!("{file}: missing"));
        }
    }
    for path in &files {
        suite.run_file::<Case>(path);
    }
    suite.finish(MIN_CASES);
}
