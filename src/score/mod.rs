//! The readability scorer: sentence lengths, script ratios, kanji grades, and reading
//! difficulty by Tateishi et al. (1988) and Lee and Hasebe's jReadability.
//!
//! ```
//! let report = seisho::score("今日は晴れです。明日は、雨が降るでしょう。");
//! assert_eq!(report.sentence_length.count, 2);
//! assert_eq!(report.toten.total, 1);
//! assert!(report.tateishi.is_some());
//! # #[cfg(feature = "embedded-dictionary")]
//! assert!(report.jreadability.is_some());
//! ```

#[cfg(feature = "morphology")]
mod jreadability;
mod report;
mod stats;
mod tateishi;

pub use crate::text::kanji::KanjiGrade;
pub use report::{
    Difficulty, JReadability, JReadabilityLevel, KanjiAmount, KanjiBand, KanjiProfile, KanjiRun,
    Report, ScriptShare, Scripts, SentenceLength, SentenceReport, Summary, Tateishi, Toten,
    WordOrigin,
};

use crate::sentence::{sentences, Sentence};
use crate::text::class::is_touten;
use crate::text::script::Script;

#[cfg(feature = "morphology")]
use crate::morphology::Analyzer;

/// Sentences longer than this many characters are "long" unless the scorer is told otherwise.
pub const DEFAULT_LONG_SENTENCE: usize = 100;

/// Scores `text` with the default scorer ([`Scorer::default`]: with the analyzer over the
/// embedded dictionary when the `embedded-dictionary` feature is on, as by default).
pub fn score(text: &str) -> Report {
    static DEFAULT: std::sync::OnceLock<Scorer> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Scorer::default).score(text)
}

/// Scores texts; holds the morphological analyzer, so make one and reuse it.
///
/// ```
/// use seisho::score::Scorer;
///
/// let characters_only = Scorer::builder().analyzer(false).long_sentence(40).build();
/// let report = characters_only.score("短い文。");
/// assert!(!report.analyzed);
/// assert_eq!(report.needs_analyzer, ["sentence_length.words", "jreadability", "sentences[].words"]);
/// assert_eq!(report.sentence_length.long_threshold, 40);
/// ```
#[derive(Clone)]
pub struct Scorer {
    long_sentence: usize,
    #[cfg(feature = "morphology")]
    analyzer: Option<Analyzer>,
}

impl Default for Scorer {
    fn default() -> Self {
        Scorer::builder().build()
    }
}

impl std::fmt::Debug for Scorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scorer")
            .field("long_sentence", &self.long_sentence)
            .field("analyzer", &self.has_analyzer())
            .finish()
    }
}

/// Options of a [`Scorer`].
#[derive(Clone)]
pub struct ScorerBuilder {
    long_sentence: usize,
    #[cfg(feature = "morphology")]
    analyzer: Option<Analyzer>,
    use_analyzer: bool,
}

impl ScorerBuilder {
    /// Sentences longer than `chars` characters count as long (default
    /// [`DEFAULT_LONG_SENTENCE`], 100).
    pub fn long_sentence(mut self, chars: usize) -> Self {
        self.long_sentence = chars;
        self
    }

    /// Whether to cut the text into words with the morphological analyzer (default: yes).
    /// Without it the report has the character-level metrics and Tateishi's score, but no word
    /// counts and no jReadability. The analyzer is the one given to
    /// [`ScorerBuilder::with_analyzer`], else the one over the embedded dictionary (feature
    /// `embedded-dictionary`, on by default); without either there is none.
    pub fn analyzer(mut self, on: bool) -> Self {
        self.use_analyzer = on;
        self
    }

    /// Uses `analyzer` (for example over a dictionary loaded at run time, with
    /// [`Analyzer::with_dictionary`]) instead of one over the embedded dictionary, which the
    /// scorer then never touches. Turns [`ScorerBuilder::analyzer`] on.
    #[cfg(feature = "morphology")]
    pub fn with_analyzer(mut self, analyzer: Analyzer) -> Self {
        self.analyzer = Some(analyzer);
        self.use_analyzer = true;
        self
    }

