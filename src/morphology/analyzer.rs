//! The analyzer: lindera's Viterbi lattice over IPADIC, with buffers kept between calls.

use std::ops::{ControlFlow, Range};
use std::sync::{Arc, Mutex, PoisonError};

use lindera_dictionary::dictionary::character_definition::CategoryId;
use lindera_dictionary::mode::Mode;
use lindera_dictionary::viterbi::{Lattice, LatticeOptions, WordId};
use smallvec::SmallVec;

use super::{Dictionary, Token};

/// lindera's segmenter cuts a sentence without a delimiter after this many bytes, to bound the
/// lattice (`MAX_SENTENCE_BYTES` in lindera 6); the analyzer cuts at the same places.
const MAX_SENTENCE_BYTES: usize = 32 * 1024;

/// A lattice grown past this many characters by one very long sentence is shrunk back to
/// [`LATTICE_KEEP_CHARS`] when it is returned to the pool, so that it does not stay at several
/// megabytes. Ordinary sentences never reach it.
const LATTICE_SHRINK_ABOVE_CHARS: usize = 16 * 1024;
const LATTICE_KEEP_CHARS: usize = 4 * 1024;

/// Splits Japanese text into morphemes (形態素解析, keitaiso kaiseki) with lindera and IPADIC.
///
/// The analysis is lindera's, in its normal mode (`Mode::Normal`): the same tokens as
/// `lindera::segmenter::Segmenter` with the same dictionary, whitespace left out as MeCab does.
/// The text is analyzed sentence by sentence, cut after `。`, `、`, a tab or a line break.
///
/// An analyzer is cheap to clone (the clones share the dictionary and the buffers) and can be
/// shared between threads. It keeps the buffers of its Viterbi lattice between calls, so
/// analyzing costs no allocation once they have grown, with [`Analyzer::analyze_into`].
///
/// ```
/// use seisho::morphology::{Analyzer, PartOfSpeech};
///
/// let analyzer = Analyzer::new();
/// let tokens = analyzer.analyze("東京都に住んでいます。");
/// let surfaces: Vec<&str> = tokens.iter().map(|t| t.surface()).collect();
/// assert_eq!(surfaces, ["東京", "都", "に", "住ん", "で", "い", "ます", "。"]);
///
/// let sumu = &tokens[3];
/// assert_eq!(sumu.part_of_speech(), PartOfSpeech::Verb);
/// assert_eq!(sumu.base_form(), Some("住む"));
/// assert_eq!(sumu.conjugation_type(), Some("五段・マ行"));
/// assert_eq!(sumu.conjugation_form(), Some("連用タ接続"));
/// assert_eq!(sumu.range(), 12..18);
/// ```
#[derive(Clone)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

struct Inner {
    dictionary: Dictionary,
    /// char.def's SPACE category: tokens of only these characters are not reported.
    space: Option<CategoryId>,
    /// Whether each of U+0000 to U+00FF is in the SPACE category, the common case.
    latin1_space: [bool; 256],
    /// Lattices and backtrace buffers of finished calls, for the next ones. A call takes one
    /// (or makes one when all are in use) and gives it back, so concurrent calls do not wait
    /// for each other.
    scratch: Mutex<Vec<Scratch>>,
}

#[derive(Default)]
struct Scratch {
    lattice: Lattice,
    /// The best path of the current sentence: byte offset of each token, and its entry.
    path: Vec<(usize, WordId)>,
}

impl Analyzer {
    /// An analyzer over the IPADIC embedded in the program ([`seisho_ipadic::embedded`]);
    /// feature `embedded-dictionary`, on by default.
    #[cfg(feature = "embedded-dictionary")]
    pub fn new() -> Self {
        Self::with_dictionary(seisho_ipadic::embedded().clone())
    }

    /// An analyzer over `dictionary`, for example one loaded with
    /// [`seisho_ipadic::load_from_dir`] or [`seisho_ipadic::load_from_parts`]: the way to
    /// analyse without the `embedded-dictionary` feature. Give it (or a clone: clones share
    /// it) to [`Linter::with_analyzer`](crate::lint::Linter::with_analyzer),
    /// [`ScorerBuilder::with_analyzer`](crate::score::ScorerBuilder::with_analyzer) and
    /// [`NormalizerBuilder::analyzer`](crate::NormalizerBuilder::analyzer), which then use it
    /// and not the embedded dictionary.
    pub fn with_dictionary(dictionary: Dictionary) -> Self {
        let definition = &dictionary.as_lindera().character_definition;
        let space = definition.category_id_by_name("SPACE");
        let mut latin1_space = [false; 256];
        if let Some(space) = space {
            for (c, is_space) in (0..=255u8).map(char::from).zip(&mut latin1_space) {
                *is_space = definition.lookup_categories(c).contains(&space);
            }
        }
        Analyzer {
            inner: Arc::new(Inner {
                dictionary,
                space,
                latin1_space,
                scratch: Mutex::new(Vec::new()),
            }),
        }
    }

