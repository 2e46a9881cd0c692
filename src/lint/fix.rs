//! Fixing: the fixes of one round applied together, rounds until nothing more is fixable, and
//! the edits of all rounds composed into one list over the original text, so that what a fix
//! changed is known down to the bytes (for the encoder that writes it back and for `--diff`)
//! without diffing the texts.

use std::ops::Range;

use super::{Diagnostic, Fix, FixEdit, Linter, Syntax};
use crate::rule::Safety;

/// Fixing stops after this many rounds, converged or not.
pub const MAX_FIX_ROUNDS: usize = 3;

/// The result of [`Linter::fix`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The text with the fixes applied.
    pub text: String,
    /// What changed, as edits of the original text: sorted, never overlapping, each replacing
    /// its range of the original with its replacement gives [`Fixed::text`] (see
    /// [`apply_fix_edits`]). Fixes of later rounds that touch the output of earlier ones are
    /// merged with them into one edit.
    pub edits: Vec<FixEdit>,
    /// How many fixes were applied, over all rounds.
    pub applied: usize,
    /// How many rounds of linting and fixing it took (a fix can make another possible).
    pub rounds: usize,
    /// The diagnostics of the fixed text.
    pub remaining: Vec<Diagnostic>,
}

impl Linter {
    /// Applies the fixes of `text` (the safe ones, and the unsafe ones too with
    /// `unsafe_fixes`), linting again after each round until nothing more is fixable or
    /// [`MAX_FIX_ROUNDS`] rounds have run.
    pub fn fix(&self, text: &str, syntax: Syntax, unsafe_fixes: bool) -> Fixed {
        self.fix_with(text, syntax, unsafe_fixes, |_| true)
    }

    /// As [`Linter::fix`], applying only the fixes `keep` accepts (for example those a file's
    /// legacy encoding can write). The fixes it refuses stay in [`Fixed::remaining`].
    pub fn fix_with(
        &self,
        text: &str,
        syntax: Syntax,
        unsafe_fixes: bool,
        keep: impl Fn(&Fix) -> bool,
    ) -> Fixed {
        let mut current = text.to_owned();
        let mut edits: Vec<FixEdit> = Vec::new();
        let mut applied = 0;
        let mut rounds = 0;
        let mut diagnostics = self.lint(&current, syntax);
        while rounds < MAX_FIX_ROUNDS {
            let kept: Vec<&Fix> = diagnostics
                .iter()
                .filter(|d| d.is_fixable(unsafe_fixes))
                .filter_map(|d| d.fix.as_ref())
                .filter(|f| keep(f))
                .collect();
            let round = round_edits(&current, kept);
            if round.fixes == 0 {
                break;
            }
            rounds += 1;
            applied += round.fixes;
            let next = apply_fix_edits(&current, &round.edits);
            edits = compose(&edits, &current, &round.edits);
            current = next;
            diagnostics = self.lint(&current, syntax);
        }
        Fixed {
            text: current,
            edits,
            applied,
            rounds,
            remaining: diagnostics,
        }
    }
}

/// The edits of one round and how many fixes they come from.
struct Round {
    edits: Vec<FixEdit>,
    fixes: usize,
}

/// The edits of `fixes` that apply together to `text`, in order of position: a fix that is not
/// valid on `text` (out of bounds, off character boundaries, edits out of order) is skipped,
/// and so is one that overlaps a fix taken before it (it is left for the next round).
fn round_edits<'f>(text: &str, fixes: impl IntoIterator<Item = &'f Fix>) -> Round {
    let mut fixes: Vec<&Fix> = fixes.into_iter().filter(|f| valid(text, f)).collect();
    fixes.sort_by_key(|f| (f.span().start, f.span().end));
    let mut edits = Vec::new();
    let mut at = 0;
    let mut taken = 0;
    for fix in fixes {
        if fix.span().start < at {
            continue;
        }
        edits.extend(fix.edits.iter().cloned());
        at = fix.span().end;
        taken += 1;
    }
    Round {
        edits,
        fixes: taken,
    }
}

/// Applies the fixes of `diagnostics` to `text`: the safe ones, and the unsafe ones too with
/// `unsafe_fixes`. A fix that overlaps one applied before it (in the order of positions) is
/// left for the next round. Returns the new text and how many fixes were applied.
///
/// Fixes whose ranges are out of bounds or not on character boundaries are skipped.
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], unsafe_fixes: bool) -> (String, usize) {
    let round = round_edits(
        text,
        diagnostics
            .iter()
            .filter(|d| d.is_fixable(unsafe_fixes))
            .filter_map(|d| d.fix.as_ref()),
    );
    (apply_fix_edits(text, &round.edits), round.fixes)
}

