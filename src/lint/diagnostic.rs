//! What the linter reports: diagnostics, their severity and the fixes they carry.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::position::LineCol;
use crate::rule::Safety;

/// How much a diagnostic matters. Only [`Severity::Error`] fails a run (exit code 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Should be looked at; does not fail a run.
    Warning,
    /// Must be fixed: fails a run.
    Error,
}

impl Severity {
    /// Every severity, least first.
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

    /// `info`, `warning` or `error`.
    pub const fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The severity with this id (`warn` too, as ESLint and textlint spell it).
    pub fn from_id(id: &str) -> Option<Severity> {
        match id {
            "warn" => Some(Severity::Warning),
            _ => Severity::ALL.into_iter().find(|s| s.id() == id),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One replacement of a fix: a byte range of the linted text and what replaces it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FixEdit {
    /// The bytes replaced.
    pub range: Range<usize>,
    /// What replaces them (empty to delete).
    pub replacement: String,
}

/// A fix: edits applied together, and whether they are safe to apply without a person
/// looking at them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Fix {
    /// Safe fixes are applied by `seisho fix`; unsafe ones only with `--unsafe-fixes`.
    pub safety: Safety,
    /// The edits, in order, not overlapping.
    pub edits: Vec<FixEdit>,
}

impl Fix {
    /// A fix of one replacement.
    pub fn replace(range: Range<usize>, replacement: impl Into<String>, safety: Safety) -> Fix {
        Fix {
            edits: vec![FixEdit {
                range,
                replacement: replacement.into(),
            }],
            safety,
        }
    }

    /// The bytes the fix touches, from its first edit's start to its last edit's end.
    pub fn span(&self) -> Range<usize> {
        let start = self.edits.first().map_or(0, |e| e.range.start);
        let end = self.edits.last().map_or(0, |e| e.range.end);
        start..end
    }
}

/// A problem the linter found: the one diagnostic type of seisho. The command line's JSON
/// (`seisho lint --format json`, schema `docs/lint.schema.json`), the WebAssembly package and
/// the Python package give it as it serializes here.
///
/// Positions are in the text as linted (UTF-8, without a byte order mark): `range` counts
/// its bytes (the WebAssembly package gives UTF-16 code units of the JavaScript string
/// instead), `line` and `column` are 1-based, `column` counts characters (Unicode scalar
/// values) and `utf16_column` UTF-16 code units (as JavaScript and the Language Server
/// Protocol do). Lines end at `\n`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diagnostic {
    /// The id of the rule that found it (`sentence-length`, `wave-dash`, …; `seisho explain
    /// RULE` documents it).
    pub rule: String,
    /// `error` (fails the run: exit code 1), `warning` or `info`.
    pub severity: Severity,
    /// What is wrong, for a person.
    pub message: String,
    /// The bytes it is about.
    pub range: Range<usize>,
    /// Where it starts.
    pub start: LineCol,
    /// Where it ends (exclusive).
    pub end: LineCol,
    /// How to fix it, when the rule knows; `null` otherwise.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Whether the diagnostic carries a fix that is applied with `unsafe_fixes` as given.
    pub fn is_fixable(&self, unsafe_fixes: bool) -> bool {
        self.fix
            .as_ref()
            .is_some_and(|f| unsafe_fixes || f.safety.is_safe())
    }
}
