//! `max-ten`: too many 読点 in one sentence.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use crate::text::class::is_touten;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "max-ten",
    summary: "More than `max` 読点 (、，) in one sentence.",
    name_ja: "読点の数",
    summary_ja: "一文の中に`max`個を超える読点（、，）があれば報告します。",
    page: "max_ten",
    severity: Warning,
    default_on: true,
    options: &[RuleOption {
        name: "max",
        default: OptionDefault::Integer { default: 3, min: 0 },
        summary: "The most 読点 a sentence may have.",
        summary_ja: "一文の読点の上限。",
    }],
    check: Check::TextWithWords(check),
};

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let max = settings.integer("max").max(0) as usize;
    // The message of a clause's report, once its 読点 are all counted.
    let close = |clause: Clause, out: &mut Vec<Found>| {
        if let Some(j) = clause.report {
            out[j].message = Message::MaxTen {
                count: clause.count,
                max,
            };
        }
    };
    for (i, sentence) in context.sentences.iter().enumerate() {
        let start = sentence.range().start;
        let between_nouns = between_nouns(context, i);
        // 読点 are counted per clause: a quote or an aside in brackets is a clause of its own,
        // and so is each sentence of a quote (`「…、…。…、…」と言った、`). The clauses still
        // open, innermost last; each is reported once, at its first 読点 past `max`.
        let mut open = vec![Clause::default()];
        for (k, c) in sentence.text().char_indices() {
            let at = start + k;
            match c {
                _ if is_touten(c) && between_nouns.binary_search(&at).is_err() => {
                    let clause = open.last_mut().expect("the sentence's clause");
                    clause.count += 1;
                    if clause.count > max && clause.report.is_none() {
                        clause.report = Some(out.len());
                        out.push(Found::new(
                            at..at + c.len_utf8(),
                            Message::MaxTen { count: 0, max },
                        ));
                    }
                }
                '。' | '！' | '？' if open.len() > 1 => {
                    let clause = std::mem::take(open.last_mut().expect("a quote"));
                    close(clause, out);
                }
                _ => match crate::text::brackets::kind(c) {
                    Some((_, true)) => open.push(Clause::default()),
                    Some((_, false)) if open.len() > 1 => {
                        close(open.pop().expect("a bracket"), out);
                    }
                    _ => {}
                },
            }
        }
        for clause in open {
            close(clause, out);
        }
    }
}

/// The 読点 of a clause so far, and its report.
#[derive(Default)]
struct Clause {
    count: usize,
    report: Option<usize>,
}

/// The 読点 of sentence `i` that stand between two nouns (`名詞、名詞、名詞`): a list, not a
/// clause, and textlint's max-ten does not count them. Sorted; empty without the analyzer.
fn between_nouns(context: &Context<'_>, i: usize) -> Vec<usize> {
    #[cfg(feature = "morphology")]
    {
        use crate::morphology::PartOfSpeech;
        let words = context.words(i);
        // A noun, or a symbol or code that stands for one (`&、<、>`).
        let noun = |k: usize| {
            words.get(k).is_some_and(|w| {
                let t = &w.token;
                t.part_of_speech() == PartOfSpeech::Noun
                    || (t.part_of_speech() == PartOfSpeech::Symbol
                        && matches!(t.pos_detail1(), "一般" | "アルファベット"))
            })
        };
        let mut out: Vec<usize> = words
            .iter()
            .enumerate()
            .filter(|&(k, w)| {
                w.token.surface().parse().is_ok_and(is_touten)
                    && k > 0
                    && noun(k - 1)
                    && noun(k + 1)
            })
            .map(|(_, w)| w.range.start)
            .collect();
        // A run of symbols unknown to the dictionary takes its 読点 in (`&、` is one word):
        // they are a list of those symbols.
        for w in words.iter().filter(|w| w.token.is_unknown()) {
            let surface = w.token.surface();
            if surface.chars().count() > 1 {
                out.extend(
                    surface
                        .char_indices()
                        .filter(|&(_, c)| is_touten(c))
                        .map(|(at, _)| w.range.start + at),
                );
            }
        }
        // Sorted, to be searched for each 読点 (a long sentence has many).
        out.sort_unstable();
        out
    }
    #[cfg(not(feature = "morphology"))]
    {
        let _ = (context, i);
        Vec::new()
    }
}
