//! `sentence-length`: sentences longer than a maximum.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use super::visible_chars;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "sentence-length",
    summary: "A sentence longer than `max` characters.",
    name_ja: "一文の長さ",
    summary_ja: "`max`字より長い文を報告します。",
    page: "sentence_length",
    severity: Warning,
    default_on: true,
    options: &[RuleOption {
        name: "max",
        default: OptionDefault::Integer {
            default: 100,
            min: 1,
        },
        summary: "The most characters a sentence may have (whitespace not counted).",
        summary_ja: "一文の文字数の上限（空白は数えません）。",
    }],
    check: Check::Text(check),
};

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let max = settings.integer("max").max(1) as usize;
    for sentence in context.sentences {
        // In the prose, where inline code is blank: code is not counted.
        // A word of the user dictionary counts as one character.
        let length = visible_chars(&context.prose[sentence.range()])
            - context
                .user_words_in(sentence.range())
                .iter()
                .map(|w| visible_chars(&context.prose[w.clone()]).saturating_sub(1))
                .sum::<usize>();
        if length > max {
            out.push(Found::new(
                sentence.range(),
                Message::SentenceLength { length, max },
            ));
        }
    }
}
