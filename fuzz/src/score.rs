//! The `score` target: the invariants of a readability report, which the property tests
//! (`tests/score_properties.rs`), the hostile-input tests and `tests/score.rs` run too.

use std::sync::OnceLock;

use seisho::score::{JReadabilityLevel, Report, Scorer, ScriptShare, Scripts, Summary};

use crate::shown;

pub(crate) fn scorer() -> &'static Scorer {
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

/// The shares of each script: kanji, hiragana, katakana, Latin, digits, punctuation and
/// symbols.
pub fn script_shares(scripts: &Scripts) -> [&ScriptShare; 7] {
    [
        &scripts.kanji,
        &scripts.hiragana,
        &scripts.katakana,
        &scripts.latin,
        &scripts.digits,
        &scripts.punctuation,
        &scripts.symbols,
    ]
}

/// The scripts: counts that add up to the characters, and ratios that add up to 1.
fn check_scripts(text: &str, report: &Report) {
    let sc = &report.scripts;
    let shares = script_shares(sc);
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
