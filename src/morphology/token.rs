//! One morpheme of the analyzed text, with what the dictionary says about it.

use std::ops::Range;

use super::PartOfSpeech;

// Positions of IPADIC's feature fields in a dictionary entry's details (after the surface and
// the connection ids and cost, which lindera keeps elsewhere).
const POS: usize = 0;
const POS_DETAIL1: usize = 1;
const POS_DETAIL2: usize = 2;
const POS_DETAIL3: usize = 3;
// lindera's metadata.json calls field 4 `conjugation_form` and field 5 `conjugation_type`: the
// other way round. IPADIC has the type (活用型, 五段・マ行) first, then the form (活用形).
const CONJUGATION_TYPE: usize = 4;
const CONJUGATION_FORM: usize = 5;
const BASE_FORM: usize = 6;
const READING: usize = 7;
const PRONUNCIATION: usize = 8;

/// A morpheme (形態素, keitaiso): a word or a part of one, as the analyzer cut it out of the
/// text, with its dictionary entry.
///
/// The surface borrows from the analyzed text and the other fields from the dictionary, so a
/// token costs no allocation. Fields IPADIC leaves empty (`*`) are `None`; an unknown word
/// ([`Token::is_unknown`]) has a part of speech guessed from its characters but no base form,
/// reading or pronunciation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    surface: &'a str,
    start: usize,
    /// The entry's fields joined by NUL, as lindera stores them.
    details: &'a str,
    pos: PartOfSpeech,
    entry: Entry,
}

/// Where a token's entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    /// In the dictionary, with this id.
    System(u32),
    /// In the user dictionary, with this id.
    User(u32),
    /// Nowhere: an unknown word.
    Unknown,
}

impl<'a> Token<'a> {
    pub(crate) fn new(surface: &'a str, start: usize, details: &'a str, entry: Entry) -> Self {
        let pos = PartOfSpeech::from_ipadic(details.split('\0').nth(POS).unwrap_or_default());
        Token {
            surface,
            start,
            details,
            pos,
            entry,
        }
    }

    /// The token as it is written in the text.
    pub fn surface(&self) -> &'a str {
        self.surface
    }

    /// Where the token is in the analyzed text, in bytes.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.surface.len()
    }

    /// The part of speech (品詞, hinshi).
    pub fn part_of_speech(&self) -> PartOfSpeech {
        self.pos
    }

    /// The first subdivision of the part of speech (品詞細分類1), for example `固有名詞`
    /// (proper noun) or `格助詞` (case particle); `*` when there is none, as in IPADIC.
    pub fn pos_detail1(&self) -> &'a str {
        self.field(POS_DETAIL1).unwrap_or("*")
    }

    /// The second subdivision (品詞細分類2), for example `地域` (place) under 固有名詞; `*` when
    /// there is none.
    pub fn pos_detail2(&self) -> &'a str {
        self.field(POS_DETAIL2).unwrap_or("*")
    }

    /// The third subdivision (品詞細分類3), for example `一般` under 固有名詞・地域; `*` when
    /// there is none.
    pub fn pos_detail3(&self) -> &'a str {
        self.field(POS_DETAIL3).unwrap_or("*")
    }

    /// The conjugation type (活用型, katsuyōkei), the pattern a verb, adjective or auxiliary
    /// conjugates by: `五段・マ行` for 住む, `一段` for 食べる, `特殊・マス` for ます.
    pub fn conjugation_type(&self) -> Option<&'a str> {
        self.known_field(CONJUGATION_TYPE)
    }

    /// The conjugation form (活用形, katsuyōkei) this token is in: `基本形` (the dictionary
    /// form), `連用タ接続` for 住ん in 住んで, `未然形`, ….
    pub fn conjugation_form(&self) -> Option<&'a str> {
        self.known_field(CONJUGATION_FORM)
    }

    /// The base form (基本形, kihonkei), as the word is listed: `住む` for 住ん.
    pub fn base_form(&self) -> Option<&'a str> {
        self.known_field(BASE_FORM)
    }

    /// The reading (読み, yomi) in katakana: `トウキョウ` for 東京.
    pub fn reading(&self) -> Option<&'a str> {
        self.known_field(READING)
    }

    /// The pronunciation (発音, hatsuon) in katakana, with long vowels as ー: `トーキョー`.
    pub fn pronunciation(&self) -> Option<&'a str> {
        self.known_field(PRONUNCIATION)
    }

    /// Whether the dictionary does not have this word (未知語, michigo): the analyzer made the
    /// token from a run of characters of one kind (katakana, letters, digits, kanji, …).
    pub fn is_unknown(&self) -> bool {
        self.entry == Entry::Unknown
    }

    /// Whether the word is one of the user dictionary's
    /// ([`Analyzer::with_user_dictionary`](super::Analyzer::with_user_dictionary)).
    pub fn is_user_word(&self) -> bool {
        matches!(self.entry, Entry::User(_))
    }

    /// The entry's id in the dictionary (`None` for an unknown word and for a word of the
    /// user dictionary): what `seisho_ipadic::Dictionary::unidic` takes.
    pub fn word_id(&self) -> Option<u32> {
        match self.entry {
            Entry::System(id) => Some(id),
            Entry::User(_) | Entry::Unknown => None,
        }
    }

    /// Field `index` of the entry, if the entry has that many fields.
    fn field(&self, index: usize) -> Option<&'a str> {
        self.details.split('\0').nth(index)
    }

    /// Field `index`, or `None` when it is missing or IPADIC's `*`.
    fn known_field(&self, index: usize) -> Option<&'a str> {
        self.field(index).filter(|&field| field != "*")
    }
}

