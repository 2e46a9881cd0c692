//! The normalizer's rules: their ids, documentation and fix safety.

use core::fmt;
use core::str::FromStr;

use crate::lint::registry::{page, RuleInfo};
use crate::lint::{OptionDefault, RuleOption, Severity};
use crate::Lang;

/// Whether a fix can be applied without a person looking at it.
///
/// A safe fix never changes what the text means. An unsafe fix (a suggestion) is right most of
/// the time but could be wrong: [`crate::normalize`] returns it without applying it, and
/// [`crate::NormalizerBuilder::unsafe_fixes`] applies it too.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Safety {
    /// Applied by default.
    Safe,
    /// A suggestion: applied only when unsafe fixes are asked for.
    Unsafe,
}

impl Safety {
    /// `true` for [`Safety::Safe`].
    pub fn is_safe(self) -> bool {
        self == Safety::Safe
    }
}

macro_rules! rules {
    ($( $variant:ident = $id:literal, $page:literal, default_on = $on:literal,
        $(aliases = [$($alias:literal),*],)? $(options = $options:expr,)?
        summary = $summary:literal, name_ja = $name_ja:literal, summary_ja = $summary_ja:literal; )*) => {
        /// A normalizer rule. Each has a kebab-case id (the one the linter shows and the
        /// configuration names) and a documentation page ([`Rule::doc`]) that says what it does,
        /// why, an example, and whether its fix is safe.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $( #[doc = concat!($summary, "\n\n", include_str!(concat!("normalize/rules/", $page, ".md")))] $variant, )*
        }

        /// The declarations, in the order of [`Rule::ALL`].
        const INFO: &[RuleInfo] = &[$(RuleInfo {
            id: $id,
            aliases: &[$($($alias),*)?],
            summary: $summary,
            name_ja: $name_ja,
            summary_ja: $summary_ja,
            doc: page!($summary, concat!("normalize/rules/", $page), ".md"),
            doc_ja: page!($summary_ja, concat!("normalize/rules/", $page), ".ja.md"),
            // A suggestion (an unsafe fix) is reported as a warning at most.
            severity: Severity::Error,
            default_on: $on,
            options: rules!(@options $($options)?),
        }),*];

        impl Rule {
            /// Every rule, in a stable order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];
        }
    };
    (@options) => { &[] };
    (@options $options:expr) => { $options };
}

impl Rule {
    /// What the rule declares: id, summary, page, default, options, aliases.
    pub(crate) const fn info(self) -> &'static RuleInfo {
        &INFO[self as usize]
    }

    /// The kebab-case id, e.g. `"fullwidth-ascii"`.
    pub const fn id(self) -> &'static str {
        self.info().id
    }

    /// The rule's documentation in Markdown: what it does, why, an example, fix safety.
    /// Its first line is [`Rule::summary`].
    ///
    /// Empty without the `docs` feature (on by default), which builds that leave the
    /// pages out turn off: the WebAssembly package does.
    pub const fn doc(self) -> &'static str {
        self.info().doc
    }

    /// One line saying what the rule changes: the first line of [`Rule::doc`].
    pub const fn summary(self) -> &'static str {
        self.info().summary
    }

    /// Its name in Japanese (`全角英数字` for `fullwidth-ascii`), shown beside the id.
    pub const fn name_ja(self) -> &'static str {
        self.info().name_ja
    }

    /// [`Rule::summary`] in `lang`.
    pub fn summary_in(self, lang: Lang) -> &'static str {
        self.info().summary_in(lang)
    }

    /// [`Rule::doc`] in `lang`.
    pub fn doc_in(self, lang: Lang) -> &'static str {
        self.info().doc_in(lang)
    }

    /// Whether this names a preset, not a rule of [`Normalizer`](crate::Normalizer): the edits
    /// of [`neologdn::Neologdn`](crate::neologdn::Neologdn) are [`Rule::Neologdn`]'s. A preset
    /// cannot be turned on in a normalizer or a linter, and is not one of the linter's rules.
    pub const fn is_preset(self) -> bool {
        matches!(self, Rule::Neologdn)
    }

    /// Whether the default normalizer runs this rule.
    pub const fn is_default(self) -> bool {
        self.info().default_on
    }

    /// The rule with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }

    pub(crate) const fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// `wave-dash`'s option: which form to write (a Shift_JIS file can hold ～ but not 〜).
