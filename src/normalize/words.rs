//! The dictionary the normalizer confirms kana typo suggestions with.

use std::sync::OnceLock;

use crate::morphology::Analyzer;

/// The analyzer over the embedded IPADIC, made on first use and shared.
pub(crate) fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new)
}
