//! The classes of kana typo, what each injects for a katakana character, and where in the
//! clean text each can be injected.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Hiragana,
    Kanji,
    LongVowelKanji,
    LongVowelDash,
    SmallKana,
    SmallSokuonYoon,
    Halfwidth,
    Voiced,
}

pub const CLASSES: [Class; 8] = [
    Class::Hiragana,
    Class::Kanji,
    Class::LongVowelKanji,
    Class::LongVowelDash,
    Class::SmallKana,
    Class::SmallSokuonYoon,
    Class::Halfwidth,
    Class::Voiced,
];

impl Class {
    pub fn name(self) -> &'static str {
        match self {
            Class::Hiragana => "hiragana-in-katakana",
            Class::Kanji => "kanji-in-katakana",
            Class::LongVowelKanji => "long-vowel-mark ー→一",
            Class::LongVowelDash => "long-vowel-mark ー→－",
            Class::SmallKana => "small-kana",
            Class::SmallSokuonYoon => "small-kana (ッ ャ ュ ョ)",
            Class::Halfwidth => "halfwidth-kana (word)",
            Class::Voiced => "voiced-sound-mark (゛ ゜)",
        }
    }

    /// Whether the class is broken down by the character injected.
    pub fn by_char(self) -> bool {
        matches!(
            self,
            Class::Hiragana | Class::Kanji | Class::SmallKana | Class::SmallSokuonYoon
        )
    }
}

pub fn hiragana_typo(c: char) -> Option<char> {
    Some(match c {
        'ヘ' => 'へ',
        'ベ' => 'べ',
        'ペ' => 'ぺ',
        'リ' => 'り',
        _ => return None,
    })
}

pub fn kanji_typo(c: char) -> Option<char> {
    Some(match c {
        'カ' => '力',
        'エ' => '工',
        'ロ' => '口',
        'ニ' => '二',
        'ハ' => '八',
        'タ' => '夕',
        'ト' => '卜',
        'オ' => '才',
        'チ' => '千',
        'ミ' => '三',
        _ => return None,
    })
}

/// Which small vowels a loanword writes after which letters: ファ フィ フェ フォ (and ヴ), シェ
/// ジェ チェ, テュ デュ. The evaluation's own statement of the class (an oracle, not the crate's
/// table).
const SMALL_AFTER: &[(&str, &str)] = &[("フヴ", "ァィェォ"), ("シジチ", "ェ"), ("テデ", "ュ")];

/// The large kana for a small one after `prev`, where the rules write it small: ファ → フア,
/// シェ → シエ, テュ → テユ. Each of these small kana is one code point before its large form.
pub fn small_kana_typo(prev: char, c: char) -> Option<char> {
    SMALL_AFTER
        .iter()
        .any(|(letters, small)| letters.contains(prev) && small.contains(c))
        .then(|| char::from_u32(c as u32 + 1))
        .flatten()
}

/// The large kana for a small ッ ャ ュ ョ inside a katakana word (パッケージ → パツケージ,
/// キャンセル → キヤンセル), where `small_kana_typo` does not cover it: ッ between two letters,
/// ャ ュ ョ after a letter.
pub fn sokuon_yoon_typo(prev: char, c: char, next: Option<char>) -> Option<char> {
    if small_kana_typo(prev, c).is_some() || !is_katakana_letter(prev) {
        return None;
    }
    match c {
        'ッ' if next.is_some_and(is_katakana_letter) => Some('ツ'),
        'ャ' => Some('ヤ'),
        'ュ' => Some('ユ'),
        'ョ' => Some('ヨ'),
        _ => None,
    }
}

fn is_katakana_letter(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}')
}

/// A voiced or semi-voiced katakana written as its base and a spacing mark: ガ → カ゛.
pub fn voiced_typo(c: char) -> Option<String> {
    let mut d = std::iter::once(c).nfd();
    let (base, mark) = (d.next()?, d.next()?);
    let spacing = match mark {
        '\u{3099}' => '゛',
        '\u{309A}' => '゜',
        _ => return None,
    };
    (d.next().is_none() && base != c).then(|| format!("{base}{spacing}"))
}

