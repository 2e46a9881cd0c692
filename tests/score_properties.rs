//! Property tests of the readability scorer on structured Japanese text: mixes of kana, kanji,
//! katakana with ー, half-width katakana and voiced marks, combining marks, ASCII and
//! full-width words, digits, punctuation, brackets, spaces, line breaks, blank lines, list
//! markers and Markdown markup.
//!
//! The invariants: the scorer does not panic, every number in the report is finite, ratios
//! are in [0, 1], counts add up, the sentences are the splitter's and their ranges are well
//! formed, scoring is deterministic, and the analyzer changes nothing at the character level.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use seisho::score::{Report, Scorer};

// ---------------------------------------------------------------------------------------------
// Strategies

fn pick(items: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(items).prop_map(str::to_owned).boxed()
}

fn char_range(lo: char, hi: char) -> BoxedStrategy<String> {
    proptest::char::range(lo, hi).prop_map(String::from).boxed()
}

/// A run of 1 to 5 of `items`.
fn run(items: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::collection::vec(prop::sample::select(items), 1..6)
        .prop_map(|v| v.concat())
        .boxed()
}

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
        3 => run(&["国", "会", "議", "事", "堂", "都", "庁", "舎", "々"]),
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
        2 => run(&["！", "？", "。", "」", "!", "?"]),
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

fn in_unit(x: f64, what: &str) -> Result<(), TestCaseError> {
    prop_assert!((0.0..=1.0).contains(&x), "{what} = {x}");
    Ok(())
}

