//! The public API: thread and unwind safety of the public types, and the offset maps of
//! [`seisho::Normalized`] on hand-made examples (deletion, expansion, shrink).

use std::borrow::Cow;
use std::ops::Range;
use std::panic::{RefUnwindSafe, UnwindSafe};

use seisho::{
    apply_edits, normalize, CompatClass, Edit, Normalized, Normalizer, NormalizerBuilder, Rule,
    Safety, WaveDashStyle,
};

fn assert_thread_and_unwind_safe<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

#[test]
fn public_types_are_send_sync_and_unwind_safe() {
    assert_thread_and_unwind_safe::<Normalizer>();
    assert_thread_and_unwind_safe::<NormalizerBuilder>();
    assert_thread_and_unwind_safe::<Normalized<'static>>();
    assert_thread_and_unwind_safe::<Edit<'static>>();
    assert_thread_and_unwind_safe::<Rule>();
    assert_thread_and_unwind_safe::<Safety>();
    assert_thread_and_unwind_safe::<CompatClass>();
    assert_thread_and_unwind_safe::<WaveDashStyle>();
    assert_thread_and_unwind_safe::<seisho::ApplyError>();
    assert_thread_and_unwind_safe::<seisho::UnknownRule>();
    assert_thread_and_unwind_safe::<seisho::LineIndex>();
    assert_thread_and_unwind_safe::<seisho::LineCol>();
}

#[test]
fn a_normalizer_is_shared_between_threads() {
    let n = Normalizer::builder().unsafe_fixes(true).build();
    let outputs: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = ["ｶﾞｲﾄﾞ", "力メラ", "コンピュ一タ"]
            .into_iter()
            .map(|text| {
                let n = &n;
                s.spawn(move || n.normalize(text).text().to_owned())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(outputs, ["ガイド", "カメラ", "コンピュータ"]);
}

/// Every input and output offset with its image, for the failure message.
fn maps(n: &Normalized<'_>) -> String {
    let to_n: Vec<_> = (0..=n.input().len())
        .filter(|&i| n.input().is_char_boundary(i))
        .map(|i| (i, n.to_normalized(i)))
        .collect();
    let to_o: Vec<_> = (0..=n.text().len())
        .filter(|&i| n.text().is_char_boundary(i))
        .map(|i| (i, n.to_original(i)))
        .collect();
    format!("to_normalized {to_n:?}\nto_original {to_o:?}")
}

#[test]
fn offsets_without_edits_are_the_identity() {
    let text = "ガイドとABC";
    let n = normalize(text);
    assert!(n.edits().is_empty());
    assert!(matches!(n.clone().into_text(), Cow::Borrowed(_)));
    for i in 0..=text.len() {
        assert_eq!(n.to_normalized(i), i);
        assert_eq!(n.to_original(i), i);
    }
    assert_eq!(n.normalized_range(3..9), 3..9);
    assert_eq!(n.original_range(3..9), 3..9);
}

/// The expected images of offsets and ranges under the maps of a [`Normalized`]: pairs of
/// an offset (or range) and its image.
#[derive(Default)]
struct Maps<'a> {
    to_normalized: &'a [(usize, usize)],
    to_original: &'a [(usize, usize)],
    normalized_range: &'a [(Range<usize>, Range<usize>)],
    original_range: &'a [(Range<usize>, Range<usize>)],
}

impl Maps<'_> {
    /// Checks every pair, with all the images of `n` in the failure message.
    #[track_caller]
    fn check(&self, n: &Normalized<'_>) {
        let m = maps(n);
        for &(x, o) in self.to_normalized {
            assert_eq!(n.to_normalized(x), o, "to_normalized({x})\n{m}");
        }
        for &(o, x) in self.to_original {
            assert_eq!(n.to_original(o), x, "to_original({o})\n{m}");
        }
        for (r, image) in self.normalized_range {
            assert_eq!(
                n.normalized_range(r.clone()),
                *image,
                "normalized_range({r:?})\n{m}"
            );
        }
        for (r, image) in self.original_range {
            assert_eq!(
                n.original_range(r.clone()),
                *image,
                "original_range({r:?})\n{m}"
            );
        }
    }
}

#[test]
fn offsets_across_a_deletion() {
    // あ (0..3), a zero-width space (3..6) that is deleted, い (6..9).
    let text = "あ\u{200B}い";
    let n = normalize(text);
    assert_eq!(n.text(), "あい");
    assert_eq!(n.edits().len(), 1);
    assert_eq!(n.edits()[0].range(), 3..6);
    assert_eq!(n.edits()[0].replacement(), "");
    Maps {
        // Into the output: the deleted character collapses onto the point between あ and い.
        to_normalized: &[(0, 0), (3, 3), (6, 3), (9, 6)],
        // Back: the point where text was deleted maps past the deletion, to い.
        to_original: &[(0, 0), (3, 6), (6, 9)],
        // い in the original is い in the output, and back; the deleted character itself
        // becomes an empty range.
        normalized_range: &[(6..9, 3..6), (3..6, 3..3)],
        original_range: &[(3..6, 6..9)],
    }
    .check(&n);
}

