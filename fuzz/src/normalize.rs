//! The `normalize` target: the normalizer's invariants, one check each, which the property
//! tests (`tests/properties.rs`) and the hostile-input tests of the seisho package run too.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use seisho::neologdn::{Neologdn, Tilde};
use seisho::{apply_edits, CompatClass, Edit, Normalized, Normalizer, Rule};
use seisho::{is_normalized, normalize as normalize_default, WaveDashStyle};

use crate::shown;

/// `builder` with every option on: the ideographic-space rule, leaders, collapsed
/// exclamations, the full-width tilde and every compatibility class (where the rules interact
/// most). The property tests use it too.
pub fn everything_on(builder: seisho::NormalizerBuilder) -> seisho::NormalizerBuilder {
    let mut b = builder
        .enable(Rule::IdeographicSpace)
        .leaders(true)
        .collapse_exclamations(true)
        .wave_dash(WaveDashStyle::FullwidthTilde);
    for &class in CompatClass::ALL {
        b = b.compat(class, true);
    }
    b
}

/// The normalizers every input is checked with: the defaults, with unsafe fixes, and every
/// option on (with and without unsafe fixes), where the rules interact most. None confirms
/// kana typos with the dictionary, so that the regression test (whose seisho has it) checks
/// what the fuzzer did.
pub(crate) fn normalizers() -> &'static [Normalizer] {
    static NORMALIZERS: OnceLock<Vec<Normalizer>> = OnceLock::new();
    NORMALIZERS.get_or_init(|| {
        let everything = || everything_on(Normalizer::builder().dictionary(false));
        vec![
            Normalizer::builder().dictionary(false).build(),
            Normalizer::builder()
                .dictionary(false)
                .unsafe_fixes(true)
                .build(),
            everything().build(),
            everything().unsafe_fixes(true).build(),
        ]
    })
}

/// Normalizing any text: the output is a fixed point, the edit log reproduces it, the
/// suggestions apply on their own, `is_normalized` agrees, and the offset maps between input
/// and output round-trip both ways.
pub fn normalize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for n in normalizers() {
        check_normalized(n, &text);
    }
    // The neologdn preset: its edit log describes its output exactly, and the offset maps hold.
    for preset in [
        Neologdn::default(),
        Neologdn {
            repeat: 2,
            remove_space: false,
            tilde: Tilde::NormalizeZenkaku,
            ..Neologdn::default()
        },
    ] {
        let n = preset.normalize(&text);
        edits_well_formed(&text, n.edits(), "neologdn edits");
        assert!(n.suggestions().is_empty());
        assert_eq!(
            apply_edits(&text, n.edits()).as_deref(),
            Ok(n.text()),
            "neologdn edits do not reproduce the output of {text:?}"
        );
        offset_maps(&n);
    }
    // The free functions are the default normalizer.
    let default = Normalizer::default().normalize(&text);
    assert_eq!(normalize_default(&text).text(), default.text());
    assert_eq!(is_normalized(&text), default.text() == text);
}

/// Every check of one normalizer on `text` (the property tests run each on its own).
pub fn check_normalized(n: &Normalizer, text: &str) {
    let once = n.normalize(text);
    assert_eq!(once.input(), text);
    check_edits(n, &once);
    check_edits_apply(&once);
    check_bounded_growth(&once);
    check_idempotent(n, &once);
    check_is_normalized(n, &once);
    offset_maps(&once);
}

/// The edits and the suggestions are well formed ([`edits_well_formed`]); without unsafe
/// fixes the edits are safe and the suggestions unsafe, with them no suggestion is left.
pub fn check_edits(n: &Normalizer, once: &Normalized<'_>) {
    let text = once.input();
    edits_well_formed(text, once.edits(), "edits");
    edits_well_formed(text, once.suggestions(), "suggestions");
    if n.applies_unsafe_fixes() {
        assert!(
            once.suggestions().is_empty(),
            "suggestions left with unsafe fixes on: {}",
            shown(text)
        );
    } else {
        assert!(
            once.edits().iter().all(Edit::is_safe),
            "unsafe edit: {}",
            shown(text)
        );
        assert!(
            once.suggestions().iter().all(|e| !e.is_safe()),
            "safe suggestion: {}",
            shown(text)
        );
    }
}

/// The edit log describes the change exactly, and the suggestions never overlap one another
/// and apply to the input on their own.
pub fn check_edits_apply(once: &Normalized<'_>) {
    let (text, out) = (once.input(), once.text());
    assert_eq!(
        apply_edits(text, once.edits()).as_deref(),
        Ok(out),
        "edits do not reproduce the output of {}",
        shown(text)
    );
    assert_eq!(once.is_changed(), !once.edits().is_empty());
    assert!(once.is_changed() || out == text);
    assert!(
        apply_edits(text, once.suggestions()).is_ok(),
        "suggestions do not apply to {}",
        shown(text)
    );
}

/// The output is at most a small constant factor longer than the input.
pub fn check_bounded_growth(once: &Normalized<'_>) {
    let (text, out) = (once.input(), once.text());
    assert!(
        out.len() <= 3 * text.len() + 16,
        "{} bytes -> {} bytes: {}",
        text.len(),
        out.len(),
        shown(text)
    );
}