/// The invariants of one report on `text`.
fn check_report(text: &str, r: &Report) -> Result<(), TestCaseError> {
    // Finite numbers, in JSON and in the typed report.
    let json = serde_json::to_value(r).expect("the report serializes");
    all_finite(&json, "report")?;
    let back: Report = serde_json::from_value(json).expect("the report deserializes");
    prop_assert_eq!(&back, r, "JSON round trip");

    // Ratios.
    let s = &r.scripts;
    let shares = [
        s.kanji,
        s.hiragana,
        s.katakana,
        s.latin,
        s.digits,
        s.punctuation,
        s.symbols,
    ];
    for share in &shares {
        in_unit(share.ratio, "script ratio")?;
    }
    in_unit(s.kanji_ratio, "kanji_ratio")?;
    for sentence in &r.sentences {
        in_unit(sentence.kanji_ratio, "sentence kanji_ratio")?;
    }
    for band in &r.kanji_grades.bands {
        in_unit(band.share, "band share")?;
    }

    // Counts.
    let script_total: usize = shares.iter().map(|s| s.count).sum();
    prop_assert_eq!(script_total, r.characters, "script counts");
    let non_space = text.chars().filter(|&c| !is_space(c)).count();
    prop_assert_eq!(r.characters, non_space, "characters are the non-whitespace");
    let per_sentence: usize = r.sentences.iter().map(|s| s.characters).sum();
    prop_assert_eq!(per_sentence, r.characters, "sentence characters");
    let band_total: usize = r.kanji_grades.bands.iter().map(|b| b.count).sum();
    prop_assert_eq!(band_total, r.kanji_grades.total, "kanji bands");
    prop_assert!(r.kanji_grades.total <= s.kanji.count);
    prop_assert_eq!(r.kanji_grades.bands.len(), 9);
    prop_assert_eq!(
        r.kanji_grades.grade_for_95_percent.is_some(),
        r.kanji_grades.total > 0
    );
    let toten: usize = r.sentences.iter().map(|s| s.toten).sum();
    prop_assert_eq!(toten, r.toten.total);
    prop_assert_eq!(
        r.toten.max,
        r.sentences.iter().map(|s| s.toten).max().unwrap_or(0)
    );

    // Sentences: the splitter's, with well-formed ranges.
    let sl = &r.sentence_length;
    prop_assert_eq!(r.sentences.len(), sl.count);
    let split: Vec<_> = seisho::sentences(text)
        .map(|s| (s.range(), s.paragraph()))
        .collect();
    let reported: Vec<_> = r
        .sentences
        .iter()
        .map(|s| (s.range.clone(), s.paragraph))
        .collect();
    prop_assert_eq!(reported, split, "sentences are the splitter's");
    let mut previous_end = 0;
    for sentence in &r.sentences {
        let range = &sentence.range;
        prop_assert!(range.start < range.end, "empty range {:?}", range);
        prop_assert!(range.start >= previous_end, "overlap at {:?}", range);
        prop_assert!(range.end <= text.len(), "out of bounds: {:?}", range);
        prop_assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "not on char boundaries: {:?}",
            range
        );
        previous_end = range.end;
    }
    prop_assert_eq!(
        r.paragraphs,
        r.sentences.last().map_or(0, |s| s.paragraph + 1)
    );

    // Lengths.
    let lengths: Vec<usize> = r.sentences.iter().map(|s| s.characters).collect();
    let c = &sl.characters;
    prop_assert_eq!(c.max, lengths.iter().copied().max().unwrap_or(0));
    if !lengths.is_empty() {
        let min = *lengths.iter().min().unwrap() as f64;
        let max = c.max as f64;
        for (name, v) in [("mean", c.mean), ("median", c.median), ("p90", c.p90)] {
            prop_assert!(
                min <= v && v <= max,
                "{} {} outside [{}, {}]",
                name,
                v,
                min,
                max
            );
        }
        prop_assert!(c.median <= c.p90 + 1e-9);
        let mean = lengths.iter().sum::<usize>() as f64 / lengths.len() as f64;
        prop_assert!((c.mean - mean).abs() < 1e-9);
    }
    let long = lengths.iter().filter(|&&n| n > sl.long_threshold).count();
    prop_assert_eq!(sl.long, long);

    // The longest kanji run is where it says it is.
    if let Some(run) = &r.longest_kanji_run {
        prop_assert_eq!(text.get(run.range.clone()), Some(run.text.as_str()));
        prop_assert!(run.length >= 1);
        prop_assert!(run.sentence < r.sentences.len());
        let sentence = &r.sentences[run.sentence].range;
        prop_assert!(sentence.start <= run.range.start && run.range.end <= sentence.end);
        prop_assert!(run.length <= s.kanji.count);
    } else {
        prop_assert_eq!(s.kanji.count, 0);
    }

    // Tateishi: there iff there is a sentence.
    prop_assert_eq!(r.tateishi.is_some(), sl.count > 0);

    // The analyzer's fields.
    if r.analyzed {
        prop_assert!(r.needs_analyzer.is_empty());
        // Present even for no sentence (all zero), as `characters` is.
        prop_assert!(sl.words.is_some());
        prop_assert!(r.sentences.iter().all(|s| s.words.is_some()));
        if let Some(j) = &r.jreadability {
            prop_assert_eq!(j.level, seisho::score::JReadabilityLevel::of(j.score));
            // jReadability's own sentences: one after each 。？！． and one for words after
            // the last (plus a block's end, in Markdown), whatever the splitter above says.
            let ends = text
                .chars()
                .filter(|c| matches!(c, '。' | '？' | '！' | '．'))
                .count();
            prop_assert!(j.sentences >= 1);
            prop_assert!(
                j.sentences <= ends + r.paragraphs.max(1),
                "{} sentences",
                j.sentences
            );
            let formula = j.mean_sentence_words * -0.056
                + j.kango_percent * -0.126
                + j.wago_percent * -0.042
                + j.verb_percent * -0.145
                + j.particle_percent * -0.044
                + 11.724;
            prop_assert!((j.score - formula).abs() < 1e-9);
            for p in [
                j.kango_percent,
                j.wago_percent,
                j.verb_percent,
                j.particle_percent,
                j.gairaigo_percent,
                j.konshu_percent,
            ] {
                prop_assert!((0.0..=100.0).contains(&p), "percent {}", p);
            }
        }
    } else {
        prop_assert!(r.jreadability.is_none());
        prop_assert!(sl.words.is_none());
        prop_assert!(r.sentences.iter().all(|s| s.words.is_none()));
        prop_assert_eq!(r.needs_analyzer.len(), 3);
    }
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
