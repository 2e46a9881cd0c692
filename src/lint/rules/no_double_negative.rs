//! `no-double-negative`: a negative of a negative (ないことはない, なくはない).

#[cfg(feature = "morphology")]
use super::super::context::Word;
use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
#[cfg(feature = "morphology")]
use crate::morphology::PartOfSpeech;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-double-negative",
    aliases: ["no-double-negative-ja"],
    summary: "A double negative (ないことはない, なくはない) where a positive is meant.",
    name_ja: "二重否定",
    summary_ja: "肯定の意味で使われた二重否定（ないことはない、なくはない）を報告します。",
    page: "no_double_negative",
    severity: Warning,
    default_on: true,
    check: Check::TextWithWords(check),
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
    // With the analyzer, by words (every spelling and form); without it, by spelling.
    #[cfg(feature = "morphology")]
    if context.words.is_some() {
        for i in 0..context.sentences.len() {
            by_words(context.text, context.words(i), out);
        }
        return;
    }
    for sentence in context.sentences {
        by_spelling(sentence.text(), sentence.range().start, out);
    }
}

/// The double negatives of a sentence read as written (without the analyzer): the earliest,
/// longest of [`PATTERNS`] at each place.
fn by_spelling(text: &str, start: usize, out: &mut Vec<Found>) {
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
            Message::DoubleNegative {
                written: written.to_owned(),
            },
        ));
    }
}

/// One step of a double negative, matched against the analyzer's words.
#[cfg(feature = "morphology")]
#[derive(Clone, Copy)]
enum Step {
    /// The negative ない (an auxiliary verb or an adjective; 無い too) in any form: なく,
    /// なかっ(た); last in a pattern also the polite ありません.
    Negative,
    /// A word written one of these ways.
    Word(&'static [&'static str]),
    /// A verb whose base form is one of these.
    Verb(&'static [&'static str]),
}

#[cfg(feature = "morphology")]
const HA_MO: Step = Step::Word(&["は", "も"]);
#[cfg(feature = "morphology")]
const DE: Step = Step::Word(&["で"]);
#[cfg(feature = "morphology")]
const SAY_OR_LIMIT: Step = Step::Verb(&[
    "言える",
    "いえる",
    "言い切れる",
    "いいきれる",
    "限る",
    "かぎる",
]);

/// 言い切れない as the analyzer reads it: 言い + 切れ + ない.
#[cfg(feature = "morphology")]
const SAY: Step = Step::Verb(&["言う", "いう"]);
#[cfg(feature = "morphology")]
const CUT: Step = Step::Verb(&["切れる", "きれる"]);

/// The double negatives as words, so that every spelling and form of them is one: なくはない,
/// 無くも無い, なくはなかった; ないではない; ないものでもない; ないことはない (事, コト);
/// ないわけではない (訳); ないとは言えない, ないとも限らない, ないと言い切れない.
#[cfg(feature = "morphology")]
const WORD_PATTERNS: &[&[Step]] = {
    use Step::{Negative, Word};
    &[
        &[Negative, HA_MO, Negative],
        &[Negative, DE, HA_MO, Negative],
        &[Negative, Word(&["もの", "物"]), DE, HA_MO, Negative],
        &[Negative, Word(&["こと", "事", "コト"]), HA_MO, Negative],
        &[Negative, Word(&["わけ", "訳"]), DE, HA_MO, Negative],
        &[Negative, Word(&["と"]), HA_MO, SAY_OR_LIMIT, Negative],
        &[Negative, Word(&["と"]), SAY_OR_LIMIT, Negative],
        &[Negative, Word(&["と"]), HA_MO, SAY, CUT, Negative],
        &[Negative, Word(&["と"]), SAY, CUT, Negative],
    ]
};

/// How many words from `k` the step takes, if it matches there (`last`: the pattern's last).
#[cfg(feature = "morphology")]
fn step_len(step: Step, words: &[Word<'_>], k: usize, last: bool) -> Option<usize> {
    let token = &words.get(k)?.token;
    let base = token.base_form().unwrap_or("");
    let matched = match step {
        Step::Negative => {
            let negative = matches!(base, "ない" | "無い")
                && matches!(
                    token.part_of_speech(),
                    PartOfSpeech::AuxiliaryVerb | PartOfSpeech::Adjective
                );
            if !negative && last && base == "ある" {
                // ありません: あり + ませ + ん.
                let rest = words.get(k + 1..k + 3)?;
                return (rest[0].token.surface() == "ませ" && rest[1].token.surface() == "ん")
                    .then_some(3);
            }
            negative
        }
        Step::Word(spellings) => spellings.contains(&token.surface()),
        Step::Verb(bases) => token.part_of_speech() == PartOfSpeech::Verb && bases.contains(&base),
    };
    matched.then_some(1)
}

/// The double negatives of a sentence's words: each reported at its second negative, as
/// textlint's no-double-negative-ja does, with the whole expression in the message.
#[cfg(feature = "morphology")]
fn by_words(text: &str, words: &[Word<'_>], out: &mut Vec<Found>) {
    // A double negative starts after the last one ends: ないこともないこともない is one.
    let mut free = 0;
    for k in 0..words.len() {
        if k < free {
            continue;
        }
        for pattern in WORD_PATTERNS {
            let mut at = k;
            let mut last_start = k;
            let matched = pattern.iter().enumerate().all(|(n, &step)| {
                last_start = at;
                match step_len(step, words, at, n + 1 == pattern.len()) {
                    Some(len) => {
                        at += len;
                        true
                    }
                    None => false,
                }
            });
            if !matched {
                continue;
            }
            // A question is rhetorical, not a hedge: 見当らないではないか ("isn't it missing!").
            if words.get(at).is_some_and(|w| w.token.surface() == "か") {
                break;
            }
            // The past of the last negative is part of it (なくはなかった).
            let end = match words.get(at) {
                Some(w) if w.token.surface() == "た" => w.range.end,
                _ => words[at - 1].range.end,
            };
            let written = &text[words[k].range.start..end];
            let second = &words[last_start..at];
            out.push(Found::new(
                second[0].range.start..second[second.len() - 1].range.end,
                Message::DoubleNegative {
                    written: written.to_owned(),
                },
            ));
            free = at;
            break;
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
