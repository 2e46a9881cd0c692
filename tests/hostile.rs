//! Hostile and large inputs (issue 7): a long run of combining marks, deeply nested and
//! mismatched brackets, NUL and every control character, every Unicode scalar value once, an
//! empty text, only whitespace, and megabytes with no line break or no sentence end.
//!
//! Every operation of the core must return a sane result on each: the normalizer's output is
//! idempotent and its edits reproduce it, offsets fall on character boundaries, every number
//! of the readability report is finite, diagnostics are in bounds and fixing converges. The
//! checks of the normalizer and the scorer are the fuzz targets' (`fuzz/src/`), those
//! that take a time linear in the input; the lint checks are this file's, as the fuzz target's
//! count every diagnostic's column from the start of its line (quadratic on one long line). The
//! sizes are moderate so that the tests stay quick unoptimized; `bench/scaling.sh` runs the
//! same kinds of input at 1 to 100 MB and measures time and memory.

use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};

use seisho::lint::{LintConfig, LintRule, Linter, Syntax, MAX_FIX_ROUNDS};
use seisho::score::{Report, Scorer};
use seisho::Normalizer;

// ---------------------------------------------------------------------------------------------
// The inputs

/// `unit` repeated until the text has at least `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// The hostile inputs, by name, at sizes an unoptimized build goes through in seconds
/// ([`million_nested_brackets_and_megabytes_on_one_line`] has the large ones).
fn inputs() -> Vec<(&'static str, String)> {
    let controls: String = (0u32..0x20)
        .chain([0x7F])
        .chain(0x80..0xA0)
        .filter_map(char::from_u32)
        .collect();
    let every_scalar: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
    vec![
        ("empty", String::new()),
        ("spaces", " ".repeat(10_000)),
        (
            "whitespace",
            repeat_to(" \t\u{3000}\u{A0}\u{2028}\u{FEFF} \n\r\n\n", 50_000),
        ),
        ("only NUL", "\0".repeat(50_000)),
        (
            "controls",
            repeat_to(&format!("設定{controls}\u{FEFF}確認。"), 100_000),
        ),
        // A million combining marks after one base, in two scripts.
        (
            "combining voiced marks",
            format!("か{}", "\u{3099}".repeat(100_000)),
        ),
        (
            "combining acute accents",
            format!("e{}", "\u{301}".repeat(100_000)),
        ),
        (
            "combining marks alone",
            "\u{309B}\u{3099}\u{309A}\u{301}".repeat(20_000),
        ),
        // A million nested brackets.
        (
            "nested parentheses",
            format!("{}語{}", "(".repeat(100_000), ")".repeat(100_000)),
        ),
        (
            "nested kagikakko",
            format!("{}言う。{}", "「".repeat(30_000), "」".repeat(30_000)),
        ),
        // Closers of another kind than every opener: each looks for its partner.
        (
            "mismatched brackets",
            format!("{}{}", "(".repeat(30_000), "」".repeat(30_000)),
        ),
        ("closers only", ")".repeat(50_000)),
        ("every code point", every_scalar),
        // Megabytes with no line break: one paragraph; and with no sentence end either, one
        // sentence that the analyzer must cut.
        (
            "one line",
            repeat_to("サーバを再起動し、設定を確認する。ログを見れる。 ", 300_000),
        ),
        (
            "one sentence",
            repeat_to(
                "データベースの設定を確認してからサーバを再起動する手順",
                300_000,
            ),
        ),
        ("one character", "あ".repeat(100_000)),
        ("half-width kana", repeat_to("ｻｰﾊﾞﾃﾞｰﾀﾍﾞｰｽｶﾞｲﾄﾞ", 100_000)),
    ]
}

// ---------------------------------------------------------------------------------------------
// Checks

fn on_boundaries(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what}: {range:?} out of 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: {range:?} not on character boundaries"
    );
}

/// Runs `check`, naming the input when it fails (the fuzz crate's checks show a text's start).
fn named(name: &str, check: impl FnOnce()) {
    if let Err(panic) = catch_unwind(AssertUnwindSafe(check)) {
        panic!("{name}: {}", seisho_fuzz::panic_message(&*panic));
    }
}

