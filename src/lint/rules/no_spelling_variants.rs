//! `no-spelling-variants`: one loanword written two ways in one document (サーバ and サーバー,
//! インタフェース and インターフェース, ユーザ・インタフェース and ユーザインタフェース).

use std::ops::Range;

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, OptionDefault, RuleOption, RuleSettings};
use super::super::Fix;
use crate::rule::Safety;
use crate::text::class::{is_halfwidth_kana, is_katakana_letter};

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-spelling-variants",
    summary: "A katakana word written two ways in one document (サーバ and サーバー, ユーザ・インタフェース and ユーザインターフェース).",
    name_ja: "カタカナ語の表記ゆれ",
    summary_ja: "一つの文書の中で2通りに書かれたカタカナ語（サーバとサーバー、ユーザ・インタフェースとユーザインターフェース）を報告します。",
    page: "no_spelling_variants",
    severity: Warning,
    default_on: true,
    options: &[RuleOption {
        name: "prefer",
        default: OptionDefault::List(&[]),
        summary: "Spellings to use always (サーバー, インターフェース): their other spellings are reported, with a safe fix, even where the document does not write the preferred one.",
        summary_ja: "常に使う表記（サーバー、インターフェースなど）：文書がその表記を使っていなくても、ほかの表記を安全な修正つきで報告します。",
    }],
    check: Check::Text(check),
};

/// A katakana word of the prose: its range and its spelling.
struct Run<'a> {
    range: Range<usize>,
    text: &'a str,
}

/// The katakana words of `prose`: runs of katakana letters, ー and ・, trimmed of ・ at their
/// ends, with no katakana (full or half width) on either side.
fn runs(prose: &str) -> Vec<Run<'_>> {
    let member = |c: char| is_katakana_letter(c) || c == 'ー' || c == '・';
    let mut out = Vec::new();
    let mut chars = prose.char_indices().peekable();
    let mut before: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if !member(c) {
            before = Some(c);
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !member(d) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        let after = prose[end..].chars().next();
        // A run glued to half-width katakana is not a word of its own.
        let glued = before.is_some_and(is_halfwidth_kana) || after.is_some_and(is_halfwidth_kana);
        let run = &prose[i..end];
        let text = run.trim_matches('・');
        if !glued && !text.is_empty() {
            let s = i + (run.len() - run.trim_start_matches('・').len());
            out.push(Run {
                range: s..s + text.len(),
                text,
            });
        }
        before = run.chars().next_back();
    }
    out
}

/// The letters of a spelling: without ー and ・.
fn letters(form: &str) -> String {
    form.chars().filter(|&c| c != 'ー' && c != '・').collect()
}

/// Whether two spellings with the same letters are one word written two ways, not two words
/// (ビル and ビール, カド and カード): they differ only by ・ or by a final ー (サーバ,
/// サーバー), or the word has at least four letters (インタフェース, インターフェース: two
/// words of four letters or more that differ only by a ー are rare).
fn same_word(a: &str, b: &str) -> bool {
    let key = letters(a);
    let n = key.chars().count();
    if n < 2 {
        return false;
    }
    let undotted = |s: &str| -> String { s.chars().filter(|&c| c != '・').collect() };
    let (a, b) = (undotted(a), undotted(b));
    let final_vowel =
        a.strip_suffix('ー') == Some(b.as_str()) || b.strip_suffix('ー') == Some(a.as_str());
    // A word of two letters with a final ー or not is a loanword only when it has a ー
    // inside (サーバ, ユーザ); else it may be a cry drawn out (イヤ and イヤー, アレ and アレー).
    let short_loanword = n >= 3 || a.trim_end_matches('ー').contains('ー');
    // Two words joined by a dot or not: one name when the words are long enough not to be
    // two words of their own (サケ・マス, "salmon and trout", is not the hybrid サケマス).
    (a == b && n >= 5) || (final_vowel && short_loanword) || (a != b && n >= 4)
}

