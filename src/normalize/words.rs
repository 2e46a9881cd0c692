//! The dictionary the normalizer confirms kana typo suggestions with.

use crate::morphology::Analyzer;

/// The analyzer a [`Normalizer`](super::Normalizer) was given
/// ([`NormalizerBuilder::analyzer`](super::NormalizerBuilder::analyzer)). Two are equal when
/// they are clones of one analyzer: the normalizer is compared by its options, and an analyzer
/// is one (its dictionary), not a value to compare word by word.
#[derive(Clone)]
pub(crate) struct Given(pub(crate) Analyzer);

impl PartialEq for Given {
    fn eq(&self, other: &Given) -> bool {
        self.0.is_same(&other.0)
    }
}

impl Eq for Given {}

impl std::fmt::Debug for Given {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The analyzer that confirms `n`'s kana typo suggestions: the one it was given, else the one
/// over the embedded IPADIC (made on first use and shared), else none.
pub(crate) fn analyzer(n: &super::Normalizer) -> Option<&Analyzer> {
    if let Some(Given(analyzer)) = &n.analyzer {
        return Some(analyzer);
    }
    #[cfg(feature = "embedded-dictionary")]
    {
        static ANALYZER: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
        Some(ANALYZER.get_or_init(Analyzer::new))
    }
    #[cfg(not(feature = "embedded-dictionary"))]
    None
}

/// The writer's words `n` keeps as written: its own, else its analyzer's user dictionary.
fn user_words(n: &super::Normalizer) -> Option<&crate::morphology::UserDictionary> {
    n.user_words.as_ref().or_else(|| match &n.analyzer {
        Some(Given(a)) => a.user_dictionary(),
        None => None,
    })
}

/// Whether `n` keeps words of a user dictionary as written.
pub(crate) fn has_user_words(n: &super::Normalizer) -> bool {
    user_words(n).is_some_and(|u| !u.is_empty())
}

/// `normalized` (the result of normalizing `text`) without the edits and suggestions that
/// touch a word of `n`'s user dictionary ([`user_words`]), as written in `text`; a bracket pair
/// stays one unit (the partner of a bracket left out is left out too).
pub(crate) fn keep_user_words<'a>(
    n: &super::Normalizer,
    text: &'a str,
    normalized: super::Normalized<'a>,
) -> super::Normalized<'a> {
    let Some(user) = user_words(n) else {
        return normalized;
    };
    if normalized.edits().is_empty() && normalized.suggestions().is_empty() {
        return normalized;
    }
    let words = user.occurrences(text);
    if words.is_empty() {
        return normalized;
    }
    let keep = |edits: &[super::Edit<'a>]| -> Vec<super::Edit<'a>> {
        super::prose::kept(text, edits, |e| !touches_any(&words, &e.range()))
            .cloned()
            .collect()
    };
    let (edits, suggestions) = (keep(normalized.edits()), keep(normalized.suggestions()));
    if edits.len() == normalized.edits().len()
        && suggestions.len() == normalized.suggestions().len()
    {
        return normalized;
    }
    super::Normalized::build(text, edits, suggestions)
}

/// Whether an edit of `range` changes a character of one of `words` (sorted, apart): an
/// insertion touches a word it is inside of, a replacement one it overlaps.
pub(crate) fn touches_any(
    words: &[std::ops::Range<usize>],
    range: &std::ops::Range<usize>,
) -> bool {
    let i = words.partition_point(|w| w.end <= range.start);
    words.get(i).is_some_and(|w| {
        if range.is_empty() {
            w.start < range.start
        } else {
            w.start < range.end
        }
    })
}

/// In a run of hiragana holding a loanword sound at bytes `sound`, the span of the loanword:
/// the run cut after the last particle or auxiliary verb that ends before the sound and before
/// the first one that starts after it (でぃぷしーくをつかう → でぃぷしーく). `None` when the
/// dictionary knows the sound's word as written.
pub(crate) fn loanword_span(
    analyzer: &Analyzer,
    run: &str,
    sound: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    use crate::morphology::PartOfSpeech;
    let tokens = analyzer.analyze(run);
    let function_word = |t: &crate::morphology::Token<'_>| {
        !t.is_unknown()
            && matches!(
                t.part_of_speech(),
                PartOfSpeech::Particle | PartOfSpeech::AuxiliaryVerb
            )
    };
    if tokens
        .iter()
        .any(|t| !t.is_unknown() && t.range().start <= sound.start && t.range().end >= sound.end)
    {
        return None;
    }
    // Before the word, a conjunction, an adnominal or a pronoun ends it too: the run is read
    // alone, so a particle at its start reads as the conjunction が (数百社がでぃぷしーく); あの,
    // この are 連体詞 (あのでぃすぷれい), それ a pronoun.
    let leading_word = |t: &crate::morphology::Token<'_>| {
        function_word(t)
            || !t.is_unknown()
                && (matches!(
                    t.part_of_speech(),
                    PartOfSpeech::Conjunction | PartOfSpeech::Adnominal
                ) || t.pos_detail1() == "代名詞")
    };
    let start = tokens
        .iter()
        .filter(|t| t.range().end <= sound.start && leading_word(t))
        .map(|t| t.range().end)
        .next_back()
        .unwrap_or(0);
    let end = tokens
        .iter()
        .find(|t| t.range().start >= sound.end && function_word(t))
        .map_or(run.len(), |t| t.range().start);
    (start < end).then_some(start..end)
}

#[cfg(all(test, feature = "embedded-dictionary"))]
mod tests {
    use crate::morphology::{Analyzer, UserDictionary};
    use crate::Normalizer;

    fn with_words(csv: &str) -> Normalizer {
        let words = UserDictionary::from_csv(csv).unwrap();
        Normalizer::builder()
            .analyzer(Analyzer::new().with_user_dictionary(words))
            .build()
    }

    #[test]
    fn words_of_the_user_dictionary_are_kept_as_written() {
        let cases = [
            // (user dictionary, text, normalized)
            (
                "ＡＢＣマート,組織,エービーシー",
                "ＡＢＣマートとＡＢＣ",
                "ＡＢＣマートとABC",
            ),
            (
                "ジヤパン,名詞,ジヤパン",
                "ジヤパンとセツトアツプ",
                "ジヤパンとセットアップ",
            ),
            // A bracket pair is one unit: the partner of a bracket kept is kept.
            (
                "ｆ（ｘ,名詞,エフエックス",
                "ｆ（ｘ）とｇ（ｙ）",
                "ｆ（ｘ）とg(y)",
            ),
            ("ｇ,名詞,ジー", "ｆ（ｘ）", "f(x)"),
            // A character the first of two passes changes (a Kangxi radical), in a word.
            ("⽇本語,名詞,ニホンゴ", "⽇本語と⽇本", "⽇本語と日本"),
            ("⽇本語,名詞,ニホンゴ", "⽇本語", "⽇本語"),
        ];
        for (csv, text, expected) in cases {
            let n = with_words(csv);
            assert_eq!(n.normalize(text).text(), expected, "{text}");
            assert_eq!(n.is_normalized(text), text == expected, "{text}");
        }
    }
}