    /// The dictionary the analyzer uses.
    pub fn dictionary(&self) -> &Dictionary {
        &self.inner.dictionary
    }

    /// Whether `self` and `other` are clones of one analyzer (and so share its dictionary).
    pub(crate) fn is_same(&self, other: &Analyzer) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    /// The tokens of `text`, in order.
    ///
    /// To analyze many texts, [`Analyzer::analyze_into`] reuses one vector.
    pub fn analyze<'a>(&'a self, text: &'a str) -> Vec<Token<'a>> {
        let mut tokens = Vec::new();
        self.analyze_into(text, &mut tokens);
        tokens
    }

    /// Replaces the contents of `tokens` with the tokens of `text`, in order.
    ///
    /// ```
    /// let analyzer = seisho::morphology::Analyzer::new();
    /// let mut tokens = Vec::new();
    /// for line in ["今日は晴れ。", "明日は雨。"] {
    ///     analyzer.analyze_into(line, &mut tokens);
    ///     assert_eq!(tokens.len(), 4);
    /// }
    /// ```
    pub fn analyze_into<'a>(&'a self, text: &'a str, tokens: &mut Vec<Token<'a>>) {
        tokens.clear();
        let _ = self.segment(text, |start, end, word_id| {
            tokens.push(self.token(text, start, end, word_id));
            ControlFlow::<()>::Continue(())
        });
    }

    /// Whether `word` is, exactly, the surface of an entry of the dictionary.
    ///
    /// This is a lookup in the dictionary's trie, not an analysis: `東京都` is not an entry
    /// (it is analyzed as 東京 + 都) while `東京` is. Any form in IPADIC counts, conjugated
    /// forms included (`住ん`).
    ///
    /// ```
    /// let analyzer = seisho::morphology::Analyzer::new();
    /// assert!(analyzer.is_known_word("コンピュータ"));
    /// assert!(!analyzer.is_known_word("コンピュ一タ")); // with the kanji 一
    /// assert!(!analyzer.is_known_word("東京都"));
    /// ```
    pub fn is_known_word(&self, word: &str) -> bool {
        if word.is_empty() {
            return false;
        }
        let chars: SmallVec<[char; 32]> = word.chars().collect();
        self.inner
            .dictionary
            .as_lindera()
            .prefix_dictionary
            .common_prefix_search(&chars)
            .any(|(entries, end)| end == chars.len() && !entries.is_empty())
    }

    /// Whether `word` is an entry of the dictionary or one of UniDic's katakana words that
    /// IPADIC lacks (`seisho_ipadic::Dictionary::is_unidic_katakana_word`: アセット, ブログ).
    pub(crate) fn is_known_or_unidic_word(&self, word: &str) -> bool {
        self.is_known_word(word) || self.inner.dictionary.is_unidic_katakana_word(word)
    }

    /// The lengths, in characters, of the entries of the dictionary that `chars` starts with.
    pub(crate) fn prefix_lengths<'a>(
        &'a self,
        chars: &'a [char],
    ) -> impl Iterator<Item = usize> + 'a {
        self.inner
            .dictionary
            .as_lindera()
            .prefix_dictionary
            .common_prefix_search(chars)
            .filter(|(entries, _)| !entries.is_empty())
            .map(|(_, end)| end)
    }

    /// Whether the analysis of `text` has an unknown word ([`Token::is_unknown`]).
    ///
    /// Stops at the first one, and allocates nothing once the analyzer's buffers have grown.
    /// A typo does not always leave one: `デー夕ベース` (with the kanji 夕) is analyzed as
    /// デー + 夕 + ベース, three entries.
    ///
    /// ```
    /// let analyzer = seisho::morphology::Analyzer::new();
    /// assert!(!analyzer.has_unknown_word("データベースへアクセスする"));
    /// assert!(analyzer.has_unknown_word("へルプを見る")); // へ + ルプ, and ルプ is no word
    /// ```
    pub fn has_unknown_word(&self, text: &str) -> bool {
        self.segment(text, |_, _, word_id| {
            if word_id.is_unknown() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .is_break()
    }

    /// The cost of the best analysis of `text`: the sum, over its sentences, of the word and
    /// connection costs along the path the analyzer picks (lower is more likely).
    ///
    /// Costs of two spellings of the same passage can be compared: a typo usually costs more
    /// than the text it was made from, since the dictionary reads it with rare words or
    /// unknown ones.
    ///
    /// ```
    /// let analyzer = seisho::morphology::Analyzer::new();
    /// assert!(analyzer.path_cost("カメラを買う") < analyzer.path_cost("力メラを買う"));
    /// ```
    pub fn path_cost(&self, text: &str) -> i64 {
        self.costed(text, |_, _, _| ())
    }

    /// The byte range of each token of `text` and whether it is unknown (what
    /// [`Analyzer::analyze_into`] tells of them), and the cost of the path
    /// ([`Analyzer::path_cost`]), in one run of the lattice.
    pub(crate) fn spans_and_cost(&self, text: &str, spans: &mut Vec<(Range<usize>, bool)>) -> i64 {
        spans.clear();
        self.costed(text, |start, end, word_id| {
            if !self.is_space(&text[start..end]) {
                spans.push((start..end, word_id.is_unknown()));
            }
        })
    }

    /// Runs the lattice over each sentence of `text`, calls `f` with the byte range and the
    /// entry of each token on the best path (whitespace included), and returns the path's cost.
    fn costed(&self, text: &str, mut f: impl FnMut(usize, usize, WordId)) -> i64 {
        let dictionary = self.inner.dictionary.as_lindera();
        let matrix = &dictionary.connection_cost_matrix;
        let mut scratch = self.take_scratch();
        let mut total = 0i64;
        let _ = self.each_sentence_path(&mut scratch, text, |sentence_start, sentence, path| {
            // BOS and EOS have context id 0.
            let mut right = 0;
            for (i, &(start, word_id)) in path.iter().enumerate() {
                let end = path.get(i + 1).map_or(sentence.len(), |&(next, _)| next);
                f(sentence_start + start, sentence_start + end, word_id);
                // The lattice keeps no costs per token: they are looked up again, the entry
                // of a known word among those of its surface.
                let entry = if word_id.is_unknown() {
                    Some(dictionary.unknown_dictionary.word_entry(word_id.id()))
                } else {
                    dictionary
                        .prefix_dictionary
                        .find_surface_iter(&sentence[start..end])
                        .find(|e| e.word_id().id() == word_id.id())
                };
                if let Some(e) = entry {
                    total += i64::from(matrix.cost(right, e.left_id()));
                    total += i64::from(e.word_cost());
                    right = e.right_id();
                }
            }
            total += i64::from(matrix.cost(right, 0));
            ControlFlow::Continue(())
        });
        self.give_back(scratch);
        total
    }

    fn token<'a>(&'a self, text: &'a str, start: usize, end: usize, word_id: WordId) -> Token<'a> {
        let dictionary = self.inner.dictionary.as_lindera();
        let id = word_id.id() as usize;
        let details = if word_id.is_unknown() {
            let unknown = &dictionary.unknown_dictionary;
            unknown
                .words_idx_data
                .get(id)
                .and_then(|&offset| entry_details(&unknown.words_data, offset as usize))
        } else {
            let prefix = &dictionary.prefix_dictionary;
            id.checked_mul(4)
                .and_then(|at| prefix.words_idx_data.get(at..at + 4))
                .and_then(|offset| {
                    let offset = u32::from_le_bytes(offset.try_into().ok()?);
                    entry_details(&prefix.words_data, offset as usize)
                })
        };
        Token::new(
            &text[start..end],
            start,
            details.unwrap_or_default(),
            (!word_id.is_unknown()).then(|| word_id.id()),
        )
    }

    /// Runs the lattice over each sentence of `text` and calls `f` with the byte range and the
    /// entry of each token on the best path, whitespace left out, until `f` breaks.
    fn segment(
        &self,
        text: &str,
        mut f: impl FnMut(usize, usize, WordId) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let mut scratch = self.take_scratch();
        let result = self.segment_with(&mut scratch, text, &mut f);
        self.give_back(scratch);
        result
    }

    fn segment_with(
        &self,
        scratch: &mut Scratch,
        text: &str,
        f: &mut impl FnMut(usize, usize, WordId) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        self.each_sentence_path(scratch, text, |sentence_start, sentence, path| {
            for (i, &(start, word_id)) in path.iter().enumerate() {
                let end = path.get(i + 1).map_or(sentence.len(), |&(next, _)| next);
                if !self.is_space(&sentence[start..end]) {
                    f(sentence_start + start, sentence_start + end, word_id)?;
                }
            }
            ControlFlow::Continue(())
        })
    }

    /// Runs the lattice over each sentence of `text` (split where lindera's segmenter would)
    /// and calls `f` with the sentence's start in `text`, the sentence, and its best path: the
    /// byte offset in the sentence and the entry of each token, whitespace included; until `f`
    /// breaks.
    fn each_sentence_path(
        &self,
        scratch: &mut Scratch,
        text: &str,
        mut f: impl FnMut(usize, &str, &[(usize, WordId)]) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let dictionary = self.inner.dictionary.as_lindera();
        // lindera's segmenter's defaults for a dictionary with no space penalty, as IPADIC.
        let options = LatticeOptions::new(&Mode::Normal);
        let mut sentence_start = 0;
        while sentence_start < text.len() {
            let sentence_end = sentence_end(text, sentence_start);
            let sentence = &text[sentence_start..sentence_end];
            scratch.lattice.set_text_with_options(
                &dictionary.prefix_dictionary,
                &None,
                &dictionary.character_definition,
                &dictionary.unknown_dictionary,
                &dictionary.connection_cost_matrix,
                sentence,
                &options,
            );
            scratch.lattice.tokens_offset_into(&mut scratch.path);
            f(sentence_start, sentence, &scratch.path)?;
            sentence_start = sentence_end;
        }
        ControlFlow::Continue(())
    }

    /// Whether `surface` is only whitespace, by the dictionary's SPACE category.
    fn is_space(&self, surface: &str) -> bool {
        let Some(space) = self.inner.space else {
            return false;
        };
        let definition = &self.inner.dictionary.as_lindera().character_definition;
        surface
            .chars()
            .all(|c| match self.inner.latin1_space.get(c as usize) {
                Some(&is_space) => is_space,
                None => definition.lookup_categories(c).contains(&space),
            })
    }

    fn take_scratch(&self) -> Scratch {
        let mut pool = self
            .inner
            .scratch
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        pool.pop().unwrap_or_default()
    }

    fn give_back(&self, mut scratch: Scratch) {
        if scratch.lattice.capacity() > LATTICE_SHRINK_ABOVE_CHARS {
            scratch.lattice.shrink_to(LATTICE_KEEP_CHARS);
        }
        let mut pool = self
            .inner
            .scratch
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        pool.push(scratch);
    }
}

#[cfg(feature = "embedded-dictionary")]
impl Default for Analyzer {
    /// [`Analyzer::new`].
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("dictionary", &self.inner.dictionary)
            .finish_non_exhaustive()
    }
}

