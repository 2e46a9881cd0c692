//! Which writing system (文字種, mojishu) each character belongs to, as the scorer counts them.

use super::class::{is_invisible, is_kanji};

/// The writing system of a character, for the script ratios and the runs of Tateishi's formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Script {
    /// 漢字, including the iteration marks 々 and 〆.
    Kanji,
    /// ひらがな, including ゝ and ゞ.
    Hiragana,
    /// カタカナ, full and half width, including ヽ, ヾ and the small katakana of Ainu.
    Katakana,
    /// The long vowel mark ー: it takes the script of the kana before it.
    LongVowel,
    /// Latin letters, ASCII and full width, and accented Latin letters.
    Latin,
    /// Digits 0–9, ASCII and full width.
    Digit,
    /// Punctuation: 。、・「」 and the other brackets, quotes and stops, ASCII and full width.
    Punctuation,
    /// Whitespace: not counted.
    Space,
    /// Invisible characters (controls, zero-width characters, the soft hyphen, bidirectional
    /// controls): not counted, and not a break in a run of one script either (a reader does
    /// not see them).
    Invisible,
    /// Anything else: symbols, other scripts, emoji.
    Other,
}

/// [`Script::classify`] of U+0000 to U+007F.
static ASCII: [Script; 0x80] = table(0);
/// [`Script::classify`] of U+3000 to U+30FF: punctuation, hiragana and katakana.
static KANA: [Script; 0x100] = table(0x3000);

const fn table<const N: usize>(start: u32) -> [Script; N] {
    let mut out = [Script::Other; N];
    let mut i = 0;
    while i < N {
        if let Some(c) = char::from_u32(start + i as u32) {
            out[i] = Script::classify(c);
        }
        i += 1;
    }
    out
}

impl Script {
    /// The script of `c`: by table for ASCII, kana and CJK punctuation, by range for the
    /// unified ideographs, and by [`Script::classify`] for the rest.
    #[inline]
    pub(crate) fn of(c: char) -> Script {
        let u = c as u32;
        if u < 0x80 {
            ASCII[u as usize]
        } else if (0x3000..=0x30FF).contains(&u) {
            KANA[(u - 0x3000) as usize]
        } else if (0x4E00..=0x9FFF).contains(&u) {
            Script::Kanji
        } else {
            Script::classify(c)
        }
    }

    const fn classify(c: char) -> Script {
        let u = c as u32;
        if u < 0x80 {
            return match c {
                'a'..='z' | 'A'..='Z' => Script::Latin,
                '0'..='9' => Script::Digit,
                ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' => Script::Space,
                '!' | '"' | '\'' | '(' | ')' | ',' | '-' | '.' | ':' | ';' | '?' | '[' | ']'
                | '{' | '}' | '`' => Script::Punctuation,
                _ if is_invisible(c) => Script::Invisible,
                _ => Script::Other,
            };
        }
        if is_invisible(c) {
            return Script::Invisible;
        }
        match u {
            0x3041..=0x309F => match c {
                '゛' | '゜' => Script::Other,
                _ => Script::Hiragana,
            },
            0x30FC => Script::LongVowel,
            0x30FB => Script::Punctuation,
            0x30A1..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF6F | 0xFF71..=0xFF9D => {
                Script::Katakana
            }
            0xFF70 => Script::LongVowel,
            0xFF9E | 0xFF9F => Script::Other,
            0x3000 => Script::Space,
            0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0x30A0 | 0xFF61..=0xFF65 => {
                Script::Punctuation
            }
            0xFF10..=0xFF19 => Script::Digit,
            0xFF21..=0xFF3A | 0xFF41..=0xFF5A => Script::Latin,
            0xFF01..=0xFF5E => match c {
                '！' | '＂' | '＇' | '（' | '）' | '，' | '－' | '．' | '：' | '；' | '？'
                | '［' | '］' | '｛' | '｝' | '｀' | '｟' | '｠' => Script::Punctuation,
                _ => Script::Other,
            },
            0x00D7 | 0x00F7 => Script::Other,
            0x00C0..=0x024F => Script::Latin,
            0x2010..=0x2027 | 0x2030..=0x205E => Script::Punctuation,
            0x00A0 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0xFEFF => Script::Space,
            _ if is_kanji(c) => Script::Kanji,
            _ => Script::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Script;

    #[test]
    fn classes() {
        let cases = [
            ('漢', Script::Kanji),
            ('々', Script::Kanji),
            ('あ', Script::Hiragana),
            ('ゞ', Script::Hiragana),
            ('ア', Script::Katakana),
            ('ｱ', Script::Katakana),
            ('ヴ', Script::Katakana),
            ('ー', Script::LongVowel),
            ('ｰ', Script::LongVowel),
            ('a', Script::Latin),
            ('Ｚ', Script::Latin),
            ('é', Script::Latin),
            ('7', Script::Digit),
            ('７', Script::Digit),
            ('。', Script::Punctuation),
            ('、', Script::Punctuation),
            ('・', Script::Punctuation),
            ('「', Script::Punctuation),
            ('（', Script::Punctuation),
            ('.', Script::Punctuation),
            ('…', Script::Punctuation),
            ('〜', Script::Punctuation),
            ('　', Script::Space),
            ('\n', Script::Space),
            ('\0', Script::Invisible),
            ('\u{200b}', Script::Invisible),
            ('\u{ad}', Script::Invisible),
            ('\u{feff}', Script::Invisible),
            ('%', Script::Other),
            ('％', Script::Other),
            ('①', Script::Other),
            ('😀', Script::Other),
        ];
        for (c, script) in cases {
            assert_eq!(Script::of(c), script, "{c:?}");
        }
    }
}
