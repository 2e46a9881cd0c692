//! `no-doubled-joshi`: the same particle twice in one clause (私は彼は).

use super::super::context::{Context, Found};
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use crate::morphology::PartOfSpeech;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-doubled-joshi",
    summary: "The same particle twice in one clause (私は彼は好きだ).",
    page: "no_doubled_joshi.md",
    severity: Warning,
    default_on: true,
    options: &[
        RuleOption {
            name: "particles",
            default: OptionDefault::List(&["は", "が", "を", "に", "で", "から", "より", "へ"]),
            summary: "The particles checked.",
        },
        RuleOption {
            name: "max-gap",
            default: OptionDefault::Integer { default: 2, min: 0 },
            summary: "Report a pair with at most this many words between them.",
        },
        RuleOption {
            name: "across-ten",
            default: OptionDefault::Bool(false),
            summary: "Also report a pair with a 読点 (、) between them (AはX、BはY).",
        },
    ],
    check: Check::Words(check),
};

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let particles = settings.list("particles");
    let across_ten = settings.flag("across-ten");
    let max_gap = settings.integer("max-gap").max(0) as usize;
    for i in 0..context.sentences.len() {
        // Particles seen in the current clause: surface, subdivision, word index.
        let mut seen: Vec<(&str, &str, usize)> = Vec::new();
        let words = context.words(i);
        for (k, word) in words.iter().enumerate() {
            let token = &word.token;
            if token.part_of_speech() == PartOfSpeech::Symbol
                && !across_ten
                && token.pos_detail1() == "読点"
            {
                seen.clear();
                continue;
            }
            if token.part_of_speech() != PartOfSpeech::Particle {
                continue;
            }
            let surface = token.surface();
            // Particles next to each other are one unit (には, では, とは): に and には are
            // different particles.
            let next_is_particle = words
                .get(k + 1)
                .is_some_and(|w| w.token.part_of_speech() == PartOfSpeech::Particle);
            let previous_is_particle =
                k > 0 && words[k - 1].token.part_of_speech() == PartOfSpeech::Particle;
            if next_is_particle || previous_is_particle {
                continue;
            }
            // Only case and binding particles: と, や, の, か, も join parallel items and
            // repeat by nature (AとBと, AもBも).
            if !matches!(token.pos_detail1(), "格助詞" | "係助詞") || token.pos_detail2() == "連語"
            {
                continue;
            }
            if !particles.iter().any(|p| p == surface) {
                continue;
            }
            let detail = token.pos_detail1();
            match seen
                .iter_mut()
                .find(|(s, d, _)| *s == surface && *d == detail)
            {
                Some((_, _, last)) => {
                    let gap = k - *last - 1;
                    if gap <= max_gap {
                        out.push(Found::new(
                            word.range.clone(),
                            format!("particle 「{surface}」 twice with {gap} word(s) between: reword one"),
                        ));
                    }
                    *last = k;
                }
                None => seen.push((surface, detail, k)),
            }
        }
    }
}
