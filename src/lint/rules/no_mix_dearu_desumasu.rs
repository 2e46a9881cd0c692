//! `no-mix-dearu-desumasu`: the plain style (だ・である) and the polite style (です・ます) mixed.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use crate::morphology::PartOfSpeech;
use crate::BlockKind;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-mix-dearu-desumasu",
    summary: "Sentences in the plain style (だ・である) and the polite style (です・ます) in one document.",
    name_ja: "敬体と常体の混在",
    summary_ja: "一つの文書の中で常体（だ・である）の文と敬体（です・ます）の文が混在していれば報告します。",
    page: "no_mix_dearu_desumasu",
    severity: Warning,
    default_on: true,
    options: &[RuleOption {
        name: "prefer",
        default: OptionDefault::Choice {
            default: "auto",
            choices: &["auto", "desumasu", "dearu"],
        },
        summary: "The style to keep: desumasu, dearu, or auto (the one most sentences use).",
        summary_ja: "そろえる文体：`desumasu`、`dearu`、または `auto`（最も多くの文が使う方）。",
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
        // A sentence that ends in a closing quote ends with someone's words: the quote's style
        // is the speaker's, not the document's (「…三時半位です。」).
        if token
            .surface()
            .chars()
            .next()
            .is_some_and(|c| matches!(crate::text::brackets::kind(c), Some((_, false))))
        {
            return None;
        }
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
                let surface = token.surface();
                let next = words.get(k + 1).map(|w| w.token.surface());
                return match base {
                    // Only the forms that end a sentence: です, でし(た), でしょ(う); ます,
                    // まし(た), ませ(ん), ましょ(う).
                    "です" | "ます" => Some((Style::Desumasu, word.range.clone())),
                    // The past た voiced after a verb (選んだ, 好んだ), which IPADIC also gives
                    // the base form だ, is not the copula.
                    "だ" if token.conjugation_type() == Some("特殊・タ") => None,
                    // だ and だっ(た) end a sentence; な (なの), なら, に and a lone で do not
                    // (`誰のためのものなの`, `学習者なら、`, `明確で簡潔に`).
                    "だ" if surface == "だ" || (surface == "だっ" && next == Some("た")) => {
                        Some((Style::Dearu, word.range.clone()))
                    }
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

/// The parts of a document judged apart, as textlint's rule does: a document may have
/// headings in the plain style and body text in the polite one. Quotations and table cells
/// are someone else's words or fragments, and are not judged.
fn part(kind: BlockKind) -> Option<usize> {
    match kind {
        BlockKind::Paragraph => Some(0),
        BlockKind::Heading => Some(1),
        BlockKind::ListItem => Some(2),
        BlockKind::TableCell | BlockKind::Quote => None,
    }
}

/// The name of each part in a message, in English and in Japanese: body text, headings, list
/// items.
const PART_NAMES: [(&str, &str); 3] = [
    ("body text", "本文"),
    ("headings", "見出し"),
    ("list items", "箇条書き"),
];

/// Whether the ending `k` is one of a block in its style: the counted ending before it or
/// the one after it is in the same style.
fn in_block(styles: &[Style], k: usize) -> bool {
    let same = |j: usize| styles.get(j) == Some(&styles[k]);
    (k > 0 && same(k - 1)) || same(k + 1)
}

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let mut endings: [Vec<(Style, std::ops::Range<usize>)>; 3] = Default::default();
    for i in 0..context.sentences.len() {
        if let (Some(p), Some(ending)) = (part(context.kind(i)), ending(context.words(i))) {
            endings[p].push(ending);
        }
    }
    let mut found = Vec::new();
    // With a style asked for, every ending in the other is reported.
    let auto = settings.text("prefer") == "auto";
    for (p, endings) in endings.into_iter().enumerate() {
        let polite = endings
            .iter()
            .filter(|(s, _)| *s == Style::Desumasu)
            .count();
        let plain = endings.len() - polite;
        let keep = match settings.text("prefer") {
            "desumasu" => Style::Desumasu,
            "dearu" => Style::Dearu,
            _ if polite == 0 || plain == 0 => continue,
            _ if polite >= plain => Style::Desumasu,
            _ => Style::Dearu,
        };
        let styles: Vec<Style> = endings.iter().map(|(s, _)| *s).collect();
        for (k, (style, range)) in endings.into_iter().enumerate() {
            // A slip is isolated; a block in the other style is deliberate (a quoted letter or
            // composition, a story told within the story) and is not reported.
            if style != keep && !(auto && in_block(&styles, k)) {
                found.push(Found::new(
                    range,
                    Message::MixedStyle {
                        part: PART_NAMES[p].0,
                        part_ja: PART_NAMES[p].1,
                        style: style.name(),
                        keep: keep.name(),
                        polite,
                        plain,
                    },
                ));
            }
        }
    }
    found.sort_by_key(|f| f.range.start);
    out.extend(found);
}