const WAVE_DASH_OPTIONS: &[RuleOption] = &[RuleOption {
    name: "style",
    default: OptionDefault::Choice {
        default: "wave-dash",
        choices: &["wave-dash", "fullwidth-tilde"],
    },
    summary: "The form to write: wave-dash (〜 U+301C) or fullwidth-tilde (～ U+FF5E).",
    summary_ja: "書く形：`wave-dash`（〜 U+301C）または `fullwidth-tilde`（～ U+FF5E）。",
}];

/// `compatibility`'s option: the classes of compatibility characters to write as NFKC.
const COMPATIBILITY_OPTIONS: &[RuleOption] = &[RuleOption {
    name: "classes",
    default: OptionDefault::Subset {
        default: &[],
        choices: &[
            "enclosed",
            "squared",
            "superscript",
            "number-form",
            "letterlike",
            "ideograph",
            "ligature",
        ],
    },
    summary: "The classes of compatibility characters to write as NFKC (as `seisho fmt --compat` names them).",
    summary_ja: "NFKC で書き換える互換文字の種類（`seisho fmt --compat` と同じ名前）。",
}];

rules! {
    FullwidthAscii = "fullwidth-ascii", "fullwidth_ascii", default_on = true,
        summary = "Full-width ASCII letters, digits and symbols to ASCII.", name_ja = "全角英数字",
        summary_ja = "全角の英字・数字・記号をASCIIにします。";
    HalfwidthKana = "halfwidth-kana", "halfwidth_kana", default_on = true,
        aliases = ["no-hankaku-kana"],
        summary = "Half-width katakana and punctuation to full width.", name_ja = "半角カナ",
        summary_ja = "半角カタカナと半角の約物を全角にします。";
    VoicedSoundMark = "voiced-sound-mark", "voiced_sound_mark", default_on = true,
        summary = "Voiced sound marks composed with their kana.", name_ja = "分離した濁点",
        summary_ja = "濁点・半濁点を前の仮名と合成して1文字にします。";
    LongVowelMark = "long-vowel-mark", "long_vowel_mark", default_on = true,
        summary = "Dashes and the kanji 一 used for the long vowel mark ー inside katakana words.", name_ja = "長音符の誤り",
        summary_ja = "カタカナ語の中で長音符「ー」の代わりに使われたダッシュや漢字の「一」を「ー」にします。";
    HiraganaInKatakana = "hiragana-in-katakana", "hiragana_in_katakana", default_on = true,
        summary = "Hiragana へ べ ぺ り typed inside a katakana word.", name_ja = "カタカナ中のひらがな",
        summary_ja = "カタカナ語の中に入力されたひらがなの「へ べ ぺ り」をカタカナにします。";
    KanjiInKatakana = "kanji-in-katakana", "kanji_in_katakana", default_on = true,
        summary = "Kanji that look like katakana, typed inside a katakana word.", name_ja = "カタカナ中の漢字",
        summary_ja = "カタカナ語の中に入力された、カタカナに似た漢字をカタカナにします。";
    SmallKana = "small-kana", "small_kana", default_on = true,
        summary = "A large kana where a loanword needs a small one.", name_ja = "小書き仮名",
        summary_ja = "外来語で小書きにすべきところに書かれた大きい仮名を小書きにします。";
    DuplicatedPunctuation = "duplicated-punctuation", "duplicated_punctuation", default_on = true,
        summary = "Repeated 、 。 ， ．.", name_ja = "句読点の重複",
        summary_ja = "重複した「、」「。」「，」「．」を一つにします。";
    Leader = "leader", "leader", default_on = false,
        summary = "・・・ and ... in Japanese text written as …….", name_ja = "三点リーダー",
        summary_ja = "日本語の文の中の「・・・」や「...」を「……」にします。";
    WaveDash = "wave-dash", "wave_dash", default_on = true, options = WAVE_DASH_OPTIONS,
        summary = "〜 and ～ unified to one form.", name_ja = "波ダッシュ",
        summary_ja = "「〜」と「～」を一方の形にそろえます。";
    InvisibleCharacter = "invisible-character", "invisible_character", default_on = true,
        aliases = ["no-invalid-control-character", "no-zero-width-spaces"],
        summary = "Zero-width characters, stray byte order marks and control characters.", name_ja = "不可視文字",
        summary_ja = "ゼロ幅文字、余分なバイトオーダーマーク、制御文字を取り除きます。";
    IdeographicSpace = "ideographic-space", "ideographic_space", default_on = false,
        summary = "The ideographic space U+3000 to an ASCII space.", name_ja = "全角スペース",
        summary_ja = "全角スペース（U+3000）を半角スペースにします。";
    KangxiRadical = "kangxi-radical", "kangxi_radical", default_on = true,
        summary = "Kangxi radicals and CJK radical supplement characters that stand for ordinary kanji.", name_ja = "康煕部首",
        summary_ja = "通常の漢字の代わりに使われた康煕部首やCJK部首補助の文字を、通常の漢字にします。";
    Compatibility = "compatibility", "compatibility", default_on = false,
        options = COMPATIBILITY_OPTIONS,
        summary = "NFKC for chosen classes of compatibility characters.", name_ja = "互換文字",
        summary_ja = "指定した種類の互換文字にNFKCを適用します。";
    HiraganaLoanword = "hiragana-loanword", "hiragana_loanword", default_on = true,
        summary = "A loanword spelled in hiragana, suggested in katakana.", name_ja = "ひらがなの外来語",
        summary_ja = "ひらがなで書かれた外来語を、カタカナにするよう提案します。";
    Neologdn = "neologdn", "neologdn", default_on = false,
        summary = "neologdn 0.5.6's normalization, as the `neologdn` preset (not a rule to turn on).", name_ja = "neologdn互換",
        summary_ja = "neologdn 0.5.6の正規化を`neologdn`プリセットとして行います（有効にするルールではありません）。";
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The error of parsing an unknown rule id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule {
    id: String,
}

impl UnknownRule {
    /// The id that names no rule.
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule `{}`", self.id)
    }
}

