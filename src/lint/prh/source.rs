//! A prh dictionary file as it is written (YAML, read by the caller with any serde format):
//! `version`, `imports`, `rules`. What prh reads and seisho does not (`targets`, `meta`) is
//! accepted and left alone.

use serde::Deserialize;

/// One prh file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct File {
    /// The files it imports (paths relative to it).
    #[serde(default)]
    pub imports: Option<Imports>,
    /// Its rules, in order.
    #[serde(default)]
    pub rules: Vec<RuleSource>,
    /// prh's `targets` (which files and which parts of them are checked): seisho lints what
    /// its own configuration selects, and does not read these.
    #[serde(default)]
    pub targets: Option<serde::de::IgnoredAny>,
}

/// `imports`: one path or a list.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum Imports {
    /// `imports: other.yml`
    One(String),
    /// `imports: [a.yml, {path: b.yml, ignoreRules: [...]}]`
    Many(Vec<Import>),
}

impl Imports {
    /// Every import, as a full [`ImportSpec`].
    pub fn specs(&self) -> Vec<ImportSpec> {
        match self {
            Imports::One(path) => vec![ImportSpec::of(path)],
            Imports::Many(list) => list
                .iter()
                .map(|i| match i {
                    Import::Path(path) => ImportSpec::of(path),
                    Import::Spec(spec) => spec.clone(),
                })
                .collect(),
        }
    }
}

/// One import: a path, or a path with options.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum Import {
    /// `- other.yml`
    Path(String),
    /// `- path: other.yml`, with `disableImports` and `ignoreRules`.
    Spec(ImportSpec),
}

/// An import with its options.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSpec {
    /// The file, relative to the importing one.
    pub path: String,
    /// Leave out the imported file's own imports.
    #[serde(default)]
    pub disable_imports: bool,
    /// Rules of the imported file to leave out: a string is a rule's pattern as prh shows it
    /// (`/…/gmu`), a table names `pattern` or `expected`.
    #[serde(default)]
    pub ignore_rules: Vec<IgnoreRule>,
}

impl ImportSpec {
    fn of(path: &str) -> ImportSpec {
        ImportSpec {
            path: path.to_owned(),
            disable_imports: false,
            ignore_rules: Vec::new(),
        }
    }
}

/// A rule an import leaves out.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum IgnoreRule {
    /// The rule's pattern as prh shows it.
    Pattern(String),
    /// By its pattern or its expected text.
    Spec {
        /// The rule's pattern as prh shows it (`/…/gmu`).
        #[serde(default)]
        pattern: Option<String>,
        /// The rule's expected text.
        #[serde(default)]
        expected: Option<String>,
    },
}

/// One rule: a string is a rule whose expected text is its own pattern.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum RuleSource {
    /// `- JavaScript`
    Expected(String),
    /// `- expected: …`, with its patterns, options, specs and message.
    Full(FullRule),
}

/// A rule with its parts.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FullRule {
    /// What to write (`$1` … take the pattern's groups).
    pub expected: String,
    /// What to find: a string (found as written), `/regex/flags`, or a list of them.
    #[serde(default)]
    pub pattern: Option<Patterns>,
    /// The same as `pattern`.
    #[serde(default)]
    pub patterns: Option<Patterns>,
    /// `$N`: a match whose group N is not empty is not reported (prh's lookbehind before
    /// JavaScript had one).
    #[serde(default)]
    pub regexp_must_empty: Option<String>,
    /// `wordBoundary`.
    #[serde(default)]
    pub options: RuleOptions,
    /// Examples the rule must turn `from` into `to`.
    #[serde(default)]
    pub specs: Vec<Spec>,
    /// A message shown with each report.
    #[serde(default)]
    pub prh: Option<String>,
}

/// `pattern` or `patterns`: one or a list.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum Patterns {
    /// One pattern.
    One(String),
    /// Any of these.
    Many(Vec<String>),
}

/// A rule's options.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleOptions {
    /// Match only at word boundaries (`\b` on both sides, as JavaScript counts them: ASCII
    /// letters, digits and `_` are word characters).
    #[serde(default)]
    pub word_boundary: bool,
}

/// An example of a rule.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Spec {
    /// The text as written.
    pub from: String,
    /// The text after the rule.
    pub to: String,
}
