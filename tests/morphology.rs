//! Morphological analysis on real sentences with the real dictionary (IPADIC).
#![cfg(feature = "embedded-dictionary")]

use std::borrow::Cow;

use seisho::morphology::{Analyzer, PartOfSpeech, Token};

const SAMPLE: &str = include_str!("../benches/data/sample.txt");

/// A token's surface, part of speech, first subdivision and reading.
fn summary<'a>(token: &Token<'a>) -> (&'a str, PartOfSpeech, &'a str, Option<&'a str>) {
    (
        token.surface(),
        token.part_of_speech(),
        token.pos_detail1(),
        token.reading(),
    )
}

#[test]
fn a_sentence_splits_into_words_with_their_parts_of_speech_and_readings() {
    use PartOfSpeech::*;
    let analyzer = Analyzer::new();
    let text = "東京都に住んでいます。";
    let tokens = analyzer.analyze(text);
    assert_eq!(
        tokens.iter().map(summary).collect::<Vec<_>>(),
        [
            ("東京", Noun, "固有名詞", Some("トウキョウ")),
            ("都", Noun, "接尾", Some("ト")),
            ("に", Particle, "格助詞", Some("ニ")),
            ("住ん", Verb, "自立", Some("スン")),
            ("で", Particle, "接続助詞", Some("デ")),
            ("い", Verb, "非自立", Some("イ")),
            ("ます", AuxiliaryVerb, "*", Some("マス")),
            ("。", Symbol, "句点", Some("。")),
        ]
    );
    // The ranges tile the text.
    let mut at = 0;
    for token in &tokens {
        assert_eq!(token.range().start, at);
        assert_eq!(&text[token.range()], token.surface());
        at = token.range().end;
    }
    assert_eq!(at, text.len());

    let tokyo = &tokens[0];
    assert_eq!((tokyo.pos_detail2(), tokyo.pos_detail3()), ("地域", "一般"));
    assert_eq!(tokyo.base_form(), Some("東京"));
    assert_eq!(tokyo.pronunciation(), Some("トーキョー"));
    assert_eq!(tokyo.conjugation_type(), None);
    assert_eq!(tokyo.conjugation_form(), None);
    assert!(tokens.iter().all(|t| !t.is_unknown()));
}

#[test]
fn conjugated_words_have_their_conjugation_type_and_form() {
    let analyzer = Analyzer::new();
    let tokens = analyzer.analyze("東京都に住んでいます。");
    fn conjugation<'a>(t: &Token<'a>) -> (&'a str, Option<&'a str>, Option<&'a str>) {
        (t.surface(), t.conjugation_type(), t.conjugation_form())
    }
    // 住む conjugates as a godan verb in m (五段・マ行); 住ん is its form before て/で/た.
    assert_eq!(
        conjugation(&tokens[3]),
        ("住ん", Some("五段・マ行"), Some("連用タ接続"))
    );
    assert_eq!(tokens[3].base_form(), Some("住む"));
    assert_eq!(
        conjugation(&tokens[5]),
        ("い", Some("一段"), Some("連用形"))
    );
    assert_eq!(tokens[5].base_form(), Some("いる"));
    assert_eq!(
        conjugation(&tokens[6]),
        ("ます", Some("特殊・マス"), Some("基本形"))
    );

    let tokens = analyzer.analyze("昨日は寒かった");
    let samui = tokens
        .iter()
        .find(|t| t.surface() == "寒かっ")
        .expect("寒かっ");
    assert_eq!(samui.part_of_speech(), PartOfSpeech::Adjective);
    assert_eq!(samui.conjugation_type(), Some("形容詞・アウオ段"));
    assert_eq!(samui.conjugation_form(), Some("連用タ接続"));
    assert_eq!(samui.base_form(), Some("寒い"));
}

#[test]
fn unknown_words_are_marked_and_have_no_reading() {
    let analyzer = Analyzer::new();
    let tokens = analyzer.analyze("セイショウォンは便利です");
    let first = &tokens[0];
    assert_eq!(first.surface(), "セイショウォン");
    assert!(first.is_unknown());
    // The part of speech comes from the kind of characters (katakana: a noun).
    assert_eq!(first.part_of_speech(), PartOfSpeech::Noun);
    assert_eq!(
        (first.base_form(), first.reading(), first.pronunciation()),
        (None, None, None)
    );
    assert!(tokens[1..].iter().all(|t| !t.is_unknown()));
}

#[test]
fn whitespace_is_left_out_and_the_ranges_stay_right() {
    let analyzer = Analyzer::new();
    let text = "  seisho 清書\tする\n\n";
    let tokens = analyzer.analyze(text);
    let surfaces: Vec<&str> = tokens.iter().map(|t| t.surface()).collect();
    assert_eq!(surfaces, ["seisho", "清書", "する"]);
    for token in &tokens {
        assert_eq!(&text[token.range()], token.surface());
    }
    assert!(analyzer.analyze("").is_empty());
    assert!(analyzer.analyze(" \n\t").is_empty());
}

#[test]
fn a_long_text_without_delimiters_is_analyzed_whole() {
    let analyzer = Analyzer::new();
    let text = "データベース".repeat(3_000); // 54 000 bytes, no 。、 or line break
    let tokens = analyzer.analyze(&text);
    assert_eq!(
        tokens.iter().map(|t| t.surface().len()).sum::<usize>(),
        text.len()
    );
    assert!(tokens.iter().all(|t| &text[t.range()] == t.surface()));
}

