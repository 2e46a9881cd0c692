//! Edits: one change to a text, with where it was, what it was, and why.

use core::fmt;
use core::ops::Range;

use compact_str::CompactString;

use crate::rule::{Rule, Safety};

/// One change to the original text: a byte range, the original slice, its replacement, the rule
/// that made it, and whether the fix is safe.
///
/// Ranges are byte offsets into the text that was normalized, always on character boundaries
/// and never empty. A replacement may be empty (the original is deleted).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Edit<'a> {
    range: Range<usize>,
    original: &'a str,
    replacement: CompactString,
    rule: Rule,
    safety: Safety,
}

impl<'a> Edit<'a> {
    pub(crate) fn new(
        input: &'a str,
        range: Range<usize>,
        replacement: &str,
        rule: Rule,
        safety: Safety,
    ) -> Self {
        Edit {
            original: &input[range.clone()],
            range,
            replacement: CompactString::from(replacement),
            rule,
            safety,
        }
    }

    /// Extends this edit by the adjacent edit `next` (which must start where this one ends).
    pub(crate) fn extend(&mut self, input: &'a str, next_end: usize, replacement: &str) {
        self.range.end = next_end;
        self.original = &input[self.range.clone()];
        self.replacement.push_str(replacement);
    }

    /// The byte range in the original text.
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }

    /// The original text that this edit replaces.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The text that replaces it (empty for a deletion).
    pub fn replacement(&self) -> &str {
        &self.replacement
    }

    /// The rule that made this edit.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// Whether the fix is safe.
    pub fn safety(&self) -> Safety {
        self.safety
    }

    /// `true` when the fix is safe.
    pub fn is_safe(&self) -> bool {
        self.safety.is_safe()
    }
}

impl fmt::Display for Edit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}..{} {:?} -> {:?} [{}{}]",
            self.range.start,
            self.range.end,
            self.original,
            self.replacement.as_str(),
            self.rule,
            if self.is_safe() { "" } else { ", unsafe" }
        )
    }
}

/// Why a list of edits could not be applied to a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyError {
    kind: ApplyErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ApplyErrorKind {
    Overlap { at: usize },
    Mismatch { at: usize },
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ApplyErrorKind::Overlap { at } => write!(f, "edits overlap at byte {at}"),
            ApplyErrorKind::Mismatch { at } => {
                write!(
                    f,
                    "edit at byte {at} does not match the text it is applied to"
                )
            }
        }
    }
}

impl std::error::Error for ApplyError {}

/// Applies `edits` to `text` and returns the result.
///
/// The edits may come in any order; each must describe `text` (its range and original slice
/// must match) and no two may overlap.
///
/// ```
/// let text = "力メラとＡＢＣ";
/// let n = seisho::normalize(text);
/// // Apply the safe edits and the suggestions together.
/// let mut all: Vec<_> = n.edits().iter().chain(n.suggestions()).cloned().collect();
/// all.sort_by_key(|e| e.range().start);
/// assert_eq!(seisho::apply_edits(text, &all).unwrap(), "カメラとABC");
/// ```
pub fn apply_edits(text: &str, edits: &[Edit<'_>]) -> Result<String, ApplyError> {
    let mut order: Vec<&Edit<'_>> = edits.iter().collect();
    order.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in order {
        if e.range.start < pos {
            return Err(ApplyError {
                kind: ApplyErrorKind::Overlap { at: e.range.start },
            });
        }
        if text.get(e.range.clone()) != Some(e.original) {
            return Err(ApplyError {
                kind: ApplyErrorKind::Mismatch { at: e.range.start },
            });
        }
        out.push_str(&text[pos..e.range.start]);
        out.push_str(&e.replacement);
        pos = e.range.end;
    }
    out.push_str(&text[pos..]);
    Ok(out)
}
