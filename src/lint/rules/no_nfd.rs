//! `no-nfd`: decomposed characters (NFD), as macOS file names carry them.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
use super::super::Fix;
use crate::rule::Safety;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-nfd",
    summary: "A character written decomposed (NFD): a letter followed by a combining mark.",
    name_ja: "分解された文字",
    summary_ja: "分解された形（NFD）で書かれた文字、つまり文字の後に結合文字が続いたものを報告します。",
    page: "no_nfd",
    severity: Error,
    default_on: true,
    check: Check::Text(check),
};

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    let prose = context.prose;
    let mut chars = prose.char_indices().peekable();
    while let Some((start, base)) = chars.next() {
        let mut composed = base;
        let mut end = start + base.len_utf8();
        let mut changed = false;
        while let Some(&(at, mark)) = chars.peek() {
            // Kana with the combining voiced marks are the voiced-sound-mark rule's.
            if matches!(mark, '\u{3099}' | '\u{309A}') {
                break;
            }
            // `None` too when `mark` is not a combining mark.
            match crate::text::unicode::compose_mark(composed, mark) {
                Some(c) => {
                    composed = c;
                    end = at + mark.len_utf8();
                    changed = true;
                    chars.next();
                }
                None => break,
            }
        }
        if changed {
            let written = &prose[start..end];
            out.push(
                Found::new(
                    start..end,
                    Message::Decomposed {
                        composed: composed.to_string(),
                        code_points: written.chars().count(),
                    },
                )
                .with_fix(Fix::replace(
                    start..end,
                    composed.to_string(),
                    Safety::Safe,
                )),
            );
        }
    }
}