    /// The scorer.
    pub fn build(self) -> Scorer {
        Scorer {
            long_sentence: self.long_sentence,
            #[cfg(feature = "morphology")]
            analyzer: if self.use_analyzer {
                #[cfg(feature = "embedded-dictionary")]
                let analyzer = Some(self.analyzer.unwrap_or_default());
                #[cfg(not(feature = "embedded-dictionary"))]
                let analyzer = self.analyzer;
                analyzer
            } else {
                None
            },
        }
    }
}

impl Scorer {
    /// Options, starting from the defaults.
    pub fn builder() -> ScorerBuilder {
        ScorerBuilder {
            long_sentence: DEFAULT_LONG_SENTENCE,
            #[cfg(feature = "morphology")]
            analyzer: None,
            use_analyzer: cfg!(feature = "morphology"),
        }
    }

    /// Whether the scorer cuts texts into words.
    pub fn has_analyzer(&self) -> bool {
        #[cfg(feature = "morphology")]
        return self.analyzer.is_some();
        #[cfg(not(feature = "morphology"))]
        return false;
    }

    /// The report on `text`, plain text.
    pub fn score(&self, text: &str) -> Report {
        self.score_sentences(text, sentences(text), false)
    }

    /// The report on a Markdown document: only its prose counts (see
    /// [`crate::markdown::prose`]); every range in the report is a range of `markdown`.
    ///
    /// ```
    /// let scorer = seisho::score::Scorer::builder().analyzer(false).build();
    /// let report = scorer.score_markdown("# 使い方\n\n```sh\ncargo run\n```\n\n`seisho` を実行する。\n");
    /// assert_eq!(report.sentence_length.count, 2);
    /// assert_eq!(report.scripts.latin.count, 0);
    /// ```
    #[cfg(feature = "markdown")]
    pub fn score_markdown(&self, markdown: &str) -> Report {
        let prose = crate::markdown::prose(markdown);
        self.score_sentences(prose.text(), prose.sentences(), true)
    }

    /// The report on the blocks of `text` (see [`crate::sentences_in_blocks`]).
    pub fn score_blocks(&self, text: &str, blocks: &[std::ops::Range<usize>]) -> Report {
        self.score_sentences(
            text,
            crate::sentence::sentences_in_blocks(text, blocks),
            true,
        )
    }

