//! Scoring any text, plain and as Markdown: no panic, every number finite, ranges in bounds
//! and on character boundaries, counts that add up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seisho::score::{Report, Scorer};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let scorer = Scorer::builder().analyzer(false).build();
    check(&text, &scorer.score(&text));
    check(&text, &scorer.score_markdown(&text));
});

fn check(text: &str, report: &Report) {
    let json = serde_json::to_value(report).expect("a report serializes");
    finite(&json);
    assert_eq!(report.sentences.len(), report.sentence_length.count);
    let mut last = 0;
    let mut characters = 0;
    for s in &report.sentences {
        assert!(s.range.start >= last && s.range.end <= text.len(), "{:?}", s.range);
        assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
        last = s.range.end;
        characters += s.characters;
        assert!((0.0..=1.0).contains(&s.kanji_ratio));
    }
    assert_eq!(characters, report.characters);
    let sc = &report.scripts;
    assert_eq!(
        sc.kanji.count
            + sc.hiragana.count
            + sc.katakana.count
            + sc.latin.count
            + sc.digits.count
            + sc.punctuation.count
            + sc.symbols.count,
        report.characters
    );
    let bands: usize = report.kanji_grades.bands.iter().map(|b| b.count).sum();
    assert_eq!(bands, report.kanji_grades.total);
}

fn finite(value: &serde_json::Value) {
    match value {
        serde_json::Value::Number(n) => assert!(n.as_f64().is_some_and(f64::is_finite)),
        serde_json::Value::Array(items) => items.iter().for_each(finite),
        serde_json::Value::Object(map) => map.values().for_each(finite),
        _ => {}
    }
}
