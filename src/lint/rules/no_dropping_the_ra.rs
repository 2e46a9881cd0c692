//! `no-dropping-the-ra`: ら抜き言葉, the potential of 一段 verbs without ら (見れる).

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
use super::super::Fix;
use crate::morphology::PartOfSpeech;
use crate::rule::Safety;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-dropping-the-ra",
    summary: "ら抜き言葉: the potential form of a 一段 verb or 来る without ら (見れる, 来れる).",
    name_ja: "ら抜き言葉",
    summary_ja: "ら抜き言葉、つまり一段動詞や「来る」の可能形から「ら」が抜けたもの（見れる、来れる）を報告します。",
    page: "no_dropping_the_ra",
    severity: Warning,
    default_on: true,
    check: Check::Words(check),
};

/// ら抜き forms IPADIC lists as words of their own.
const LISTED: &[&str] = &["見れる", "来れる", "これる"];

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    for i in 0..context.sentences.len() {
        let words = context.words(i);
        for (k, word) in words.iter().enumerate() {
            let token = &word.token;
            if token.part_of_speech() != PartOfSpeech::Verb {
                continue;
            }
            if LISTED.contains(&token.base_form().unwrap_or_default()) {
                // 見れる → 見られる: ら before the れ.
                let surface = token.surface();
                if let Some(at) = surface.find('れ') {
                    let start = word.range.start + at;
                    out.push(ra(word.range.clone(), start, surface));
                }
                continue;
            }
            // A 一段 or カ変 verb in its 未然形 followed by the suffix れる.
            let ichidan = token
                .conjugation_type()
                .is_some_and(|t| t == "一段" || t.starts_with("カ変"));
            if token.pos_detail1() != "自立"
                || !ichidan
                || token.conjugation_form() != Some("未然形")
            {
                continue;
            }
            let Some(next) = words.get(k + 1) else {
                continue;
            };
            if next.token.base_form() == Some("れる") && next.token.pos_detail1() == "接尾" {
                let range = word.range.start..next.range.end;
                let written = &context.prose[range.clone()];
                out.push(ra(range, next.range.start, written));
            }
        }
    }
}

fn ra(range: std::ops::Range<usize>, insert_at: usize, written: &str) -> Found {
    let offset = insert_at - range.start;
    let fixed = format!("{}ら{}", &written[..offset], &written[offset..]);
    // Reported from where the ら is missing (見|れる), as textlint does.
    Found::new(
        insert_at..range.end,
        Message::RaNuki {
            written: written.to_owned(),
            fixed,
        },
    )
    .with_fix(Fix::replace(insert_at..insert_at, "ら", Safety::Unsafe))
}
