//! Character classes of Japanese text: kanji, kana, letters and digits of either width,
//! symbols, spaces and the invisible characters.

/// Invisible characters: transparent to every rule that looks at neighbours, and removed (or
/// suggested for removal) by `invisible-character`.
#[inline]
pub(crate) const fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Katakana letters (full width) that the kana rules treat as part of a word.
#[inline]
pub(crate) fn is_katakana_letter(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FD}' | '\u{30FE}' | '\u{31F0}'..='\u{31FF}')
        && c != 'ヵ'
        && c != 'ヶ'
}

/// Small katakana: a word cannot start with one, so a look-alike before it belongs to the word.
#[inline]
pub(crate) fn is_small_katakana(c: char) -> bool {
    matches!(
        c,
        'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ッ' | 'ャ' | 'ュ' | 'ョ' | 'ヮ' | '\u{31F0}'
            ..='\u{31FF}'
    )
}

/// Hiragana, with the marks ゛ ゜ ゝ ゞ ゟ of the block.
#[inline]
pub(crate) fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

/// Whether `c` is a kanji: a CJK unified or compatibility ideograph, or one of 々 (U+3005,
/// the iteration mark), 〆 (U+3006) and 〇 (U+3007), which stand where kanji stand.
///
/// The whole of planes 2 and 3 counts: Unicode gives them to ideographs only (extensions B
/// to J and the compatibility supplement so far), so later extensions need no change here.
/// CJK radicals (⼀ U+2F00) are not kanji: they appear in text only by mistake.
#[inline]
pub(crate) const fn is_kanji(c: char) -> bool {
    let c = c as u32;
    // ASCII, Latin, punctuation and the 、。 of Japanese text all end here.
    if c < 0x3005 {
        return false;
    }
    // And kana here, the other half of Japanese text.
    if c < 0x3400 {
        return c <= 0x3007;
    }
    matches!(
        c,
        0x3400..=0x4DBF // extension A
            | 0x4E00..=0x9FFF // the unified ideographs
            | 0xF900..=0xFAFF // compatibility ideographs (﨑 for names)
            | 0x2_0000..=0x3_FFFF // the supplementary and tertiary ideographic planes
    )
}

/// Kana, kanji, CJK punctuation and full-width forms: what Japanese text is set in (the
/// ideographic space is a space, not one of them).
#[inline]
pub(crate) fn is_full_width(c: char) -> bool {
    matches!(u32::from(c),
        0x3001..=0x303F // CJK punctuation (not the ideographic space)
        | 0x3041..=0x30FF // kana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF01..=0xFF60 // full-width forms
        | 0x2_0000..=0x3_FFFF)
}

/// ASCII letters and digits, full or half width.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

/// ASCII punctuation, the full-width symbols that mirror it (not ～, which is a wave dash in
/// Japanese text), and the dots and leaders ・ ･ … ‥ (`leader` turns dots into leaders, so
/// both are in the class for a second pass to see the same runs).
#[inline]
pub(crate) fn is_symbol(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '…' | '‥' | '・' | '･')
        || (matches!(c, '\u{FF01}'..='\u{FF5E}') && !is_alnum(c) && c != '～')
}

/// Characters after which a word starts anew: clause and sentence punctuation, opening
/// brackets. (A line break is judged by what ends the line before: see `kana::before_class`.)
#[inline]
pub(crate) fn is_phrase_boundary(c: char) -> bool {
    matches!(
        c,
        '。' | '、' | '｡' | '､' | '．' | '，' | '！' | '？' | '・' | '･' | '：' | '；'
            // The ASCII forms that fullwidth-ascii may make of the full-width ones.
            | '.' | ',' | '!' | '?' | ':' | ';'
    ) || super::brackets::is_opening(c)
}

/// A 読点 (tōten), the Japanese comma: `、`, its full-width comma form `，` and the half-width
/// `､`. (Not the ASCII `,`, which is a comma of other text too.)
#[inline]
pub(crate) fn is_touten(c: char) -> bool {
    matches!(c, '、' | '，' | '､')
}

/// The spaces of a line: ASCII space, tab and the ideographic space.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

/// Full-width ASCII (U+FF01..U+FF5E) to ASCII; any other character as it is.
#[inline]
pub(crate) fn fullwidth_to_ascii(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        _ => c,
    }
}

/// Half-width katakana and punctuation (U+FF61..U+FF9F).
#[inline]
pub(crate) fn is_halfwidth_kana(c: char) -> bool {
    matches!(c, '\u{FF61}'..='\u{FF9F}')
}

/// The voiced sound marks: spacing (゛ ゜), half-width (ﾞ ﾟ) and combining (U+3099, U+309A).
/// Returns `Some(true)` for the semi-voiced (handakuten) ones.
#[inline]
pub(crate) fn voiced_mark(c: char) -> Option<bool> {
    match c {
        '゛' | 'ﾞ' | '\u{3099}' => Some(false),
        '゜' | 'ﾟ' | '\u{309A}' => Some(true),
        _ => None,
    }
}

/// Emoji and pictographs, next to which a zero-width joiner is part of a sequence.
#[inline]
pub(crate) fn is_emoji_like(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}' | '\u{FE0F}' | '\u{E0020}'..='\u{E007F}')
}

/// Scripts that use the zero-width joiner and non-joiner between letters (Hebrew to Mongolian,
/// and the Brahmic blocks of the BMP).
#[inline]
pub(crate) fn uses_joiners(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{1CFF}' | '\u{A800}'..='\u{ABFF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' | '\u{10000}'..='\u{1EFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kanji_and_not() {
        for c in ['漢', '々', '〆', '〇', '㐀', '﨑', '𠀋'] {
            assert!(is_kanji(c), "{c}");
        }
        for c in [
            'あ', 'ア', 'ー', '、', 'a', '⼀', '〜', '\u{3004}', '\u{3008}',
        ] {
            assert!(!is_kanji(c), "{c}");
        }
    }
}
