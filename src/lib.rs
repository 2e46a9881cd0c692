//! seisho (清書, "a fair copy") cleans up Japanese text and records every change it makes.
//!
//! ```
//! let n = seisho::normalize("ＡＢＣ１２３のｶﾞｲﾄﾞ、、コンピュ一タ。へルプ");
//! assert_eq!(n.text(), "ABC123のガイド、コンピュータ。ヘルプ");
//! for edit in n.edits() {
//!     println!("{}..{} {} -> {} [{}]", edit.range().start, edit.range().end,
//!              edit.original(), edit.replacement(), edit.rule());
//! }
//! ```
//!
//! A fix that could be wrong is a suggestion, never applied silently: here へ may be the
//! particle "to" (with the dictionary, データベース + へ + アクセス read as words and nothing is
//! suggested; the character rules alone suggest ヘ).
//!
//! ```
//! let characters_only = seisho::Normalizer::builder().dictionary(false).build();
//! let n = characters_only.normalize("データベースへアクセス");
//! assert_eq!(n.text(), "データベースへアクセス"); // unchanged
//! assert_eq!(n.suggestions()[0].replacement(), "ヘ");
//! let all = seisho::Normalizer::builder().unsafe_fixes(true).build();
//! assert_eq!(all.normalize("データベースへアクセス").text(), "データベースヘアクセス");
//! ```
//!
//! With the embedded dictionary (feature `embedded-dictionary`, on by default), the dictionary
//! turns suggestions it can confirm into safe fixes: 力メラ reads as 力 and an unknown word,
//! カメラ is a word.
//!
//! ```
//! # #[cfg(feature = "embedded-dictionary")] {
//! assert_eq!(seisho::normalize("新しい力メラ").text(), "新しいカメラ");
//! let characters_only = seisho::Normalizer::builder().dictionary(false).build();
//! assert_eq!(characters_only.normalize("新しい力メラ").text(), "新しい力メラ");
//! # }
//! ```
//!
//! The core takes `&str` and returns values: it reads no files and writes nothing.
//!
//! With the `morphology` feature (on by default), [`morphology::Analyzer`] splits text into
//! words with their part of speech, base form and reading (lindera over the IPADIC dictionary).
//! The default feature `embedded-dictionary` embeds IPADIC (49 MB) and lets the linter, the
//! scorer and the normalizer use it unasked; without it (`default-features = false, features =
//! ["morphology"]`, as the WebAssembly package builds), the caller loads the dictionary
//! (`seisho_ipadic::load_from_parts` or `load_from_dir`) and hands an analyzer over it to
//! [`lint::Linter::with_analyzer`], [`score::ScorerBuilder::with_analyzer`] and
//! [`NormalizerBuilder::analyzer`].
//!
//! [`score()`] tells how hard a text is to read (sentence length, kanji ratio and grades,
//! jReadability, Tateishi), and [`lint::Linter`] checks a draft against style rules with
//! fixes it can be trusted with:
//!
//! ```
//! let report = seisho::score("今日は晴れです。明日は雨が降るでしょう。");
//! assert_eq!(report.sentence_length.count, 2);
//!
//! use seisho::lint::{LintConfig, Linter, Syntax};
//! let linter = Linter::new(LintConfig::default());
//! let diagnostics = linter.lint("私は彼は好きだ。", Syntax::Text);
//! # #[cfg(feature = "embedded-dictionary")]
//! assert_eq!(diagnostics[0].rule, "no-doubled-joshi");
//! ```
#![deny(missing_docs)]

mod edit;
mod lang;
pub mod lint;
#[cfg(feature = "markdown")]
pub mod markdown;
#[cfg(feature = "morphology")]
pub mod morphology;
mod normalize;
mod position;
mod rule;
pub mod score;
mod sentence;
mod syntax;
mod text;
mod utf16;

pub use edit::{apply_edits, ApplyError, Edit};
#[doc(hidden)]
pub use lang::untranslated;
pub use lang::Lang;
pub use normalize::{CompatClass, Normalized, Normalizer, NormalizerBuilder, WaveDashStyle};
/// The `neologdn` preset: neologdn 0.5.6's normalization with an edit log.
pub mod neologdn {
    pub use crate::normalize::neologdn::{Neologdn, Tilde};
}
pub use position::{LineCol, LineCursor, LineIndex};
pub use rule::{Rule, Safety, UnknownRule};
/// The readability report of a text: [`score::score`].
pub use score::score;
pub use sentence::{sentences, sentences_in_blocks, Sentence, Sentences};
pub use syntax::{BlockKind, Syntax};
pub use utf16::{BytesMap, Utf16Map};

/// Normalizes `text` with the safe defaults ([`Normalizer::default`]).
///
/// ```
/// assert_eq!(seisho::normalize("ｶﾞｲﾄﾞ").text(), "ガイド");
/// // Nothing to change: the result borrows the input.
/// assert!(matches!(seisho::normalize("ガイド").into_text(), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize(text: &str) -> Normalized<'_> {
    static DEFAULT: std::sync::OnceLock<Normalizer> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Normalizer::default).normalize(text)
}

/// Whether [`normalize`] would leave `text` unchanged, answered without allocating.
///
/// ```
/// assert!(seisho::is_normalized("コンピュータ"));
/// assert!(!seisho::is_normalized("コンピュ一タ"));
/// ```
pub fn is_normalized(text: &str) -> bool {
    Normalizer::default().is_normalized(text)
}

/// The README's examples, run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
