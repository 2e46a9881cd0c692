//! `no-mixed-period`: 。 and ． both used as the period of one document.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use super::super::Fix;
use crate::rule::Safety;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-mixed-period",
    aliases: ["ja-no-mixed-period"],
    summary: "Sentences that end with 。 and with ． in one document.",
    name_ja: "句点の混在",
    summary_ja: "一つの文書の中で「。」で終わる文と「．」で終わる文が混在していれば報告します。",
    page: "no_mixed_period",
    severity: Error,
    default_on: true,
    options: &[RuleOption {
        name: "period",
        default: OptionDefault::Choice {
            default: "auto",
            choices: &["auto", "。", "．"],
        },
        summary: "The period to use: 。, ．, or auto (the one most sentences end with).",
        summary_ja: "使う句点：。、．、または `auto`（最も多くの文が終わる方）。",
    }],
    check: Check::Text(check),
};

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
                    Message::MixedPeriod {
                        period: c,
                        expected,
                    },
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