/// The end of the sentence that starts at byte `start`: after the first `\n`, `\t`, `。` or
/// `、`, or after [`MAX_SENTENCE_BYTES`] (at a character boundary) when there is none, or
/// the end of the text. These are lindera's segmenter's cuts.
fn sentence_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    while end < bytes.len() {
        let byte = bytes[end];
        end += 1;
        match byte {
            b'\n' | b'\t' => return end,
            // 。 is E3 80 82 and 、 is E3 80 81.
            0x81 | 0x82 if end >= start + 3 && bytes[end - 3..end - 1] == [0xE3, 0x80] => {
                return end
            }
            _ => {}
        }
        if end - start >= MAX_SENTENCE_BYTES && text.is_char_boundary(end) {
            return end;
        }
    }
    end
}

/// The NUL-joined fields of the entry at `offset` in a lindera `words_data` table: a
/// little-endian `u32` length, then the fields.
fn entry_details(words_data: &[u8], offset: usize) -> Option<&str> {
    let header = words_data.get(offset..offset.checked_add(4)?)?;
    let len = u32::from_le_bytes(header.try_into().ok()?) as usize;
    let start = offset + 4;
    std::str::from_utf8(words_data.get(start..start.checked_add(len)?)?).ok()
}

#[cfg(test)]
mod tests {
    use super::{sentence_end, MAX_SENTENCE_BYTES};

    #[test]
    fn sentences_end_after_delimiters() {
        let text = "今日は、晴れ。\n明日\tは雨";
        let mut ends = Vec::new();
        let mut start = 0;
        while start < text.len() {
            start = sentence_end(text, start);
            ends.push(&text[..start]);
        }
        assert_eq!(
            ends,
            [
                "今日は、",
                "今日は、晴れ。",
                "今日は、晴れ。\n",
                "今日は、晴れ。\n明日\t",
                text
            ]
        );
    }

    #[test]
    fn a_sentence_without_delimiter_is_cut_at_a_char_boundary() {
        let text = "あ".repeat(MAX_SENTENCE_BYTES);
        let end = sentence_end(&text, 0);
        assert_eq!(end, MAX_SENTENCE_BYTES + 1); // the next boundary after 32 KiB
        assert!(text.is_char_boundary(end));
    }
}
