//! Every rule's documented example, linted with that rule on: the rule must report it (a rule's
//! page shows what the rule finds, so a page whose example the rule no longer finds is wrong),
//! and what it says of it — position, severity, message, fix — is kept as one snapshot per
//! rule in `tests/snapshots/` (insta). A changed message or fix fails here until the snapshot
//! is reviewed: `INSTA_UPDATE=always cargo test --test rule_examples`, then read the diff.
//!
//! The example is the first code block of the page's `## Example` section; where a line shows
//! a fix (`before → after`), its left side is the input.

use std::fmt::Write as _;

use seisho::lint::{Diagnostic, LintConfig, LintRule, Linter, OptionValue, Syntax};

/// The options a rule's example is shown with (its page says so): the rule, the option and its
/// list of values.
const EXAMPLE_OPTIONS: &[(&str, &str, &[&str])] = &[("compatibility", "classes", &["enclosed"])];

/// The input of `rule`'s documented example.
fn example(rule: &LintRule) -> String {
    let section = rule
        .doc()
        .split("\n## ")
        .find(|s| s.starts_with("Example"))
        .unwrap_or_else(|| panic!("{}: the page has no `## Example` section", rule.id()));
    // The blocks are every other piece between fences; a `yaml` block is a configuration.
    let block = section
        .split("```")
        .skip(1)
        .step_by(2)
        .find(|b| !b.starts_with("yaml"))
        .unwrap_or_else(|| panic!("{}: the example section has no code block", rule.id()));
    let mut input = String::new();
    // The line after the fence's opening is the block's first line (the fence names a language).
    for line in block.lines().skip(1) {
        let before = line.split(" → ").next().unwrap_or(line).trim_end();
        input.push_str(before);
        input.push('\n');
    }
    input
}

/// The dictionary of the prh rule's example: the `yaml` block of its example section.
#[cfg(feature = "prh")]
fn prh_example(rule: &LintRule) -> seisho::lint::prh::Dictionary {
    let section = rule.doc().split("\n## ").find(|s| s.starts_with("Example"));
    let yaml = section
        .and_then(|s| s.split("```yaml\n").nth(1))
        .and_then(|s| s.split("```").next())
        .expect("the prh page's example has a yaml block");
    let mut read = |_: &std::path::Path| yaml_serde::from_str(yaml);
    seisho::lint::prh::Dictionary::load(&["prh.yml".into()], &mut read)
        .unwrap_or_else(|_| panic!("the prh page's dictionary is valid"))
}

/// The diagnostics of `rule` alone, one line each: position, severity, rule, message, fix.
fn render(input: &str, diagnostics: &[&Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        write!(
            out,
            "{}:{} {} {}: {}",
            d.start.line,
            d.start.column,
            d.severity.id(),
            d.rule,
            d.message
        )
        .unwrap();
        if let Some(fix) = &d.fix {
            write!(
                out,
                "\n    fix ({}):",
                if fix.safety.is_safe() {
                    "safe"
                } else {
                    "unsafe"
                }
            )
            .unwrap();
            for edit in &fix.edits {
                write!(
                    out,
                    " 「{}」 → 「{}」",
                    &input[edit.range.clone()],
                    edit.replacement
                )
                .unwrap();
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_rule_reports_its_documented_example() {
    let mut missed = Vec::new();
    for rule in LintRule::all() {
        if rule.needs_words() && !cfg!(feature = "morphology") {
            continue;
        }
        let input = example(rule);
        let mut config = LintConfig::default();
        config.set_enabled(rule.id(), true).unwrap();
        for (id, option, values) in EXAMPLE_OPTIONS.iter().filter(|o| o.0 == rule.id()) {
            let values = values.iter().map(|v| v.to_string()).collect();
            config
                .set_option(id, option, OptionValue::List(values))
                .unwrap();
        }
        #[cfg(feature = "prh")]
        if rule.id() == "prh" {
            config.set_prh_dictionary(prh_example(rule));
        }
        let diagnostics = Linter::new(config).lint(&input, Syntax::Text);
        let own: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.rule == rule.id()).collect();
        if own.is_empty() {
            missed.push(rule.id());
            continue;
        }
        insta::with_settings!({
            description => format!("{}'s documented example:\n{input}", rule.id()),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(rule.id(), render(&input, &own));
        });
    }
    assert!(
        missed.is_empty(),
        "these rules do not report the example on their page: {missed:?}"
    );
}
