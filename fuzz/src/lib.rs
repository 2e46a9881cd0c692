//! The checks of the fuzz targets, one public function per target taking the fuzzer's bytes.
//!
//! Each target in `fuzz_targets/` is one call to a function here, and `tests/fuzz_regressions.rs`
//! of the seisho package replays the committed inputs of `tests/data/fuzz-regressions/TARGET/`
//! through the same function, so a crash found by fuzzing stays fixed under `cargo test`.
//! A check fails by panicking, which libFuzzer reports as a crash and the test as a failure.
//!
//! Bytes become text with `String::from_utf8_lossy`: seisho takes `&str`, and invalid UTF-8
//! is the CLI's business (it decodes files before they reach the library).
//!
//! The linter and scorer run without the morphological analyzer, as the fuzz crate builds
//! seisho without the dictionary; the regression test does the same, so that an input replays
//! the same way in both.

use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use seisho::lint::{
    apply_fix_edits, apply_fixes, Diagnostic, LintConfig, LintRule, Linter, Syntax, MAX_FIX_ROUNDS,
};
use seisho::neologdn::{Neologdn, Tilde};
use seisho::score::{JReadabilityLevel, Report, Scorer, Summary};
use seisho::{apply_edits, CompatClass, Edit, LineIndex, Normalized, Normalizer, Rule};
use seisho::{is_normalized, normalize as normalize_default, WaveDashStyle};

/// A target's check: panics when the input breaks an invariant.
pub type Check = fn(&[u8]);

/// The message of a check that failed: the text of its panic's payload.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

/// The targets, by name: the names of `fuzz_targets/*.rs` and of the regression directories.
pub const TARGETS: &[(&str, Check)] = &[
    ("normalize", normalize),
    ("lint", lint),
    ("score", score),
    ("markdown", markdown),
    ("config", config),
];

// ---------------------------------------------------------------------------------------------
// normalize

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
fn normalizers() -> &'static [Normalizer] {
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

/// `text` for a failure message: its first 200 characters, with its length when it is longer
/// (the hostile-input tests check megabytes).
pub fn shown(text: &str) -> String {
    match text.char_indices().nth(200) {
        None => format!("{text:?}"),
        Some((end, _)) => format!("{:?}… ({} bytes)", &text[..end], text.len()),
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

// ---------------------------------------------------------------------------------------------
// lint

/// Every rule on, without the analyzer.
fn every_rule() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let mut config = LintConfig::default();
        for rule in LintRule::all() {
            config.set_enabled(rule.id(), true).expect("a known rule");
        }
        Linter::new(config).without_analyzer()
    })
}

/// Linting any text with every rule on, then fixing it (see [`check_lint`]).
pub fn lint(data: &[u8]) {
    check_lint(every_rule(), &String::from_utf8_lossy(data), Syntax::Text);
}

/// Linting `text`: diagnostics well formed; the fixes of one pass apply cleanly, all together
/// (none overlaps another); and fixing, with and without unsafe fixes, converges within
/// [`MAX_FIX_ROUNDS`] rounds, leaving nothing it could fix.
pub fn check_lint(linter: &Linter, text: &str, syntax: Syntax) {
    let diagnostics = linter.lint(text, syntax);
    diagnostics_well_formed(text, &diagnostics);
    let fixes = diagnostics.iter().filter(|d| d.fix.is_some()).count();
    let (_, applied) = apply_fixes(text, &diagnostics, true);
    assert_eq!(
        applied, fixes,
        "fixes of one pass overlap or do not apply: {text:?}: {diagnostics:?}"
    );
    for unsafe_fixes in [false, true] {
        let fixed = linter.fix(text, syntax, unsafe_fixes);
        assert!(fixed.rounds <= MAX_FIX_ROUNDS);
        assert_eq!(fixed.rounds == 0, fixed.applied == 0);
        if fixed.applied == 0 {
            assert_eq!(fixed.text, text);
        }
        assert_eq!(
            apply_fix_edits(text, &fixed.edits),
            fixed.text,
            "the composed edits of {text:?} do not give the fixed text: {:?}",
            fixed.edits
        );
        if !unsafe_fixes {
            fix_is_safe(text, syntax, &diagnostics, &fixed);
        }
        let again = linter.lint(&fixed.text, syntax);
        assert_eq!(fixed.remaining, again, "remaining diagnostics of {text:?}");
        diagnostics_well_formed(&fixed.text, &again);
        let left: Vec<&Diagnostic> = again
            .iter()
            .filter(|d| d.is_fixable(unsafe_fixes))
            .collect();
        assert!(
            left.is_empty(),
            "not converged (unsafe fixes {unsafe_fixes}) after {} rounds: {text:?} -> {:?}: {left:?}",
            fixed.rounds,
            fixed.text
        );
    }
}

