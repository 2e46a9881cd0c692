//! `no-successive-word`: a word or a few kana typed twice in a row (ファイルのの一覧,
//! 追加してしています, 実行してみてみる).

use super::super::context::{Context, Found, Word};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
use super::super::Fix;
use crate::morphology::PartOfSpeech;
use crate::rule::Safety;
use crate::text::class::{is_hiragana, is_kanji, is_katakana_letter};

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-successive-word",
    aliases: ["ja-no-successive-word"],
    summary: "A word or a few kana typed twice in a row (ファイルのの一覧, 追加してしています).",
    name_ja: "同じ語の連続",
    summary_ja: "同じ語や数文字の仮名を2回続けて入力したもの（ファイルのの一覧、追加してしています）を報告します。",
    page: "no_successive_word",
    severity: Warning,
    default_on: true,
    check: Check::Words(check),
};

/// The longest repeated unit looked for, in characters: a verb and its て (して, てみ) or a
/// word (ファイル, 一覧表示).
const MAX_UNIT: usize = 6;

/// The sentence's words laid end to end: their surfaces, where each starts in that string,
/// and whether the words are contiguous in the text (no space, line break or markup between).
struct Surfaces<'w, 'a> {
    words: &'w [Word<'a>],
    /// Per word, the character index of its first character in the joined surfaces.
    starts: Vec<usize>,
    chars: Vec<char>,
    /// Per character, the word it belongs to.
    owner: Vec<usize>,
}

impl<'w, 'a> Surfaces<'w, 'a> {
    fn new() -> Self {
        Surfaces {
            words: &[],
            starts: Vec::new(),
            chars: Vec::new(),
            owner: Vec::new(),
        }
    }

    /// Lays out the words of one sentence, reusing the buffers of the last.
    fn fill(&mut self, words: &'w [Word<'a>]) {
        self.words = words;
        self.starts.clear();
        self.chars.clear();
        self.owner.clear();
        for (k, w) in words.iter().enumerate() {
            self.starts.push(self.chars.len());
            for c in w.token.surface().chars() {
                self.chars.push(c);
                self.owner.push(k);
            }
        }
    }

    /// Whether some letters are followed by the same letters anywhere in the sentence: most
    /// sentences have none, and are done with at that.
    fn has_repeat(&self) -> bool {
        let c = &self.chars;
        (0..c.len()).any(|p| {
            (1..=MAX_UNIT).any(|len| {
                p + 2 * len <= c.len()
                    && c[p] == c[p + len]
                    && c[p..p + len] == c[p + len..p + 2 * len]
            })
        })
    }

    /// Whether character `at` starts a word.
    fn word_starts_at(&self, at: usize) -> bool {
        at < self.chars.len() && (at == 0 || self.owner[at] != self.owner[at - 1])
    }

    /// Whether the words from `first` to `last` follow one another in the text with nothing
    /// between (a space or a line break between two copies may be on purpose; inline markup
    /// is blanked in the prose and so is a gap too).
    fn contiguous(&self, first: usize, last: usize) -> bool {
        (first..last).all(|k| self.words[k].range.end == self.words[k + 1].range.start)
    }

    /// The byte range in the text of characters `from..to` of the joined surfaces, when each
    /// word in it covers exactly its surface in the text.
    fn text_range(&self, text: &str, from: usize, to: usize) -> Option<std::ops::Range<usize>> {
        let byte_at = |at: usize| -> Option<usize> {
            let k = self.owner[at];
            let w = &self.words[k];
            if text.get(w.range.clone()) != Some(w.token.surface()) {
                return None;
            }
            let within: usize = self.chars[self.starts[k]..at]
                .iter()
                .map(|c| c.len_utf8())
                .sum();
            Some(w.range.start + within)
        };
        let start = byte_at(from)?;
        let last = to - 1;
        let end = byte_at(last)? + self.chars[last].len_utf8();
        Some(start..end)
    }
}

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    let mut s = Surfaces::new();
    for i in 0..context.sentences.len() {
        let words = context.words(i);
        if words.len() < 2 {
            continue;
        }
        s.fill(words);
        if !s.has_repeat() {
            continue;
        }
        let n = s.chars.len();
        // Where the last report ended: a tripled unit (ははは, もももも) is one slip at most,
        // and left alone anyway; a report never overlaps the one before.
        let mut reported_to = 0;
        let mut p = 0;
        while p < n {
            if p < reported_to {
                p += 1;
                continue;
            }
            if let Some(len) = (1..=MAX_UNIT).find(|&len| is_doubled(&s, p, len)) {
                // Both copies as they stand in the text (a word that does not cover its
                // surface there, across a line break, leaves the slip unreported).
                let first = s.text_range(context.text, p, p + len);
                let second = s.text_range(context.text, p + len, p + 2 * len);
                if let (Some(first), Some(second)) = (first, second) {
                    let unit: String = s.chars[p..p + len].iter().collect();
                    out.push(
                        Found::new(first.start..second.end, Message::Successive { unit })
                            .with_fix(Fix::replace(second, "", Safety::Unsafe)),
                    );
                    reported_to = p + 2 * len;
                    p = reported_to;
                    continue;
                }
            }
            p += 1;
        }
    }
}