/// The analyzer gives lindera's segmenter's tokens: same cuts, same entries.
#[test]
fn the_tokens_are_lindera_segmenters_tokens() {
    let analyzer = Analyzer::new();
    let dictionary = analyzer.dictionary().as_lindera().clone();
    let segmenter =
        lindera::segmenter::Segmenter::new(lindera::mode::Mode::Normal, dictionary, None);
    let texts = [
        SAMPLE,
        "すもももももももものうち",
        "  全角　スペース と 半角 spaces\r\n、、。。\t\tＡＢＣ ①㈱ 😀 ﾊﾝｶｸ",
    ];
    for text in texts {
        let expected: Vec<(String, usize, usize, Vec<String>)> = segmenter
            .segment(Cow::Borrowed(text))
            .expect("lindera segments the text")
            .into_iter()
            .map(|mut t| {
                let details = t.details().into_iter().map(str::to_owned).collect();
                (t.surface.to_string(), t.byte_start, t.byte_end, details)
            })
            .collect();
        let actual: Vec<(String, usize, usize, Vec<String>)> = analyzer
            .analyze(text)
            .iter()
            .map(|t| {
                let mut details = vec![
                    t.part_of_speech().as_ipadic(),
                    t.pos_detail1(),
                    t.pos_detail2(),
                    t.pos_detail3(),
                    t.conjugation_type().unwrap_or("*"),
                    t.conjugation_form().unwrap_or("*"),
                    t.base_form().unwrap_or("*"),
                ];
                if !t.is_unknown() {
                    details.push(t.reading().unwrap_or("*"));
                    details.push(t.pronunciation().unwrap_or("*"));
                } else {
                    // lindera pads an unknown word's seven fields to the schema's nine.
                    details.extend(["*", "*"]);
                }
                let details = details.into_iter().map(str::to_owned).collect();
                (
                    t.surface().to_owned(),
                    t.range().start,
                    t.range().end,
                    details,
                )
            })
            .collect();
        assert_eq!(actual.len(), expected.len(), "token count of {:.40}", text);
        for (a, e) in actual.iter().zip(&expected) {
            assert_eq!(a, e);
        }
    }
}

#[test]
fn known_words_are_dictionary_entries_exactly() {
    let analyzer = Analyzer::new();
    // 東 is an entry of its own, besides being the start of 東京.
    for word in [
        "東京",
        "東",
        "コンピュータ",
        "データベース",
        "住ん",
        "ます",
        "。",
        "清書",
    ] {
        assert!(analyzer.is_known_word(word), "{word}");
    }
    for word in [
        "",
        "東京都に",       // several entries
        "コンピュ一タ",   // the kanji 一 for ー
        "デー夕",         // the kanji 夕 for タ
        "セイショウォン", // not in IPADIC
    ] {
        assert!(!analyzer.is_known_word(word), "{word}");
    }
}

#[test]
fn unknown_words_in_a_text_are_found() {
    let analyzer = Analyzer::new();
    assert!(!analyzer.has_unknown_word("データベースへアクセスし、ファイルを開く"));
    // コンピュ + 一 + タ, and コンピュ is no word.
    assert!(analyzer.has_unknown_word("コンピュ一タへアクセス"));
    // Not every typo leaves an unknown word: デー夕ベース is デー + 夕 + ベース, all entries.
    assert!(!analyzer.has_unknown_word("デー夕ベースへアクセス"));
    assert!(analyzer.has_unknown_word("セイショウォンは便利"));
    assert!(!analyzer.has_unknown_word(""));
    assert!(!analyzer.has_unknown_word("   "));
}

#[test]
fn buffers_are_reused_and_the_analyzer_is_shared_between_threads() {
    let analyzer = Analyzer::new();
    let lines: Vec<&str> = SAMPLE.lines().filter(|l| !l.is_empty()).take(50).collect();
    let expected: Vec<Vec<Token<'_>>> = lines.iter().map(|l| analyzer.analyze(l)).collect();

    let mut tokens = Vec::new();
    for (line, expected) in lines.iter().zip(&expected) {
        analyzer.analyze_into(line, &mut tokens);
        assert_eq!(&tokens, expected);
    }

    std::thread::scope(|scope| {
        for _ in 0..4 {
            let analyzer = analyzer.clone();
            let (lines, expected) = (&lines, &expected);
            scope.spawn(move || {
                let mut tokens = Vec::new();
                for _ in 0..3 {
                    for (line, expected) in lines.iter().zip(expected) {
                        analyzer.analyze_into(line, &mut tokens);
                        assert_eq!(&tokens, expected);
                    }
                }
            });
        }
    });
}

#[test]
fn an_analyzer_over_a_dictionary_loaded_from_a_directory() {
    let dir = std::env::temp_dir().join(format!("seisho-morphology-{}", std::process::id()));
    seisho_ipadic::write_to_dir(&dir).expect("write the dictionary");
    let dictionary = seisho_ipadic::load_from_dir(&dir).expect("load the dictionary");
    let analyzer = Analyzer::with_dictionary(dictionary);
    let embedded = Analyzer::new();
    let text = "吾輩は猫である。名前はまだ無い。";
    assert_eq!(analyzer.analyze(text), embedded.analyze(text));
    drop(analyzer);
    std::fs::remove_dir_all(&dir).expect("remove the directory");
}

#[test]
fn public_types_are_send_sync_and_unwind_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    check::<Analyzer>();
    check::<Token<'static>>();
    check::<PartOfSpeech>();
}