/// The `normalize` fuzz target's checks that take a time linear in the input (its offset
/// checks visit every offset with every edit), and the offset maps at both ends and at the
/// first edits.
fn check_normalize(name: &str, normalizer: &Normalizer, input: &str) {
    let out = normalizer.normalize(input);
    named(name, || {
        seisho_fuzz::check_bounded_growth(&out);
        seisho_fuzz::check_edits(normalizer, &out);
        seisho_fuzz::check_edits_apply(&out);
        seisho_fuzz::check_idempotent(normalizer, &out);
        seisho_fuzz::check_is_normalized(normalizer, &out);
    });
    let text = out.text();
    assert_eq!(out.to_normalized(input.len()), text.len(), "{name}");
    assert_eq!(out.to_original(text.len()), input.len(), "{name}");
    for edit in out.edits().iter().take(1000) {
        let r = edit.range();
        for offset in [r.start, r.end] {
            let mapped = out.to_normalized(offset);
            assert!(
                text.is_char_boundary(mapped),
                "{name}: to_normalized({offset})"
            );
            assert!(input.is_char_boundary(out.to_original(mapped)), "{name}");
        }
    }
}

/// The `score` fuzz target's checks of a report of plain text (or, for `markdown`, of a
/// Markdown document's prose), whether it is `analyzed`, and its JSON.
fn check_report(name: &str, text: &str, report: &Report, analyzed: bool, markdown: bool) {
    named(name, || {
        if markdown {
            seisho_fuzz::check_any_report(seisho::markdown::prose(text).text(), report);
        } else {
            seisho_fuzz::check_report(text, report);
        }
    });
    assert_eq!(report.analyzed, analyzed, "{name}");
    let lengths = &report.sentence_length;
    assert_eq!(report.jreadability.is_some(), analyzed && lengths.count > 0);
    // The report serializes (as the CLI's `score --format json` does).
    serde_json::to_string(report).unwrap_or_else(|e| panic!("{name}: {e}"));
}