/// Whether the `len` characters at `p` are typed twice in a row as a slip: both copies start
/// a word, the words touch in the text, the unit is Japanese letters, and it is not a word
/// that repeats by nature.
fn is_doubled(s: &Surfaces<'_, '_>, p: usize, len: usize) -> bool {
    let n = s.chars.len();
    let second = p + len;
    if second + len > n || !s.word_starts_at(second) {
        return false;
    }
    let unit = &s.chars[p..second];
    if unit != &s.chars[second..second + len] {
        return false;
    }
    if !unit
        .iter()
        .all(|&c| is_hiragana(c) || is_katakana_letter(c) || c == 'ー' || is_kanji(c))
    {
        return false;
    }
    let first_word = s.owner[p];
    let last_word = s.owner[second + len - 1];
    if !s.contiguous(first_word, last_word) {
        return false;
    }
    // A third copy, before or after, of the unit or of a shorter period of it: laughter and
    // onomatopoeia (ははは, ワンワンワン), すもももももも.
    if repeats_thrice(&s.chars, p, 2 * len) {
        return false;
    }
    // A sentence starts with a content word: a particle, an auxiliary verb or a conjunction
    // doubled there is a set phrase the analyzer cut in two (ではでは, "well then").
    if p == 0
        && !matches!(
            s.words[first_word].token.part_of_speech(),
            PartOfSpeech::Noun | PartOfSpeech::Verb | PartOfSpeech::Adjective
        )
    {
        return false;
    }
    // The unit must end where a word ends in its first copy: 「てみ|てみる」 and 「の|の」
    // are slips, but a unit that cuts a word in two on its first copy is a coincidence of
    // letters (「かか|かる」).
    if s.owner[second - 1] == s.owner[second] {
        return false;
    }
    // The copies are the same words: each character of the second belongs to a word of the
    // same part of speech and base form as the first's (して|して, て|み|て|みる), not to
    // another word that starts with the same letters (した|ため, か|から, は|はるか).
    let same_word = |j: usize| {
        let (a, b) = (
            &s.words[s.owner[p + j]].token,
            &s.words[s.owner[second + j]].token,
        );
        a.part_of_speech() == b.part_of_speech()
            && a.base_form().unwrap_or(a.surface()) == b.base_form().unwrap_or(b.surface())
    };
    let second_words: Vec<&crate::morphology::Token<'_>> = (s.owner[second]
        ..=s.owner[second + len - 1])
        .map(|k| &s.words[k].token)
        .collect();
    let second_functional = second_words.iter().all(|t| is_function_word(t))
        && !matches!(
            second_words[0].surface(),
            "から" | "とも" | "ともに" | "でも"
        );
    let aligned = if s.word_starts_at(p) {
        // Function words doubled may be cut differently the second time: で|で|あり
        // (particle, then the copula), で|で|は|なく, と|として. Not the set pairs か|から
        // (どれかから), と|ともに, で|でも.
        // The second copy ends where a word ends, or inside an auxiliary verb (1行で|です):
        // not inside a longer particle (並んだ|だけ, と|として).
        let first_functional =
            (s.owner[p]..=s.owner[second - 1]).all(|k| is_function_word(&s.words[k].token));
        let ends_cleanly = s.word_starts_at(second + len)
            || second + len == n
            || s.words[s.owner[second + len - 1]].token.part_of_speech()
                == PartOfSpeech::AuxiliaryVerb;
        (0..len).all(same_word) || (first_functional && second_functional && ends_cleanly)
    } else {
        // The first copy may start inside a word, when a verb's stem ends with what the
        // light verb repeats: 取り出し|て|し|て (取り出してして), として|し|て. Then the
        // unit is two letters or more, the second copy is する and function words, the
        // copies are cut into words alike, and past the first word they are the same words.
        // (動いて|いて, 持って|って are a verb's て form and いる's or a contraction's.)
        len >= 2
            && second_words[0].base_form() == Some("する")
            && second_functional
            && (1..len).all(|j| s.word_starts_at(p + j) == s.word_starts_at(second + j))
            && (0..len)
                .filter(|&j| s.owner[p + j] != s.owner[p])
                .all(same_word)
    };
    if !aligned {
        return false;
    }
    // Said on purpose: the て of a contracted ている (なってて, 書いてて), the archaic
    // copula with も (義務ででもある), などなど, and も一度 (もう一度 as it is said).
    let rest = &s.chars[second + len..];
    if unit == ['て']
        || unit == ['な', 'ど']
        || (unit == ['で'] && rest.first() == Some(&'も'))
        || (unit == ['も'] && rest.starts_with(&['一', '度']))
    {
        return false;
    }
    if !s.word_starts_at(p) {
        // The tail of a word and function words: the conditions above are the test.
        return true;
    }
    let copy: Vec<&Word<'_>> = (s.owner[p]..=s.owner[second - 1])
        .map(|k| &s.words[k])
        .collect();
    // Final particles said twice are speech (ねね, a child calling): leave them.
    if copy.iter().all(|w| w.token.pos_detail1() == "終助詞") {
        return false;
    }
    // What is doubled by a slip: function words, with at most the light verb する or a verb
    // that only helps another (のの, がが, してして, てみてみる, ましまし), or one plain noun
    // of three kanji or katakana or more (メソッドメソッド). Not a content word repeated for
    // emphasis or distribution (毎日毎日, 何度も何度も, 一つ一つ, 泣いて泣いて, 部屋部屋,
    // AもBも), nor a noun phrase after の, which nests as often as it is doubled (値の配列の
    // 配列, 2つのタプルのタプル).
    let function_words = copy.iter().all(|w| is_function_word(&w.token));
    if function_words {
        // Laughter written with particles' letters (わッはは, あはは, 「わはは」): a doubled
        // particle follows a word it can follow, not an interjection, a symbol, a final
        // particle, an unknown word or a "noun" of one hiragana (the analyzer's guess at わ).
        let before = s.owner[p].checked_sub(1).map(|k| &s.words[k].token);
        return before.is_some_and(hosts_function_words);
    }
    // A noun phrase doubled ends where the noun ends: 「3 番目のコミットのコミットメッセージ」
    // is the commit's commit message, the second noun the start of a compound.
    let next = s.owner.get(second + len).map(|&k| &s.words[k].token);
    let compound_goes_on = s.word_starts_at(second + len)
        && next.is_some_and(|t| t.part_of_speech() == PartOfSpeech::Noun)
        && copy
            .last()
            .is_some_and(|w| w.token.part_of_speech() == PartOfSpeech::Noun);
    if compound_goes_on {
        return false;
    }
    // A noun said twice in someone's words (「咲いたコスモスコスモス咲いた」) or reported
    // speech (大丈夫大丈夫だと) is said so on purpose.
    let before = &s.chars[..p];
    let count = |quotes: [char; 2]| before.iter().filter(|c| quotes.contains(c)).count();
    let quoted = count(['「', '『']) > count(['」', '』']);
    let reported = next.is_some_and(|t| matches!(t.surface(), "と" | "だ" | "って"));
    is_plain_noun(&copy, unit) && !quoted && !reported
}

