//! The readability report on small texts whose metrics are computed by hand: script counts,
//! the kanji ratio and its bands, sentence lengths and their bands, 読点, the longest kanji
//! run, the kanji grade profile, paragraphs, and (with the `morphology` feature) jReadability.

use seisho::score::{
    Difficulty, KanjiAmount, KanjiGrade, Report, Scorer, Summary, DEFAULT_LONG_SENTENCE,
};

/// The scorer without the analyzer: the character-level metrics only.
fn chars_only() -> Scorer {
    Scorer::builder().analyzer(false).build()
}

fn report(text: &str) -> Report {
    chars_only().score(text)
}

#[track_caller]
fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

/// A sentence of `n` characters: `n - 1` hiragana and 。.
fn sentence(n: usize) -> String {
    format!("{}。", "あ".repeat(n - 1))
}

// ---------------------------------------------------------------------------------------------
// Scripts

#[test]
fn script_counts() {
    // 佐々木さんは コーヒー と すごーい ＰＣ を 2 台 、 ｹｰｷ を １ つ 買 った 。 / ABC ＆ ok ％
    // kanji     佐 々 木 台 買                                  5
    // hiragana  さんは と すごーい(ー after い) を を つ った        3+1+4+1+1+1+2 = 13
    // katakana  コーヒー ｹｰｷ (ー and ｰ after katakana)             4+3 = 7
    // Latin     ＰＣ ABC ok (full width and ASCII)               2+3+2 = 7
    // digits    2 １                                           2
    // punct.    、 。                                           2
    // symbols   ＆ ％                                           2
    let text = "佐々木さんはコーヒーとすごーいＰＣを2台、ｹｰｷを１つ買った。ABC＆ok％";
    let r = report(text);
    let s = &r.scripts;
    let counts = [
        ("kanji", s.kanji, 5),
        ("hiragana", s.hiragana, 13),
        ("katakana", s.katakana, 7),
        ("latin", s.latin, 7),
        ("digits", s.digits, 2),
        ("punctuation", s.punctuation, 2),
        ("symbols", s.symbols, 2),
    ];
    assert_eq!(r.characters, 38);
    for (name, share, expected) in counts {
        assert_eq!(share.count, expected, "{name}");
        close(share.ratio, expected as f64 / 38.0);
    }
    // Kanji over the characters that are not punctuation: 5 / (38 - 2).
    close(s.kanji_ratio, 5.0 / 36.0);
    assert_eq!(s.kanji_ratio_morioka, Difficulty::Easy);
    assert_eq!(s.kanji_ratio_yasumoto, KanjiAmount::Few);
    // Two sentences: 31 characters, then 7 (ABC＆ok％ has no period).
    let lengths: Vec<usize> = r.sentences.iter().map(|s| s.characters).collect();
    assert_eq!(lengths, [31, 7]);
    close(r.sentences[0].kanji_ratio, 5.0 / 29.0);
    close(r.sentences[1].kanji_ratio, 0.0);
}

/// The characters of `text` are `characters`, and its counts of kanji, hiragana, katakana,
/// Latin, digits, punctuation and symbols are `counts`.
#[track_caller]
fn assert_scripts(text: &str, characters: usize, counts: [usize; 7]) {
    let r = report(text);
    let got = seisho_fuzz::script_shares(&r.scripts).map(|share| share.count);
    assert_eq!(
        got, counts,
        "{text:?}: kanji, hiragana, katakana, Latin, digits, punctuation, symbols"
    );
    assert_eq!(r.characters, characters, "{text:?}");
}

#[test]
fn long_vowel_mark_takes_the_script_of_the_kana_before_it() {
    // ー at the start, after kanji and after a space has no kana before it: katakana.
    // ー(k) あ(h) ー(h) ア(k) ー(k) 漢 ー(k) a ー(k)
    assert_scripts("ーあーアー漢ー a ー", 9, [1, 2, 5, 1, 0, 0, 0]);
    // A hard wrap does not break the kana before ー; the half-width ｰ works the same.
    // (The first line is as wide as hard-wrapped prose's: a short one would stand alone.)
    assert_scripts(
        "とても長い一行の文章がここまでずっと続いていて最後にすご\nーい。あｰ",
        33,
        [8, 24, 0, 0, 0, 1, 0],
    );
}

