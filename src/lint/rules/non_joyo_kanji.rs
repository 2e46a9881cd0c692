//! `non-joyo-kanji`: kanji outside the 常用漢字表.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use crate::text::kanji::KanjiGrade;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "non-joyo-kanji",
    summary: "A kanji that is not in the 常用漢字表 (jōyō kanji); off by default.",
    name_ja: "常用外漢字",
    summary_ja: "常用漢字表にない漢字を報告します（既定では無効）。",
    page: "non_joyo_kanji",
    severity: Warning,
    default_on: false,
    options: &[RuleOption {
        name: "allow",
        default: OptionDefault::List(&[]),
        summary: "Kanji (or words containing them) that may be used anyway.",
        summary_ja: "使ってもよい漢字（またはそれを含む語）。",
    }],
    check: Check::Text(check),
};

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let allow = settings.list("allow");
    for sentence in context.sentences {
        let start = sentence.range().start;
        let text = sentence.text();
        for (i, c) in text.char_indices() {
            let Some(grade) = KanjiGrade::of(c) else {
                continue;
            };
            if !matches!(grade, KanjiGrade::Jinmeiyo | KanjiGrade::Hyogai) {
                continue;
            }
            let allowed = allow.iter().any(|word| {
                // The allowed word, wherever it covers this kanji.
                word.contains(c)
                    && text[..i + c.len_utf8()]
                        .char_indices()
                        .rev()
                        .take(word.chars().count())
                        .any(|(j, _)| text[j..].starts_with(word.as_str()) && j + word.len() > i)
            });
            if !allowed {
                let band = if grade == KanjiGrade::Jinmeiyo {
                    "人名用"
                } else {
                    "表外"
                };
                out.push(Found::new(
                    start + i..start + i + c.len_utf8(),
                    Message::NonJoyo { kanji: c, band },
                ));
            }
        }
    }
}