/// Whether function words can follow `t`: not when it is an unknown word, an interjection, a
/// symbol, a filler, a final particle, a "noun" of one hiragana, or a word ending in a small
/// っ other than a verb's or an adjective's (持っ|て, but わッ|はは).
fn hosts_function_words(t: &crate::morphology::Token<'_>) -> bool {
    let pos = t.part_of_speech();
    let one_hiragana_noun = pos == PartOfSpeech::Noun
        && t.surface().chars().count() == 1
        && t.surface().chars().all(is_hiragana);
    let interjection_like = matches!(
        pos,
        PartOfSpeech::Interjection | PartOfSpeech::Symbol | PartOfSpeech::Filler
    );
    !(t.is_unknown()
        || t.pos_detail1() == "終助詞"
        || one_hiragana_noun
        || interjection_like
        || (t.surface().ends_with(['ッ', 'っ'])
            && !matches!(
                pos,
                PartOfSpeech::Verb | PartOfSpeech::Adjective | PartOfSpeech::AuxiliaryVerb
            )))
}

/// A word that carries no meaning of its own in a doubled unit: a particle, an auxiliary verb,
/// a verb that only helps another (いる, みる, おく), or the light verb する.
fn is_function_word(token: &crate::morphology::Token<'_>) -> bool {
    match token.part_of_speech() {
        PartOfSpeech::Particle | PartOfSpeech::AuxiliaryVerb => true,
        PartOfSpeech::Verb => {
            matches!(token.pos_detail1(), "非自立" | "接尾") || token.base_form() == Some("する")
        }
        _ => false,
    }
}