/// Full-width katakana to half-width (with ﾞ ﾟ for voiced ones), from the NFKC mapping of the
/// half-width block.
pub struct Halfwidth(BTreeMap<char, String>);

impl Halfwidth {
    pub fn new() -> Self {
        let mut map = BTreeMap::new();
        for h in '\u{FF66}'..='\u{FF9D}' {
            let full: String = std::iter::once(h).nfkc().collect();
            let mut it = full.chars();
            if let (Some(f), None) = (it.next(), it.next()) {
                map.insert(f, h.to_string());
            }
        }
        let bases: Vec<(char, String)> = map.iter().map(|(k, v)| (*k, v.clone())).collect();
        for (full, half) in bases {
            for (mark, half_mark) in [('\u{3099}', 'ﾞ'), ('\u{309A}', 'ﾟ')] {
                let composed: String = [full, mark].into_iter().nfc().collect();
                let mut it = composed.chars();
                if let (Some(c), None) = (it.next(), it.next()) {
                    map.entry(c).or_insert_with(|| format!("{half}{half_mark}"));
                }
            }
        }
        Halfwidth(map)
    }

    pub fn of(&self, c: char) -> Option<&str> {
        self.0.get(&c).map(String::as_str)
    }
}

fn is_word_char(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// Where the typo is in its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    Start,
    Middle,
    End,
    Word,
}

impl Place {
    pub fn name(self) -> &'static str {
        match self {
            Place::Start => "word start",
            Place::Middle => "inside",
            Place::End => "word end",
            Place::Word => "whole word",
        }
    }
}

/// An eligible position: the character (or, for `Halfwidth`, the word) at `at` of line `line`.
#[derive(Debug, Clone, Copy)]
pub struct Site {
    pub line: usize,
    pub word: (usize, usize),
    pub at: (usize, usize),
    pub place: Place,
}

pub fn find_sites(lines: &[String], half: &Halfwidth) -> BTreeMap<Class, Vec<Site>> {
    let mut sites: BTreeMap<Class, Vec<Site>> = CLASSES.iter().map(|&c| (c, Vec::new())).collect();
    let mut chars: Vec<(usize, char)> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        let mut it = line.char_indices().peekable();
        while let Some(&(start, c)) = it.peek() {
            if !is_word_char(c) {
                it.next();
                continue;
            }
            chars.clear();
            while let Some(&(i, c)) = it.peek() {
                if !is_word_char(c) {
                    break;
                }
                chars.push((i, c));
                it.next();
            }
            if chars.len() < 3 {
                continue;
            }
            let end = chars.last().map_or(start, |&(i, c)| i + c.len_utf8());
            let n = chars.len();
            let site = |k: usize| {
                let (i, c) = chars[k];
                Site {
                    line: li,
                    word: (start, end),
                    at: (i, i + c.len_utf8()),
                    place: match k {
                        0 => Place::Start,
                        k if k + 1 == n => Place::End,
                        _ => Place::Middle,
                    },
                }
            };
            for k in 0..n {
                let c = chars[k].1;
                let mut add = |class: Class| sites.get_mut(&class).unwrap().push(site(k));
                if hiragana_typo(c).is_some() {
                    add(Class::Hiragana);
                }
                if kanji_typo(c).is_some() {
                    add(Class::Kanji);
                }
                if c == 'ー'
                    && k > 0
                    && k + 1 < n
                    && chars[k - 1].1 != 'ー'
                    && chars[k + 1].1 != 'ー'
                {
                    add(Class::LongVowelKanji);
                    add(Class::LongVowelDash);
                }
                if k > 0 && small_kana_typo(chars[k - 1].1, c).is_some() {
                    add(Class::SmallKana);
                }
                let next = chars.get(k + 1).map(|&(_, c)| c);
                if k > 0 && sokuon_yoon_typo(chars[k - 1].1, c, next).is_some() {
                    add(Class::SmallSokuonYoon);
                }
                if voiced_typo(c).is_some() {
                    add(Class::Voiced);
                }
            }
            if chars.iter().all(|&(_, c)| half.of(c).is_some()) {
                sites.get_mut(&Class::Halfwidth).unwrap().push(Site {
                    line: li,
                    word: (start, end),
                    at: (start, end),
                    place: Place::Word,
                });
            }
        }
    }
    sites
}
