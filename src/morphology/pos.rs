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
        LABELS
            .iter()
            .find(|&&(_, l)| l == label)
            .map_or(Self::Unknown, |&(pos, _)| pos)
    }

    /// IPADIC's label, in Japanese; `"未知"` for [`Self::Unknown`].
    pub fn as_ipadic(self) -> &'static str {
        LABELS
            .iter()
            .find(|&&(pos, _)| pos == self)
            .map_or("未知", |&(_, label)| label)
    }
}

/// Each part of speech IPADIC has, with its label: what [`PartOfSpeech::from_ipadic`] reads
/// and [`PartOfSpeech::as_ipadic`] writes.
const LABELS: [(PartOfSpeech, &str); 13] = [
    (PartOfSpeech::Noun, "名詞"),
    (PartOfSpeech::Verb, "動詞"),
    (PartOfSpeech::Adjective, "形容詞"),
    (PartOfSpeech::Adverb, "副詞"),
    (PartOfSpeech::Particle, "助詞"),
    (PartOfSpeech::AuxiliaryVerb, "助動詞"),
    (PartOfSpeech::Adnominal, "連体詞"),
    (PartOfSpeech::Conjunction, "接続詞"),
    (PartOfSpeech::Interjection, "感動詞"),
    (PartOfSpeech::Symbol, "記号"),
    (PartOfSpeech::Prefix, "接頭詞"),
    (PartOfSpeech::Filler, "フィラー"),
    (PartOfSpeech::Other, "その他"),
];

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
        for &(pos, _) in &super::LABELS {
            assert_eq!(PartOfSpeech::from_ipadic(pos.as_ipadic()), pos);
        }
        assert_eq!(
            PartOfSpeech::from_ipadic(PartOfSpeech::Unknown.as_ipadic()),
            PartOfSpeech::Unknown
        );
    }
}