    /// `blocks`: the text is blocks of a document (Markdown), each of which ends a sentence of
    /// jReadability's too (a heading has no 。); in plain text only 。？！． do, as in the
    /// definition's implementation.
    fn score_sentences<'a>(
        &self,
        text: &'a str,
        sentences: impl Iterator<Item = Sentence<'a>>,
        #[cfg_attr(not(feature = "morphology"), allow(unused_variables))] blocks: bool,
    ) -> Report {
        let mut totals = CharTotals::default();
        let mut reports = Vec::new();
        let mut paragraphs = 0;
        #[cfg(feature = "morphology")]
        let mut words = self
            .analyzer
            .as_ref()
            .map(|a| jreadability::WordCounter::new(a, blocks));
        for (index, sentence) in sentences.enumerate() {
            paragraphs = sentence.paragraph() + 1;
            let counts = totals.add_sentence(&sentence, index);
            #[cfg(feature = "morphology")]
            let sentence_words = words.as_mut().map(|w| w.add_sentence(&sentence));
            #[cfg(not(feature = "morphology"))]
            let sentence_words = None;
            reports.push(SentenceReport {
                range: sentence.range(),
                paragraph: sentence.paragraph(),
                characters: counts.characters,
                words: sentence_words,
                toten: counts.toten,
                kanji_ratio: ratio(counts.kanji, counts.characters - counts.punctuation),
            });
        }

        let mut lengths: Vec<usize> = reports.iter().map(|s| s.characters).collect();
        let characters = Summary::of(&mut lengths);
        let word_lengths = reports
            .iter()
            .map(|s| s.words)
            .collect::<Option<Vec<usize>>>();
        let analyzed = self.has_analyzer();
        let sentence_length = SentenceLength {
            count: reports.len(),
            characters,
            words: word_lengths
                .filter(|_| analyzed)
                .map(|mut w| Summary::of(&mut w)),
            long_threshold: self.long_sentence,
            long: reports
                .iter()
                .filter(|s| s.characters > self.long_sentence)
                .count(),
            morioka: band(characters.mean, 35.0, 60.0),
        };
        #[cfg(feature = "morphology")]
        let jreadability = words.and_then(jreadability::WordCounter::finish);
        #[cfg(not(feature = "morphology"))]
        let jreadability = None;
        let needs_analyzer = if analyzed {
            Vec::new()
        } else {
            ["sentence_length.words", "jreadability", "sentences[].words"]
                .map(String::from)
                .to_vec()
        };
        let toten = Toten {
            total: totals.toten,
            per_sentence: ratio(totals.toten, reports.len()),
            max: reports.iter().map(|s| s.toten).max().unwrap_or(0),
        };
        Report {
            characters: totals.characters,
            kanji_grades: totals.kanji_profile(),
            paragraphs,
            tateishi: tateishi::score(&totals.runs, &sentence_length, toten.total),
            sentence_length,
            scripts: totals.scripts(),
            toten,
            longest_kanji_run: totals
                .longest_kanji_run
                .clone()
                .map(|(range, sentence)| KanjiRun {
                    text: text[range.clone()].to_owned(),
                    length: text[range.clone()]
                        .chars()
                        .filter(|&c| Script::of(c) == Script::Kanji)
                        .count(),
                    range,
                    sentence,
                }),
            jreadability,
            analyzed,
            needs_analyzer,
            sentences: reports,
        }
    }
}

/// `part` over `whole`, 0 when `whole` is 0.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Morioka's bands: `easy` or less is easy, `hard` or more is hard.
fn band(value: f64, easy: f64, hard: f64) -> Difficulty {
    if value <= easy {
        Difficulty::Easy
    } else if value >= hard {
        Difficulty::Hard
    } else {
        Difficulty::Medium
    }
}

/// The four classes of Tateishi's runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RunClass {
    Alphabet = 0,
    Hiragana = 1,
    Kanji = 2,
    Katakana = 3,
}

/// Runs of each class: how many and their total length.
#[derive(Clone, Debug, Default)]
pub(crate) struct Runs {
    pub(crate) count: [usize; 4],
    pub(crate) length: [usize; 4],
}

/// Counts of one sentence.
#[derive(Clone, Copy, Debug, Default)]
struct SentenceCounts {
    characters: usize,
    punctuation: usize,
    kanji: usize,
    toten: usize,
}

/// Character counts of the whole text, gathered sentence by sentence.
#[derive(Default)]
struct CharTotals {
    characters: usize,
    /// Per [`Script`] that is counted: kanji, hiragana, katakana, latin, digit, punctuation,
    /// other.
    scripts: [usize; 7],
    toten: usize,
    grades: [usize; 9],
    runs: Runs,
    /// The longest kanji run's byte range and sentence.
    longest_kanji_run: Option<(std::ops::Range<usize>, usize)>,
    longest_kanji_len: usize,
}

