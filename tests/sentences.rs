//! Table cases of the sentence splitter (`seisho::sentences`): `tests/data/scoring/sentences.toml`
//! holds `[[case]]` tables, each a text, the sentences it is cut into and their paragraphs.
//!
//! Besides the expected sentences, every case checks the ranges: each sentence's `range()`
//! slices the input to its `text()`, the ranges increase without overlapping, no sentence
//! starts or ends with whitespace, and every non-whitespace character of the input is in
//! exactly one sentence. Every case is run and every failure collected by the harness of the
//! tables (`tests/harness`), which also handles the cases marked `known_failure = "reason"`.

mod harness;

use std::path::Path;

use harness::Suite;
use serde::Deserialize;

/// The suite must not shrink below this many cases.
const MIN_CASES: usize = 40;

/// A `[[case]]` table, but for its `name` and `known_failure` (the harness reads those).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    sentences: Vec<String>,
    paragraphs: Vec<usize>,
}

impl harness::Case for Case {
    fn run(&self) -> Vec<String> {
        run_case(self)
    }
}

/// Whitespace between sentences, as the splitter documents it: ASCII whitespace, the
/// ideographic space and the BOM.
fn is_whitespace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\u{3000}' | '\u{feff}'
    )
}

/// The problems of the ranges the splitter gives for `text` (empty when they are right).
fn range_problems(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut covered = vec![0u32; text.len()];
    let mut previous_end = 0;
    let mut previous_paragraph = 0;
    for (i, s) in seisho::sentences(text).enumerate() {
        let r = s.range();
        if r.start < previous_end {
            problems.push(format!(
                "sentence {i} starts at {} before the previous one ends at {previous_end}",
                r.start
            ));
        }
        if r.start >= r.end {
            problems.push(format!("sentence {i} is empty: {r:?}"));
        }
        match text.get(r.clone()) {
            Some(slice) if slice == s.text() => {}
            Some(slice) => problems.push(format!(
                "sentence {i}: range {r:?} slices {slice:?}, text() is {:?}",
                s.text()
            )),
            None => {
                problems.push(format!(
                    "sentence {i}: range {r:?} is out of bounds or not on char boundaries"
                ));
                continue;
            }
        }
        if s.text().starts_with(is_whitespace) || s.text().ends_with(is_whitespace) {
            problems.push(format!(
                "sentence {i} {:?} starts or ends with whitespace",
                s.text()
            ));
        }
        if s.is_wrapped() != s.text().contains('\n') {
            problems.push(format!("sentence {i}: is_wrapped() is {}", s.is_wrapped()));
        }
        if s.paragraph() < previous_paragraph || s.paragraph() > previous_paragraph + 1 {
            problems.push(format!(
                "sentence {i}: paragraph {} after {previous_paragraph}",
                s.paragraph()
            ));
        }
        if i == 0 && s.paragraph() != 0 {
            problems.push(format!(
                "the first sentence is in paragraph {}",
                s.paragraph()
            ));
        }
        previous_paragraph = s.paragraph();
        previous_end = r.end;
        for at in r {
            covered[at] += 1;
        }
    }
    for (at, c) in text.char_indices() {
        if is_whitespace(c) {
            continue;
        }
        let n = covered[at];
        if n != 1 {
            problems.push(format!(
                "{c:?} at byte {at} is in {n} sentences, not exactly one"
            ));
        }
    }
    problems
}

fn run_case(case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    if case.sentences.len() != case.paragraphs.len() {
        problems.push(format!(
            "the case lists {} sentences but {} paragraphs",
            case.sentences.len(),
            case.paragraphs.len()
        ));
    }
    let got: Vec<(&str, usize)> = seisho::sentences(&case.text)
        .map(|s| (s.text(), s.paragraph()))
        .collect();
    let texts: Vec<&str> = got.iter().map(|(t, _)| *t).collect();
    let paragraphs: Vec<usize> = got.iter().map(|(_, p)| *p).collect();
    if texts != case.sentences {
        problems.push(format!(
            "sentences: expected {:?}, got {texts:?}",
            case.sentences
        ));
    }
    if paragraphs != case.paragraphs {
        problems.push(format!(
            "paragraphs: expected {:?}, got {paragraphs:?}",
            case.paragraphs
        ));
    }
    problems.extend(range_problems(&case.text));
    problems
}

#[test]
fn sentence_cases() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scoring/sentences.toml");
    let mut suite = Suite::new();
    suite.run_file::<Case>(&path);
    suite.finish(MIN_CASES);
}

/// The range checks on inputs that stress the edges: whitespace only, CR alone, brackets
/// left open, closers without openers.
#[test]
fn ranges_on_awkward_inputs() {
    let texts = [
        "\u{feff}",
        "\r\r\n\r",
        "」」」。。。",
        "「「「（（",
        "a\u{3000}\u{3000}b\n\n\n\u{feff}c",
        "。\n\n。\n \n。",
        "1. \n2) \n・",
        "「行く。」\n\n「来る。」 「見る！」",
        "?!?!",
        "x!y?z",
    ];
    let mut failures = Vec::new();
    for text in texts {
        for p in range_problems(text) {
            failures.push(format!("{text:?}: {p}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