#[test]
fn iteration_marks_and_rare_scripts() {
    // 人 々 〆 〇 are kanji; ゝ ゞ hiragana; ヽ ヾ katakana.
    let text = "人々〆〇ゝゞヽヾ";
    assert_scripts(text, 8, [4, 2, 2, 0, 0, 0, 0]);
    // Only 人 has a grade: the marks are counted as kanji but not in the grade profile.
    assert_eq!(report(text).kanji_grades.total, 1);
}

#[test]
fn latin_digits_punctuation_and_symbols() {
    // Latin Ｚ é; digits 7 ７; punctuation . , ！ ? 「 」 ・ … 〜; symbols % ％ ① 😀 ゛.
    let text = "Ｚé7７.,！?「」・…〜%％①😀゛";
    assert_scripts(text, 18, [0, 0, 0, 2, 2, 9, 5]);
    close(report(text).scripts.punctuation.ratio, 9.0 / 18.0);
}

#[test]
fn whitespace_is_not_counted() {
    assert_scripts(
        "あ い\u{3000}う\tえ\r\nお\u{feff}。",
        6,
        [0, 5, 0, 0, 0, 1, 0],
    );
}

#[test]
fn kanji_ratio_leaves_out_whitespace_and_punctuation_only() {
    // kanji 漢字, hiragana かな, Latin ABC, digits 12, symbol ％, punctuation 、 。 and two
    // spaces: 12 characters; the ratio is 2 / (12 - 2) = 20%, the edge of Morioka's "easy".
    let r = report("漢字、かな\u{3000}ABC 12％。");
    assert_eq!(r.characters, 12);
    close(r.scripts.kanji_ratio, 0.2);
    close(r.sentences[0].kanji_ratio, 0.2);
    assert_eq!(r.scripts.kanji_ratio_morioka, Difficulty::Easy);
    assert_eq!(r.scripts.kanji_ratio_yasumoto, KanjiAmount::Few);
    // No letter at all: 0, not NaN.
    let r = report("。、「」");
    assert_eq!(r.scripts.kanji_ratio, 0.0);
    assert_eq!(r.sentences[0].kanji_ratio, 0.0);
}

