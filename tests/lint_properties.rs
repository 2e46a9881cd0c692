//! Properties of the linter on structured Japanese text: diagnostics are well formed, fixes
//! in one pass never overlap, and fixing converges (no fixable diagnostic is left after
//! [`seisho::lint::MAX_FIX_ROUNDS`] rounds), for plain text and Markdown. The checks are the
//! `lint` fuzz target's ([`seisho_fuzz::check_lint`]), run with and without the analyzer, and
//! with a user dictionary; and a fix never changes a word of the user dictionary.

mod strategies;

use proptest::prelude::*;
use seisho::lint::{LintConfig, Linter, Syntax};
use strategies::{char_range, pick};

/// One piece of a draft: kana, kanji, look-alikes, width variants, punctuation, brackets,
/// spaces, line breaks, Markdown markup, and the phrases the rules look for.
fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        6 => char_range('ぁ', 'ゖ'),
        6 => char_range('ァ', 'ヺ'),
        3 => char_range('｡', 'ﾟ'),
        2 => char_range('！', '～'),
        2 => pick(&["゛", "゜", "ﾞ", "ﾟ", "\u{3099}", "\u{309A}", "\u{308}", "か\u{3099}", "ｶﾞ"]),
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

/// The default rules, every rule, and every rule without the analyzer.
fn linters() -> &'static [Linter] {
    static LINTERS: std::sync::OnceLock<Vec<Linter>> = std::sync::OnceLock::new();
    LINTERS.get_or_init(|| {
        let mut all = LintConfig::default();
        for rule in seisho::lint::LintRule::all() {
            all.set_enabled(rule.id(), true).unwrap();
        }
        let mut mine = all.clone();
        mine.set_user_dictionary(user_words());
        vec![
            Linter::new(LintConfig::default()),
            Linter::new(all.clone()),
            Linter::new(all).without_analyzer(),
            Linter::new(mine.clone()),
            Linter::new(mine).without_analyzer(),
        ]
    })
}

/// Words of the drafts' pieces that the rules would fix, as a writer's own words.
const USER_WORDS: &[&str] = &[
    "へルプ",
    "ｶﾞｲﾄﾞ",
    "ＡＢＣ",
    "コンピュ一タ",
    "情報処理推進機構",
    "見れる",
];

fn user_words() -> seisho::morphology::UserDictionary {
    let csv: String = USER_WORDS.iter().map(|w| format!("{w},名詞,\n")).collect();
    seisho::morphology::UserDictionary::from_csv(&csv).unwrap()
}

/// After `fix`, safe fixes or all, each word of the user dictionary is written at least as
/// often as before: none was changed.
fn user_words_survive(text: &str, syntax: Syntax) {
    for (linter, unsafe_fixes) in linters()[3..].iter().flat_map(|l| [(l, false), (l, true)]) {
        let fixed = linter.fix(text, syntax, unsafe_fixes).text;
        for word in USER_WORDS {
            assert!(
                fixed.matches(word).count() >= text.matches(word).count(),
                "{word} changed (unsafe fixes: {unsafe_fixes}):\n{text:?}\n{fixed:?}"
            );
        }
    }
}

fn check(text: &str, syntax: Syntax) {
    for linter in linters() {
        seisho_fuzz::check_lint(linter, text, syntax);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn text_lints_and_fixes_converge(text in draft()) {
        check(&text, Syntax::Text);
    }

    #[test]
    fn markdown_lints_and_fixes_converge(text in draft()) {
        check(&text, Syntax::Markdown);
    }

    #[test]
    fn fixes_leave_the_user_dictionary_words(text in draft()) {
        user_words_survive(&text, Syntax::Text);
        user_words_survive(&text, Syntax::Markdown);
    }
}
