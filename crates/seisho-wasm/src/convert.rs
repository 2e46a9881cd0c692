//! The core's results as JavaScript objects: the core's own types as they serialize (snake_case
//! names, as `seisho lint --format json` prints them), with every range in UTF-16 code units of
//! the JavaScript string instead of bytes.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use seisho::lint::{Diagnostic, Fix, Severity};
use seisho::{LineCol, Safety, Utf16Map};

/// A normalizer edit: `range` in UTF-16 code units, `byte_range` in UTF-8 bytes.
#[derive(Debug, Serialize)]
pub struct JsEdit {
    pub rule: &'static str,
    pub safety: Safety,
    pub original: String,
    pub replacement: String,
    pub range: Range<usize>,
    pub byte_range: Range<usize>,
}

/// What `normalize` returns.
#[derive(Serialize)]
pub(crate) struct JsNormalized<'a> {
    pub text: &'a str,
    pub changed: bool,
    pub edits: Vec<JsEdit>,
    pub suggestions: Vec<JsEdit>,
}

impl<'a> JsNormalized<'a> {
    /// The result of normalizing `text`, every edit's range also in UTF-16 code units.
    pub(crate) fn new(text: &str, n: &'a seisho::Normalized<'_>) -> Self {
        let edits = n.edits().iter().chain(n.suggestions());
        let map = Utf16Map::of(text, edits.flat_map(|e| [e.range().start, e.range().end]));
        let edits = |list: &[seisho::Edit<'_>]| -> Vec<JsEdit> {
            list.iter()
                .map(|e| JsEdit {
                    rule: e.rule().id(),
                    safety: e.safety(),
                    original: e.original().to_owned(),
                    replacement: e.replacement().to_owned(),
                    range: map.get(e.range().start)..map.get(e.range().end),
                    byte_range: e.range(),
                })
                .collect()
        };
        JsNormalized {
            text: n.text(),
            changed: n.is_changed(),
            edits: edits(n.edits()),
            suggestions: edits(n.suggestions()),
        }
    }
}

/// What `applyFixes` reads of a diagnostic: its fix (the rest is ignored, so that a fix can
/// be written in JavaScript alone).
#[derive(Debug, Deserialize)]
pub(crate) struct InDiagnostic {
    #[serde(default)]
    fix: Option<Fix>,
}

/// What `fix` returns.
#[derive(Serialize)]
pub(crate) struct JsFixed {
    pub text: String,
    pub applied: usize,
    pub rounds: usize,
    pub remaining: Vec<Diagnostic>,
}

impl JsFixed {
    pub(crate) fn new(fixed: seisho::lint::Fixed) -> Self {
        JsFixed {
            remaining: diagnostics_to_js(&fixed.text, fixed.remaining),
            text: fixed.text,
            applied: fixed.applied,
            rounds: fixed.rounds,
        }
    }
}

/// What `applyFixes` returns.
#[derive(Serialize)]
pub(crate) struct JsApplied {
    pub text: String,
    pub applied: usize,
}

/// Diagnostics of `text` as JavaScript gets them: every range in UTF-16 code units.
pub(crate) fn diagnostics_to_js(text: &str, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    seisho::lint::ranges_to_utf16(text, &mut diagnostics);
    diagnostics
}

/// Diagnostics from JavaScript as the core's, their fixes' UTF-16 ranges turned into byte
/// ranges of `text`. A range that is not in `text` (past its end, inside a surrogate pair, or
/// reversed) becomes one the core refuses, so that fix is skipped.
pub(crate) fn diagnostics_from_js(text: &str, diagnostics: Vec<InDiagnostic>) -> Vec<Diagnostic> {
    let nowhere = LineCol {
        line: 1,
        column: 1,
        utf16_column: 1,
    };
    let mut core: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter_map(|d| d.fix)
        .map(|fix| Diagnostic {
            rule: String::new(),
            severity: Severity::Info,
            range: 0..0,
            start: nowhere,
            end: nowhere,
            message: String::new(),
            fix: Some(fix),
        })
        .collect();
    seisho::lint::ranges_from_utf16(text, &mut core);
    core
}
