//! The readability report: what the scorer found, as plain serializable values.
//!
//! Field names are part of the API: the JSON form (`seisho score --format json`) is described
//! by `docs/report.schema.json` and a test keeps the two in step.

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use super::stats::Summary;
use crate::text::kanji::KanjiGrade;

/// What the scorer found in a text: sentence lengths, script ratios, the kanji grade profile
/// and the reading difficulty by two published formulas.
///
/// Character counts never include whitespace. Fields that need the morphological analyzer are
/// `None` without it, and [`Report::needs_analyzer`] names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// Characters that are not whitespace.
    pub characters: usize,
    /// Paragraphs: runs of lines separated by blank lines.
    pub paragraphs: usize,
    /// How long the sentences are.
    pub sentence_length: SentenceLength,
    /// How much of the text each writing system makes up, and the kanji ratio.
    pub scripts: Scripts,
    /// 読点 (tōten, the Japanese comma: 、 or ，) per sentence.
    pub toten: Toten,
    /// The longest run of consecutive kanji, if there is a kanji.
    pub longest_kanji_run: Option<KanjiRun>,
    /// The school grade of the kanji used.
    pub kanji_grades: KanjiProfile,
    /// Tateishi, Ono and Yamada's (1988) readability score RS′, from characters only; `None`
    /// for a text with no sentence.
    pub tateishi: Option<Tateishi>,
    /// Lee and Hasebe's jReadability score; `None` without the analyzer or for a text with no
    /// word.
    pub jreadability: Option<JReadability>,
    /// Whether the text was cut into words by the morphological analyzer.
    pub analyzed: bool,
    /// The fields left out because there was no analyzer (`sentence_length.words`,
    /// `jreadability`, `sentences[].words`); empty when the text was analyzed.
    pub needs_analyzer: Vec<String>,
    /// Each sentence, in order.
    pub sentences: Vec<SentenceReport>,
}

/// The length of the sentences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SentenceLength {
    /// The number of sentences.
    pub count: usize,
    /// Length in characters, whitespace not counted.
    pub characters: Summary,
    /// Length in words (morphemes, punctuation not counted); needs the analyzer.
    pub words: Option<Summary>,
    /// Sentences longer than this many characters are counted in `long`.
    pub long_threshold: usize,
    /// How many sentences are longer than `long_threshold` characters.
    pub long: usize,
    /// The mean length in Morioka's (1958) bands: 35 characters or fewer easy, 60 or more
    /// hard.
    pub morioka: Difficulty,
}

/// A three-step band of a classic readability guideline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Difficulty {
    /// Easy to read.
    Easy,
    /// Between the bands.
    Medium,
    /// Hard to read.
    Hard,
}

/// Yasumoto's (1983) bands for the kanji ratio of modern writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum KanjiAmount {
    /// 29.9% or less.
    Few,
    /// Between 29.9% and 40.5%.
    Average,
    /// 40.5% or more.
    Many,
}

/// Counts of characters per writing system and the kanji ratio.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Scripts {
    /// 漢字, with the iteration marks 々 and 〆.
    pub kanji: ScriptShare,
    /// ひらがな.
    pub hiragana: ScriptShare,
    /// カタカナ, full and half width; the long vowel mark ー counts with the kana before it.
    pub katakana: ScriptShare,
    /// Latin letters, ASCII and full width.
    pub latin: ScriptShare,
    /// Digits, ASCII and full width.
    pub digits: ScriptShare,
    /// Punctuation: 。、・, brackets, quotes, dashes and their ASCII forms.
    pub punctuation: ScriptShare,
    /// Everything else: symbols such as ％ and ①, other scripts, emoji.
    pub symbols: ScriptShare,
    /// The kanji ratio (漢字含有率): kanji over all characters that are neither whitespace nor
    /// punctuation, from 0 to 1.
    pub kanji_ratio: f64,
    /// The kanji ratio in Morioka's (1958) bands: 20% or less easy, 35% or more hard.
    pub kanji_ratio_morioka: Difficulty,
    /// The kanji ratio in Yasumoto's (1983) bands.
    pub kanji_ratio_yasumoto: KanjiAmount,
}

/// How many characters of one writing system a text has.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScriptShare {
    /// Characters of this writing system.
    pub count: usize,
    /// Their share of all characters that are not whitespace, from 0 to 1.
    pub ratio: f64,
}

/// 読点 (tōten) per sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Toten {
    /// 、 and ， in the whole text.
    pub total: usize,
    /// Their mean number per sentence.
    pub per_sentence: f64,
    /// The most in one sentence.
    pub max: usize,
}

