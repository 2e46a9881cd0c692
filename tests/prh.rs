//! prh/rules' dictionaries (checked in under `tests/data/prh-rules`, MIT, commit in its
//! PROVENANCE.md) as the prh rule reads them: every spec of WEB+DB PRESS's, TechBooster's
//! (with its imports) and the Japanese typo dictionary holds, each rule alone (as prh checks
//! them) and under `seisho fix` with the whole dictionary and only the rule `prh` on (where
//! prh itself gives the same).
#![cfg(feature = "prh")]

use std::path::Path;

use seisho::lint::prh::{source, Dictionary, LoadError};
use seisho::lint::{LintConfig, LintRule, Linter, Syntax};

const FILES: &[&str] = &[
    "media/WEB+DB_PRESS.yml",
    "media/techbooster.yml",
    "languages/ja/typo.yml",
];

fn load(name: &str) -> Dictionary {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/prh-rules");
    let mut read = |path: &Path| -> Result<source::File, String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        yaml_serde::from_str(&text).map_err(|e| e.to_string())
    };
    match Dictionary::load(&[dir.join(name)], &mut read) {
        Ok(d) => d,
        Err(LoadError::Read { path, error }) => panic!("{}: {error}", path.display()),
        Err(LoadError::Rule { path, error }) => panic!("{}: {error}", path.display()),
    }
}

#[test]
fn every_spec_holds_rule_by_rule() {
    for name in FILES {
        let d = load(name);
        assert!(d.spec_count() > 0, "{name}");
        let failures = d.failing_specs();
        assert!(failures.is_empty(), "{name}: {failures:#?}");
    }
}

/// The specs of the file `name` that `seisho fix` with its whole dictionary (and only the rule
/// `prh`) does not turn into their `to`: (from, to, got).
fn fix_failures(name: &str) -> (usize, Vec<(String, String, String)>) {
    let d = load(name);
    let specs: Vec<source::Spec> = d.specs().cloned().collect();
    let mut config = LintConfig::default();
    for rule in LintRule::all() {
        config.set_enabled(rule.id(), rule.id() == "prh").unwrap();
    }
    config.set_prh_dictionary(d);
    let linter = Linter::new(config).without_analyzer();
    let mut failures = Vec::new();
    for spec in &specs {
        let got = linter.fix(&spec.from, Syntax::Text, false).text;
        if got != spec.to {
            failures.push((spec.from.clone(), spec.to.clone(), got));
        }
    }
    (specs.len(), failures)
}

/// A file, its number of rules and of specs, and the specs that differ: (from, what it gives).
type Whole = (
    &'static str,
    usize,
    usize,
    &'static [(&'static str, &'static str)],
);

/// Each file: its rules with the imports followed, its specs, and the specs whose `to` the whole
/// dictionary does not give, with what it gives: prh 5.4.4's `replaceByRule` gives the same
/// (`bench/prh/compare.js`); in WEB+DB PRESS's, `日経ソフトウエア` is kept by the rule of
/// ソフトウェア and changed by the rule of ウェア.
const WHOLE: &[Whole] = &[
    (
        "media/WEB+DB_PRESS.yml",
        1296,
        76,
        &[("日経ソフトウエア", "日経ソフトウェア")],
    ),
    ("media/techbooster.yml", 65, 47, &[]),
    ("languages/ja/typo.yml", 3, 4, &[]),
];

#[test]
fn every_spec_holds_under_fix_with_the_whole_dictionary() {
    for (name, rules, specs, differ) in WHOLE {
        assert_eq!(load(name).len(), *rules, "{name}");
        let (count, failures) = fix_failures(name);
        assert_eq!(count, *specs, "{name}");
        let failures: Vec<(&str, &str)> = failures
            .iter()
            .map(|(from, _, got)| (from.as_str(), got.as_str()))
            .collect();
        assert_eq!(&failures, differ, "{name}");
    }
}

mod properties {
    use proptest::prelude::*;
    use seisho::lint::prh::{source, Dictionary};
    use std::path::Path;

    /// A dictionary of one rule (`expected`, `pattern`), or the error it is refused with.
    fn one_rule(expected: &str, pattern: &str) -> Option<Dictionary> {
        let rule = source::RuleSource::Full(source::FullRule {
            expected: expected.to_owned(),
            pattern: Some(source::Patterns::One(pattern.to_owned())),
            patterns: None,
            regexp_must_empty: None,
            options: Default::default(),
            specs: Vec::new(),
            prh: None,
        });
        let file = source::File {
            rules: vec![rule],
            ..Default::default()
        };
        let mut read = |_: &Path| Ok::<_, ()>(file.clone());
        Dictionary::load(&["p.yml".into()], &mut read).ok()
    }

    proptest! {
        /// Any pattern (regular expression or not) either loads or is refused, and what it
        /// finds is inside the text, in order, not overlapping, on character boundaries.
        #[test]
        fn any_pattern_is_read_or_refused(
            pattern in "(/)?[a-cあ()\\[\\]\\\\|?*+.^$bwdBWD{},!=<:-]{0,12}(/i?)?",
            text in "[a-cあ()\\[\\] \\n.-]{0,40}",
        ) {
            if let Some(d) = one_rule("X", &pattern) {
                let mut end = 0;
                for m in d.matches(&text) {
                    prop_assert!(m.range.start >= end && m.range.end <= text.len());
                    prop_assert!(text.is_char_boundary(m.range.start));
                    prop_assert!(text.is_char_boundary(m.range.end));
                    prop_assert!(m.range.start < m.range.end);
                    end = m.range.end;
                }
                let _ = d.replace(&text);
            }
        }
    }
}
