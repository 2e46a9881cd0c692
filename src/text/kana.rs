//! Kana conversions: hiragana to katakana, half width to full width, and the voiced (゛) and
//! semi-voiced (゜) forms of a kana.

/// The katakana of a hiragana (ぁ..ゖ, ゝ ゞ); any other character as it is.
#[inline]
pub(crate) fn to_katakana(c: char) -> char {
    match c {
        'ぁ'..='ゖ' | 'ゝ' | 'ゞ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    }
}

/// `s` with its hiragana in katakana.
pub(crate) fn hiragana_to_katakana(s: &str) -> String {
    s.chars().map(to_katakana).collect()
}

/// Half-width katakana and punctuation (U+FF61..U+FF9F) to full width, marks as spacing marks.
pub(crate) fn halfwidth_to_full(c: char) -> char {
    const MAP: [char; 63] = [
        '。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ',
        'ー', 'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ',
        'ソ', 'タ', 'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ',
        'ホ', 'マ', 'ミ', 'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ',
        'ン', '゛', '゜',
    ];
    match c as u32 {
        u @ 0xFF61..=0xFF9F => MAP[(u - 0xFF61) as usize],
        _ => c,
    }
}

/// The kana that `base` becomes with a voiced mark (`semi == false`) or a semi-voiced mark
/// (`semi == true`), if it has such a form. `base` is full width.
pub(crate) const fn compose(base: char, semi: bool) -> Option<char> {
    let u = base as u32;
    if semi {
        // は ひ ふ へ ほ and ハ ヒ フ ヘ ホ (every third code point from は).
        return match u {
            0x306F | 0x3072 | 0x3075 | 0x3078 | 0x307B | 0x30CF | 0x30D2 | 0x30D5 | 0x30D8
            | 0x30DB => char::from_u32(u + 2),
            _ => None,
        };
    }
    match u {
        // か..ぢ and カ..ヂ: voiceless at odd offsets from か (U+304B), voiced one after.
        0x304B..=0x3061 if (u - 0x304B) & 1 == 0 => char::from_u32(u + 1),
        0x30AB..=0x30C1 if (u - 0x30AB) & 1 == 0 => char::from_u32(u + 1),
        // つ て と, ツ テ ト
        0x3064 | 0x3066 | 0x3068 | 0x30C4 | 0x30C6 | 0x30C8 => char::from_u32(u + 1),
        // は ひ ふ へ ほ, ハ ヒ フ ヘ ホ
        0x306F | 0x3072 | 0x3075 | 0x3078 | 0x307B | 0x30CF | 0x30D2 | 0x30D5 | 0x30D8 | 0x30DB => {
            char::from_u32(u + 1)
        }
        0x3046 => Some('ゔ'),
        0x30A6 => Some('ヴ'),
        0x30EF => Some('ヷ'),
        0x30F0 => Some('ヸ'),
        0x30F1 => Some('ヹ'),
        0x30F2 => Some('ヺ'),
        0x309D => Some('ゞ'),
        0x30FD => Some('ヾ'),
        _ => None,
    }
}

/// The voiced and semi-voiced forms that a kana takes at the start of the second part of a
/// compound (連濁, rendaku: 会社 ガイシャ → 株式会社 ガイシャ; 発表 ハッピョウ), with the
/// forms that spell the same sound (チ → ジ as well as ヂ, ツ → ズ as well as ヅ).
#[cfg_attr(not(feature = "morphology"), allow(dead_code))]
pub(crate) fn voiced_forms(base: char) -> impl Iterator<Item = char> {
    let same_sound = match base {
        'チ' => Some('ジ'),
        'ツ' => Some('ズ'),
        'ち' => Some('じ'),
        'つ' => Some('ず'),
        _ => None,
    };
    [compose(base, false), same_sound, compose(base, true)]
        .into_iter()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_what_unicode_composes() {
        use unicode_normalization::UnicodeNormalization;
        for base in ('\u{3041}'..='\u{30FF}').filter(|c| !matches!(c, '\u{3099}'..='\u{309C}')) {
            for (semi, mark) in [(false, '\u{3099}'), (true, '\u{309A}')] {
                let nfc: Vec<char> = [base, mark].iter().copied().nfc().collect();
                let expected = if nfc.len() == 1 { Some(nfc[0]) } else { None };
                assert_eq!(compose(base, semi), expected, "{base} semi={semi}");
            }
        }
    }

    #[test]
    fn conversions() {
        assert_eq!(hiragana_to_katakana("ふぁいるゝゞをa"), "ファイルヽヾヲa");
        assert_eq!(to_katakana('ゟ'), 'ゟ');
        assert_eq!(halfwidth_to_full('ｶ'), 'カ');
        assert_eq!(halfwidth_to_full('ﾞ'), '゛');
        for (kana, forms) in [
            ('ハ', &['バ', 'パ'][..]),
            ('チ', &['ヂ', 'ジ']),
            ('ア', &[]),
        ] {
            assert_eq!(voiced_forms(kana).collect::<Vec<_>>(), forms, "{kana}");
        }
    }
}
