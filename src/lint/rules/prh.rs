//! `prh`: what the configured prh dictionaries say to write another way.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use super::super::Fix;
use crate::rule::Safety;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "prh",
    summary: "Words that a prh dictionary (given by `rule-paths`) says to write another way.",
    name_ja: "prhの辞書",
    summary_ja: "prhの辞書（`rule-paths`で指定）が別の書き方を求める語を報告します。",
    page: "prh",
    severity: Error,
    default_on: true,
    options: &[RuleOption {
        name: "rule-paths",
        default: OptionDefault::List(&[]),
        summary: "The prh YAML files, relative to the configuration file.",
        summary_ja: "prhのYAMLファイル（設定ファイルからの相対パス）。",
    }],
    check: Check::Text(check),
};

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    let Some(dictionary) = context.prh else {
        return;
    };
    let (text, prose) = (context.text.as_bytes(), context.prose.as_bytes());
    for m in dictionary.matches(context.prose) {
        // A match that takes in anything that is not prose (code, markup, a URL) is not one;
        // a quotation is someone else's words (textlint-rule-prh leaves them too).
        if text[m.range.clone()] != prose[m.range.clone()]
            || context.kind_at(m.range.start) == crate::BlockKind::Quote
        {
            continue;
        }
        let from = context.text[m.range.clone()].to_owned();
        // A replacement that writes what is there (`$1` of a broad pattern) says nothing.
        if from == m.replacement {
            continue;
        }
        let to = m.replacement.clone();
        let message = match m.note {
            Some(note) => Message::PrhNoted {
                from,
                to,
                note: note.trim().to_owned(),
            },
            None => Message::Prh { from, to },
        };
        let fix = Fix::replace(m.range.clone(), m.replacement, Safety::Safe);
        out.push(Found::new(m.range, message).with_fix(fix));
    }
}
