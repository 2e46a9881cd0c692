//! The catalogue of the linter's messages: each message once, in every language.
//!
//! A rule says what it found as a [`Message`] (which message, with which words and numbers);
//! the linter renders it in the configured [`Lang`] when it makes the diagnostic. Each entry
//! gives its English and its Japanese, so a message cannot exist in one language only, and the
//! tests below check that each Japanese one is Japanese.

use crate::Rule;

crate::catalogue! {
    /// What a rule found, in words: rendered in the configured language by
    /// [`Message::render`].
    // The messages of the rules that need the analyzer are not made without it.
    #[cfg_attr(not(all(feature = "morphology", feature = "prh")), allow(dead_code))]
    pub(crate) enum Message;
    /// A normalizer rule's replacement.
    Replaced { from: String, to: String, summary: String, summary_ja: &'static str }
        => en: "「{from}」 → 「{to}」 ({summary})",
           ja: "「{from}」→「{to}」（{summary_ja}）";
    /// A normalizer rule's deletion.
    Deleted { from: String, summary: String, summary_ja: &'static str }
        => en: "「{from}」 → (nothing) ({summary})",
           ja: "「{from}」を削除（{summary_ja}）";
    /// A normalizer rule's insertion.
    Inserted { to: String, summary: String, summary_ja: &'static str }
        => en: "(nothing) → 「{to}」 ({summary})",
           ja: "「{to}」を挿入（{summary_ja}）";
    KanjiRun { count: usize, max: usize, word: String }
        => en: "{count} kanji in a row (at most {max}): 「{word}」",
           ja: "漢字が{count}文字続いています（{max}文字まで）：「{word}」";
    MaxTen { count: usize, max: usize }
        => en: "{count} 読点 in one sentence (at most {max})",
           ja: "一文に読点が{count}個あります（{max}個まで）";
    DoubleNegative { written: String }
        => en: "double negative 「{written}」: say it positively",
           ja: "二重否定「{written}」：肯定の形で書けないか見直してください";
    ConjunctiveGa { times: usize }
        => en: "conjunctive 「が」 {times} times in one sentence: split the sentence",
           ja: "接続助詞「が」が一文に{times}回あります：文を分けてください";
    DoubledJoshi { particle: String, between: usize }
        => en: "particle 「{particle}」 twice with {between} other particle(s) or 読点 between: reword one",
           ja: "助詞「{particle}」が近くで2回使われています（間の助詞と読点は{between}個）：どちらかを言い換えてください";
    DroppedKana { written: String, expression: String }
        => en: "「{written}」: 「{expression}」 with a kana dropped?",
           ja: "「{written}」：「{expression}」の仮名が抜けていませんか";
    RaNuki { written: String, fixed: String }
        => en: "ら抜き言葉 「{written}」: write 「{fixed}」",
           ja: "ら抜き言葉「{written}」：「{fixed}」と書きます";
    /// A sentence in the other style than the rest of its part of the document (`part`).
    MixedStyle {
        part: &'static str, part_ja: &'static str,
        style: &'static str, keep: &'static str, polite: usize, plain: usize,
    }
        => en: "{style} style where the document's {part} use {keep} ({polite} です・ます, {plain} だ・である)",
           ja: "{style}調：文書の{part_ja}は{keep}調です（です・ます{polite}、だ・である{plain}）";
    MixedPeriod { period: char, expected: char }
        => en: "period 「{period}」 where the document uses 「{expected}」",
           ja: "句点「{period}」：この文書の句点は「{expected}」です";
    Decomposed { composed: String, code_points: usize }
        => en: "「{composed}」 written decomposed ({code_points} code points)",
           ja: "「{composed}」が分解された形（{code_points}個の符号位置）で書かれています";
    SpaceBetween { before: char, after: char }
        => en: "space between 「{before}」 and 「{after}」",
           ja: "「{before}」と「{after}」の間に空白があります";
    SpellingPreferred { written: String, form: String }
        => en: "「{written}」 where the configuration prefers 「{form}」",
           ja: "「{written}」：設定では「{form}」と書きます";
    SpellingTie { written: String, form: String, count: usize }
        => en: "「{written}」 and 「{form}」 both {count} times in the document: write it one way",
           ja: "「{written}」と「{form}」が文書中にどちらも{count}回あります：表記を統一してください";
    SpellingMajority { written: String, form: String, count: usize }
        => en: "「{written}」 where the document writes 「{form}」 ({count} times): write it one way",
           ja: "「{written}」：文書中では「{form}」と書いています（{count}回）：表記を統一してください";
    RepeatedAdverb { word: String }
        => en: "「{word}」 twice in one sentence: keep one, or say it another way",
           ja: "「{word}」が一文に2回あります：一つにするか言い換えてください";
    Successive { unit: String }
        => en: "「{unit}」 twice in a row: delete one",
           ja: "「{unit}」が続けて2回あります：一つを削除してください";
    NonJoyo { kanji: char, band: &'static str }
        => en: "「{kanji}」 is not a 常用 kanji ({band}): write it in kana or choose another word",
           ja: "「{kanji}」は常用漢字ではありません（{band}）：仮名で書くか別の語を選んでください";
    SentenceLength { length: usize, max: usize }
        => en: "sentence of {length} characters (at most {max}): split it",
           ja: "一文が{length}文字あります（{max}文字まで）：文を分けてください";
    PairMixedWidth { open: char, close: char }
        => en: "「{open}」 is closed by 「{close}」 of the other width: write both full width or both ASCII",
           ja: "「{open}」が幅の違う「{close}」で閉じられています：両方を全角か半角にそろえてください";
    PairUnclosed { open: char, close: char }
        => en: "「{open}」 is not closed by 「{close}」",
           ja: "「{open}」に対応する「{close}」がありません";
    PairUnopened { open: char, close: char }
        => en: "「{close}」 has no opening 「{open}」",
           ja: "「{close}」に対応する「{open}」がありません";
    /// A prh rule's match.
    Prh { from: String, to: String }
        => en: "「{from}」 → 「{to}」",
           ja: "「{from}」は「{to}」と書きます";
    /// A prh rule's match, with the rule's message.
    PrhNoted { from: String, to: String, note: String }
        => en: "「{from}」 → 「{to}」: {note}",
           ja: "「{from}」は「{to}」と書きます：{note}";
    /// A prh file imports itself, directly or through others.
    PrhImportCycle { file: String }
        => en: "{file} imports itself",
           ja: "{file} が自分自身をインポートしています";
    /// A prh rule with an empty pattern.
    PrhEmptyPattern { expected: String }
        => en: "the rule for 「{expected}」 has an empty pattern",
           ja: "「{expected}」の規則のパターンが空です";
    /// A prh rule's pattern that is not a regular expression seisho can read.
    PrhBadPattern { expected: String, pattern: String, why: String }
        => en: "the rule for 「{expected}」: pattern `{pattern}` cannot be read: {why}",
           ja: "「{expected}」の規則のパターン`{pattern}`を読めません：{why}";
    /// A prh rule's `regexpMustEmpty` that is not `$N`.
    PrhMustEmpty { expected: String, found: String }
        => en: "the rule for 「{expected}」: `regexpMustEmpty` must be `$1`, `$2`…, not {found:?}",
           ja: "「{expected}」の規則の`regexpMustEmpty`は`$1`、`$2`…の形です（{found:?}は不可）";
    /// A configuration names a rule that does not exist.
    UnknownRule { id: String }
        => en: "unknown rule `{id}`",
           ja: "`{id}`というルールはありません";
    /// … and one with a near name does.
    UnknownRuleNear { id: String, near: &'static str }
        => en: "unknown rule `{id}` (did you mean `{near}`?)",
           ja: "`{id}`というルールはありません（`{near}`のことですか）";
    /// A configuration gives an option to a rule that has none.
    RuleHasNoOptions { rule: &'static str, name: String }
        => en: "rule `{rule}` has no options (not even `{name}`)",
           ja: "ルール`{rule}`にはオプションがありません（`{name}`もありません）";
    /// A configuration gives a rule an option it does not have.
    RuleHasNoOption { rule: &'static str, name: String, names: String }
        => en: "rule `{rule}` has no option `{name}` (it has: {names})",
           ja: "ルール`{rule}`に`{name}`というオプションはありません（あるのは{names}）";
    /// An integer option below its least value.
    OptionBelowMin { rule: &'static str, name: String, min: i64, found: i64 }
        => en: "option `{name}` of rule `{rule}` must be at least {min}, not {found}",
           ja: "ルール`{rule}`のオプション`{name}`は{min}以上です（{found}は不可）";
    /// A choice option given something else.
    OptionNotAChoice { rule: &'static str, name: String, choices: String, found: String }
        => en: "option `{name}` of rule `{rule}` must be one of {choices}, not {found:?}",
           ja: "ルール`{rule}`のオプション`{name}`は{choices}のいずれかです（{found:?}は不可）";
    /// A subset option given an item it cannot hold.
    OptionNotInSet { rule: &'static str, name: String, choices: String, found: String }
        => en: "option `{name}` of rule `{rule}` may hold only {choices}, not {found:?}",
           ja: "ルール`{rule}`のオプション`{name}`に入れられるのは{choices}だけです（{found:?}は不可）";
    /// An option given a value of the wrong type.
    OptionType { rule: &'static str, name: String, expected: &'static str, expected_ja: &'static str, found: &'static str, found_ja: &'static str }
        => en: "option `{name}` of rule `{rule}` must be {expected}, not {found}",
           ja: "ルール`{rule}`のオプション`{name}`は{expected_ja}です（{found_ja}は不可）";
}

impl Message {
    /// The message of a normalizer rule's edit of `from` to `to`.
    pub(crate) fn normalized(rule: Rule, from: &str, to: &str) -> Message {
        let info = rule.info();
        let summary = lowercase_first(info.summary.trim_end_matches('.'));
        let summary_ja = info.summary_ja.trim_end_matches('。');
        let escape = |s: &str| s.escape_debug().to_string();
        match (from.is_empty(), to.is_empty()) {
            (false, false) | (true, true) => Message::Replaced {
                from: escape(from),
                to: escape(to),
                summary,
                summary_ja,
            },
            (false, true) => Message::Deleted {
                from: escape(from),
                summary,
                summary_ja,
            },
            (true, false) => Message::Inserted {
                to: escape(to),
                summary,
                summary_ja,
            },
        }
    }
}

/// The sentence case of a summary inside a message: the first letter lowercased, unless it
/// starts an acronym (`NFKC for …` stays).
fn lowercase_first(summary: &str) -> String {
    let mut chars = summary.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(c), next)
            if c.is_ascii_uppercase() && !next.is_some_and(|n| n.is_ascii_uppercase()) =>
        {
            c.to_ascii_lowercase().to_string() + chars.as_str()
        }
        _ => summary.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn every_message_is_in_english_and_in_japanese() {
        for message in Message::samples() {
            // A replacement is told by its rule's Japanese summary (tested with the rules).
            if matches!(message, Message::Replaced { .. }) {
                continue;
            }
            let (en, ja) = (message.render(Lang::En), message.render(Lang::Ja));
            if let Some(why) = crate::untranslated(&en, &ja) {
                panic!("{message:?}: {why}: {en:?} / {ja:?}");
            }
        }
    }

    #[test]
    fn normalizer_edits_say_what_changed() {
        let m = Message::normalized(Rule::FullwidthAscii, "ＡＢＣ", "ABC");
        assert_eq!(
            m.render(Lang::En),
            "「ＡＢＣ」 → 「ABC」 (full-width ASCII letters, digits and symbols to ASCII)"
        );
        assert!(m.render(Lang::Ja).starts_with("「ＡＢＣ」→「ABC」（"));
        let m = Message::normalized(Rule::DuplicatedPunctuation, "、", "");
        assert!(m.render(Lang::En).starts_with("「、」 → (nothing) ("));
        assert!(m.render(Lang::Ja).starts_with("「、」を削除（"));
        let m = Message::normalized(Rule::Compatibility, "①", "1");
        assert!(m
            .render(Lang::En)
            .ends_with("(NFKC for chosen classes of compatibility characters)"));
    }
}
