//! Morphological analysis (形態素解析, keitaiso kaiseki): the text cut into words with their
//! part of speech, conjugation, base form and reading, by [lindera](https://crates.io/crates/lindera)
//! over the IPADIC dictionary (crate `seisho-ipadic`).
//!
//! Behind the `morphology` feature, on by default; without it the core has no dictionary and
//! none of lindera's dependencies. [`Analyzer::new`] uses the IPADIC embedded in the program
//! (feature `embedded-dictionary`, on by default); [`Analyzer::with_dictionary`] takes one
//! loaded at run time, the only way without that feature.
//!
//! ```
//! # #[cfg(feature = "embedded-dictionary")] {
//! use seisho::morphology::{Analyzer, PartOfSpeech};
//!
//! let analyzer = Analyzer::new();
//! for token in analyzer.analyze("東京都に住んでいます。") {
//!     println!(
//!         "{}\t{}\t{}\t{}",
//!         token.surface(),
//!         token.part_of_speech(),
//!         token.base_form().unwrap_or("*"),
//!         token.reading().unwrap_or("*"),
//!     );
//! }
//! // 東京 名詞 東京 トウキョウ, 都 名詞 都 ト, に 助詞 に ニ, 住ん 動詞 住む スン, …
//! # }
//! ```

mod analyzer;
mod pos;
mod token;
mod user;

pub use analyzer::Analyzer;
pub use pos::PartOfSpeech;
pub use token::Token;
pub use user::{UserDictionary, UserDictionaryError, UserDictionaryErrorKind};

/// The dictionary an [`Analyzer`] uses: IPADIC compiled for lindera (`seisho_ipadic`).
pub use seisho_ipadic::Dictionary;
