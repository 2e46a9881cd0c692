//! `no-doubled-conjunctive-particle-ga`: two clauses joined by が in one sentence.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
use crate::morphology::PartOfSpeech;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-doubled-conjunctive-particle-ga",
    summary: "The conjunctive particle が (but) twice in one sentence.",
    name_ja: "接続助詞「が」の重複",
    summary_ja: "接続助詞の「が」（逆接など）が一文に2回以上使われている文を報告します。",
    page: "no_doubled_conjunctive_particle_ga",
    severity: Warning,
    default_on: true,
    check: Check::Words(check),
};

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    // Reported once per sentence (or quote, or aside), at the first が, as textlint does.
    let report = |gas: &mut Vec<std::ops::Range<usize>>, out: &mut Vec<Found>| {
        if gas.len() > 1 {
            out.push(Found::new(
                gas[0].clone(),
                Message::ConjunctiveGa { times: gas.len() },
            ));
        }
        gas.clear();
    };
    let mut gas = Vec::new();
    for i in 0..context.sentences.len() {
        let words = context.words(i);
        for (k, word) in words.iter().enumerate() {
            // A quote or an aside is a clause of its own.
            if word.is_clause_break() {
                report(&mut gas, out);
                continue;
            }
            let token = &word.token;
            if token.part_of_speech() == PartOfSpeech::Particle
                && token.surface() == "が"
                && token.pos_detail1() == "接続助詞"
                && joins_clauses(words, k)
            {
                gas.push(word.range.clone());
            }
        }
        report(&mut gas, out);
    }
}

/// Whether the conjunctive が at `k` joins two clauses ("but"), as the analyzer tags it: not
/// the が of a set phrase it also tags so: the classical が before 為 and 如し (`せんが為`,
/// `するが如き`), が before a final particle (`思うがな`), nor the concessive pair after the
/// volitional (`であろうが、…であろうが`, "whether … or …").
fn joins_clauses(words: &[super::super::context::Word<'_>], k: usize) -> bool {
    let next = words.get(k + 1).map(|w| &w.token);
    let before = k.checked_sub(1).map(|j| &words[j].token);
    let classical = next.is_some_and(|t| t.surface().starts_with(['為', '如']));
    let final_particle = next.is_some_and(|t| {
        t.part_of_speech() == PartOfSpeech::Particle && t.pos_detail1() == "終助詞"
    });
    let concessive = before.is_some_and(|t| {
        t.part_of_speech() == PartOfSpeech::AuxiliaryVerb
            && matches!(t.base_form(), Some("う" | "よう" | "まい"))
    });
    !(classical || final_particle || concessive)
}
