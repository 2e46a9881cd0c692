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

/// Double negatives, as written after a verb or adjective stem. Polite forms too. Each starts
/// with な (the check relies on it).
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
        // Every pattern starts with な: look for it, then for the longest pattern there.
        while let Some(offset) = text[from..].find('な') {
            let at = from + offset;
            let Some(len) = PATTERNS
                .iter()
                .filter(|p| text[at..].starts_with(**p))
                .map(|p| p.len())
                .max()
            else {
                from = at + 'な'.len_utf8();
                continue;
            };
            from = at + len;
            // A question is rhetorical, not a hedge: 見当らないではないか ("isn't it missing!").
            if text[at + len..].starts_with('か') {
                continue;
            }
            let written = &text[at..at + len];
            out.push(Found::new(
                start + at..start + at + len,
                format!("double negative 「{written}」: say it positively"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_pattern_starts_with_na() {
        assert!(super::PATTERNS.iter().all(|p| p.starts_with('な')));
    }
}
