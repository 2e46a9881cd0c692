//! The analyzer: lindera's Viterbi lattice over IPADIC, with buffers kept between calls.

use std::ops::{ControlFlow, Range};
use std::sync::{Arc, Mutex, PoisonError};

use lindera_dictionary::dictionary::character_definition::CategoryId;
use lindera_dictionary::mode::Mode;
use lindera_dictionary::viterbi::{Lattice, LatticeOptions, LexType, WordId};
use smallvec::SmallVec;

use super::token::Entry;
use super::{Dictionary, Token, UserDictionary};

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
    /// The writer's own words, read before the dictionary's.
    user: Option<UserDictionary>,
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
                user: None,
                space,
                latin1_space,
                scratch: Mutex::new(Vec::new()),
            }),
        }
    }

    /// An analyzer over the same dictionary that also knows the words of `user` (product
    /// names, terms of the field): each is read as one word wherever it is written, and the
    /// [`Linter`](crate::lint::Linter) and the [`Normalizer`](crate::Normalizer) given this
    /// analyzer report nothing inside one (see [`UserDictionary`]). The dictionary is shared,
    /// not copied; the analyzer's own user dictionary, if any, is replaced.
    ///
    /// ```
    /// use seisho::morphology::{Analyzer, PartOfSpeech, UserDictionary};
    ///
    /// let plain = Analyzer::new();
    /// let surfaces = |a: &Analyzer| {
    ///     let tokens = a.analyze("清書エンジンで校正する");
    ///     tokens.iter().map(|t| t.surface().to_owned()).collect::<Vec<_>>()
    /// };
    /// assert_eq!(surfaces(&plain), ["清書", "エンジン", "で", "校正", "する"]);
    ///
    /// let words = UserDictionary::from_csv("清書エンジン,製品名,セイショエンジン").unwrap();
    /// let mine = plain.with_user_dictionary(words);
    /// assert_eq!(surfaces(&mine), ["清書エンジン", "で", "校正", "する"]);
    /// let word = mine.analyze("清書エンジン")[0];
    /// assert!(word.is_user_word());
    /// assert_eq!(word.part_of_speech(), PartOfSpeech::Noun);
    /// assert_eq!(word.pos_detail1(), "固有名詞");
    /// assert_eq!(word.reading(), Some("セイショエンジン"));
    /// ```
    pub fn with_user_dictionary(&self, user: UserDictionary) -> Analyzer {
        let metadata = &self.inner.dictionary.as_lindera().metadata;
        let user = match &metadata.context_id_map {
            Some(map) => user.remapped(map),
            None => user,
        };
        Analyzer {
            inner: Arc::new(Inner {
                dictionary: self.inner.dictionary.clone(),
                user: Some(user),
                space: self.inner.space,
                latin1_space: self.inner.latin1_space,
                scratch: Mutex::new(Vec::new()),
            }),
        }
    }

    /// The dictionary the analyzer uses.
    pub fn dictionary(&self) -> &Dictionary {
        &self.inner.dictionary
    }

    /// The user dictionary the analyzer reads before its dictionary, if it was given one
    /// ([`Analyzer::with_user_dictionary`]).
    pub fn user_dictionary(&self) -> Option<&UserDictionary> {
        self.inner.user.as_ref()
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
        if self.inner.user.as_ref().is_some_and(|u| u.contains(word)) {
            return true;
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

    /// The lengths, in characters, of the entries of the dictionary (and of the user
    /// dictionary) that `chars` starts with.
    pub(crate) fn prefix_lengths<'a>(
        &'a self,
        chars: &'a [char],
    ) -> impl Iterator<Item = usize> + 'a {
        let user: Vec<usize> = match &self.inner.user {
            Some(user) => {
                let text: String = chars.iter().collect();
                user.prefix_lengths(&text)
                    .map(|bytes| text[..bytes].chars().count())
                    .collect()
            }
            None => Vec::new(),
        };
        self.inner
            .dictionary
            .as_lindera()
            .prefix_dictionary
            .common_prefix_search(chars)
            .filter(|(entries, _)| !entries.is_empty())
            .map(|(_, end)| end)
            .chain(user)
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
                let entry = match word_id.lex_type() {
                    LexType::Unknown => {
                        let e = dictionary.unknown_dictionary.word_entry(word_id.id());
                        Some((e.word_cost(), e.left_id(), e.right_id()))
                    }
                    LexType::User => self
                        .inner
                        .user
                        .as_ref()
                        .and_then(|u| u.entry(word_id.id()))
                        .map(|e| (e.cost, u32::from(e.left_id), u32::from(e.right_id))),
                    LexType::System => dictionary
                        .prefix_dictionary
                        .find_surface_iter(&sentence[start..end])
                        .find(|e| e.word_id().id() == word_id.id())
                        .map(|e| (e.word_cost(), e.left_id(), e.right_id())),
                };
                if let Some((cost, left_id, right_id)) = entry {
                    total += i64::from(matrix.cost(right, left_id));
                    total += i64::from(cost);
                    right = right_id;
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
        // The offset of entry `id`'s details in a table of little-endian `u32` offsets.
        let indexed = |idx: &'a [u8], data: &'a [u8]| {
            id.checked_mul(4)
                .and_then(|at| idx.get(at..at + 4))
                .and_then(|offset| {
                    let offset = u32::from_le_bytes(offset.try_into().ok()?);
                    entry_details(data, offset as usize)
                })
        };
        let (details, entry) = match word_id.lex_type() {
            LexType::Unknown => {
                let unknown = &dictionary.unknown_dictionary;
                let details = unknown
                    .words_idx_data
                    .get(id)
                    .and_then(|&offset| entry_details(&unknown.words_data, offset as usize));
                (details, Entry::Unknown)
            }
            LexType::User => {
                let details =
                    self.inner.user.as_ref().and_then(|u| {
                        indexed(&u.lindera().words_idx_data, &u.lindera().words_data)
                    });
                (details, Entry::User(word_id.id()))
            }
            LexType::System => {
                let prefix = &dictionary.prefix_dictionary;
                let details = indexed(&prefix.words_idx_data, &prefix.words_data);
                (details, Entry::System(word_id.id()))
            }
        };
        Token::new(&text[start..end], start, details.unwrap_or_default(), entry)
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
                &self.inner.user.as_ref().map(UserDictionary::lindera),
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

    /// The context ids the simple format of the user dictionary gives each part of speech are
    /// IPADIC's: a word of the category has them.
    #[cfg(feature = "embedded-dictionary")]
    #[test]
    fn user_nouns_have_ipadic_context_ids() {
        use crate::morphology::user::{NOUNS, PROPER_NOUN};
        let analyzer = super::Analyzer::new();
        let prefix = &analyzer.dictionary().as_lindera().prefix_dictionary;
        let examples = [
            "机",
            "電話",
            "アルワン",
            "田中",
            "太郎",
            "キヤノン",
            "東京",
            "日本",
            "ファンタスト",
        ];
        let mut checked = 0;
        for (features, id) in NOUNS.iter().map(|&(_, f, id)| (f, id)).chain([PROPER_NOUN]) {
            let word = examples
                .iter()
                .find(|w| {
                    let token = analyzer.analyze(w)[0];
                    [
                        token.part_of_speech().to_string().as_str(),
                        token.pos_detail1(),
                        token.pos_detail2(),
                        token.pos_detail3(),
                    ] == features
                })
                .unwrap_or_else(|| panic!("no example of {features:?}"));
            let token = analyzer.analyze(word)[0];
            let entry = prefix
                .find_surface_iter(word)
                .find(|e| Some(e.word_id().id()) == token.word_id())
                .unwrap();
            assert_eq!(
                (entry.left_id(), entry.right_id()),
                (u32::from(id), u32::from(id)),
                "{word}"
            );
            checked += 1;
        }
        assert_eq!(checked, NOUNS.len() + 1);
        // A row's context ids are checked against IPADIC's count: the matrix's.
        let matrix = &analyzer.dictionary().as_lindera().connection_cost_matrix;
        let ids = u32::from(crate::morphology::user::IPADIC_CONTEXT_IDS);
        assert_eq!((matrix.forward_size, matrix.backward_size), (ids, ids));
    }

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
