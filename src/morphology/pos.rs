//! The top level of IPADIC's part-of-speech hierarchy.

use std::fmt;

/// A word's part of speech (品詞, hinshi): the first level of IPADIC's four-level hierarchy.
///
/// The finer levels are [`Token::pos_detail1`](super::Token::pos_detail1) to
/// [`pos_detail3`](super::Token::pos_detail3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PartOfSpeech {
    /// 名詞 (meishi), a noun; IPADIC also files numbers, pronouns and suffixes such as 的 here.
    Noun,
    /// 動詞 (dōshi), a verb.
    Verb,
    /// 形容詞 (keiyōshi), an i-adjective such as 高い.
    Adjective,
    /// 副詞 (fukushi), an adverb.
    Adverb,
    /// 助詞 (joshi), a particle such as は, を, に.
    Particle,
    /// 助動詞 (jodōshi), an auxiliary verb such as ます, た, ない.
    AuxiliaryVerb,
    /// 連体詞 (rentaishi), an adnominal such as この, 大きな.
    Adnominal,
    /// 接続詞 (setsuzokushi), a conjunction such as しかし.
    Conjunction,
    /// 感動詞 (kandōshi), an interjection such as はい, ああ.
    Interjection,
    /// 記号 (kigō), a symbol: punctuation, brackets, letters of other scripts.
    Symbol,
    /// 接頭詞 (settōshi), a prefix such as お in お茶.
    Prefix,
    /// フィラー (firā), a filler such as えーと.
    Filler,
    /// その他 (sonota), IPADIC's "other" (間投 interjectory particles such as よ, ね).
    Other,
    /// A label IPADIC does not have (a token from another dictionary).
    Unknown,
}

impl PartOfSpeech {
    /// Reads IPADIC's label (`"名詞"`, `"助動詞"`, …); any other label is [`Self::Unknown`].
    ///
    /// ```
    /// use seisho::morphology::PartOfSpeech;
    /// assert_eq!(PartOfSpeech::from_ipadic("助動詞"), PartOfSpeech::AuxiliaryVerb);
    /// assert_eq!(PartOfSpeech::from_ipadic("NOUN"), PartOfSpeech::Unknown);
    /// ```
    pub fn from_ipadic(label: &str) -> Self {
        match label {
            "名詞" => Self::Noun,
            "動詞" => Self::Verb,
            "形容詞" => Self::Adjective,
            "副詞" => Self::Adverb,
            "助詞" => Self::Particle,
            "助動詞" => Self::AuxiliaryVerb,
            "連体詞" => Self::Adnominal,
            "接続詞" => Self::Conjunction,
            "感動詞" => Self::Interjection,
            "記号" => Self::Symbol,
            "接頭詞" => Self::Prefix,
            "フィラー" => Self::Filler,
            "その他" => Self::Other,
            _ => Self::Unknown,
        }
    }

    /// IPADIC's label, in Japanese; `"未知"` for [`Self::Unknown`].
    pub fn as_ipadic(self) -> &'static str {
        match self {
            Self::Noun => "名詞",
            Self::Verb => "動詞",
            Self::Adjective => "形容詞",
            Self::Adverb => "副詞",
            Self::Particle => "助詞",
            Self::AuxiliaryVerb => "助動詞",
            Self::Adnominal => "連体詞",
            Self::Conjunction => "接続詞",
            Self::Interjection => "感動詞",
            Self::Symbol => "記号",
            Self::Prefix => "接頭詞",
            Self::Filler => "フィラー",
            Self::Other => "その他",
            Self::Unknown => "未知",
        }
    }
}

/// IPADIC's label, as [`PartOfSpeech::as_ipadic`].
impl fmt::Display for PartOfSpeech {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_ipadic())
    }
}

#[cfg(test)]
mod tests {
    use super::PartOfSpeech;

    #[test]
    fn labels_round_trip() {
        for pos in [
            PartOfSpeech::Noun,
            PartOfSpeech::Verb,
            PartOfSpeech::Adjective,
            PartOfSpeech::Adverb,
            PartOfSpeech::Particle,
            PartOfSpeech::AuxiliaryVerb,
            PartOfSpeech::Adnominal,
            PartOfSpeech::Conjunction,
            PartOfSpeech::Interjection,
            PartOfSpeech::Symbol,
            PartOfSpeech::Prefix,
            PartOfSpeech::Filler,
            PartOfSpeech::Other,
        ] {
            assert_eq!(PartOfSpeech::from_ipadic(pos.as_ipadic()), pos);
        }
        assert_eq!(
            PartOfSpeech::from_ipadic(PartOfSpeech::Unknown.as_ipadic()),
            PartOfSpeech::Unknown
        );
    }
}
