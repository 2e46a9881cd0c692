//! Property tests of the readability scorer on structured Japanese text: mixes of kana, kanji,
//! katakana with ー, half-width katakana and voiced marks, combining marks, ASCII and
//! full-width words, digits, punctuation, brackets, spaces, line breaks, blank lines, list
//! markers and Markdown markup.
//!
//! The invariants, the `score` fuzz target's checks (`fuzz/src/score.rs`) and the report's JSON:
//! the scorer does not panic, every number in the report is finite, ratios are in [0, 1],
//! counts add up, the sentences are the splitter's and their ranges are well formed, scoring
//! is deterministic, and the analyzer changes nothing at the character level.

mod strategies;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use seisho::score::{Report, Scorer};
use strategies::{char_range, pick, run};

// ---------------------------------------------------------------------------------------------
// Strategies

/// One piece of structured Japanese text.
fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        // Hiragana and katakana, with the long vowel mark after either.
        8 => char_range('ぁ', 'ゖ'),
        6 => char_range('ァ', 'ヺ'),
        4 => pick(&["ー", "ｰ", "すごーい", "コーヒー", "ｹｰｷ", "ゝ", "ヽ"]),
        // Kanji: graded, secondary, jinmeiyō, hyōgai, the iteration marks and a rare plane.
        6 => pick(&[
            "日", "本", "語", "学", "東", "京", "漢", "愛", "圧", "異", "鬱", "亮", "鰐", "國",
            "々", "〆", "〇", "\u{20BB7}", "\u{FA10}",
        ]),
        3 => run(&["国", "会", "議", "事", "堂", "都", "庁", "舎", "々"], 1..6),
        // Words.
        4 => pick(&[
            "今日は", "天気が", "いいですね", "晴れです", "サーバーに", "接続する", "言った",
            "しかし", "東京都", "ありがとうございます", "と言った", "できる",
        ]),
        // ASCII words, digits and full-width ones.
        3 => pick(&["Linux", "API", "Yahoo!", "a?b=1", "v1.2", "https://example.com/?q=1", "ＰＣ", "é"]),
        3 => pick(&["0", "12", "3.5", "１", "２．５", "100%", "１００％"]),
        // Punctuation and brackets.
        8 => pick(&["。", "、", "！", "？", "，", "．", "､", "｡", "!", "?", "・", "…", "〜"]),
        5 => pick(&["「", "」", "『", "』", "（", "）", "(", ")", "【", "】", "“", "”"]),
        2 => run(&["！", "？", "。", "」", "!", "?"], 1..6),
        // Half-width katakana with their voiced marks, full-width ASCII, and the voiced and
        // combining marks on their own (after any character).
        3 => char_range('｡', 'ﾟ'),
        2 => char_range('！', '～'),
        2 => pick(&["゛", "゜", "ﾞ", "ﾟ", "\u{3099}", "\u{309A}", "\u{301}", "\u{308}", "e\u{301}"]),
        // Symbols.
        1 => pick(&["％", "①", "😀", "゛", "&", "＃", "\u{200B}"]),
        // Whitespace, line breaks and blank lines, and the starts of list items and headings.
        4 => pick(&[" ", "\u{3000}", "\t", "\u{FEFF}", "\u{A0}"]),
        4 => pick(&["\n", "\r\n", "\n\n", "\n \n", "\r\n\r\n", "\n\u{3000}\n\n"]),
        2 => pick(&["\n・", "\n- ", "\n1. ", "\n2) ", "\n（3）", "\n①", "\n# ", "\n第2章 ", "\nA.1. "]),
        // Markdown markup, for the reports of Markdown documents.
        2 => pick(&[
            "\n```\n", "`", "**", "_", "[リンク](https://example.com)", "![図](a.png)", "\n> ",
            "\n| a | b |\n|---|---|\n", "<!-- 注 -->", "<br>", "\n---\n", "\\", "&amp;",
        ]),
    ]
    .boxed()
}

/// Structured Japanese text: up to 60 pieces.
fn japanese() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

// ---------------------------------------------------------------------------------------------
// Invariants

fn characters_only() -> Scorer {
    Scorer::builder().analyzer(false).long_sentence(20).build()
}

/// The fields of the report that may be `null` in JSON.
const NULLABLE: &[&str] = &[
    "words",
    "longest_kanji_run",
    "grade_for_95_percent",
    "tateishi",
    "jreadability",
];

/// Every number of the JSON report is finite (serde_json writes NaN and infinities as
/// `null`, so a `null` is allowed only where the report has an `Option`).
fn all_finite(value: &serde_json::Value, path: &str) -> Result<(), TestCaseError> {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            let f = n.as_f64();
            prop_assert!(f.is_some_and(f64::is_finite), "{path}: {n}");
        }
        Value::Null => {
            let key = path.rsplit('.').next().unwrap_or(path);
            prop_assert!(NULLABLE.contains(&key), "{path} is null (NaN?)");
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                all_finite(item, &format!("{path}[{i}]"))?;
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                all_finite(item, &format!("{path}.{key}"))?;
            }
        }
        Value::Bool(_) | Value::String(_) => {}
    }
    Ok(())
}

/// The invariants of one report on `text`: the `score` fuzz target's
/// ([`seisho_fuzz::check_report`]), and the report's JSON, as the CLI writes it: finite
/// numbers, `null` only for an `Option`, and a round trip to the same report.
fn check_report(text: &str, r: &Report) -> Result<(), TestCaseError> {
    seisho_fuzz::check_report(text, r);
    let json = serde_json::to_value(r).expect("the report serializes");
    all_finite(&json, "report")?;
    let back: Report = serde_json::from_value(json).expect("the report deserializes");
    prop_assert_eq!(&back, r, "JSON round trip");
    Ok(())
}

/// The report with everything the analyzer adds taken out.
#[cfg(feature = "embedded-dictionary")]
fn character_level(mut r: Report) -> Report {
    r.jreadability = None;
    r.sentence_length.words = None;
    r.analyzed = false;
    r.needs_analyzer.clear();
    for s in &mut r.sentences {
        s.words = None;
    }
    r
}

// ---------------------------------------------------------------------------------------------
// Tests

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn character_level_invariants(text in japanese()) {
        let scorer = characters_only();
        let r = scorer.score(&text);
        check_report(&text, &r)?;
        // Deterministic, also with a clone of the scorer.
        prop_assert_eq!(&scorer.score(&text), &r);
        prop_assert_eq!(&scorer.clone().score(&text), &r);
    }

    /// The checks of the `score` fuzz target, and of the `markdown` one (the prose, lint and
    /// score of the text read as Markdown), on structured text.
    #[test]
    fn fuzz_target_checks(text in japanese()) {
        seisho_fuzz::score(text.as_bytes());
        seisho_fuzz::markdown(text.as_bytes());
    }

    #[test]
    fn arbitrary_strings_do_not_panic(text in any::<String>()) {
        let r = characters_only().score(&text);
        check_report(&text, &r)?;
    }
}

#[cfg(feature = "embedded-dictionary")]
proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn analyzed_invariants(text in japanese()) {
        let with = Scorer::builder().long_sentence(20).build();
        let r = with.score(&text);
        prop_assert!(r.analyzed);
        check_report(&text, &r)?;
        prop_assert_eq!(&with.score(&text), &r, "deterministic");
        let without = characters_only().score(&text);
        prop_assert_eq!(character_level(r), character_level(without));
    }
}
