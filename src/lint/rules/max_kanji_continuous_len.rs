//! `max-kanji-continuous-len`: runs of kanji too long to read.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use crate::text::class::is_kanji;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "max-kanji-continuous-len",
    summary: "More than `max` kanji in a row.",
    name_ja: "漢字の連続",
    summary_ja: "漢字が`max`字を超えて続いている箇所を報告します。",
    page: "max_kanji_continuous_len",
    severity: Warning,
    default_on: false,
    options: &[
        RuleOption {
            name: "max",
            default: OptionDefault::Integer { default: 5, min: 1 },
            summary: "The most kanji allowed in a row.",
            summary_ja: "続けてよい漢字の数の上限。",
        },
        RuleOption {
            name: "allow",
            default: OptionDefault::List(&[]),
            summary: "Words that may be longer (proper names, terms of the field).",
            summary_ja: "上限を超えてもよい語（固有名詞、分野の用語）。",
        },
    ],
    check: Check::Text(check),
};

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let max = settings.integer("max").max(1) as usize;
    let allow = settings.list("allow");
    for sentence in context.sentences {
        let start = sentence.range().start;
        let text = sentence.text();
        // The words of the user dictionary are not counted: they cut a run.
        let mut user_words = context.user_words_in(sentence.range()).iter().peekable();
        let mut run: Option<(usize, usize)> = None; // (start offset, kanji count)
        let report = |run: (usize, usize), end: usize, out: &mut Vec<Found>| {
            let (at, count) = run;
            let word = &text[at..end];
            if count > max && !allow.iter().any(|a| a == word) {
                out.push(Found::new(
                    start + at..start + end,
                    Message::KanjiRun {
                        count,
                        max,
                        word: word.to_owned(),
                    },
                ));
            }
        };
        for (i, c) in text.char_indices() {
            while user_words.next_if(|w| w.end <= start + i).is_some() {}
            let in_user_word = user_words.peek().is_some_and(|w| w.start <= start + i);
            if is_kanji(c) && !in_user_word {
                match &mut run {
                    Some((_, count)) => *count += 1,
                    None => run = Some((i, 1)),
                }
            } else if let Some(r) = run.take() {
                report(r, i, out);
            }
        }
        if let Some(r) = run {
            report(r, text.len(), out);
        }
    }
}
