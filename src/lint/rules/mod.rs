//! The linter's own rules, one file each (with its documentation page beside it). The
//! normalizer's rules are lint rules too; the registry adds them.

mod max_kanji_continuous_len;
mod max_ten;
mod no_double_negative;
#[cfg(feature = "morphology")]
mod no_doubled_conjunctive_particle_ga;
#[cfg(feature = "morphology")]
mod no_doubled_joshi;
#[cfg(feature = "morphology")]
mod no_dropped_kana;
#[cfg(feature = "morphology")]
mod no_dropping_the_ra;
#[cfg(feature = "morphology")]
mod no_mix_dearu_desumasu;
mod no_mixed_period;
mod no_nfd;
#[cfg(feature = "morphology")]
mod no_repeated_adverb;
mod no_space_between_full_width;
mod no_spelling_variants;
#[cfg(feature = "morphology")]
mod no_successive_word;
mod non_joyo_kanji;
#[cfg(feature = "prh")]
mod prh;
mod sentence_length;
mod unmatched_pair;

use super::LintRule;

/// The linter's own rules, in the order `seisho rules` lists them.
pub(crate) const NATIVE: &[LintRule] = &[
    sentence_length::RULE,
    max_ten::RULE,
    max_kanji_continuous_len::RULE,
    no_mixed_period::RULE,
    #[cfg(feature = "morphology")]
    no_mix_dearu_desumasu::RULE,
    #[cfg(feature = "morphology")]
    no_doubled_joshi::RULE,
    #[cfg(feature = "morphology")]
    no_dropping_the_ra::RULE,
    no_double_negative::RULE,
    #[cfg(feature = "morphology")]
    no_doubled_conjunctive_particle_ga::RULE,
    #[cfg(feature = "morphology")]
    no_successive_word::RULE,
    #[cfg(feature = "morphology")]
    no_dropped_kana::RULE,
    #[cfg(feature = "morphology")]
    no_repeated_adverb::RULE,
    no_space_between_full_width::RULE,
    no_spelling_variants::RULE,
    no_nfd::RULE,
    unmatched_pair::RULE,
    non_joyo_kanji::RULE,
    #[cfg(feature = "prh")]
    prh::RULE,
];

/// Characters of `s` that are not whitespace.
pub(crate) fn visible_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}
