//! The dictionary the normalizer confirms kana typo suggestions with.

use std::sync::OnceLock;

use crate::morphology::Analyzer;

/// The analyzer over the embedded IPADIC, made on first use and shared.
pub(crate) fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new)
}

/// In a run of hiragana holding a loanword sound at bytes `sound`, the span of the loanword:
/// the run cut after the last particle or auxiliary verb that ends before the sound and before
/// the first one that starts after it (でぃぷしーくをつかう → でぃぷしーく). `None` when the
/// dictionary knows the sound's word as written.
pub(crate) fn loanword_span(
    run: &str,
    sound: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    use crate::morphology::PartOfSpeech;
    let tokens = analyzer().analyze(run);
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
    let start = tokens
        .iter()
        .filter(|t| t.range().end <= sound.start && function_word(t))
        .map(|t| t.range().end)
        .next_back()
        .unwrap_or(0);
    let end = tokens
        .iter()
        .find(|t| t.range().start >= sound.end && function_word(t))
        .map_or(run.len(), |t| t.range().start);
    (start < end).then_some(start..end)
}
