//! `no-doubled-conjunctive-particle-ga`: two clauses joined by が in one sentence.

use super::super::context::{Context, Found};
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
use crate::morphology::PartOfSpeech;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-doubled-conjunctive-particle-ga",
    summary: "The conjunctive particle が (but) twice in one sentence.",
    page: "no_doubled_conjunctive_particle_ga.md",
    severity: Warning,
    default_on: true,
    options: &[],
    check: Check::Words(check),
};

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    for i in 0..context.sentences.len() {
        let mut first = None;
        for word in context.words(i) {
            // A quote or an aside is a clause of its own.
            if word.is_clause_break() {
                first = None;
                continue;
            }
            let token = &word.token;
            if token.part_of_speech() == PartOfSpeech::Particle
                && token.surface() == "が"
                && token.pos_detail1() == "接続助詞"
            {
                match first {
                    None => first = Some(word.range.start),
                    Some(_) => out.push(Found::new(
                        word.range.clone(),
                        "a second conjunctive 「が」 in one sentence: split the sentence",
                    )),
                }
            }
        }
    }
}