#[test]
fn kanji_ratio_bands_at_their_boundaries() {
    // (kanji, hiragana): the ratio is kanji / (kanji + hiragana); the 。 does not count.
    let cases = [
        // Morioka (1958): 20% or less easy, 35% or more hard.
        (1, 4, Difficulty::Easy, KanjiAmount::Few), // 20%
        (21, 79, Difficulty::Medium, KanjiAmount::Few), // 21%
        (34, 66, Difficulty::Medium, KanjiAmount::Average), // 34%
        (7, 13, Difficulty::Hard, KanjiAmount::Average), // 35%
        // Yasumoto (1983): 29.9% or less few, 40.5% or more many.
        (299, 701, Difficulty::Medium, KanjiAmount::Few), // 29.9%
        (300, 700, Difficulty::Medium, KanjiAmount::Average), // 30%
        (404, 596, Difficulty::Hard, KanjiAmount::Average), // 40.4%
        (81, 119, Difficulty::Hard, KanjiAmount::Many),   // 40.5%
        (1, 0, Difficulty::Hard, KanjiAmount::Many),      // 100%
        (0, 1, Difficulty::Easy, KanjiAmount::Few),       // 0%
    ];
    for (kanji, hiragana, morioka, yasumoto) in cases {
        let text = format!("{}{}。", "漢".repeat(kanji), "あ".repeat(hiragana));
        let r = report(&text);
        let expected = kanji as f64 / (kanji + hiragana) as f64;
        assert_eq!(r.scripts.kanji_ratio, expected, "{kanji}/{hiragana}");
        assert_eq!(r.scripts.kanji_ratio_morioka, morioka, "{kanji}/{hiragana}");
        assert_eq!(
            r.scripts.kanji_ratio_yasumoto, yasumoto,
            "{kanji}/{hiragana}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Sentence length

#[test]
fn morioka_sentence_length_bands() {
    // Mean length: 35 characters or fewer easy, 60 or more hard.
    let cases: &[(&[usize], Difficulty)] = &[
        (&[35], Difficulty::Easy),
        (&[36], Difficulty::Medium),
        (&[59], Difficulty::Medium),
        (&[60], Difficulty::Hard),
        (&[34, 36], Difficulty::Easy),    // mean 35
        (&[35, 36], Difficulty::Medium),  // mean 35.5
        (&[59, 60], Difficulty::Medium),  // mean 59.5
        (&[59, 61], Difficulty::Hard),    // mean 60
        (&[2, 2, 200], Difficulty::Hard), // mean 68
    ];
    for (lengths, expected) in cases {
        let text: String = lengths.iter().map(|&n| sentence(n)).collect();
        let r = report(&text);
        assert_eq!(r.sentence_length.count, lengths.len(), "{lengths:?}");
        assert_eq!(r.sentence_length.morioka, *expected, "{lengths:?}");
    }
}

#[test]
fn summary_of_sentence_lengths() {
    let text: String = [2, 30, 6, 8, 4].iter().map(|&n| sentence(n)).collect();
    let s = report(&text).sentence_length.characters;
    close(s.mean, 10.0);
    close(s.median, 6.0);
    // Rank 0.9 × 4 = 3.6 of 2 4 6 8 30: 8 + 0.6 × (30 − 8).
    close(s.p90, 21.2);
    assert_eq!(s.max, 30);

    // An even count: the median is the mean of the middle two; rank 0.9 × 3 = 2.7.
    let text: String = [8, 2, 6, 4].iter().map(|&n| sentence(n)).collect();
    let s = report(&text).sentence_length.characters;
    close(s.mean, 5.0);
    close(s.median, 5.0);
    close(s.p90, 7.4);
    assert_eq!(s.max, 8);

    // No sentence: all zero.
    let r = report("");
    assert_eq!(r.sentence_length.characters, Summary::default());
    assert_eq!(r.sentence_length.count, 0);
    assert!(r.tateishi.is_none());
}

#[test]
fn long_sentences_over_the_threshold() {
    // The sentence lengths of `text` with a threshold of `long` characters.
    let lengths = |long: usize, text: &str| {
        let scorer = Scorer::builder()
            .analyzer(false)
            .long_sentence(long)
            .build();
        scorer.score(text).sentence_length
    };
    let text = format!("{}{}{}", sentence(10), sentence(11), sentence(5));
    let l = lengths(10, &text);
    assert_eq!(l.long_threshold, 10);
    // Longer than 10: only the 11.
    assert_eq!(l.long, 1);

    let text = format!("{}{}", sentence(100), sentence(101));
    let r = report(&text);
    assert_eq!(r.sentence_length.long_threshold, DEFAULT_LONG_SENTENCE);
    assert_eq!(DEFAULT_LONG_SENTENCE, 100);
    assert_eq!(r.sentence_length.long, 1);
    assert_eq!(lengths(0, &text).long, 2);
}

#[test]
fn sentence_reports() {
    let text = "　今日は、晴れ。\n\n明日は\n雨、風、雷。";
    let r = report(text);
    assert_eq!(r.sentences.len(), 2);
    let texts: Vec<&str> = r.sentences.iter().map(|s| &text[s.range.clone()]).collect();
    assert_eq!(texts, ["今日は、晴れ。", "明日は\n雨、風、雷。"]);
    let paragraphs: Vec<usize> = r.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 1]);
    let characters: Vec<usize> = r.sentences.iter().map(|s| s.characters).collect();
    assert_eq!(characters, [7, 9]);
    let toten: Vec<usize> = r.sentences.iter().map(|s| s.toten).collect();
    assert_eq!(toten, [1, 2]);
    // 今日 晴 of 今日は晴れ; 明日 雨 風 雷 of 明日は雨風雷.
    close(r.sentences[0].kanji_ratio, 3.0 / 5.0);
    close(r.sentences[1].kanji_ratio, 5.0 / 6.0);
    assert!(r.sentences.iter().all(|s| s.words.is_none()));
}

/// A no-break space (common in text pasted from HTML) is whitespace to the scorer but not to
/// the splitter, so a trailing one makes a sentence of no characters that lowers the mean.
#[test]
fn no_break_space_makes_no_sentence() {
    let r = report("本文。\u{a0}");
    assert_eq!(r.sentence_length.count, 1);
    close(r.sentence_length.characters.mean, 3.0);
    assert!(r.sentences.iter().all(|s| s.characters > 0));
}

// ---------------------------------------------------------------------------------------------
// 読点

#[test]
fn toten_per_sentence_and_max() {
    // 、 ， and ､ are 読点; the ASCII comma is not.
    let r = report("あ、い、う。え，お。か､き。く。け,こ。");
    assert_eq!(r.sentence_length.count, 5);
    let per: Vec<usize> = r.sentences.iter().map(|s| s.toten).collect();
    assert_eq!(per, [2, 1, 1, 0, 0]);
    assert_eq!(r.toten.total, 4);
    close(r.toten.per_sentence, 0.8);
    assert_eq!(r.toten.max, 2);
    close(r.tateishi.expect("sentences").cp, 0.8);

    let r = report("");
    assert_eq!((r.toten.total, r.toten.max), (0, 0));
    assert_eq!(r.toten.per_sentence, 0.0);
}

// ---------------------------------------------------------------------------------------------
// The longest kanji run

#[test]
fn longest_kanji_run() {
    // Runs: 今日 東京都庁舎 行 | 国会議事⏎堂前 歩: a hard wrap does not end a run.
    let text = "今日は東京都庁舎へ行った。国会議事\n堂前を歩いた。";
    let run = report(text).longest_kanji_run.expect("a kanji");
    assert_eq!(run.text, "国会議事\n堂前");
    assert_eq!(run.length, 6);
    assert_eq!(run.sentence, 1);
    let start = text.find("国会").unwrap();
    assert_eq!(run.range, start..start + "国会議事\n堂前".len());
    assert_eq!(&text[run.range.clone()], run.text);

    // A tie goes to the first; a space ends a run; 々 is part of one.
    let text = "東京 都庁と人々。大阪";
    let run = report(text).longest_kanji_run.expect("a kanji");
    assert_eq!(
        (run.text.as_str(), run.length, run.range.clone()),
        ("東京", 2, 0..6)
    );
    let text = "その日、日々新た。";
    let run = report(text).longest_kanji_run.expect("a kanji");
    assert_eq!((run.text.as_str(), run.length), ("日々新", 3));

    // A run at the very end of the text, and none without kanji.
    let text = "これは日本語";
    let run = report(text).longest_kanji_run.expect("a kanji");
    assert_eq!((run.text.as_str(), run.range.clone()), ("日本語", 9..18));
    assert!(report("ひらがなとカタカナだけ。")
        .longest_kanji_run
        .is_none());
}

// ---------------------------------------------------------------------------------------------
// Kanji grades

#[test]
fn kanji_grades_of_the_chosen_kanji() {
    // The bands these tests rely on, checked against the library's table.
    let expected = [
        (KanjiGrade::Grade1, "一学木"),
        (KanjiGrade::Grade2, "東台"),
        (KanjiGrade::Grade3, "漢"),
        (KanjiGrade::Grade4, "愛"),
        (KanjiGrade::Grade5, "圧"),
        (KanjiGrade::Grade6, "異"),
        (KanjiGrade::Secondary, "鬱"),
        (KanjiGrade::Jinmeiyo, "亮"),
        (KanjiGrade::Hyogai, "鰐"),
    ];
    for (grade, kanji) in expected {
        for c in kanji.chars() {
            assert_eq!(KanjiGrade::of(c), Some(grade), "{c}");
        }
    }
    assert_eq!(KanjiGrade::of('々'), None);
    assert_eq!(KanjiGrade::of('あ'), None);
}

#[test]
fn kanji_grade_profile() {
    // 一学木 grade 1, 東台 grade 2, 漢 3, 愛 4, 圧 5, 異 6, 鬱 secondary, 亮 jinmeiyō, 鰐 hyōgai;
    // 々 is a kanji for the ratio but has no band.
    let r = report("一学木東台漢愛圧異鬱亮鰐々");
    assert_eq!(r.scripts.kanji.count, 13);
    let g = &r.kanji_grades;
    assert_eq!(g.total, 12);
    let bands: Vec<(KanjiGrade, usize)> = g.bands.iter().map(|b| (b.grade, b.count)).collect();
    assert_eq!(
        bands,
        [
            (KanjiGrade::Grade1, 3),
            (KanjiGrade::Grade2, 2),
            (KanjiGrade::Grade3, 1),
            (KanjiGrade::Grade4, 1),
            (KanjiGrade::Grade5, 1),
            (KanjiGrade::Grade6, 1),
            (KanjiGrade::Secondary, 1),
            (KanjiGrade::Jinmeiyo, 1),
            (KanjiGrade::Hyogai, 1),
        ]
    );
    for band in &g.bands {
        close(band.share, band.count as f64 / 12.0);
    }
    // 95% of 12 is 11.4: only with the last band are 12 known.
    assert_eq!(g.grade_for_95_percent, Some(KanjiGrade::Hyogai));
}

#[test]
fn grade_for_95_percent() {
    let text = |grade1: usize, grade2: usize, hyogai: usize| {
        format!(
            "{}{}{}",
            "一".repeat(grade1),
            "東".repeat(grade2),
            "鰐".repeat(hyogai)
        )
    };
    // 19 of 20 is exactly 95%.
    let g = report(&text(19, 0, 1)).kanji_grades;
    assert_eq!(g.grade_for_95_percent, Some(KanjiGrade::Grade1));
    close(g.bands[0].share, 0.95);
    close(g.bands[8].share, 0.05);
    // 18 of 20 is not; 19 by grade 2 is.
    let g = report(&text(18, 1, 1)).kanji_grades;
    assert_eq!(g.grade_for_95_percent, Some(KanjiGrade::Grade2));
    // 18 of 20 known until the last band.
    let g = report(&text(18, 0, 2)).kanji_grades;
    assert_eq!(g.grade_for_95_percent, Some(KanjiGrade::Hyogai));
    // All grade 1.
    let g = report(&text(3, 0, 0)).kanji_grades;
    assert_eq!(g.grade_for_95_percent, Some(KanjiGrade::Grade1));
    // No kanji: no grade, every band still listed with a share of 0.
    let g = report("かな。").kanji_grades;
    assert_eq!(g.total, 0);
    assert_eq!(g.grade_for_95_percent, None);
    assert_eq!(g.bands.len(), 9);
    assert!(g.bands.iter().all(|b| b.count == 0 && b.share == 0.0));
    let grades: Vec<KanjiGrade> = g.bands.iter().map(|b| b.grade).collect();
    assert_eq!(grades, KanjiGrade::ALL);
}

// ---------------------------------------------------------------------------------------------
// Paragraphs, Tateishi and the analyzer fields

#[test]
fn paragraphs() {
    let r = report("段落一。\n\n段落二。続き。\n \n\n段落三");
    assert_eq!(r.paragraphs, 3);
    let p: Vec<usize> = r.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(p, [0, 1, 1, 2]);
    assert_eq!(report("一つだけ。\n二文目。").paragraphs, 1);
    assert_eq!(report("").paragraphs, 0);
    assert_eq!(report(" \n\n\u{3000}\n").paragraphs, 0);
}

#[test]
fn tateishi_is_its_formula_of_its_variables() {
    let r = report("サーバーに Linux を入れた。2台目も、同じ手順で入れる。");
    let t = r.tateishi.expect("sentences");
    let expected =
        -0.12 * t.ls - 1.37 * t.la + 7.4 * t.lh - 23.18 * t.lc - 5.4 * t.lk - 4.67 * t.cp + 115.79;
    close(t.score, expected);
    close(t.ls, r.sentence_length.characters.mean);
    close(t.cp, r.toten.per_sentence);
}

#[test]
fn without_the_analyzer() {
    let scorer = chars_only();
    assert!(!scorer.has_analyzer());
    let r = scorer.score("今日は晴れです。明日は、雨が降るでしょう。");
    assert!(!r.analyzed);
    assert_eq!(
        r.needs_analyzer,
        ["sentence_length.words", "jreadability", "sentences[].words"]
    );
    assert!(r.jreadability.is_none());
    assert!(r.sentence_length.words.is_none());
    assert!(r.sentences.iter().all(|s| s.words.is_none()));
    // The character-level metrics are all there.
    assert!(r.tateishi.is_some());
    assert_eq!(r.sentence_length.count, 2);
    assert_eq!(r.toten.total, 1);
    // And in JSON: the fields are null, not missing.
    let json = serde_json::to_value(&r).unwrap();
    assert!(json["jreadability"].is_null());
    assert!(json["sentence_length"]["words"].is_null());
    assert!(json["sentences"][0]["words"].is_null());
    assert_eq!(json["analyzed"], false);
}

// ---------------------------------------------------------------------------------------------
// With the analyzer

#[cfg(feature = "embedded-dictionary")]
mod analyzed {
    use super::*;
    use seisho::score::{score, JReadabilityLevel};

    /// Texts and their number of jReadability sentences: as its definition's implementation
    /// counts them, one after each 。 ？ ！ ． (in quotes too, not at line breaks) and one for
    /// words after the last.
    const TEXTS: &[(&str, usize)] = &[
        ("今日の天気は、晴れです。", 1),
        ("おはようございます！今日は天気がいいですね。", 2),
        ("李さんは毎日お酒をのんでいます。お金もなくなりました。しかし、仕事はきらいです。", 3),
        ("数学は，科学を記述する普遍的な言語であるという基本的な性格を持つ。\nまた「自然は数学の言葉で書かれた書物である」とはガリレイの言である。", 2),
        ("サーバーに Linux をインストールし、\n設定ファイルを編集する。\n\n・再起動する\n・ログを確認する", 2),
        ("ABC 123 ！？", 2),
        ("「はい。そうです。」と彼は言った。", 3),
    ];

    #[test]
    fn jreadability_is_its_formula_of_its_variables() {
        let scorer = Scorer::default();
        assert!(scorer.has_analyzer());
        for &(text, sentences) in TEXTS {
            let r = scorer.score(text);
            assert!(r.analyzed, "{text}");
            // The invariants of every report: among them, jReadability is its formula of its
            // variables, its level is the score's, and its percents are from 0 to 100.
            seisho_fuzz::check_report(text, &r);
            let j = r.jreadability.as_ref().expect("words");
            assert_eq!(j.sentences, sentences, "{text}");
            close(j.mean_sentence_words, j.words as f64 / j.sentences as f64);
            // The word origins are exclusive: they add up to at most all words.
            let origins = j.kango_percent + j.wago_percent + j.gairaigo_percent + j.konshu_percent;
            assert!(origins <= 100.0 + 1e-9, "{text}: {origins}");
            assert!(j.verb_percent + j.particle_percent <= 100.0 + 1e-9);
            // Words per sentence, punctuation not counted, are there for every sentence (and
            // summarized, as the invariants check).
            let per: Vec<usize> = r.sentences.iter().map(|s| s.words.unwrap()).collect();
            // Tokens include punctuation, the per-sentence words do not.
            assert!(per.iter().sum::<usize>() <= j.words, "{text}");
        }
    }

    #[test]
    fn words_per_sentence() {
        // 今日 の 天気 は 、 晴れ です 。: 8 tokens, 6 words without punctuation.
        let r = score("今日の天気は、晴れです。");
        assert_eq!(r.sentences[0].words, Some(6));
        let j = r.jreadability.expect("words");
        assert_eq!(j.words, 8);
        assert_eq!(j.sentences, 1);
        close(j.mean_sentence_words, 8.0);
    }

    #[test]
    fn nothing_to_analyze() {
        let r = score("");
        assert!(r.analyzed);
        assert!(r.jreadability.is_none());
        let r = score(" \n\n\u{3000}");
        assert!(r.jreadability.is_none());
    }

    /// The second example of the jreadability README (reference 5.976, PyPI `jreadability`).
    #[test]
    fn readme_example_today_the_weather_is_sunny() {
        let j = score("今日の天気は、晴れです。").jreadability.unwrap();
        assert!((j.score - 5.976).abs() <= 0.3, "{}", j.score);
        assert_eq!(j.level, JReadabilityLevel::LowerElementary);
    }

    /// The first example of the jreadability README (reference 6.438).
    #[test]
    fn readme_example_good_morning() {
        let j = score("おはようございます！今日は天気がいいですね。")
            .jreadability
            .unwrap();
        assert!((j.score - 6.438).abs() <= 0.3, "{}", j.score);
    }

    #[test]
    fn character_metrics_do_not_depend_on_the_analyzer() {
        let with = Scorer::default();
        let without = chars_only();
        for &(text, _) in TEXTS {
            let mut a = with.score(text);
            let b = without.score(text);
            a.jreadability = None;
            a.sentence_length.words = None;
            a.analyzed = false;
            a.needs_analyzer = b.needs_analyzer.clone();
            for s in &mut a.sentences {
                s.words = None;
            }
            assert_eq!(a, b, "{text}");
        }
    }
}
