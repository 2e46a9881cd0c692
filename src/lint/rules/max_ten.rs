//! `max-ten`: too many 読点 in one sentence.

use super::super::context::{Context, Found};
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};

pub(crate) const RULE: LintRule = lint_rule! {
    id: "max-ten",
    summary: "More than `max` 読点 (、，) in one sentence.",
    page: "max_ten.md",
    severity: Warning,
    default_on: true,
    options: &[RuleOption {
        name: "max",
        default: OptionDefault::Integer { default: 3, min: 0 },
        summary: "The most 読点 a sentence may have.",
    }],
    check: Check::Text(check),
};

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let max = settings.integer("max").max(0) as usize;
    for sentence in context.sentences {
        let start = sentence.range().start;
        let ten: Vec<usize> = sentence
            .text()
            .char_indices()
            .filter(|&(_, c)| matches!(c, '、' | '，' | '､'))
            .map(|(i, _)| start + i)
            .collect();
        if ten.len() > max {
            // At the first 読点 over the limit.
            let at = ten[max];
            out.push(Found::new(
                at..at + 3,
                format!("{} 読点 in one sentence (at most {max})", ten.len()),
            ));
        }
    }
}
