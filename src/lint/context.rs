//! What a rule sees of a document: the text, its prose, its sentences and their words.

use std::ops::Range;

use super::message::Message;
use super::Fix;
use crate::sentence::Sentence;

/// A problem a rule found, before the linter adds the rule's id, severity and positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) range: Range<usize>,
    pub(crate) message: Message,
    pub(crate) fix: Option<Fix>,
}

impl Found {
    pub(crate) fn new(range: Range<usize>, message: Message) -> Found {
        Found {
            range,
            message,
            fix: None,
        }
    }

    pub(crate) fn with_fix(mut self, fix: Fix) -> Found {
        self.fix = Some(fix);
        self
    }
}

/// A word of a sentence, with its range in the original text.
#[cfg(feature = "morphology")]
#[derive(Clone, Debug)]
pub(crate) struct Word<'a> {
    pub(crate) token: crate::morphology::Token<'a>,
    pub(crate) range: Range<usize>,
}

#[cfg(feature = "morphology")]
impl Word<'_> {
    /// Whether the word ends the clause a rule counts in, inside one sentence: a bracket or a
    /// quote (「…」 is someone's words, （…） an aside), a sentence-ending mark inside one
    /// (`「一番手は京弥様。二ノ陣は…」` is one sentence of two clauses) or a colon (`軸は時間です:
    /// 0 は開始時点`).
    pub(crate) fn is_clause_break(&self) -> bool {
        let mut chars = self.token.surface().chars();
        chars.next().is_some_and(|c| {
            crate::text::brackets::kind(c).is_some()
                || matches!(c, '。' | '！' | '？' | '!' | '?' | '．' | ':' | '：')
        })
    }
}

/// The document as the rules see it.
pub(crate) struct Context<'a> {
    /// The text as written.
    pub(crate) text: &'a str,
    /// The prose: the text, or for Markdown the text with everything that is not prose
    /// blanked out (same offsets).
    pub(crate) prose: &'a str,
    /// The sentences of the prose.
    pub(crate) sentences: &'a [Sentence<'a>],
    /// The kind of block each sentence is in (empty for plain text: all paragraphs).
    #[cfg_attr(not(feature = "morphology"), allow(dead_code))]
    pub(crate) kinds: &'a [crate::BlockKind],
    /// The words of each sentence, when the analyzer ran.
    #[cfg(feature = "morphology")]
    pub(crate) words: Option<&'a [Vec<Word<'a>>]>,
    /// The prh dictionary the configuration gives.
    #[cfg(feature = "prh")]
    pub(crate) prh: Option<&'a super::prh::Dictionary>,
    /// Where the words of the user dictionary are written in the prose: byte ranges, sorted
    /// and apart (empty without a user dictionary).
    pub(crate) user_words: &'a [Range<usize>],
}

impl<'a> Context<'a> {
    /// The words of the user dictionary written inside `range` of the text.
    pub(crate) fn user_words_in(&self, range: Range<usize>) -> &'a [Range<usize>] {
        let words = self.user_words;
        let from = words.partition_point(|w| w.start < range.start);
        let to = words.partition_point(|w| w.end <= range.end);
        &words[from..to.max(from)]
    }

    /// The kind of block sentence `i` is in.
    #[cfg_attr(not(feature = "morphology"), allow(dead_code))]
    pub(crate) fn kind(&self, i: usize) -> crate::BlockKind {
        self.kinds
            .get(i)
            .copied()
            .unwrap_or(crate::BlockKind::Paragraph)
    }

    /// The kind of block byte `at` of the text is in (that of the sentence that starts last
    /// before it).
    #[cfg_attr(not(feature = "prh"), allow(dead_code))]
    pub(crate) fn kind_at(&self, at: usize) -> crate::BlockKind {
        let k = self.sentences.partition_point(|s| s.range().start <= at);
        self.kind(k.saturating_sub(1))
    }

    /// The range of the sentence that holds byte `at` of the text, if one does.
    pub(crate) fn sentence_at(&self, at: usize) -> Option<Range<usize>> {
        let k = self
            .sentences
            .partition_point(|s| s.range().start <= at)
            .checked_sub(1)?;
        let range = self.sentences[k].range();
        range.contains(&at).then_some(range)
    }

    /// The words of sentence `i` (empty without the analyzer).
    #[cfg(feature = "morphology")]
    pub(crate) fn words(&self, i: usize) -> &'a [Word<'a>] {
        self.words
            .and_then(|w| w.get(i))
            .map_or(&[], |w| w.as_slice())
    }
}