impl CharTotals {
    fn add_sentence(&mut self, sentence: &Sentence<'_>, index: usize) -> SentenceCounts {
        let base = sentence.range().start;
        let mut counts = SentenceCounts::default();
        let mut run: Option<RunClass> = None;
        let mut run_len = 0usize;
        let mut run_start = 0usize;
        // The kana script ー continues, if the character before it was kana.
        let mut kana: Option<Script> = None;
        for (offset, c) in sentence.text().char_indices() {
            let mut script = Script::of(c);
            if script == Script::Invisible {
                continue;
            }
            if script == Script::Space {
                if c != '\n' && c != '\r' {
                    self.end_run(&mut run, &mut run_len, run_start, base + offset, index);
                    kana = None;
                }
                continue;
            }
            if script == Script::LongVowel {
                script = kana.unwrap_or(Script::Katakana);
            }
            counts.characters += 1;
            let class = match script {
                Script::Kanji => {
                    counts.kanji += 1;
                    self.scripts[0] += 1;
                    if let Some(grade) = KanjiGrade::of(c) {
                        self.grades[grade as usize] += 1;
                    }
                    kana = None;
                    Some(RunClass::Kanji)
                }
                Script::Hiragana => {
                    self.scripts[1] += 1;
                    kana = Some(Script::Hiragana);
                    Some(RunClass::Hiragana)
                }
                Script::Katakana => {
                    self.scripts[2] += 1;
                    kana = Some(Script::Katakana);
                    Some(RunClass::Katakana)
                }
                Script::Latin => {
                    self.scripts[3] += 1;
                    kana = None;
                    Some(RunClass::Alphabet)
                }
                Script::Digit => {
                    self.scripts[4] += 1;
                    kana = None;
                    None
                }
                Script::Punctuation => {
                    counts.punctuation += 1;
                    self.scripts[5] += 1;
                    if is_touten(c) {
                        counts.toten += 1;
                    }
                    kana = None;
                    None
                }
                Script::Other | Script::Space | Script::Invisible | Script::LongVowel => {
                    self.scripts[6] += 1;
                    kana = None;
                    None
                }
            };
            if class != run || class.is_none() {
                self.end_run(&mut run, &mut run_len, run_start, base + offset, index);
                run = class;
                run_start = base + offset;
            }
            if class.is_some() {
                run_len += 1;
            }
        }
        let end = sentence.range().end;
        self.end_run(&mut run, &mut run_len, run_start, end, index);
        self.characters += counts.characters;
        self.toten += counts.toten;
        counts
    }

    #[inline]
    fn end_run(
        &mut self,
        run: &mut Option<RunClass>,
        run_len: &mut usize,
        start: usize,
        end: usize,
        sentence: usize,
    ) {
        if let Some(class) = run.take() {
            self.runs.count[class as usize] += 1;
            self.runs.length[class as usize] += *run_len;
            if class == RunClass::Kanji && *run_len > self.longest_kanji_len {
                self.longest_kanji_len = *run_len;
                self.longest_kanji_run = Some((start..end, sentence));
            }
        }
        *run_len = 0;
    }

    fn scripts(&self) -> Scripts {
        let share = |count: usize| ScriptShare {
            count,
            ratio: ratio(count, self.characters),
        };
        let kanji_ratio = ratio(self.scripts[0], self.characters - self.scripts[5]);
        Scripts {
            kanji: share(self.scripts[0]),
            hiragana: share(self.scripts[1]),
            katakana: share(self.scripts[2]),
            latin: share(self.scripts[3]),
            digits: share(self.scripts[4]),
            punctuation: share(self.scripts[5]),
            symbols: share(self.scripts[6]),
            kanji_ratio,
            kanji_ratio_morioka: band(kanji_ratio, 0.20, 0.35),
            kanji_ratio_yasumoto: if kanji_ratio >= 0.405 {
                KanjiAmount::Many
            } else if kanji_ratio <= 0.299 {
                KanjiAmount::Few
            } else {
                KanjiAmount::Average
            },
        }
    }

    fn kanji_profile(&self) -> KanjiProfile {
        let total: usize = self.grades.iter().sum();
        let bands: Vec<KanjiBand> = KanjiGrade::ALL
            .iter()
            .map(|&grade| KanjiBand {
                grade,
                count: self.grades[grade as usize],
                share: ratio(self.grades[grade as usize], total),
            })
            .collect();
        let mut known = 0;
        let grade_for_95_percent = bands.iter().find_map(|band| {
            known += band.count;
            // 95% of the occurrences, in integers: known / total >= 0.95.
            (total > 0 && known * 100 >= total * 95).then_some(band.grade)
        });
        KanjiProfile {
            total,
            bands,
            grade_for_95_percent,
        }
    }
}