impl std::fmt::Debug for Token<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("surface", &self.surface)
            .field("range", &self.range())
            .field("pos", &self.details.split('\0').take(4).collect::<Vec<_>>())
            .field("conjugation_type", &self.conjugation_type())
            .field("conjugation_form", &self.conjugation_form())
            .field("base_form", &self.base_form())
            .field("reading", &self.reading())
            .field("pronunciation", &self.pronunciation())
            .field("unknown", &self.is_unknown())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::{Entry, PartOfSpeech, Token};

    #[test]
    fn fields_of_a_conjugated_verb() {
        let details = "動詞\0自立\0*\0*\0五段・マ行\0連用タ接続\0住む\0スン\0スン";
        let token = Token::new("住ん", 9, details, Entry::System(0));
        assert_eq!(token.part_of_speech(), PartOfSpeech::Verb);
        assert_eq!(token.range(), 9..15);
        assert_eq!(
            (
                token.pos_detail1(),
                token.pos_detail2(),
                token.pos_detail3()
            ),
            ("自立", "*", "*")
        );
        assert_eq!(token.conjugation_type(), Some("五段・マ行"));
        assert_eq!(token.conjugation_form(), Some("連用タ接続"));
        assert_eq!(token.base_form(), Some("住む"));
        assert_eq!(token.reading(), Some("スン"));
        assert_eq!(token.pronunciation(), Some("スン"));
    }

    #[test]
    fn an_entry_with_fewer_fields_reads_as_empty() {
        // IPADIC's unknown-word entries stop after the base form.
        let token = Token::new("セイショ", 0, "名詞\0一般\0*\0*\0*\0*\0*", Entry::Unknown);
        assert_eq!(token.part_of_speech(), PartOfSpeech::Noun);
        assert_eq!(token.conjugation_type(), None);
        assert_eq!(token.base_form(), None);
        assert_eq!(token.reading(), None);
        assert_eq!(token.pronunciation(), None);
        assert!(token.is_unknown());

        let token = Token::new("x", 0, "", Entry::Unknown);
        assert_eq!(token.part_of_speech(), PartOfSpeech::Unknown);
        assert_eq!(token.pos_detail3(), "*");
    }
}