/// `text` with `edits` applied: they must be sorted, not overlap, and lie on character
/// boundaries of `text`, as [`Fixed::edits`] and the edits of one [`Fix`] do.
///
/// ```
/// use seisho::lint::{apply_fix_edits, FixEdit};
/// let edits = [FixEdit { range: 0..3, replacement: "カ".into() }];
/// assert_eq!(apply_fix_edits("力メラ", &edits), "カメラ");
/// ```
pub fn apply_fix_edits(text: &str, edits: &[FixEdit]) -> String {
    splice(
        text,
        edits
            .iter()
            .map(|e| (e.range.clone(), e.replacement.as_str())),
    )
}

/// `text` with each range of `edits` (in order, none overlapping) replaced by its string.
pub(crate) fn splice<'r>(
    text: &str,
    edits: impl IntoIterator<Item = (std::ops::Range<usize>, &'r str)>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, replacement) in edits {
        out.push_str(&text[at..range.start]);
        out.push_str(replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Whether `fix`'s edits are in order, in bounds and on character boundaries.
fn valid(text: &str, fix: &Fix) -> bool {
    let mut at = 0;
    for edit in &fix.edits {
        let Range { start, end } = edit.range;
        if start < at
            || end < start
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return false;
        }
        at = end;
    }
    !fix.edits.is_empty()
}

/// Composes `first` (edits of some original text, giving `middle`) and `second` (edits of
/// `middle`) into edits of the original that give what `second` gives. Where an edit of
/// `second` touches the replacement of an edit of `first`, they become one edit over the
/// whole original span.
pub(crate) fn compose(first: &[FixEdit], middle: &str, second: &[FixEdit]) -> Vec<FixEdit> {
    if first.is_empty() {
        return second.to_vec();
    }
    // Where each edit of `first` is in `middle`.
    let mut out: Vec<Range<usize>> = Vec::with_capacity(first.len());
    let mut shift: isize = 0;
    for e in first {
        let start = e.range.start.wrapping_add_signed(shift);
        out.push(start..start + e.replacement.len());
        shift += e.replacement.len() as isize - e.range.len() as isize;
    }
    // Position `p` of `middle`, after the first `k` edits of `first` and before the others,
    // in the original.
    let back = |p: usize, k: usize| match k {
        0 => p,
        k => first[k - 1].range.end + (p - out[k - 1].end),
    };
    let mut result = Vec::with_capacity(first.len() + second.len());
    let (mut i, mut j) = (0, 0);
    while i < first.len() || j < second.len() {
        // A cluster: the next edit of either list in `middle`, and every edit touching it.
        // An insertion of `second` where an edit of `first` begins goes before it.
        let from_first = j == second.len()
            || (i < first.len()
                && (out[i].start < second[j].range.start
                    || (out[i].start == second[j].range.start && !second[j].range.is_empty())));
        let (i0, j0) = (i, j);
        let mut span = if from_first {
            i += 1;
            out[i0].clone()
        } else {
            j += 1;
            second[j0].range.clone()
        };
        loop {
            if i < first.len() && overlap(&out[i], &span) {
                span = span.start.min(out[i].start)..span.end.max(out[i].end);
                i += 1;
            } else if j < second.len() && overlap(&second[j].range, &span) {
                span = span.start.min(second[j].range.start)..span.end.max(second[j].range.end);
                j += 1;
            } else {
                break;
            }
        }
        if j == j0 {
            // Edits of `first` alone stay as they are.
            result.extend_from_slice(&first[i0..i]);
            continue;
        }
        let start = if i > i0 && out[i0].start == span.start {
            first[i0].range.start
        } else {
            // The edits of `first` before the cluster end at or before its start.
            back(span.start, i0)
        };
        let end = if i > i0 && out[i - 1].end == span.end {
            first[i - 1].range.end
        } else {
            back(span.end, i)
        };
        let mut replacement = String::new();
        let mut at = span.start;
        for e in &second[j0..j] {
            replacement.push_str(&middle[at..e.range.start]);
            replacement.push_str(&e.replacement);
            at = e.range.end;
        }
        replacement.push_str(&middle[at..span.end]);
        result.push(FixEdit {
            range: start..end,
            replacement,
        });
    }
    result.sort_by_key(|e| (e.range.start, e.range.end));
    result
}

/// Two rules may fix the same characters (ideographic-space and no-space-between-full-width
/// both want a U+3000). So that the fixes of one pass never overlap, safe fixes are kept
/// first, then unsafe ones, each in the order of positions, and a fix that overlaps one kept
/// is dropped from its diagnostic (which is still reported). `Linter::fix` lints again after
/// each round, so a dropped fix comes back if it still applies.
pub(super) fn drop_overlapping_fixes(diagnostics: &mut [Diagnostic]) {
    // Kept spans, by (start, end); they do not overlap each other, so only the last two
    // that start before a span ends can overlap it.
    let mut kept = std::collections::BTreeSet::<(usize, usize)>::new();
    let overlaps = |kept: &std::collections::BTreeSet<(usize, usize)>, span: &Range<usize>| {
        let limit = span.end.max(span.start + 1);
        kept.range(..(limit, 0))
            .rev()
            .take(2)
            .any(|&(s, e)| overlap(&(s..e), span))
    };
    for pass in [Safety::Safe, Safety::Unsafe] {
        for d in diagnostics.iter_mut() {
            let Some(fix) = &d.fix else { continue };
            if fix.safety != pass {
                continue;
            }
            let span = fix.span();
            if overlaps(&kept, &span) {
                d.fix = None;
            } else {
                kept.insert((span.start, span.end));
            }
        }
    }
}

/// Whether two spans share a character; an insertion (an empty span) overlaps a span it
/// falls strictly inside.
fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => false,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(range: Range<usize>, replacement: &str) -> FixEdit {
        FixEdit {
            range,
            replacement: replacement.to_owned(),
        }
    }

    #[test]
    fn composed_edits_give_the_same_text() {
        type Edits = &'static [(Range<usize>, &'static str)];
        let cases: &[(&str, Edits, Edits)] = &[
            // Apart.
            ("abcdef", &[(1..2, "XX")], &[(4..5, "Y")]),
            // The second edits the first's replacement.
            ("abcdef", &[(1..2, "XX")], &[(2..3, "Y")]),
            // The second covers the first and more.
            ("abcdef", &[(1..2, "XX")], &[(0..4, "")]),
            // A deletion, then an insertion where it was.
            ("abcdef", &[(2..4, "")], &[(2..2, "ZZ")]),
            // An insertion inside a replacement.
            ("abcdef", &[(1..3, "PQ")], &[(2..2, "-")]),
            // Two of the second across two of the first.
            (
                "abcdef",
                &[(0..1, "A"), (3..4, "D")],
                &[(0..2, "x"), (3..5, "y")],
            ),
            // One of the second joining two of the first.
            ("abcdef", &[(1..2, "B"), (3..4, "D")], &[(1..4, "_")]),
            // Adjacent, not touching.
            ("abcdef", &[(1..2, "B")], &[(0..1, "a"), (2..3, "c")]),
            // Empty lists.
            ("abc", &[], &[(1..2, "x")]),
            ("abc", &[(1..2, "x")], &[]),
        ];
        for (text, first, second) in cases {
            let first: Vec<FixEdit> = first.iter().map(|(r, s)| edit(r.clone(), s)).collect();
            let second: Vec<FixEdit> = second.iter().map(|(r, s)| edit(r.clone(), s)).collect();
            let middle = apply_fix_edits(text, &first);
            let expected = apply_fix_edits(&middle, &second);
            let composed = compose(&first, &middle, &second);
            assert!(
                composed
                    .windows(2)
                    .all(|w| w[0].range.end <= w[1].range.start),
                "{text:?} {first:?} {second:?}: {composed:?}"
            );
            assert_eq!(
                apply_fix_edits(text, &composed),
                expected,
                "{text:?} {first:?} {second:?}: {composed:?}"
            );
        }
    }

    /// Sorted edits of `text` that never overlap: from (start, length, replacement) triples,
    /// each kept when it begins after the previous one ends (an insertion only where no other
    /// edit begins or ends).
    fn edits_of(text: &str, raw: &[(usize, usize, String)]) -> Vec<FixEdit> {
        let mut raw: Vec<(usize, usize, &str)> = raw
            .iter()
            .map(|(s, l, r)| {
                let start = s % (text.len() + 1);
                (start, (start + l).min(text.len()), r.as_str())
            })
            .collect();
        raw.sort();
        let mut out: Vec<FixEdit> = Vec::new();
        for (start, end, r) in raw {
            let fits = out.last().is_none_or(|last: &FixEdit| {
                let touching = last.range.end == start;
                last.range.end <= start && !(touching && (start == end || last.range.is_empty()))
            });
            if fits {
                out.push(edit(start..end, r));
            }
        }
        out
    }

    proptest::proptest! {
        /// Applying the composed edits to the original gives what applying both lists in
        /// turn gives, and the composed edits are sorted and never overlap.
        #[test]
        fn composing_agrees_with_applying_in_turn(
            text in "[a-f]{0,12}",
            first in proptest::collection::vec((0usize..13, 0usize..4, "[X-Z]{0,3}"), 0..5),
            second in proptest::collection::vec((0usize..20, 0usize..5, "[x-z]{0,3}"), 0..5),
        ) {
            let first = edits_of(&text, &first);
            let middle = apply_fix_edits(&text, &first);
            let second = edits_of(&middle, &second);
            let expected = apply_fix_edits(&middle, &second);
            let composed = compose(&first, &middle, &second);
            proptest::prop_assert!(
                composed.windows(2).all(|w| w[0].range.end <= w[1].range.start),
                "{:?}", composed
            );
            proptest::prop_assert_eq!(apply_fix_edits(&text, &composed), expected);
        }
    }
}
