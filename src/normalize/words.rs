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