fn linters() -> &'static [(&'static str, Linter)] {
    static LINTERS: std::sync::OnceLock<Vec<(&'static str, Linter)>> = std::sync::OnceLock::new();
    LINTERS.get_or_init(|| {
        let mut every_rule = LintConfig::default();
        for rule in LintRule::all() {
            every_rule.set_enabled(rule.id(), true).unwrap();
        }
        vec![
            ("every rule", Linter::new(every_rule.clone())),
            ("no analyzer", Linter::new(every_rule).without_analyzer()),
        ]
    })
}

fn check_lint(name: &str, linter: &Linter, text: &str, syntax: Syntax) {
    let diagnostics = linter.lint(text, syntax);
    let mut previous_start = 0;
    let mut fix_end = 0;
    for d in &diagnostics {
        on_boundaries(text, &d.range, name);
        assert!(d.range.start >= previous_start, "{name}: not sorted");
        previous_start = d.range.start;
        assert!(d.start.line >= 1 && d.start.column >= 1, "{name}: {d:?}");
        assert!(
            (d.start.line, d.start.column) <= (d.end.line, d.end.column),
            "{name}: {d:?}"
        );
        if let Some(fix) = &d.fix {
            for edit in &fix.edits {
                on_boundaries(text, &edit.range, name);
            }
            assert!(fix.span().start >= fix_end, "{name}: overlapping fixes");
            fix_end = fix.span().end.max(fix_end);
        }
    }
    for unsafe_fixes in [false, true] {
        let fixed = linter.fix(text, syntax, unsafe_fixes);
        assert!(fixed.rounds <= MAX_FIX_ROUNDS);
        let left = fixed
            .remaining
            .iter()
            .filter(|d| d.is_fixable(unsafe_fixes))
            .count();
        assert_eq!(
            left, 0,
            "{name} (unsafe fixes {unsafe_fixes}): not converged after {} rounds",
            fixed.rounds
        );
        assert_eq!(
            fixed.remaining,
            linter.lint(&fixed.text, syntax),
            "{name}: the remaining diagnostics are not those of the fixed text"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Tests: one per operation, over every input

#[test]
fn normalize_handles_hostile_inputs() {
    let normalizers = [
        ("default", Normalizer::default()),
        (
            "unsafe fixes",
            Normalizer::builder().unsafe_fixes(true).build(),
        ),
        (
            "no dictionary",
            Normalizer::builder().dictionary(false).build(),
        ),
    ];
    for (name, input) in inputs() {
        for (config, normalizer) in &normalizers {
            check_normalize(&format!("{name} [{config}]"), normalizer, &input);
        }
    }
    assert_eq!(seisho::normalize("").text(), "");
}

#[test]
fn score_handles_hostile_inputs() {
    let with = Scorer::default();
    let without = Scorer::builder().analyzer(false).build();
    for (name, input) in inputs() {
        check_report(name, &input, &with.score(&input), true, false);
        check_report(name, &input, &without.score(&input), false, false);
        let markdown = without.score_markdown(&input);
        check_report(name, &input, &markdown, false, true);
    }
    let empty = without.score("");
    assert_eq!((empty.characters, empty.sentence_length.count), (0, 0));
}

#[test]
fn lint_and_fix_handle_hostile_inputs() {
    for (name, input) in inputs() {
        for (config, linter) in linters() {
            check_lint(&format!("{name} [{config}]"), linter, &input, Syntax::Text);
        }
    }
}

#[test]
fn markdown_handles_hostile_inputs() {
    let (config, linter) = &linters()[0];
    for (name, input) in inputs() {
        let prose = seisho::markdown::prose(&input);
        assert_eq!(prose.text().len(), input.len(), "{name}");
        let mut previous_end = 0;
        for block in prose.blocks() {
            on_boundaries(prose.text(), block, name);
            assert!(block.start >= previous_end, "{name}: blocks overlap");
            previous_end = block.end;
        }
        check_lint(
            &format!("{name} [{config}, Markdown]"),
            linter,
            &input,
            Syntax::Markdown,
        );
    }
    // Markdown of its own kind: a million nested block quotes and list items, and emphasis
    // that never closes.
    for (name, input) in [
        ("nested quotes", ">".repeat(20_000) + " 引用。"),
        ("nested lists", "- ".repeat(10_000) + "項目。"),
        ("open emphasis", "*強調".repeat(20_000)),
        ("open code spans", "`コード".repeat(20_000)),
        ("open links", "[リンク".repeat(20_000)),
    ] {
        check_lint(name, linter, &input, Syntax::Markdown);
    }
}

#[test]
fn analyzer_cuts_a_long_sentence_into_bounded_pieces() {
    let analyzer = seisho::morphology::Analyzer::new();
    let text = repeat_to(
        "データベースの設定を確認してからサーバを再起動する手順",
        1_000_000,
    );
    let tokens = analyzer.analyze(&text);
    // The tokens cover the text in order, each on character boundaries.
    let mut at = 0;
    for t in &tokens {
        let r = t.range();
        on_boundaries(&text, &r, "token");
        assert_eq!(r.start, at, "a gap before {:?}", t.surface());
        at = r.end;
    }
    assert_eq!(at, text.len());
    assert!(tokens.len() > 30_000);
    // Unknown words are bounded too: one 1 MB run of a character the dictionary does not know.
    let unknown = "\u{E000}".repeat(100_000);
    let tokens = analyzer.analyze(&unknown);
    assert!(tokens.iter().all(|t| t.surface().len() <= 64 * 1024));
    assert_eq!(
        tokens.iter().map(|t| t.surface().len()).sum::<usize>(),
        unknown.len()
    );
}

/// The large inputs of the issue, through the operations that do not need the (slow when
/// unoptimized) analyzer: a million nested brackets, and 4 MB on one line.
#[test]
fn million_nested_brackets_and_megabytes_on_one_line() {
    let normalizer = Normalizer::builder().dictionary(false).build();
    let scorer = Scorer::builder().analyzer(false).build();
    let linter = &linters()[1].1;
    for (name, input) in [
        (
            "a million nested brackets",
            format!("{}語{}", "(".repeat(1_000_000), ")".repeat(1_000_000)),
        ),
        (
            "a million mismatched brackets",
            format!("{}{}", "（".repeat(500_000), "」".repeat(500_000)),
        ),
        (
            "4 MB on one line",
            repeat_to("サーバを再起動し、設定を確認する。ｶﾞｲﾄﾞを読む。 ", 4_000_000),
        ),
    ] {
        check_normalize(name, &normalizer, &input);
        check_report(name, &input, &scorer.score(&input), false, false);
        check_lint(name, linter, &input, Syntax::Text);
    }
}
