//! `no-mixed-period`: 。 and ． both used as the period of one document.

use super::super::context::{Context, Found};
use super::super::registry::{LintRule, OptionDefault, RuleOption, RuleSettings};
use super::super::{Fix, Severity};
use crate::rule::Safety;

pub(crate) const RULE: LintRule = LintRule::native(
    "no-mixed-period",
    "Sentences that end with 。 and with ． in one document.",
    include_str!("no_mixed_period.md"),
    Severity::Error,
    true,
    &[RuleOption {
        name: "period",
        default: OptionDefault::Choice {
            default: "auto",
            choices: &["auto", "。", "．"],
        },
        summary: "The period to use: 。, ．, or auto (the one most sentences end with).",
    }],
    false,
    check,
)
.with_aliases(&["ja-no-mixed-period"]);

/// Where the sentence's period is, if it ends with 。 or ． (before any closing brackets).
fn period(text: &str) -> Option<(usize, char)> {
    let trimmed = text.trim_end_matches(|c: char| {
        matches!(
            c,
            '」' | '』' | '）' | ')' | '】' | '〕' | '］' | '〉' | '》' | '”' | '’'
        )
    });
    let c = trimmed.chars().next_back()?;
    matches!(c, '。' | '．').then(|| (trimmed.len() - c.len_utf8(), c))
}

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let ends: Vec<(usize, char)> = context
        .sentences
        .iter()
        .filter_map(|s| period(s.text()).map(|(at, c)| (s.range().start + at, c)))
        .collect();
    let configured = match settings.text("period") {
        "。" => Some('。'),
        "．" => Some('．'),
        _ => None,
    };
    let (expected, safety) = match configured {
        Some(c) => (c, Safety::Safe),
        None => {
            let maru = ends.iter().filter(|(_, c)| *c == '。').count();
            let other = ends.len() - maru;
            if maru == 0 || other == 0 {
                return;
            }
            // The document's own choice is a guess when it is nearly even: a suggestion.
            (if maru >= other { '。' } else { '．' }, Safety::Unsafe)
        }
    };
    for &(at, c) in &ends {
        if c != expected {
            out.push(
                Found::new(
                    at..at + c.len_utf8(),
                    format!("period 「{c}」 where the document uses 「{expected}」"),
                )
                .with_fix(Fix::replace(
                    at..at + c.len_utf8(),
                    expected.to_string(),
                    safety,
                )),
            );
        }
    }
}
