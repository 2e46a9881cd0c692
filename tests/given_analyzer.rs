//! An analyzer handed over by the caller (`Analyzer::with_dictionary`, as a build without the
//! embedded dictionary must do) gives the linter, the scorer and the normalizer the same
//! results as the embedded dictionary they use by default, on every input of tests/data.
//!
//! The dictionary is loaded anew from the embedded files held in memory, as a browser loads the
//! files it fetched (`seisho_ipadic::load_from_parts`): another `Dictionary`, the same words.
#![cfg(all(feature = "embedded-dictionary", feature = "markdown"))]

use std::path::Path;

use seisho::lint::{LintConfig, Linter, Syntax};
use seisho::morphology::Analyzer;
use seisho::score::Scorer;
use seisho::Normalizer;

/// The inputs of the `.toml` files under `dir`, with the file each comes from.
fn inputs(dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            inputs(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let doc: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
            let cases = doc.get("case").and_then(|c| c.as_array());
            for case in cases.into_iter().flatten() {
                if let Some(input) = case.get("input").and_then(|i| i.as_str()) {
                    let file = path.file_name().unwrap().to_string_lossy().into_owned();
                    out.push((file, input.to_owned()));
                }
            }
        }
    }
}

fn cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    inputs(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"),
        &mut out,
    );
    assert!(out.len() > 300, "only {} cases", out.len());
    out
}

fn loaded() -> Analyzer {
    let dictionary = seisho_ipadic::load_from_parts(seisho_ipadic::DictionaryParts::embedded())
        .expect("the dictionary loads from its files");
    Analyzer::with_dictionary(dictionary)
}

#[test]
fn the_normalizer_confirms_kana_typos_with_the_given_analyzer() {
    let given = Normalizer::builder().analyzer(loaded()).build();
    let embedded = Normalizer::default();
    let without = Normalizer::builder().dictionary(false).build();
    let unsafe_given = Normalizer::builder()
        .analyzer(loaded())
        .unsafe_fixes(true)
        .build();
    let unsafe_embedded = Normalizer::builder().unsafe_fixes(true).build();
    let mut confirmed = 0;
    for (file, input) in cases() {
        let (g, e) = (given.normalize(&input), embedded.normalize(&input));
        assert_eq!(g.text(), e.text(), "{file}: {input}");
        assert_eq!(g.edits(), e.edits(), "{file}: {input}");
        assert_eq!(g.suggestions(), e.suggestions(), "{file}: {input}");
        assert_eq!(
            unsafe_given.normalize(&input).text(),
            unsafe_embedded.normalize(&input).text(),
            "{file}: {input}"
        );
        if file == "dictionary.toml" && g.text() != without.normalize(&input).text() {
            confirmed += 1;
        }
    }
    // The dictionary cases do depend on the dictionary.
    assert!(confirmed > 20, "only {confirmed} confirmed");

    // `dictionary(false)` after the analyzer turns the check off; the analyzer after it, on.
    let a = loaded();
    let off = Normalizer::builder().analyzer(a.clone()).dictionary(false);
    assert_eq!(off.build().normalize("力メラ").text(), "力メラ");
    let on = Normalizer::builder().dictionary(false).analyzer(a);
    assert_eq!(on.build().normalize("力メラ").text(), "カメラ");
}

#[test]
fn the_linter_runs_the_words_rules_with_the_given_analyzer() {
    let analyzer = loaded();
    let mut config = LintConfig::default();
    for rule in seisho::lint::LintRule::all() {
        config.set_enabled(rule.id(), true).unwrap();
    }
    let mut words_found = 0;
    for config in [LintConfig::default(), config] {
        let given = Linter::with_analyzer(config.clone(), analyzer.clone());
        let embedded = Linter::new(config.clone());
        let without = Linter::new(config).without_analyzer();
        for (file, input) in cases() {
            for syntax in [Syntax::Text, Syntax::Markdown] {
                let g = given.lint(&input, syntax);
                assert_eq!(g, embedded.lint(&input, syntax), "{file}: {input}");
                if file == "words.toml" && g != without.lint(&input, syntax) {
                    words_found += 1;
                }
            }
            assert_eq!(
                given.fix(&input, Syntax::Text, true),
                embedded.fix(&input, Syntax::Text, true),
                "{file}: {input}"
            );
        }
    }
    assert!(words_found > 10, "only {words_found} differ");
}

#[test]
fn the_scorer_counts_words_with_the_given_analyzer() {
    let given = Scorer::builder().with_analyzer(loaded()).build();
    let embedded = Scorer::default();
    assert!(given.has_analyzer());
    let mut with_jreadability = 0;
    for (file, input) in cases() {
        let report = given.score(&input);
        assert_eq!(report, embedded.score(&input), "{file}: {input}");
        assert_eq!(
            given.score_markdown(&input),
            embedded.score_markdown(&input),
            "{file}: {input}"
        );
        with_jreadability += usize::from(report.jreadability.is_some());
    }
    assert!(with_jreadability > 100, "only {with_jreadability}");
}
