//! The core's results as JavaScript objects: field names in camelCase, ranges in UTF-16 code
//! units (`range`) and in bytes of the UTF-8 text (`byteRange`).

use serde::{Deserialize, Serialize};

use seisho::lint::{Diagnostic, Fix, FixEdit, Severity};
use seisho::{LineCol, Safety};

use seisho::{BytesMap, Utf16Map};

/// A half-open range `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsRange {
    pub start: usize,
    pub end: usize,
}

/// A position: UTF-16 offset, and 1-based line and columns (characters, UTF-16 units).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsPosition {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    pub utf16_column: usize,
}

/// A normalizer edit.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsEdit {
    pub rule: String,
    pub safety: Safety,
    pub original: String,
    pub replacement: String,
    pub range: JsRange,
    pub byte_range: JsRange,
}

impl JsEdit {
    pub(crate) fn new(e: &seisho::Edit<'_>, map: &Utf16Map) -> JsEdit {
        let r = e.range();
        JsEdit {
            rule: e.rule().id().to_owned(),
            safety: e.safety(),
            original: e.original().to_owned(),
            replacement: e.replacement().to_owned(),
            range: JsRange {
                start: map.get(r.start),
                end: map.get(r.end),
            },
            byte_range: JsRange {
                start: r.start,
                end: r.end,
            },
        }
    }
}

#[derive(Serialize)]
pub(crate) struct JsNormalized<'a> {
    pub text: &'a str,
    pub changed: bool,
    pub edits: Vec<JsEdit>,
    pub suggestions: Vec<JsEdit>,
}

/// One replacement of a fix.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JsFixEdit {
    pub range: JsRange,
    #[serde(default, skip_deserializing)]
    pub byte_range: Option<JsRange>,
    pub replacement: String,
}

/// A fix: its edits and whether it is safe.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsFix {
    pub safety: Safety,
    pub edits: Vec<JsFixEdit>,
}

/// A diagnostic.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsDiagnostic {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub start: JsPosition,
    pub end: JsPosition,
    pub range: JsRange,
    pub byte_range: JsRange,
    pub fix: Option<JsFix>,
}

/// What `applyFixes` reads of a diagnostic: its fix (the rest is ignored).
#[derive(Debug, Deserialize)]
pub(crate) struct InDiagnostic {
    #[serde(default)]
    fix: Option<JsFix>,
}

#[derive(Serialize)]
pub(crate) struct JsFixed {
    pub text: String,
    pub applied: usize,
    pub rounds: usize,
    pub remaining: Vec<JsDiagnostic>,
}

#[derive(Serialize)]
pub(crate) struct JsApplied {
    pub text: String,
    pub applied: usize,
}

/// The diagnostics of `text` with UTF-16 offsets, computed in one pass.
pub(crate) fn diagnostics_to_js(text: &str, diagnostics: &[Diagnostic]) -> Vec<JsDiagnostic> {
    let mut map = Utf16Map::new();
    for d in diagnostics {
        map.add(d.range.start);
        map.add(d.range.end);
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            map.add(e.range.start);
            map.add(e.range.end);
        }
    }
    map.build(text);
    let position = |offset: usize, lc: &LineCol| JsPosition {
        offset: map.get(offset),
        line: lc.line,
        column: lc.column,
        utf16_column: lc.utf16_column,
    };
    let range = |r: &std::ops::Range<usize>| JsRange {
        start: map.get(r.start),
        end: map.get(r.end),
    };
    diagnostics
        .iter()
        .map(|d| JsDiagnostic {
            rule: d.rule.clone(),
            severity: d.severity,
            message: d.message.clone(),
            start: position(d.range.start, &d.start),
            end: position(d.range.end, &d.end),
            range: range(&d.range),
            byte_range: JsRange {
                start: d.range.start,
                end: d.range.end,
            },
            fix: d.fix.as_ref().map(|f| JsFix {
                safety: f.safety,
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsFixEdit {
                        range: range(&e.range),
                        byte_range: Some(JsRange {
                            start: e.range.start,
                            end: e.range.end,
                        }),
                        replacement: e.replacement.clone(),
                    })
                    .collect(),
            }),
        })
        .collect()
}

/// Diagnostics from JavaScript as the core's, their fixes' UTF-16 ranges turned into byte
/// ranges of `text`. A range that is not in `text` (past its end, inside a surrogate pair, or
/// reversed) becomes one the core refuses, so that fix is skipped.
pub(crate) fn diagnostics_from_js(text: &str, diagnostics: &[InDiagnostic]) -> Vec<Diagnostic> {
    let mut map = BytesMap::new();
    for e in diagnostics
        .iter()
        .flat_map(|d| d.fix.iter())
        .flat_map(|f| &f.edits)
    {
        map.add(e.range.start);
        map.add(e.range.end);
    }
    map.build(text);
    let nowhere = LineCol {
        line: 1,
        column: 1,
        utf16_column: 1,
    };
    diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .map(|f| {
            let edits = f
                .edits
                .iter()
                .map(|e| {
                    let range = match (map.get(e.range.start), map.get(e.range.end)) {
                        (Some(s), Some(e)) if s <= e => s..e,
                        // Out of bounds: the core skips the whole fix.
                        _ => usize::MAX..usize::MAX,
                    };
                    FixEdit {
                        range,
                        replacement: e.replacement.clone(),
                    }
                })
                .collect();
            Diagnostic {
                rule: String::new(),
                severity: Severity::Info,
                range: 0..0,
                start: nowhere,
                end: nowhere,
                message: String::new(),
                fix: Some(Fix {
                    edits,
                    safety: f.safety,
                }),
            }
        })
        .collect()
}