impl std::error::Error for UnknownRule {}

impl FromStr for Rule {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::from_id(s).ok_or_else(|| UnknownRule { id: s.to_owned() })
    }
}

impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> serde::Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Rule::from_id(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown rule `{id}`")))
    }
}

/// A set of rules, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct RuleSet(u32);

impl RuleSet {
    pub(crate) fn defaults() -> Self {
        RuleSet(
            Rule::ALL
                .iter()
                .filter(|r| r.is_default())
                .fold(0, |b, r| b | r.bit()),
        )
    }

    pub(crate) fn empty() -> Self {
        RuleSet(0)
    }

    pub(crate) fn contains(self, rule: Rule) -> bool {
        self.0 & rule.bit() != 0
    }

    pub(crate) fn set(&mut self, rule: Rule, on: bool) {
        if on {
            self.0 |= rule.bit();
        } else {
            self.0 &= !rule.bit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_kebab_case() {
        for &rule in Rule::ALL {
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
            assert!(
                rule.id()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{rule}"
            );
            #[cfg(feature = "docs")]
            for section in ["## What it does", "## Why", "## Example", "## Fix safety"] {
                assert!(rule.doc().contains(section), "{rule} doc lacks {section}");
            }
            if cfg!(feature = "docs") {
                assert_eq!(rule.doc().lines().next(), Some(rule.summary()), "{rule}");
            } else {
                assert_eq!(rule.doc(), "", "{rule}");
            }
        }
        assert_eq!("nope".parse::<Rule>().unwrap_err().id(), "nope");
    }
}