fn check(context: &Context<'_>, settings: &RuleSettings, out: &mut Vec<Found>) {
    let runs = runs(context.prose);
    // The words by their letters, then spelling, then place: a sorted list (smaller in the
    // WebAssembly core than a hash map).
    let mut words: Vec<(String, &str, usize)> = runs
        .iter()
        .enumerate()
        .map(|(k, run)| (letters(run.text), run.text, k))
        .collect();
    words.sort_unstable();
    let prefer = settings.list("prefer");
    for group in words.chunk_by(|a, b| a.0 == b.0) {
        let key = &group[0].0;
        // Each spelling of the word: its count and its first use.
        let forms: Vec<(&str, usize, usize)> = group
            .chunk_by(|a, b| a.1 == b.1)
            .map(|f| (f[0].1, f.len(), f[0].2))
            .collect();
        // A word the prh dictionary spells is the rule prh's (which reports the other
        // spellings its patterns find): the document's majority does not overrule it.
        #[cfg(feature = "prh")]
        if context
            .prh
            .is_some_and(|d| forms.iter().any(|f| d.has_expected(f.0)))
        {
            continue;
        }
        // The spelling the word should have, with the safety of changing to it: the
        // configured one (safe: the writer chose it), else the document's most used (unsafe:
        // a guess; the first used wins a tie).
        let (form, count, safety) = match prefer.iter().find(|p| letters(p) == *key) {
            Some(p) => {
                let count = forms.iter().find(|f| f.0 == p).map_or(0, |f| f.1);
                (p.as_str(), count, Safety::Safe)
            }
            None => {
                let best = forms
                    .iter()
                    .min_by_key(|f| (std::cmp::Reverse(f.1), f.2))
                    .expect("a group has a spelling");
                (best.0, best.1, Safety::Unsafe)
            }
        };
        // A tie leaves the document without a spelling of its own: the later spellings are
        // reported, with no fix (which one to keep is the writer's call).
        let tie = safety == Safety::Unsafe
            && forms
                .iter()
                .any(|f| f.0 != form && f.1 == count && same_word(f.0, form));
        for &(_, _, k) in group {
            let run = &runs[k];
            if run.text == form || !same_word(run.text, form) {
                continue;
            }
            // A sentence that names both spellings as such means both (ハノーファーまたは
            // ハノーファとも表記される).
            let sentence = context.sentence_at(run.range.start);
            let names_both = sentence.is_some_and(|r| {
                let text = &context.prose[r.clone()];
                ["表記", "とも", "または", "あるいは", "別名", "綴"]
                    .iter()
                    .any(|w| text.contains(w))
                    && runs[runs.partition_point(|o| o.range.start < r.start)..]
                        .iter()
                        .take_while(|o| o.range.start < r.end)
                        .any(|o| o.text == form)
            });
            if names_both {
                continue;
            }
            let message = if safety == Safety::Safe {
                Message::SpellingPreferred {
                    written: run.text.to_string(),
                    form: form.to_string(),
                }
            } else if tie {
                Message::SpellingTie {
                    written: run.text.to_string(),
                    form: form.to_string(),
                    count,
                }
            } else {
                Message::SpellingMajority {
                    written: run.text.to_string(),
                    form: form.to_string(),
                    count,
                }
            };
            let found = Found::new(run.range.clone(), message);
            out.push(if tie {
                found
            } else {
                found.with_fix(Fix::replace(run.range.clone(), form, safety))
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{runs, same_word};

    #[test]
    fn katakana_words() {
        let found: Vec<&str> = runs("・サーバー・と(ﾃｽﾄ)ユーザ・インタフェース、ｱイ。")
            .iter()
            .map(|r| r.text)
            .collect();
        assert_eq!(found, ["サーバー", "ユーザ・インタフェース"]);
    }

    #[test]
    fn variants() {
        for (a, b, same) in [
            ("サーバ", "サーバー", true),
            ("インタフェース", "インターフェース", true),
            ("ユーザ・インタフェース", "ユーザインタフェース", true),
            ("ビル", "ビール", false),
            ("カド", "カード", false),
            ("ア", "アー", false),
            ("イヤ", "イヤー", false),
            ("ユーザ", "ユーザー", true),
            ("ドア", "ドアー", false),
            ("サケ・マス", "サケマス", false),
            ("ログ・レコード", "ログレコード", true),
        ] {
            assert_eq!(same_word(a, b), same, "{a} {b}");
        }
    }
}