/// A run of consecutive kanji.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KanjiRun {
    /// The run as written (a line break inside it is kept).
    pub text: String,
    /// Its length in kanji.
    pub length: usize,
    /// Where it is in the text, in bytes.
    pub range: Range<usize>,
    /// The sentence it is in, counted from 0.
    pub sentence: usize,
}

/// Which school grade the kanji of a text are taught in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KanjiProfile {
    /// Kanji in the text (occurrences; the iteration marks 々 and 〆 are not counted).
    pub total: usize,
    /// Occurrences per band, in the order grade 1 to 6, other 常用 (jōyō), 人名用 (jinmeiyō),
    /// 表外 (hyōgai): every band, even when its count is 0.
    pub bands: Vec<KanjiBand>,
    /// The first band by which a reader knows 95% of the kanji occurrences, reading the
    /// bands in order; `None` when there is no kanji.
    pub grade_for_95_percent: Option<KanjiGrade>,
}

/// The kanji occurrences of one band.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KanjiBand {
    /// The band.
    pub grade: KanjiGrade,
    /// Kanji occurrences in it.
    pub count: usize,
    /// Their share of all kanji occurrences, from 0 to 1.
    pub share: f64,
}

/// Tateishi, Ono and Yamada's (1988) readability score RS′ and its variables.
///
/// RS′ = −0.12·ls − 1.37·la + 7.4·lh − 23.18·lc − 5.4·lk − 4.67·cp + 115.79; higher is
/// easier (about 50 is average newspaper prose).
///
/// Runs are maximal strings of one of four classes: alphabet (Latin letters), hiragana,
/// kanji (with 々 and 〆) and katakana. The long vowel mark ー continues the kana run before
/// it; digits, symbols, punctuation and spaces end a run and belong to none. A line break
/// inside a sentence does not end a run (hard-wrapped text).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tateishi {
    /// RS′.
    pub score: f64,
    /// ls: the mean sentence length in characters, whitespace not counted.
    pub ls: f64,
    /// la: the mean length of alphabet runs (0 without any).
    pub la: f64,
    /// lh: the mean length of hiragana runs.
    pub lh: f64,
    /// lc: the mean length of kanji runs.
    pub lc: f64,
    /// lk: the mean length of katakana runs.
    pub lk: f64,
    /// cp: 読点 (、，) per 句点, counting one 句点 per sentence (a sentence that ends with ！,
    /// ？ or no mark at all has one too).
    pub cp: f64,
    /// The number of runs of each class: alphabet, hiragana, kanji, katakana.
    pub runs: [usize; 4],
}

/// Lee and Hasebe's jReadability score and its variables.
///
/// X = mean sentence length in words × −0.056 + 漢語% × −0.126 + 和語% × −0.042 + 動詞% ×
/// −0.145 + 助詞% × −0.044 + 11.724; higher is easier.
///
/// Counted as the reference implementation (PyPI `jreadability` 1.1.5) counts: words are
/// UniDic's short units, punctuation included, and percentages are of all words; a sentence
/// ends after each 。 ？ ！ ． (inside quotes too, not at a line break; in a Markdown document
/// each block ends one too). Verbs that UniDic marks 非自立可能 (する, いる, ある, なる, できる
/// and about fifty more that also serve as auxiliaries) are not counted as verbs. seisho
/// analyses with IPADIC: for every entry that does not conjugate, a table generated from
/// UniDic 2.1.2 gives its short units, their 語種 and parts of speech; for the others (verbs,
/// adjectives, auxiliaries) and unknown words the origin is estimated from the writing and
/// reading (see [`WordOrigin`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JReadability {
    /// X.
    pub score: f64,
    /// The level X falls in; below 0.5 counts as 上級後半 and from 6.5 as 初級前半.
    pub level: JReadabilityLevel,
    /// Words (UniDic's short units, punctuation included).
    pub words: usize,
    /// Sentences as jReadability counts them (see above; not `sentence_length.count`).
    pub sentences: usize,
    /// Words per sentence.
    pub mean_sentence_words: f64,
    /// 漢語 (kango, words of Chinese origin) as a percentage of all words.
    pub kango_percent: f64,
    /// 和語 (wago, native words).
    pub wago_percent: f64,
    /// Verbs (動詞), not counting the 非自立可能 ones.
    pub verb_percent: f64,
    /// Particles (助詞).
    pub particle_percent: f64,
    /// 外来語 (gairaigo, loanwords); not in the formula.
    pub gairaigo_percent: f64,
    /// 混種語 (konshugo, words of mixed origin); not in the formula.
    pub konshu_percent: f64,
}

