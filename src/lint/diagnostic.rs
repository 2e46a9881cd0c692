//! What the linter reports: diagnostics, their severity and the fixes they carry.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::position::LineCol;
use crate::rule::Safety;
use crate::utf16::{BytesMap, Utf16Map};

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
/// instead, in its fix too), `line` and `column` are 1-based, `column` counts characters (Unicode scalar
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

    /// Its ranges: its own, then its fix's edits'.
    pub fn ranges(&self) -> impl Iterator<Item = &Range<usize>> {
        let edits = self.fix.iter().flat_map(|f| &f.edits);
        std::iter::once(&self.range).chain(edits.map(|e| &e.range))
    }

    /// Maps every range (its own and its fix's edits') through `f`: how its offsets are
    /// counted in another unit ([`ranges_to_utf16`], [`ranges_from_utf16`]).
    pub fn map_ranges(&mut self, mut f: impl FnMut(&Range<usize>) -> Range<usize>) {
        self.range = f(&self.range);
        for e in self.fix.iter_mut().flat_map(|f| &mut f.edits) {
            e.range = f(&e.range);
        }
    }
}

/// Every range of `diagnostics` of `text` (theirs and their fixes') from bytes to UTF-16 code
/// units, what JavaScript strings index by, in one pass over the text. Lines and columns are
/// left as they are (they count both already).
///
/// ```
/// use seisho::lint::{ranges_to_utf16, LintConfig, Linter, Syntax};
/// let text = "😀ｶ";
/// let mut diagnostics = Linter::new(LintConfig::default()).lint(text, Syntax::Text);
/// ranges_to_utf16(text, &mut diagnostics);
/// assert_eq!(diagnostics[0].range, 2..3);
/// ```
pub fn ranges_to_utf16(text: &str, diagnostics: &mut [Diagnostic]) {
    let map = Utf16Map::of(text, offsets(diagnostics));
    for d in diagnostics {
        d.map_ranges(|r| map.get(r.start)..map.get(r.end));
    }
}

/// The reverse of [`ranges_to_utf16`]: every range of `diagnostics` from UTF-16 code units of
/// `text` to bytes. A range that is not in `text` (past its end, between the two halves of a
/// surrogate pair, or reversed) becomes `usize::MAX..usize::MAX`, which no text holds:
/// [`apply_fixes`](super::apply_fixes) skips such a fix.
pub fn ranges_from_utf16(text: &str, diagnostics: &mut [Diagnostic]) {
    let mut map = BytesMap::new();
    offsets(diagnostics).into_iter().for_each(|o| map.add(o));
    map.build(text);
    for d in diagnostics {
        d.map_ranges(|r| match (map.get(r.start), map.get(r.end)) {
            (Some(start), Some(end)) if start <= end => start..end,
            _ => usize::MAX..usize::MAX,
        });
    }
}

/// The starts and ends of every range of `diagnostics`.
fn offsets(diagnostics: &[Diagnostic]) -> Vec<usize> {
    let ranges = diagnostics.iter().flat_map(Diagnostic::ranges);
    ranges.flat_map(|r| [r.start, r.end]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(range: Range<usize>, edit: Range<usize>) -> Diagnostic {
        let nowhere = LineCol {
            line: 1,
            column: 1,
            utf16_column: 1,
        };
        Diagnostic {
            rule: String::new(),
            severity: Severity::Info,
            message: String::new(),
            range,
            start: nowhere,
            end: nowhere,
            fix: Some(Fix::replace(edit, "X", Safety::Safe)),
        }
    }

    #[test]
    fn ranges_to_utf16_and_back() {
        // 😀 is 4 bytes and 2 UTF-16 units, ｶ 3 bytes and 1 unit.
        let text = "😀ｶ";
        let mut d = [diagnostic(4..7, 0..4)];
        ranges_to_utf16(text, &mut d);
        assert_eq!(d[0].ranges().cloned().collect::<Vec<_>>(), [2..3, 0..2]);
        ranges_from_utf16(text, &mut d);
        assert_eq!(d[0].ranges().cloned().collect::<Vec<_>>(), [4..7, 0..4]);
        // Inside 😀, past the end, reversed: in no text.
        #[allow(clippy::reversed_empty_ranges)]
        let reversed = (3..2, 2..1);
        let mut bad = [diagnostic(1..2, 2..9), diagnostic(reversed.0, reversed.1)];
        ranges_from_utf16(text, &mut bad);
        let nowhere = usize::MAX..usize::MAX;
        for d in &bad {
            assert!(d.ranges().all(|r| *r == nowhere), "{d:?}");
        }
    }
}