#[test]
fn offsets_across_deletions_at_both_ends() {
    // A BOM (0..3), あ (3..6), a zero-width space (6..9).
    let text = "\u{FEFF}あ\u{200B}";
    let n = normalize(text);
    assert_eq!(n.text(), "あ");
    Maps {
        to_normalized: &[(0, 0), (3, 0), (6, 3), (9, 3)],
        // あ starts at 3 in the original; the end of the output is the end of the input.
        to_original: &[(0, 3), (3, 9)],
        normalized_range: &[(3..6, 0..3)],
        ..Maps::default()
    }
    .check(&n);
}

#[test]
fn offsets_across_an_expansion() {
    // a (0..1), ㈱ (1..4) that becomes (株) (1..6 in the output), b (4..5; 6..7).
    let n = Normalizer::builder()
        .compat(CompatClass::Enclosed, true)
        .build();
    let text = "a㈱b";
    let out = n.normalize(text);
    assert_eq!(out.text(), "a(株)b");
    Maps {
        to_normalized: &[(0, 0), (1, 1), (4, 6), (5, 7)],
        // Inside the replacement (2 and 5): the start of the edit.
        to_original: &[(0, 0), (1, 1), (2, 1), (5, 1), (6, 4), (7, 5)],
        // 株 alone in the output widens to the whole edit; the edit maps to its replacement.
        original_range: &[(2..5, 1..4)],
        normalized_range: &[(1..4, 1..6), (4..5, 6..7)],
    }
    .check(&out);
}

#[test]
fn offsets_across_a_shrink() {
    // x (0..1), Ａ (1..4) -> A, y (4..5), ｶﾞ (5..11) -> ガ, z (11..12).
    let text = "xＡyｶﾞz";
    let n = normalize(text);
    assert_eq!(n.text(), "xAyガz");
    let ranges: Vec<_> = n.edits().iter().map(Edit::range).collect();
    assert_eq!(ranges, [1..4, 5..11]);
    Maps {
        to_normalized: &[(0, 0), (1, 1), (4, 2), (5, 3), (8, 3), (11, 6), (12, 7)],
        to_original: &[(0, 0), (1, 1), (2, 4), (3, 5), (6, 11), (7, 12)],
        // Half an edit widens to the whole replacement.
        normalized_range: &[(5..8, 3..6), (4..5, 2..3)],
        original_range: &[(3..6, 5..11)],
    }
    .check(&n);
}

#[test]
fn edits_describe_the_input() {
    // 力 may be the kanji here (チーム力, team strength): without the dictionary, a suggestion.
    // With it, チーム + 力 + アップ read as words and nothing is suggested (issue 13).
    let text = "チーム力アップとＡＢＣ";
    assert!(normalize(text).suggestions().is_empty());
    let n = seisho::Normalizer::builder()
        .dictionary(false)
        .build()
        .normalize(text);
    assert_eq!(n.input(), text);
    assert_eq!(n.text(), "チーム力アップとABC");
    let edit = &n.edits()[0];
    assert_eq!(edit.original(), "ＡＢＣ");
    assert_eq!(edit.replacement(), "ABC");
    assert_eq!(edit.rule(), Rule::FullwidthAscii);
    assert!(edit.is_safe());
    let s = &n.suggestions()[0];
    assert_eq!((s.original(), s.replacement()), ("力", "カ"));
    assert_eq!(s.rule(), Rule::KanjiInKatakana);
    assert_eq!(s.safety(), Safety::Unsafe);
    // The suggestions and the edits together make the unsafe output.
    let mut all: Vec<_> = n.edits().iter().chain(n.suggestions()).cloned().collect();
    all.sort_by_key(|e| e.range().start);
    assert_eq!(apply_edits(text, &all).unwrap(), "チームカアップとABC");
}

#[test]
fn apply_edits_rejects_edits_of_another_text() {
    let n = normalize("ＡＢＣ");
    assert!(apply_edits("xyzxyzxyz", n.edits()).is_err());
    let twice: Vec<_> = n.edits().iter().chain(n.edits()).cloned().collect();
    assert!(apply_edits("ＡＢＣ", &twice).is_err());
}

#[test]
fn rule_ids_parse() {
    for &rule in Rule::ALL {
        assert_eq!(rule.id().parse::<Rule>().unwrap(), rule);
        assert_eq!(rule.to_string(), rule.id());
    }
    assert_eq!(
        "no-such-rule".parse::<Rule>().unwrap_err().id(),
        "no-such-rule"
    );
}