/// What safe fixes never do: unbalance a bracket pair (the `unmatched-pair` reports never
/// grow, when that rule is on) or, in Markdown, change anything that is not prose (code,
/// HTML, URLs, link destinations, front matter: where the prose map is blank, the original
/// text is not touched).
fn fix_is_safe(text: &str, syntax: Syntax, before: &[Diagnostic], fixed: &seisho::lint::Fixed) {
    let unmatched = |d: &[Diagnostic]| d.iter().filter(|d| d.rule == "unmatched-pair").count();
    assert!(
        unmatched(&fixed.remaining) <= unmatched(before),
        "safe fixes unbalanced a pair: {text:?} -> {:?}",
        fixed.text
    );
    if syntax == Syntax::Markdown {
        let prose = seisho::markdown::prose(text);
        for e in &fixed.edits {
            let r = e.range.clone();
            assert_eq!(
                &prose.text()[r.clone()],
                &text[r.clone()],
                "a safe fix changed what is not prose: {text:?} at {r:?} -> {:?}",
                fixed.text
            );
        }
    }
}

/// In order, in bounds, on character boundaries, with the right lines and columns, and each
/// fix's edits in order, in bounds and on character boundaries.
fn diagnostics_well_formed(text: &str, diagnostics: &[Diagnostic]) {
    let index = LineIndex::new(text);
    let mut last = 0;
    for d in diagnostics {
        let r = &d.range;
        assert!(r.start <= r.end && r.end <= text.len(), "{d:?} in {text:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{d:?} in {text:?}"
        );
        assert!(r.start >= last, "not sorted: {d:?} in {text:?}");
        last = r.start;
        assert_eq!(
            d.start,
            index.line_col(text, r.start),
            "start of {d:?} in {text:?}"
        );
        assert_eq!(
            d.end,
            index.line_col(text, r.end),
            "end of {d:?} in {text:?}"
        );
        assert!(!d.message.is_empty());
        if let Some(fix) = &d.fix {
            assert!(!fix.edits.is_empty(), "empty fix: {d:?}");
            let mut at = 0;
            for e in &fix.edits {
                let r = &e.range;
                assert!(
                    at <= r.start && r.start <= r.end && r.end <= text.len(),
                    "{d:?}"
                );
                assert!(
                    text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                    "{d:?}"
                );
                at = r.end;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// score

fn scorer() -> &'static Scorer {
    static SCORER: OnceLock<Scorer> = OnceLock::new();
    SCORER.get_or_init(|| Scorer::builder().analyzer(false).build())
}

/// Scoring any text: no panic, every number finite, ranges in bounds, counts that add up.
pub fn score(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_report(&text, &scorer().score(&text));
}

/// A report of plain `text`: the checks of every report ([`check_any_report`]), and those
/// that hold for plain text only (a Markdown document's prose has blocks the splitter does not
/// see): every character that is not whitespace is counted, the sentences and paragraphs are
/// the splitter's, and jReadability has at most a sentence per sentence end and paragraph.
pub fn check_report(text: &str, report: &Report) {
    check_any_report(text, report);
    let non_space = text.chars().filter(|&c| !is_space(c)).count();
    assert_eq!(
        report.characters,
        non_space,
        "characters are the non-whitespace: {}",
        shown(text)
    );
    let split: Vec<_> = seisho::sentences(text)
        .map(|s| (s.range(), s.paragraph()))
        .collect();
    let reported: Vec<_> = report
        .sentences
        .iter()
        .map(|s| (s.range.clone(), s.paragraph))
        .collect();
    assert!(
        reported == split,
        "sentences are not the splitter's: {}",
        shown(text)
    );
    assert_eq!(
        report.paragraphs,
        report.sentences.last().map_or(0, |s| s.paragraph + 1)
    );
    if let Some(j) = &report.jreadability {
        // jReadability's own sentences: one after each 。？！． and one for words after the
        // last, whatever the splitter says.
        let ends = text.matches(['。', '？', '！', '．']).count();
        assert!(
            j.sentences >= 1 && j.sentences <= ends + report.paragraphs.max(1),
            "{} jReadability sentences: {}",
            j.sentences,
            shown(text)
        );
    }
}

/// Whitespace and invisible characters (controls, zero-width characters, the soft hyphen,
/// bidirectional controls) as the scorer counts them: not characters.
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\u{3000}' | '\u{A0}' | '\u{2000}'..='\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202A}'..='\u{202F}'
            | '\u{205F}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\0'..='\x1F'
            | '\x7F'..='\u{9F}'
            | '\u{AD}'
            | '\u{180E}'
    )
}