/// The six levels of jReadability, from hardest to easiest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum JReadabilityLevel {
    /// 上級後半, X in [0.5, 1.5).
    UpperAdvanced,
    /// 上級前半, [1.5, 2.5).
    LowerAdvanced,
    /// 中級後半, [2.5, 3.5).
    UpperIntermediate,
    /// 中級前半, [3.5, 4.5).
    LowerIntermediate,
    /// 初級後半, [4.5, 5.5).
    UpperElementary,
    /// 初級前半, [5.5, 6.5).
    LowerElementary,
}

impl JReadabilityLevel {
    /// Every level, hardest first.
    pub const ALL: [JReadabilityLevel; 6] = [
        JReadabilityLevel::UpperAdvanced,
        JReadabilityLevel::LowerAdvanced,
        JReadabilityLevel::UpperIntermediate,
        JReadabilityLevel::LowerIntermediate,
        JReadabilityLevel::UpperElementary,
        JReadabilityLevel::LowerElementary,
    ];

    /// The level of score `x`.
    ///
    /// ```
    /// use seisho::score::JReadabilityLevel;
    /// assert_eq!(JReadabilityLevel::of(3.98), JReadabilityLevel::LowerIntermediate);
    /// assert_eq!(JReadabilityLevel::of(-2.0), JReadabilityLevel::UpperAdvanced);
    /// ```
    pub fn of(x: f64) -> JReadabilityLevel {
        let index = (x - 0.5).floor().clamp(0.0, 5.0) as usize;
        JReadabilityLevel::ALL[index]
    }

    /// The level's name in Japanese: `上級後半` … `初級前半`.
    pub fn label(self) -> &'static str {
        match self {
            JReadabilityLevel::UpperAdvanced => "上級後半",
            JReadabilityLevel::LowerAdvanced => "上級前半",
            JReadabilityLevel::UpperIntermediate => "中級後半",
            JReadabilityLevel::LowerIntermediate => "中級前半",
            JReadabilityLevel::UpperElementary => "初級後半",
            JReadabilityLevel::LowerElementary => "初級前半",
        }
    }

    /// The level's name in English, as `jreadability` gives it: `upper-advanced` …
    /// `lower-elementary`.
    pub fn id(self) -> &'static str {
        match self {
            JReadabilityLevel::UpperAdvanced => "upper-advanced",
            JReadabilityLevel::LowerAdvanced => "lower-advanced",
            JReadabilityLevel::UpperIntermediate => "upper-intermediate",
            JReadabilityLevel::LowerIntermediate => "lower-intermediate",
            JReadabilityLevel::UpperElementary => "upper-elementary",
            JReadabilityLevel::LowerElementary => "lower-elementary",
        }
    }
}

/// The word origin (語種, goshu) seisho estimates for a word, as jReadability needs it.
///
/// IPADIC does not record it, so it is estimated from the writing and the reading:
/// - a word in katakana is 外来語 (gairaigo, a loanword);
/// - a word in hiragana is 和語 (wago, native), but for the few usually written in hiragana
///   that UniDic gives Chinese or mixed origin (よう 様, ほう 方, もちろん 勿論, ござる);
/// - a word with kanji is aligned with its reading: when every kanji reads as one of its
///   on'yomi (音読み, from KANJIDIC2; allowing for 促音 ッ and 連濁 voicing, as in 学校
///   ガッコウ and 発表 ハッピョウ) it is 漢語 (kango), when none does it is 和語, and when some do
///   or a verb or adjective adds kana to on'yomi kanji (対する, 感じる) it is 混種語
///   (konshugo);
/// - proper nouns, numbers in digits, words in Latin letters and symbols have none, as in
///   UniDic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum WordOrigin {
    /// 和語, a native word.
    Wago,
    /// 漢語, a word of Chinese origin.
    Kango,
    /// 外来語, a loanword.
    Gairaigo,
    /// 混種語, a word of mixed origin.
    Konshu,
    /// None of them: a proper noun, a number in digits, a word in Latin letters, a symbol.
    Other,
}

/// One sentence of the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SentenceReport {
    /// Where the sentence is, in bytes of the input.
    pub range: Range<usize>,
    /// The paragraph it belongs to, counted from 0.
    pub paragraph: usize,
    /// Characters, whitespace not counted.
    pub characters: usize,
    /// Words (morphemes, punctuation not counted); `None` without the analyzer.
    pub words: Option<usize>,
    /// 読点 in it.
    pub toten: usize,
    /// Kanji over characters that are neither whitespace nor punctuation, from 0 to 1.
    pub kanji_ratio: f64,
}
