//! `no-mix-dearu-desumasu`: the plain style (だ・である) and the polite style (です・ます) mixed.

use super::super::context::{Context, Found};
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use crate::morphology::PartOfSpeech;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-mix-dearu-desumasu",
    summary: "Sentences in the plain style (だ・である) and the polite style (です・ます) in one document.",
    page: "no_mix_dearu_desumasu.md",
    severity: Error,
    default_on: true,
    options: &[RuleOption {
        name: "prefer",
        default: OptionDefault::Choice {
            default: "auto",
            choices: &["auto", "desumasu", "dearu"],
        },
        summary: "The style to keep: desumasu, dearu, or auto (the one most sentences use).",
    }],
    check: Check::Words(check),
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// 敬体: です, ます.
    Desumasu,
    /// 常体: だ, である.
    Dearu,
}

impl Style {
    fn name(self) -> &'static str {
        match self {
            Style::Desumasu => "です・ます",
            Style::Dearu => "だ・である",
        }
    }
}

/// The style of a sentence's ending and where it is: the last auxiliary verb before the end
/// (final particles and punctuation aside).
fn ending(words: &[super::super::context::Word<'_>]) -> Option<(Style, std::ops::Range<usize>)> {
    for (k, word) in words.iter().enumerate().rev() {
        let token = &word.token;
        match token.part_of_speech() {
            PartOfSpeech::Symbol | PartOfSpeech::Other => continue,
            // Final particles (よ, ね, か) follow the style-bearing word.
            PartOfSpeech::Particle if token.pos_detail1() == "終助詞" => continue,
            PartOfSpeech::AuxiliaryVerb => {
                let base = token.base_form().unwrap_or_default();
                // た, う, ない after the style word: look further back.
                if matches!(base, "た" | "う" | "ん" | "ぬ") {
                    continue;
                }
                return match base {
                    "です" | "ます" => Some((Style::Desumasu, word.range.clone())),
                    "だ" => Some((Style::Dearu, word.range.clone())),
                    // である: で (だ) + ある.
                    "ある" if k > 0 && words[k - 1].token.base_form() == Some("だ") => {
                        Some((Style::Dearu, words[k - 1].range.start..word.range.end))
                    }
                    _ => None,
                };
            }
            _ => return None,
        }
    }
    None
}

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let endings: Vec<(Style, std::ops::Range<usize>)> = (0..context.sentences.len())
        .filter_map(|i| ending(context.words(i)))
        .collect();
    let polite = endings
        .iter()
        .filter(|(s, _)| *s == Style::Desumasu)
        .count();
    let plain = endings.len() - polite;
    let keep = match settings.text("prefer") {
        "desumasu" => Style::Desumasu,
        "dearu" => Style::Dearu,
        _ if polite == 0 || plain == 0 => return,
        _ if polite >= plain => Style::Desumasu,
        _ => Style::Dearu,
    };
    for (style, range) in endings {
        if style != keep {
            out.push(Found::new(
                range,
                format!(
                    "{} style where the document uses {} ({polite} です・ます, {plain} だ・である)",
                    style.name(),
                    keep.name()
                ),
            ));
        }
    }
}