/// A report of `text` (the text that was scored: a Markdown document's prose): every number
/// finite, ratios from 0 to 1, sentences in order and in bounds, counts that add up, summaries
/// of the sentences' lengths, and the fields of the analyzer there iff it analyzed.
pub fn check_any_report(text: &str, report: &Report) {
    // Through CBOR, which keeps NaN and infinities as floats (JSON would make them null).
    let value = ciborium::Value::serialized(report).expect("a report serializes");
    finite(&value);
    check_sentences(text, report);
    check_scripts(text, report);
    check_kanji(text, report);
    assert_eq!(report.tateishi.is_some(), !report.sentences.is_empty());
    check_analyzer_fields(report);
}

/// A ratio from 0 to 1.
fn unit(x: f64, what: &str, text: &str) {
    assert!((0.0..=1.0).contains(&x), "{what} = {x}: {}", shown(text));
}

/// The sentences: in order, in bounds and on character boundaries, their counts adding up to
/// the report's, and the summaries of their lengths.
fn check_sentences(text: &str, report: &Report) {
    let lengths = &report.sentence_length;
    assert_eq!(report.sentences.len(), lengths.count);
    let mut last = 0;
    let mut paragraph = 0;
    for s in &report.sentences {
        let r = &s.range;
        assert!(r.start >= last && r.start < r.end, "{s:?}: {}", shown(text));
        assert!(r.end <= text.len(), "{s:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        last = r.end;
        assert!(s.characters <= text[r.clone()].chars().count(), "{s:?}");
        assert!(
            s.paragraph >= paragraph && s.paragraph < report.paragraphs,
            "{s:?}"
        );
        paragraph = s.paragraph;
        unit(s.kanji_ratio, "sentence kanji ratio", text);
        assert!(s.words.is_none() || report.analyzed);
    }
    let sum = |f: fn(&seisho::score::SentenceReport) -> usize| -> usize {
        report.sentences.iter().map(f).sum()
    };
    assert_eq!(sum(|s| s.characters), report.characters, "{}", shown(text));
    assert_eq!(sum(|s| s.toten), report.toten.total, "{}", shown(text));
    assert_eq!(
        report.toten.max,
        report.sentences.iter().map(|s| s.toten).max().unwrap_or(0)
    );
    let characters: Vec<usize> = report.sentences.iter().map(|s| s.characters).collect();
    check_summary(&lengths.characters, &characters, "characters");
    if let Some(words) = &lengths.words {
        let per: Vec<usize> = report.sentences.iter().filter_map(|s| s.words).collect();
        check_summary(words, &per, "words");
    }
    assert_eq!(
        lengths.long,
        characters
            .iter()
            .filter(|&&n| n > lengths.long_threshold)
            .count()
    );
}

/// `summary` is the summary of `values`: the largest, the mean, and a median and a 90th
/// percentile between the smallest and the largest (all 0 for no value).
fn check_summary(summary: &Summary, values: &[usize], what: &str) {
    assert_eq!(
        summary.max,
        values.iter().copied().max().unwrap_or(0),
        "{what}"
    );
    let Some(&min) = values.iter().min() else {
        assert_eq!(*summary, Summary::default(), "{what} of no sentence");
        return;
    };
    let (min, max) = (min as f64, summary.max as f64);
    for (name, v) in [
        ("mean", summary.mean),
        ("median", summary.median),
        ("p90", summary.p90),
    ] {
        assert!(
            min <= v && v <= max,
            "{what}: {name} {v} outside [{min}, {max}]"
        );
    }
    assert!(summary.median <= summary.p90 + 1e-9, "{what}: {summary:?}");
    let mean = values.iter().sum::<usize>() as f64 / values.len() as f64;
    assert!((summary.mean - mean).abs() < 1e-9, "{what}: {summary:?}");
}

/// The scripts: counts that add up to the characters, and ratios that add up to 1.
fn check_scripts(text: &str, report: &Report) {
    let sc = &report.scripts;
    let shares = [
        &sc.kanji,
        &sc.hiragana,
        &sc.katakana,
        &sc.latin,
        &sc.digits,
        &sc.punctuation,
        &sc.symbols,
    ];
    let counted: usize = shares.iter().map(|s| s.count).sum();
    assert_eq!(
        counted,
        report.characters,
        "script counts of {}",
        shown(text)
    );
    for share in shares {
        unit(share.ratio, "script ratio", text);
    }
    unit(sc.kanji_ratio, "kanji ratio", text);
    if report.characters > 0 {
        let total: f64 = shares.iter().map(|s| s.ratio).sum();
        assert!(
            (total - 1.0).abs() < 1e-9,
            "script ratios add up to {total}"
        );
    }
}

/// The kanji grades (the iteration marks, counted as kanji, have none) and the longest kanji
/// run, which is where it says it is, in its sentence.
fn check_kanji(text: &str, report: &Report) {
    let kanji = report.scripts.kanji.count;
    let grades = &report.kanji_grades;
    assert_eq!(grades.bands.len(), 9);
    let banded: usize = grades.bands.iter().map(|b| b.count).sum();
    assert_eq!(banded, grades.total, "kanji bands");
    assert!(grades.total <= kanji, "{grades:?}: {}", shown(text));
    assert_eq!(grades.grade_for_95_percent.is_some(), grades.total > 0);
    for band in &grades.bands {
        unit(band.share, "kanji band share", text);
    }
    let Some(run) = &report.longest_kanji_run else {
        assert_eq!(kanji, 0, "kanji but no run: {}", shown(text));
        return;
    };
    assert_eq!(
        text.get(run.range.clone()),
        Some(run.text.as_str()),
        "{run:?}"
    );
    assert!(
        run.length >= 1 && run.length <= run.text.chars().count() && run.length <= kanji,
        "{run:?}"
    );
    let sentence = &report
        .sentences
        .get(run.sentence)
        .expect("the run's sentence")
        .range;
    assert!(
        sentence.start <= run.range.start && run.range.end <= sentence.end,
        "{run:?} outside its sentence {sentence:?}"
    );
}

/// The analyzer's fields: there iff it analyzed, jReadability its formula of its variables.
fn check_analyzer_fields(report: &Report) {
    let lengths = &report.sentence_length;
    if !report.analyzed {
        assert!(report.jreadability.is_none() && lengths.words.is_none());
        assert!(report.sentences.iter().all(|s| s.words.is_none()));
        assert_eq!(
            report.needs_analyzer.len(),
            3,
            "{:?}",
            report.needs_analyzer
        );
        return;
    }
    assert!(report.needs_analyzer.is_empty());
    // Present even for no sentence (all zero), as `characters` is.
    assert!(lengths.words.is_some());
    assert!(report.sentences.iter().all(|s| s.words.is_some()));
    if let Some(j) = &report.jreadability {
        assert_eq!(j.level, JReadabilityLevel::of(j.score));
        let formula = j.mean_sentence_words * -0.056
            + j.kango_percent * -0.126
            + j.wago_percent * -0.042
            + j.verb_percent * -0.145
            + j.particle_percent * -0.044
            + 11.724;
        assert!((j.score - formula).abs() < 1e-9, "{j:?}");
        for p in [
            j.kango_percent,
            j.wago_percent,
            j.verb_percent,
            j.particle_percent,
            j.gairaigo_percent,
            j.konshu_percent,
        ] {
            assert!((0.0..=100.0).contains(&p), "percent {p}: {j:?}");
        }
    }
}

fn finite(value: &ciborium::Value) {
    match value {
        ciborium::Value::Float(x) => assert!(x.is_finite(), "a number is {x}"),
        ciborium::Value::Array(items) => items.iter().for_each(finite),
        ciborium::Value::Map(entries) => entries.iter().for_each(|(k, v)| {
            finite(k);
            finite(v);
        }),
        ciborium::Value::Tag(_, inner) => finite(inner),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// markdown

/// A Markdown document: its prose is the document with the markup blanked out (same length,
/// line breaks in place, blocks in order), and linting and scoring it as Markdown hold the
/// invariants of plain text.
pub fn markdown(data: &[u8]) {
    let doc = String::from_utf8_lossy(data);
    let prose = seisho::markdown::prose(&doc);
    let text = prose.text();
    assert_eq!(text.len(), doc.len());
    for (a, b) in doc.bytes().zip(text.bytes()) {
        assert!(
            a == b || b == b' ',
            "prose byte {b:#x} for {a:#x} in {doc:?}"
        );
        assert_eq!(a == b'\n', b == b'\n', "line breaks moved in {doc:?}");
    }
    let mut last = 0;
    for block in prose.blocks() {
        assert!(block.start >= last && block.start <= block.end && block.end <= doc.len());
        assert!(doc.is_char_boundary(block.start) && doc.is_char_boundary(block.end));
        last = block.end;
    }
    let mut last = 0;
    for sentence in prose.sentences() {
        let r = sentence.range();
        assert!(r.start >= last, "sentences out of order in {doc:?}");
        assert_eq!(&text[r.clone()], sentence.text());
        last = r.end;
    }
    check_lint(every_rule(), &doc, Syntax::Markdown);
    check_normalize_markdown(&doc, text);
    // The report's ranges are ranges of the document, and its prose is what was scored.
    check_any_report(text, &scorer().score_markdown(&doc));
}

/// `fmt` on Markdown: edits only where the prose is the document's own text, none writes a
/// Markdown markup character, and the edits give the output.
fn check_normalize_markdown(doc: &str, prose: &str) {
    for normalizer in normalizers() {
        let n = normalizer.normalize_as(doc, Syntax::Markdown);
        for e in n.edits().iter().chain(n.suggestions()) {
            let r = e.range();
            assert_eq!(
                &prose[r.clone()],
                &doc[r.clone()],
                "an edit outside prose in {doc:?}: {e:?}"
            );
            for c in ['*', '_', '`', '[', ']', '<', '>', '#', '|', '\\', '~'] {
                assert!(
                    !e.replacement().contains(c) || e.original().contains(c),
                    "an edit writes markup in {doc:?}: {e:?}"
                );
            }
        }
        assert_eq!(
            apply_edits(doc, n.edits()).as_deref(),
            Ok(n.text()),
            "the edits of {doc:?} do not give the output"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// config

/// A short draft that most rules have something to say about, linted with each configuration
/// that parses.
const DRAFT: &str = "コンピュ一タの設定を 保存します。私は彼は見れる、、と思った。\n\n# 見出し\n\
                     ｶﾞｲﾄﾞ～ＡＢＣ１２３です。ないことはないである。";

/// Parsing any `seisho.toml`: no panic; an error names a place in the file (and renders
/// with it); a configuration that parses makes a linter that holds the lint invariants.
pub fn config(data: &[u8]) {
    use seisho_cli::config::{parse, ConfigErrors};
    let text = String::from_utf8_lossy(data);
    let dir = PathBuf::from("/project");
    match parse(&text, dir.clone(), true) {
        Ok(config) => {
            assert_eq!(config.dir, dir);
            let linter = config.linter();
            for syntax in [Syntax::Text, Syntax::Markdown] {
                check_lint(&linter, DRAFT, syntax);
            }
            for path in [
                "/project/a.md",
                "/project/docs/b.txt",
                "/elsewhere/c.md",
                "d",
            ] {
                config.selects(std::path::Path::new(path));
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "no error for a rejected file: {text:?}");
            let mut last = 0;
            for e in &errors {
                assert!(!e.message.is_empty());
                assert!(e.span.start <= e.span.end, "{e:?}");
                assert!(e.span.start >= last, "errors out of order: {errors:?}");
                last = e.span.start;
                // The span is in the file (an empty one may sit at its end).
                assert!(e.span.end <= text.len(), "{e:?} beyond the end of {text:?}");
            }
            let errors = ConfigErrors {
                path: PathBuf::from("seisho.toml"),
                source: text.clone().into_owned(),
                errors,
            };
            // Each error is shown as `seisho.toml:LINE:COLUMN: message`.
            let shown = errors.to_string();
            assert!(shown.starts_with("seisho.toml:"), "{shown}");
            assert!(!errors.render(false).is_empty());
        }
    }
}
