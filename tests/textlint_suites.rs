//! textlint's own test suites of the rules seisho re-implements, run against seisho: does a
//! rule mean what its name says? `tests/data/textlint/RULE.json` holds the `valid` and
//! `invalid` cases of each textlint rule's tests (extracted by `scripts/textlint_suites.mjs`;
//! see `tests/data/textlint/README.md`). Each case is linted with only that seisho rule on,
//! at its defaults except for the options the case gives that map onto seisho's; a case
//! whose options do not map, or whose syntax seisho does not read (Re:VIEW, HTML), is
//! skipped and counted.
//!
//! A valid case passes when the rule reports nothing; an invalid case when it reports as
//! many diagnostics as textlint's errors, each on the same line, at the same column (1-based
//! UTF-16, as textlint since version 12) and index (0-based UTF-16) where textlint's test
//! gives them. Messages are not compared.
//!
//! `tests/data/textlint/known-differences.toml` lists the cases seisho does not pass, each
//! with the reason. The test fails when a case not in that list fails, and when a case in
//! it passes (remove its entry then). `cargo test --test textlint_suites -- --nocapture`
//! prints a summary per rule.

#![cfg(all(feature = "embedded-dictionary", feature = "markdown"))]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use seisho::lint::{textlint, LintConfig, LintRule, Linter, OptionValue, Syntax};
use seisho::morphology::Analyzer;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Debug, Deserialize)]
struct Suite {
    /// seisho's rule id.
    rule: String,
    /// textlint's rule id.
    textlint_rule: String,
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    /// `valid` or `invalid`.
    kind: String,
    text: String,
    options: Option<Map<String, Value>>,
    /// The file extension textlint-tester is given (null: `.md`).
    ext: Option<String>,
    /// textlint's errors (invalid cases).
    #[serde(default)]
    errors: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    line: Option<usize>,
    /// 1-based, in UTF-16 code units.
    column: Option<usize>,
    /// 0-based, in UTF-16 code units from the start of the text.
    index: Option<usize>,
    /// 0-based UTF-16 start and end.
    range: Option<[usize; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Known {
    #[serde(rename = "difference", default)]
    differences: Vec<Difference>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Difference {
    /// seisho's rule id.
    rule: String,
    /// `valid` or `invalid`.
    kind: String,
    /// The case's text.
    text: String,
    /// The case's textlint options as compact JSON (keys sorted); none for a case without.
    options: Option<String>,
    /// Why seisho differs, in a line.
    reason: String,
}

/// How a case went.
enum Outcome {
    Pass,
    /// Why, and whether only the positions differ (as many diagnostics as textlint's errors).
    Fail(String, bool),
    Skip(String),
}

/// textlint's options of a case as seisho's option values (still under textlint's names:
/// `seisho::lint::textlint::configure` maps them), or why they cannot be.
fn option_values(options: &Map<String, Value>) -> Result<Vec<(&str, OptionValue)>, String> {
    options
        .iter()
        .map(|(key, value)| {
            let v = match value {
                Value::Bool(b) => OptionValue::Bool(*b),
                Value::Number(n) => OptionValue::Integer(n.as_i64().ok_or("not an integer")?),
                Value::String(s) => OptionValue::Text(s.clone()),
                Value::Array(items) => OptionValue::List(
                    items
                        .iter()
                        .map(|i| i.as_str().map(str::to_owned).ok_or("not a list of strings"))
                        .collect::<Result<_, _>>()?,
                ),
                _ => return Err(format!("{key} = {value}")),
            };
            Ok((key.as_str(), v))
        })
        .collect()
}

fn run_case(rule: &str, case: &Case, analyzer: &Analyzer) -> Outcome {
    let syntax = match case.ext.as_deref() {
        None | Some(".md") | Some(".markdown") => Syntax::Markdown,
        Some(".txt") => Syntax::Text,
        Some(other) => return Outcome::Skip(format!("syntax {other}")),
    };
    let options = match case.options.as_ref().map(option_values) {
        None => Vec::new(),
        Some(Ok(options)) => options,
        Some(Err(why)) => return Outcome::Skip(format!("option {why}")),
    };
    let mut config = LintConfig::default();
    for other in LintRule::all() {
        config.set_enabled(other.id(), false).expect("a known rule");
    }
    // The one mapping of textlint's options, the CLI's for `.textlintrc` too.
    match textlint::configure(&mut config, rule, &options) {
        Ok(notes) if notes.is_empty() => {}
        Ok(notes) => return Outcome::Skip(notes.join("; ")),
        Err(why) => return Outcome::Skip(why),
    }
    let linter = Linter::with_analyzer(config, analyzer.clone());
    let found: Vec<_> = linter
        .lint(&case.text, syntax)
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect();
    let describe = |found: &[seisho::lint::Diagnostic]| {
        found
            .iter()
            .map(|d| format!("{}:{}", d.start.line, d.start.utf16_column))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if case.kind == "valid" {
        return if found.is_empty() {
            Outcome::Pass
        } else {
            Outcome::Fail(format!("reported at {}", describe(&found)), false)
        };
    }
    if found.len() != case.errors.len() {
        return Outcome::Fail(
            format!(
                "{} diagnostics ({}), textlint {}",
                found.len(),
                describe(&found),
                case.errors.len()
            ),
            false,
        );
    }
    for (i, (d, e)) in found.iter().zip(&case.errors).enumerate() {
        let index = case.text[..d.range.start].encode_utf16().count();
        let mut wrong = Vec::new();
        if e.line.is_some_and(|l| l != d.start.line) {
            wrong.push(format!("line {} ≠ {}", d.start.line, e.line.unwrap_or(0)));
        }
        if e.column.is_some_and(|c| c != d.start.utf16_column) {
            wrong.push(format!(
                "column {} ≠ {}",
                d.start.utf16_column,
                e.column.unwrap_or(0)
            ));
        }
        if let Some(want) = e.index.or(e.range.map(|r| r[0])) {
            if want != index {
                wrong.push(format!("index {index} ≠ {want}"));
            }
        }
        if !wrong.is_empty() {
            return Outcome::Fail(
                format!(
                    "diagnostic {}: {} (seisho ≠ textlint)",
                    i + 1,
                    wrong.join(", ")
                ),
                true,
            );
        }
    }
    Outcome::Pass
}

/// A TOML basic string of `s`, readable: only what must be escaped is, and combining marks.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || ('\u{300}'..='\u{36f}').contains(&c)
                || ('\u{3099}'..='\u{309a}').contains(&c)
                || ('\u{200b}'..='\u{200f}').contains(&c)
                || c == '\u{feff}' =>
            {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The suites of `dir` (`RULE.json`), sorted by rule.
fn load_suites(dir: &Path) -> Vec<Suite> {
    let mut suites: Vec<Suite> = std::fs::read_dir(dir)
        .expect("tests/data/textlint")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            serde_json::from_str(&std::fs::read_to_string(&p).expect("readable"))
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect();
    suites.sort_by(|a, b| a.rule.cmp(&b.rule));
    assert!(!suites.is_empty(), "no suites in {}", dir.display());
    suites
}

/// One suite's counts: [passed, run] for valid and invalid cases, skipped, failures listed
/// as known, failures with the right number of diagnostics elsewhere.
#[derive(Default)]
struct Counts {
    cases: [[usize; 2]; 2],
    skipped: usize,
    listed: usize,
    positions: usize,
}

/// What the run has to say: problems (which fail the test), entries to paste for failures
/// not listed, and why cases were skipped.
#[derive(Default)]
struct Tally {
    problems: String,
    unlisted: String,
    skipped_why: BTreeMap<String, usize>,
}

impl Tally {
    /// Counts one case's outcome; `listed`: whether known-differences.toml lists it.
    fn record(
        &mut self,
        rule: &str,
        case: &Case,
        outcome: Outcome,
        listed: bool,
        options: Option<&str>,
        counts: &mut Counts,
    ) {
        let slot = usize::from(case.kind == "invalid");
        let short: String = case
            .text
            .chars()
            .take(40)
            .collect::<String>()
            .replace('\n', "⏎");
        let kind = &case.kind;
        match outcome {
            Outcome::Skip(why) => {
                counts.skipped += 1;
                *self
                    .skipped_why
                    .entry(format!("{rule}: {why}"))
                    .or_default() += 1;
                if listed {
                    let _ = writeln!(
                        self.problems,
                        "{rule} {kind} case {short:?} is skipped ({why}) but listed in known-differences.toml: remove the entry"
                    );
                }
            }
            Outcome::Pass => {
                counts.cases[slot][0] += 1;
                counts.cases[slot][1] += 1;
                if listed {
                    let _ = writeln!(
                        self.problems,
                        "{rule} {kind} case {short:?} now passes: remove its entry from known-differences.toml"
                    );
                }
            }
            Outcome::Fail(why, position_only) => {
                counts.cases[slot][1] += 1;
                counts.positions += usize::from(position_only);
                if listed {
                    counts.listed += 1;
                    return;
                }
                let _ = writeln!(self.problems, "{rule} {kind} case {short:?} fails: {why}");
                let _ = writeln!(
                    self.unlisted,
                    "[[difference]]\nrule = {}\nkind = {}\ntext = {}",
                    toml_string(rule),
                    toml_string(kind),
                    toml_string(&case.text)
                );
                if let Some(options) = options {
                    let _ = writeln!(self.unlisted, "options = {}", toml_string(options));
                }
                let _ = writeln!(self.unlisted, "reason = \"\" # {why}\n");
            }
        }
    }
}

/// The line of the summary for one suite (or the heading, with the column names).
fn summary_line(columns: [&str; 7]) -> String {
    let [rule, textlint, valid, invalid, skipped, known, positions] = columns;
    format!("{rule:<34} {textlint:<34} {valid:>7} {invalid:>7} {skipped:>7} {known:>5} {positions:>9}\n")
}

#[test]
fn textlint_suites() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/textlint");
    let known: Known = toml::from_str(
        &std::fs::read_to_string(dir.join("known-differences.toml"))
            .expect("known-differences.toml"),
    )
    .expect("known-differences.toml parses");
    let mut used = vec![false; known.differences.len()];
    let suites = load_suites(&dir);
    let analyzer = Analyzer::new();
    let mut tally = Tally::default();
    let mut summary = summary_line([
        "seisho rule",
        "textlint rule",
        "valid",
        "invalid",
        "skipped",
        "known",
        "positions",
    ]);
    let (mut total_pass, mut total_run, mut total_skip) = (0, 0, 0);
    for suite in &suites {
        assert!(
            LintRule::find(&suite.rule).is_some_and(|r| r.id() == suite.rule),
            "{}: not a seisho rule id",
            suite.rule
        );
        let mut counts = Counts::default();
        for case in &suite.cases {
            let outcome = run_case(&suite.rule, case, &analyzer);
            let options = case
                .options
                .as_ref()
                .map(|o| serde_json::to_string(o).expect("JSON"));
            let mut listed = false;
            for (i, k) in known.differences.iter().enumerate() {
                if k.rule == suite.rule
                    && k.kind == case.kind
                    && k.text == case.text
                    && k.options == options
                {
                    used[i] = true;
                    listed = true;
                }
            }
            tally.record(
                &suite.rule,
                case,
                outcome,
                listed,
                options.as_deref(),
                &mut counts,
            );
        }
        let [valid, invalid] = counts.cases;
        total_pass += valid[0] + invalid[0];
        total_run += valid[1] + invalid[1];
        total_skip += counts.skipped;
        summary += &summary_line([
            &suite.rule,
            &suite.textlint_rule,
            &format!("{}/{}", valid[0], valid[1]),
            &format!("{}/{}", invalid[0], invalid[1]),
            &counts.skipped.to_string(),
            &counts.listed.to_string(),
            &counts.positions.to_string(),
        ]);
    }
    let _ = writeln!(
        summary,
        "total: {total_pass}/{total_run} cases pass, {total_skip} skipped \
         (valid, invalid: passed/run; known: failures listed in known-differences.toml; \
         positions: failures with as many diagnostics as textlint's errors, elsewhere)"
    );
    for (why, n) in &tally.skipped_why {
        let _ = writeln!(summary, "  skipped: {why} ({n})");
    }
    for (k, used) in known.differences.iter().zip(&used) {
        if !used {
            let _ = writeln!(
                tally.problems,
                "known-differences.toml: no {} case of {} has the text {} (and options {:?}): remove or correct the entry",
                k.kind,
                k.rule,
                toml_string(&k.text),
                k.options
            );
        }
        assert!(
            !k.reason.trim().is_empty(),
            "an entry without a reason: {k:?}"
        );
    }
    println!("{summary}");
    if !tally.unlisted.is_empty() {
        println!(
            "Entries for known-differences.toml (give each a reason):\n\n{}",
            tally.unlisted
        );
    }
    assert!(tally.problems.is_empty(), "\n{summary}\n{}", tally.problems);
}
