//! Data-driven cases of the lint rules: `tests/data/lint/*.toml` hold `[[case]]` tables, one
//! file per rule (or family of rules). Each case is a text, the rules whose diagnostics are
//! compared (others are ignored), the expected diagnostics as `"rule line:column"`, and the
//! text after `fix` (safe fixes) and after `fix` with unsafe fixes.
//!
//! Every case runs and every failure is collected by the harness of the tables
//! (`tests/harness`), which also handles the cases marked `known_failure = "reason"`.

mod harness;

use std::collections::BTreeSet;
use std::path::Path;

use harness::Suite;
use seisho::lint::{LintConfig, Linter, OptionValue, Severity, Syntax};
use serde::Deserialize;

/// The suite must not shrink below this many cases (run in this build).
const MIN_CASES: usize = 60;

/// A `[[case]]` table, but for its `name` and `known_failure` (the harness reads those).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    input: String,
    /// `text` (default) or `markdown`.
    #[serde(default)]
    syntax: Option<String>,
    /// The rules whose diagnostics are compared.
    rules: Vec<String>,
    /// The expected diagnostics of those rules, as `"rule line:column"`, in order.
    expect: Vec<String>,
    /// Per-rule settings: `enabled`, `severity`, or an option.
    #[serde(default)]
    config: toml::Table,
    /// Severities expected, in the order of `expect`, when given.
    severities: Option<Vec<String>>,
    /// The text after fixing with safe fixes (default: unchanged).
    fixed: Option<String>,
    /// The text after fixing with unsafe fixes too (default: as `fixed`).
    unsafe_fixed: Option<String>,
    /// Needs the dictionary: skipped without the `morphology` feature.
    #[serde(default)]
    words: bool,
    /// A prh dictionary (its YAML) for the rule `prh`.
    prh: Option<String>,
    /// A user dictionary (its CSV).
    user_dictionary: Option<String>,
}

impl harness::Case for Case {
    fn skipped(&self) -> bool {
        ((self.words || self.user_dictionary.is_some()) && !cfg!(feature = "embedded-dictionary"))
            || (self.prh.is_some() && !cfg!(feature = "prh"))
    }

    fn run(&self) -> Vec<String> {
        run(self).err().into_iter().collect()
    }
}

fn config(case: &Case) -> Result<LintConfig, String> {
    let mut config = LintConfig::default();
    // The rules under test run even when they are off by default.
    for rule in &case.rules {
        config.set_enabled(rule, true).map_err(|e| e.to_string())?;
    }
    for (rule, settings) in &case.config {
        let table = settings.as_table().ok_or("config values are tables")?;
        for (key, value) in table {
            let result = match (key.as_str(), value) {
                ("enabled", toml::Value::Boolean(on)) => config.set_enabled(rule, *on),
                ("severity", toml::Value::String(s)) => {
                    config.set_severity(rule, Severity::from_id(s).ok_or("bad severity")?)
                }
                (name, value) => config.set_option(rule, name, option(value)?),
            };
            result.map_err(|e| e.to_string())?;
        }
    }
    #[cfg(feature = "prh")]
    if let Some(yaml) = &case.prh {
        let mut read = |_: &Path| yaml_serde::from_str(yaml).map_err(|e| e.to_string());
        let dictionary = seisho::lint::prh::Dictionary::load(&["prh.yml".into()], &mut read)
            .map_err(|e| format!("{e:?}"))?;
        config.set_prh_dictionary(dictionary);
    }
    #[cfg(feature = "morphology")]
    if let Some(csv) = &case.user_dictionary {
        let words = seisho::morphology::UserDictionary::from_csv(csv).map_err(|e| e.to_string())?;
        config.set_user_dictionary(words);
    }
    Ok(config)
}

fn option(value: &toml::Value) -> Result<OptionValue, String> {
    Ok(match value {
        toml::Value::Boolean(b) => OptionValue::Bool(*b),
        toml::Value::Integer(n) => OptionValue::Integer(*n),
        toml::Value::String(s) => OptionValue::Text(s.clone()),
        toml::Value::Array(items) => OptionValue::List(
            items
                .iter()
                .map(|i| i.as_str().map(str::to_owned).ok_or("lists hold strings"))
                .collect::<Result<_, _>>()?,
        ),
        other => return Err(format!("unsupported option value {other}")),
    })
}

fn run(case: &Case) -> Result<(), String> {
    let syntax = match case.syntax.as_deref() {
        None | Some("text") => Syntax::Text,
        Some("markdown") => Syntax::Markdown,
        Some(other) => return Err(format!("unknown syntax {other}")),
    };
    let linter = Linter::new(config(case)?);
    let diagnostics = linter.lint(&case.input, syntax);
    let got: Vec<&seisho::lint::Diagnostic> = diagnostics
        .iter()
        .filter(|d| case.rules.contains(&d.rule))
        .collect();
    let got_ids: Vec<String> = got
        .iter()
        .map(|d| format!("{} {}:{}", d.rule, d.start.line, d.start.column))
        .collect();
    if got_ids != case.expect {
        let messages: Vec<String> = got.iter().map(|d| d.message.clone()).collect();
        return Err(format!(
            "diagnostics\n  expected {:?}\n  got      {got_ids:?}\n  messages {messages:?}",
            case.expect
        ));
    }
    if let Some(severities) = &case.severities {
        let got: Vec<&str> = got.iter().map(|d| d.severity.id()).collect();
        if &got != severities {
            return Err(format!("severities: expected {severities:?}, got {got:?}"));
        }
    }
    for d in &diagnostics {
        if d.range.end > case.input.len() || !case.input.is_char_boundary(d.range.start) {
            return Err(format!("bad range {:?} of {}", d.range, d.rule));
        }
    }
    let fixed = linter.fix(&case.input, syntax, false).text;
    let expected = case.fixed.as_deref().unwrap_or(&case.input);
    if fixed != expected {
        return Err(format!(
            "fixed\n  expected {expected:?}\n  got      {fixed:?}"
        ));
    }
    let unsafe_fixed = linter.fix(&case.input, syntax, true).text;
    let expected = case.unsafe_fixed.as_deref().unwrap_or(expected);
    if unsafe_fixed != expected {
        return Err(format!(
            "unsafe fixed\n  expected {expected:?}\n  got      {unsafe_fixed:?}"
        ));
    }
    Ok(())
}

#[test]
fn lint_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/lint");
    let mut suite = Suite::new();
    let mut rules_covered = BTreeSet::new();
    for path in harness::toml_files(&dir) {
        for case in suite.run_file::<Case>(&path) {
            if !harness::Case::skipped(&case) {
                rules_covered.extend(case.rules);
            }
        }
    }
    // Every rule of the linter's own has cases.
    for rule in seisho::lint::LintRule::all() {
        if rule.normalizer_rule().is_none()
            && (!rule.needs_words() || cfg!(feature = "embedded-dictionary"))
            && !rules_covered.contains(rule.id())
        {
            suite.fail(format!("no case for {}", rule.id()));
        }
    }
    suite.finish(MIN_CASES);
}
