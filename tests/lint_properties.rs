//! Properties of the linter on structured Japanese text: diagnostics are well formed, fixes
//! in one pass never overlap, and fixing converges (no fixable diagnostic is left after
//! [`MAX_FIX_ROUNDS`] rounds), for plain text and Markdown.

use proptest::prelude::*;
use seisho::lint::{LintConfig, Linter, Syntax, MAX_FIX_ROUNDS};

fn pick(items: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(items).prop_map(str::to_owned).boxed()
}

/// One piece of a draft: kana, kanji, look-alikes, width variants, punctuation, brackets,
/// spaces, line breaks, Markdown markup, and the phrases the rules look for.
fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        6 => proptest::char::range('ぁ', 'ゖ').prop_map(String::from),
        6 => proptest::char::range('ァ', 'ヺ').prop_map(String::from),
        3 => proptest::char::range('｡', 'ﾟ').prop_map(String::from),
        4 => pick(&["日", "本", "語", "東", "京", "設", "定", "一", "力", "工", "口", "綺", "醤", "々"]),
        3 => pick(&["ー", "－", "一", "゛", "\u{3099}", "\u{301}", "e", "ＡＢＣ", "１２", "～", "〜"]),
        5 => pick(&["、", "。", "，", "．", "！", "？", "、、", "。。", "「", "」", "（", "）", "(", ")", "『", "』"]),
        3 => pick(&[" ", "\u{3000}", "\t", "\u{200B}", "\u{FEFF}"]),
        3 => pick(&["\n", "\n\n", "\r\n", "\n- ", "\n# ", "\n1. ", "\n```\n", "`", "<!-- seisho-disable -->", "<!-- seisho-enable -->", "[a](b)", "**"]),
        4 => pick(&[
            "私は彼は", "見れる", "来れる", "ないことはない", "したが、", "です。", "である。",
            "ます。", "だ。", "コンピュ一タ", "へルプ", "データベースへアクセス", "ｶﾞｲﾄﾞ",
            "情報処理推進機構関連事業", "Cafe\u{301}", "設定を 保存", "でぃぷしーく",
        ]),
    ]
    .boxed()
}

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn linters() -> &'static [(&'static str, Linter)] {
    static LINTERS: std::sync::OnceLock<Vec<(&'static str, Linter)>> = std::sync::OnceLock::new();
    LINTERS.get_or_init(|| {
        let mut all = LintConfig::default();
        for rule in seisho::lint::LintRule::all() {
            all.set_enabled(rule.id(), true).unwrap();
        }
        vec![
            ("default", Linter::new(LintConfig::default())),
            ("every rule", Linter::new(all.clone())),
            ("no analyzer", Linter::new(all).without_analyzer()),
        ]
    })
}

fn check(text: &str, syntax: Syntax) -> Result<(), TestCaseError> {
    for (name, linter) in linters() {
        let diagnostics = linter.lint(text, syntax);
        let mut last = 0;
        let mut fix_end = 0;
        for d in &diagnostics {
            prop_assert!(
                d.range.start <= d.range.end && d.range.end <= text.len(),
                "[{name}] {d:?}"
            );
            prop_assert!(
                text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end),
                "[{name}] {d:?}"
            );
            prop_assert!(d.range.start >= last, "[{name}] not sorted: {d:?}");
            last = d.range.start;
            prop_assert!(d.start.line >= 1 && d.start.column >= 1);
            if let Some(fix) = &d.fix {
                // Fixes of one pass never overlap: each starts after the one before ends.
                prop_assert!(
                    fix.span().start >= fix_end,
                    "[{name}] overlapping fix: {d:?}"
                );
                fix_end = fix.span().end.max(fix_end);
            }
        }
        for unsafe_fixes in [false, true] {
            let fixed = linter.fix(text, syntax, unsafe_fixes);
            prop_assert!(fixed.rounds <= MAX_FIX_ROUNDS);
            let left: Vec<_> = linter
                .lint(&fixed.text, syntax)
                .into_iter()
                .filter(|d| d.is_fixable(unsafe_fixes))
                .collect();
            prop_assert!(
                left.is_empty(),
                "[{name}, unsafe {unsafe_fixes}] not converged after {} rounds: {:?}\nfixed: {:?}",
                fixed.rounds,
                left,
                fixed.text
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn text_lints_and_fixes_converge(text in draft()) {
        check(&text, Syntax::Text)?;
    }

    #[test]
    fn markdown_lints_and_fixes_converge(text in draft()) {
        check(&text, Syntax::Markdown)?;
    }
}