/// Whether the copy is one plain noun the dictionary knows, of at least three kanji or
/// katakana (two-kanji nouns double for distribution in literature: 部屋部屋, "room after room"): not a name, a number, a pronoun, a noun of time or quantity that repeats for
/// emphasis (毎日毎日, 次々), nor a word in hiragana (a cry, a sound).
fn is_plain_noun(copy: &[&Word<'_>], unit: &[char]) -> bool {
    let [word] = copy else {
        return false;
    };
    let token = &word.token;
    let plain = token.part_of_speech() == PartOfSpeech::Noun
        && !token.is_unknown()
        && matches!(token.pos_detail1(), "一般" | "サ変接続" | "形容動詞語幹");
    let kanji = unit.iter().filter(|&&c| is_kanji(c)).count();
    let katakana = unit.iter().filter(|&&c| is_katakana_letter(c)).count();
    plain && (kanji >= 3 || katakana >= 3) && !unit.iter().any(|&c| is_hiragana(c))
}

/// Whether the characters `at..at + len` (two copies of a unit) lie in a run of at least three
/// periods of the unit's smallest period, counting the characters around them.
fn repeats_thrice(chars: &[char], at: usize, len: usize) -> bool {
    let unit = &chars[at..at + len / 2];
    let period = (1..unit.len())
        .find(|&d| unit.len().is_multiple_of(d) && (d..unit.len()).all(|i| unit[i] == unit[i - d]))
        .unwrap_or(unit.len());
    let mut start = at;
    while start > 0
        && start - 1 + period < chars.len()
        && chars[start - 1] == chars[start - 1 + period]
    {
        start -= 1;
    }
    let mut end = at + len;
    while end < chars.len() && chars[end] == chars[end - period] {
        end += 1;
    }
    end - start >= 3 * period
}
