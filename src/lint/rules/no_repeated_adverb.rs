//! `no-repeated-adverb`: the same adverb or conjunction twice in one sentence, where one
//! should go (すでに…すでに, 改めて…改めて, また…また).

use super::super::context::{Context, Found, Word};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
use crate::morphology::PartOfSpeech;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-repeated-adverb",
    aliases: [],
    summary: "The same adverb or conjunction twice in one sentence (すでに…すでに).",
    name_ja: "副詞・接続詞の重複",
    summary_ja: "一つの文に同じ副詞か接続詞が2回あれば報告します（すでに…すでに）。",
    page: "no_repeated_adverb",
    severity: Warning,
    // Off by default: an adverb said again in one sentence is as often rhetoric (より速く、
    // より安全に; 最も静かな、最も神聖な) as a slip; see the page's figures.
    default_on: false,
    options: &[],
    check: Check::Words(check),
};

/// Whether `word` is an adverb or a conjunction the rule counts: written with two characters
/// or more; not a demonstrative adverb (こう, そう, ああ, どう), which a sentence uses again by
/// nature (どうすればどう変わるか); not a conjunction that joins the items of a list (または,
/// 及び, かつ: `A、B、またはC` is how a list is written); not では or でも, which the
/// analyzer files as conjunctions where they are particles (`click ではなく`).
fn counted(word: &Word<'_>) -> bool {
    let surface = word.token.surface();
    let kind = word.token.part_of_speech();
    matches!(kind, PartOfSpeech::Adverb | PartOfSpeech::Conjunction)
        && surface.chars().count() >= 2
        && !matches!(
            surface,
            "こう" | "そう" | "ああ" | "どう" | "こんなに" | "そんなに" | "どんなに"
        )
        && !(kind == PartOfSpeech::Conjunction && joins_items(surface))
}

/// The conjunctions that join the items of a list or the alternatives of a choice.
fn joins_items(surface: &str) -> bool {
    matches!(
        surface,
        "または"
            | "又は"
            | "もしくは"
            | "若しくは"
            | "及び"
            | "および"
            | "並びに"
            | "ならびに"
            | "かつ"
            | "且つ"
            | "あるいは"
            | "或いは"
            | "或は"
            | "それとも"
            | "ないし"
            | "乃至"
            | "では"
            | "でも"
    )
}

/// Whether the two occurrences are a parallel construction, each at the head of its own
/// clause: `より速く、より安全に`, `まず…、まず…` after a 読点 or a bracket.
fn parallel(words: &[Word<'_>], first: usize, second: usize) -> bool {
    let after_break = |k: usize| {
        k == 0
            || words[k - 1].is_clause_break()
            || matches!(words[k - 1].token.surface(), "、" | "，" | "," | "・")
    };
    after_break(first) && after_break(second)
}

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    for i in 0..context.sentences.len() {
        let words = context.words(i);
        for (second, word) in words.iter().enumerate() {
            if !counted(word) {
                continue;
            }
            let surface = word.token.surface();
            let first = words[..second]
                .iter()
                .rposition(|w| w.token.surface() == surface && counted(w));
            // Next to each other is no-successive-word's.
            let Some(first) = first.filter(|&f| f + 1 < second) else {
                continue;
            };
            if parallel(words, first, second) {
                continue;
            }
            out.push(Found::new(
                word.range.clone(),
                Message::RepeatedAdverb {
                    word: surface.to_owned(),
                },
            ));
        }
    }
}