/// Idempotence: a second pass changes nothing.
pub fn check_idempotent(n: &Normalizer, once: &Normalized<'_>) {
    let (text, out) = (once.input(), once.text());
    let twice = n.normalize(out);
    assert!(
        twice.text() == out && twice.edits().is_empty(),
        "not idempotent: {} -> {} -> {}; second edits: {:?}",
        shown(text),
        shown(out),
        shown(twice.text()),
        twice
            .edits()
            .iter()
            .take(5)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
}

/// `is_normalized` agrees with the normalizer, both ways, and an unchanged text is borrowed.
pub fn check_is_normalized(n: &Normalizer, once: &Normalized<'_>) {
    let (text, out) = (once.input(), once.text());
    assert_eq!(
        n.is_normalized(text),
        !once.is_changed(),
        "is_normalized({})",
        shown(text)
    );
    assert!(
        n.is_normalized(out),
        "is_normalized(normalize({}))",
        shown(text)
    );
    if once.edits().is_empty() {
        assert!(
            matches!(once.clone().into_text(), Cow::Borrowed(_)),
            "an unchanged text is not borrowed: {}",
            shown(text)
        );
    }
}

/// Sorted, non-overlapping, non-empty, on character boundaries, describing the input.
pub fn edits_well_formed(text: &str, edits: &[Edit<'_>], what: &str) {
    let mut end = 0;
    for e in edits {
        let r = e.range();
        assert!(
            r.start < r.end,
            "{what}: empty range {e} in {}",
            shown(text)
        );
        assert!(
            r.start >= end,
            "{what}: unsorted or overlapping at {e} in {}",
            shown(text)
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{what}: not on character boundaries: {e} in {}",
            shown(text)
        );
        assert_eq!(e.original(), &text[r.clone()], "{what}: original of {e}");
        end = r.end;
    }
}

/// Offsets on character boundaries, with the end.
fn boundaries(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
}

/// The maps between the input and the output, both ways: ends map to ends, both are monotonic
/// and land on character boundaries, unedited characters map to themselves, and each map
/// undoes the other where the documentation says it does.
pub fn offset_maps(n: &Normalized<'_>) {
    let (input, out) = (n.input(), n.text());
    let edits = n.edits();
    assert_eq!(n.to_normalized(0), 0);
    assert_eq!(n.to_normalized(input.len()), out.len(), "{input:?}");
    assert_eq!(n.to_original(out.len()), input.len(), "{input:?}");
    // Inside an edit: strictly between its start and its end.
    let inside_edit = |x: usize| {
        edits
            .iter()
            .any(|e| e.range().start < x && x < e.range().end)
    };
    let deletion_at = |x: usize| {
        edits
            .iter()
            .any(|e| e.range().start == x && e.replacement().is_empty())
    };
    // Where each replacement is in the output.
    let replacements: Vec<Range<usize>> = edits
        .iter()
        .map(|e| {
            let start = n.to_normalized(e.range().start);
            start..start + e.replacement().len()
        })
        .collect();
    for (e, r) in edits.iter().zip(&replacements) {
        assert_eq!(
            &out[r.clone()],
            e.replacement(),
            "replacement of {e} in {input:?}"
        );
        assert_eq!(n.normalized_range(e.range()), r.clone(), "{e} in {input:?}");
    }
    let inside_replacement = |o: usize| replacements.iter().any(|r| r.start < o && o < r.end);

    for (x, o) in mapped(input, out, |x| n.to_normalized(x), "to_normalized") {
        if inside_edit(x) {
            continue;
        }
        // An unedited character is copied: it is where the map says.
        if let Some(c) = input[x..].chars().next() {
            if !edits.iter().any(|e| e.range().start == x) {
                assert!(
                    out[o..].starts_with(c),
                    "to_normalized({x}) = {o}: {c:?} not there in {out:?} (input {input:?})"
                );
            }
        }
        // Back again: the same offset, or past a deletion that starts there.
        let back = n.to_original(o);
        assert!(
            back == x || (back > x && deletion_at(x)),
            "to_original(to_normalized({x})) = to_original({o}) = {back} in {input:?}"
        );
    }
    for (o, x) in mapped(out, input, |o| n.to_original(o), "to_original") {
        if !inside_replacement(o) {
            assert_eq!(
                n.to_normalized(x),
                o,
                "to_normalized(to_original({o})) with to_original = {x} in {input:?}, output {out:?}"
            );
        }
    }
}

/// Each offset on a character boundary of `from` (with the end) and its image by `map`,
/// checked to be monotonic and on a character boundary of `to`.
fn mapped(from: &str, to: &str, map: impl Fn(usize) -> usize, what: &str) -> Vec<(usize, usize)> {
    let mut last = 0;
    boundaries(from)
        .map(|x| {
            let image = map(x);
            assert!(image >= last, "{what} not monotonic at {x} in {from:?}");
            assert!(
                to.is_char_boundary(image),
                "{what}({x}) = {image} in {from:?}, image {to:?}"
            );
            last = image;
            (x, image)
        })
        .collect()
}
