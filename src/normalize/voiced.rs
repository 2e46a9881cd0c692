//! Composition of kana with voiced (゛) and semi-voiced (゜) sound marks.

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

#[cfg(test)]
mod tests {
    use super::compose;

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
}
