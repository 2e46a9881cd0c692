//! `no-doubled-joshi`: the same particle twice in one clause (私は彼は).

use super::super::context::Word;
use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use crate::morphology::PartOfSpeech;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-doubled-joshi",
    summary: "The same particle twice with no other particle between (私は彼は好きだ).",
    name_ja: "助詞の重複",
    summary_ja: "同じ助詞が、間にほかの助詞を挟まずに2回使われている箇所（私は彼は好きだ）を報告します。",
    page: "no_doubled_joshi",
    severity: Warning,
    default_on: true,
    options: &[
        RuleOption {
            name: "particles",
            default: OptionDefault::List(&["は", "が", "に", "で", "から", "より", "へ"]),
            summary: "The particles checked (を, the の that joins nouns and the て that joins verbs repeat by nature).",
            summary_ja: "調べる助詞（を、名詞をつなぐ「の」、動詞をつなぐ「て」は性質上くり返すので含めません）。",
        },
        RuleOption {
            name: "min-interval",
            default: OptionDefault::Integer { default: 1, min: 1 },
            summary: "Report two of the same particle at most this many particles (and 読点) apart: 1 reports only neighbours (textlint's min_interval).",
            summary_ja: "同じ助詞が、間の助詞（と読点）がこの数以下の近さで2回あれば報告します。1は隣り合うものだけ（textlint の `min_interval`）。",
        },
        RuleOption {
            name: "across-ten",
            default: OptionDefault::Bool(false),
            summary: "Do not count a 読点 (、) between them as a step apart (AはX、BはY is reported).",
            summary_ja: "間の読点（、）を隔たりに数えません（AはX、BはY も報告します）。",
        },
    ],
    check: Check::Words(check),
};

/// A particle as the rule counts it: a run of adjacent particles is one (には, では, とは are
/// not に, で, と), known by its surface and subdivision (the case particle が is not the
/// conjunctive one).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Particle<'a> {
    /// The first and last word of the run.
    first: usize,
    last: usize,
    detail: &'a str,
}

/// What the distance between two particles is counted in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step<'a> {
    Particle(Particle<'a>),
    /// A 読点.
    Ten,
    /// A bracket, or a sentence end inside the sentence: no pair is counted across it.
    Wall,
}

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let particles = settings.list("particles");
    let across_ten = settings.flag("across-ten");
    let min_interval = settings.integer("min-interval").max(1) as usize;
    for i in 0..context.sentences.len() {
        let words = context.words(i);
        let surface = |p: &Particle<'_>| {
            let range = words[p.first].range.start..words[p.last].range.end;
            context.prose.get(range).unwrap_or_default()
        };
        // The particles and 読点 of the sentence, in order: the distance between two
        // particles is counted in these steps. A bracket or a sentence end inside the
        // sentence (a quote's) is a wall no pair crosses.
        let mut steps: Vec<Step<'_>> = Vec::new();
        let mut k = 0;
        while k < words.len() {
            let token = &words[k].token;
            if words[k].is_clause_break() {
                steps.push(Step::Wall);
                k += 1;
                continue;
            }
            if token.part_of_speech() == PartOfSpeech::Symbol && token.pos_detail1() == "読点" {
                if !across_ten {
                    steps.push(Step::Ten);
                }
                k += 1;
                continue;
            }
            if token.part_of_speech() != PartOfSpeech::Particle {
                k += 1;
                continue;
            }
            let first = k;
            while words
                .get(k + 1)
                .is_some_and(|w| w.token.part_of_speech() == PartOfSpeech::Particle)
            {
                k += 1;
            }
            steps.push(Step::Particle(Particle {
                first,
                last: k,
                detail: token.pos_detail1(),
            }));
            k += 1;
        }
        for (at, step) in steps.iter().enumerate() {
            let Step::Particle(p) = step else { continue };
            if !counted(words, p) {
                continue;
            }
            let s = surface(p);
            if !particles.iter().any(|x| x == s) {
                continue;
            }
            // The nearest earlier particle of the same kind within `min_interval` steps,
            // and no wall between.
            let earlier = steps[at.saturating_sub(min_interval)..at]
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, x)| !matches!(x, Step::Wall))
                .find_map(|(b, x)| match x {
                    Step::Particle(q)
                        if q.detail == p.detail && surface(q) == s && counted(words, q) =>
                    {
                        Some(b + at.saturating_sub(min_interval))
                    }
                    _ => None,
                });
            if let Some(b) = earlier {
                let apart = at - b;
                out.push(Found::new(
                    words[p.first].range.start..words[p.last].range.end,
                    Message::DoubledJoshi {
                        particle: s.to_string(),
                        between: apart.saturating_sub(1),
                    },
                ));
            }
        }
    }
}

/// Whether a particle is one the rule counts: a case or binding particle (と, や, の, か, も
/// join parallel items and repeat by nature: AとBと, AもBも), not part of a fixed
/// expression, a に after a formal noun, an adverbial noun or an auxiliary (ために, ことに,
/// 代わりに, ずに), which says nothing of the clause's structure.
fn counted(words: &[Word<'_>], p: &Particle<'_>) -> bool {
    let token = &words[p.first].token;
    if !matches!(p.detail, "格助詞" | "係助詞") || token.pos_detail2() == "連語" {
        return false;
    }
    // Only に makes such expressions: the は of 場合は is a topic like any other.
    if token.surface() != "に" || p.first != p.last {
        return true;
    }
    let before = p.first.checked_sub(1).map(|k| &words[k].token);
    !before.is_some_and(|b| {
        (b.part_of_speech() == PartOfSpeech::Noun
            && matches!(b.pos_detail1(), "非自立" | "副詞可能"))
            || b.part_of_speech() == PartOfSpeech::AuxiliaryVerb
    })
}
