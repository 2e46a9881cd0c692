//! `no-double-negative`: a negative of a negative (ないことはない, なくはない).

use super::super::context::{Context, Found};
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-double-negative",
    aliases: ["no-double-negative-ja"],
    summary: "A double negative (ないことはない, なくはない) where a positive is meant.",
    page: "no_double_negative.md",
    severity: Warning,
    default_on: true,
    options: &[],
    check: Check::Text(check),
};

/// Double negatives, as written after a verb or adjective stem. Polite forms too.
const PATTERNS: &[&str] = &[
    "ないことはない",
    "ないこともない",
    "ないことはありません",
    "ないこともありません",
    "ないことはないです",
    "なくはない",
    "なくもない",
    "なくはありません",
    "なくもありません",
    "ないわけではない",
    "ないわけでもない",
    "ないわけではありません",
    "ないわけでもありません",
    "ないものではない",
    "ないものでもない",
    "ないではない",
    "ないでもない",
    "ないとは言えない",
    "ないとはいえない",
    "ないとは限らない",
    "ないとはかぎらない",
];

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    for sentence in context.sentences {
        let text = sentence.text();
        let start = sentence.range().start;
        let mut from = 0;
        while from < text.len() {
            // The earliest, longest pattern from here.
            let found = PATTERNS
                .iter()
                .filter_map(|p| text[from..].find(p).map(|at| (from + at, p.len())))
                .min_by_key(|&(at, len)| (at, std::cmp::Reverse(len)));
            let Some((at, len)) = found else {
                break;
            };
            let written = &text[at..at + len];
            // A question is rhetorical, not a hedge: 見当らないではないか ("isn't it missing!").
            if text[at + len..].starts_with('か') {
                from = at + len;
                continue;
            }
            out.push(Found::new(
                start + at..start + at + len,
                format!("double negative 「{written}」: say it positively"),
            ));
            from = at + len;
        }
    }
}
