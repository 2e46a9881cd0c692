//! Character classes and tables that the normalizer's scanner dispatches on.
//!
//! The scanner looks every character up in one 64 KiB table of flags; a character with no flag
//! needs nothing, which is what lets already-normal text through at memory speed.

/// Starts a katakana segment on its own: a half-width katakana letter or a look-alike that may
/// stand for one (hiragana へ べ ぺ り, kanji 力 工 口 二 八 夕 卜 才 千 三).
pub(crate) const F_SEGMENT: u8 = 1;
/// Needs the general handler: width variants, punctuation, marks, invisibles, wave dashes,
/// ideographic space, Kangxi radicals.
pub(crate) const F_OTHER: u8 = 2;
/// A compatibility character that NFKC changes (only looked at when a class is enabled).
pub(crate) const F_COMPAT: u8 = 4;
/// Joins a katakana segment after a letter (a look-alike of ー, a voiced mark, ｰ or an
/// invisible character): a katakana word followed by one is not plain.
pub(crate) const F_JOINS_SEGMENT: u8 = 8;
/// A katakana vowel that a small one may be meant for after the letter before it (or ツ ヤ ヨ,
/// which the dictionary may confirm small).
pub(crate) const F_WORD_CHECK: u8 = 16;

/// Sets `flag` on every code point of `lo..=hi`.
const fn mark_range(t: &mut [u8; 0x10000], lo: usize, hi: usize, flag: u8) {
    let mut c = lo;
    while c <= hi {
        t[c] |= flag;
        c += 1;
    }
}

/// Sets `flag` on each of `chars`.
const fn mark_each(t: &mut [u8; 0x10000], chars: &[usize], flag: u8) {
    let mut i = 0;
    while i < chars.len() {
        t[chars[i]] |= flag;
        i += 1;
    }
}

const fn build_table() -> [u8; 0x10000] {
    let mut t = [0u8; 0x10000];
    // Full-width katakana letters carry no flag: most katakana words need nothing, and what
    // may need one (a look-alike, ーー, a large vowel after フ ヴ シ ジ チ テ デ) looks back
    // for the word's start (see scan::scan_with).
    // ア イ エ オ ユ, and ツ ヤ ヨ for the dictionary's probes (in a build that has it).
    mark_each(
        &mut t,
        &[0x30A2, 0x30A4, 0x30A8, 0x30AA, 0x30E6],
        F_WORD_CHECK,
    );
    if cfg!(feature = "morphology") {
        mark_each(&mut t, &[0x30C4, 0x30E4, 0x30E8], F_WORD_CHECK);
    }
    // Half-width katakana letters ｦ..ｯ and ｱ..ﾝ (not ｰ, which is handled on its own).
    mark_range(&mut t, 0xFF66, 0xFF6F, F_SEGMENT);
    mark_range(&mut t, 0xFF71, 0xFF9D, F_SEGMENT);
    // Hiragana that are typed for the katakana that look the same: へ べ ぺ り.
    mark_each(&mut t, &[0x3078, 0x3079, 0x307A, 0x308A], F_SEGMENT);
    // Kanji that look like katakana: 力 工 口 二 八 夕 卜 才 千 三.
    let kanji = [
        0x529B, 0x5DE5, 0x53E3, 0x4E8C, 0x516B, 0x5915, 0x535C, 0x624D, 0x5343, 0x4E09,
    ];
    mark_each(&mut t, &kanji, F_SEGMENT);
    // Full-width ASCII, half-width punctuation and katakana-related forms: ｰ ﾞ ﾟ.
    mark_range(&mut t, 0xFF01, 0xFF65, F_OTHER);
    mark_each(&mut t, &[0xFF70, 0xFF9E, 0xFF9F], F_OTHER);
    // The ideographic space; small hiragana vowels and ゔ: loanword spellings
    // (hiragana-loanword); 、 。, the wave dash, ・ (leaders, and symbol runs); a CR (a lone
    // one is suggested as LF).
    let other = [
        0x3000, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3094, 0x3001, 0x3002, 0x301C, 0x30FB,
        0x0D,
    ];
    mark_each(&mut t, &other, F_OTHER);
    // Voiced sound marks.
    mark_range(&mut t, 0x3099, 0x309C, F_OTHER);
    // Invisible characters (not the ASCII controls, which the scanner tests by byte).
    mark_range(&mut t, 0x0080, 0x009F, F_OTHER);
    mark_each(&mut t, &[0x00AD, 0x180E, 0xFEFF], F_OTHER);
    mark_range(&mut t, 0x200B, 0x200F, F_OTHER);
    mark_range(&mut t, 0x202A, 0x202E, F_OTHER);
    mark_range(&mut t, 0x2060, 0x2064, F_OTHER);
    mark_range(&mut t, 0x2066, 0x2069, F_OTHER);
    // What joins a katakana segment besides its starters (see kana::unit_at).
    let joins = [
        0x4E00, 0xFF0D, 0x2010, 0x2011, 0x2013, 0x2014, 0x2015, 0x2212, 0x2500, 0x2501, 0xFE63,
        0x3099, 0x309A, 0x309B, 0x309C, 0xFF9E, 0xFF9F, 0xFF70, 0x30FC,
    ];
    mark_each(&mut t, &joins, F_JOINS_SEGMENT);
    let mut c = 0;
    while c < 0x10000 {
        if is_invisible_const(c) {
            t[c] |= F_JOINS_SEGMENT;
        }
        c += 1;
    }
    // Kangxi radicals and CJK radicals supplement.
    mark_range(&mut t, 0x2E80, 0x2FDF, F_OTHER);
    // Compatibility classes (see CompatClass).
    let ranges = [
        (0x00AA, 0x00BE), // ª ² ³ µ ¹ º ¼ ½ ¾
        (0x2070, 0x209F), // superscripts and subscripts
        (0x2100, 0x214F), // letterlike symbols
        (0x2150, 0x218F), // number forms: Ⅲ ½
        (0x2460, 0x24FF), // enclosed alphanumerics: ①
        (0x2776, 0x2793), // dingbat circled digits
        (0x3200, 0x32FF), // enclosed CJK: ㈱ ㊤
        (0x3300, 0x33FF), // CJK compatibility: ㍻ ㌔ ㎏
        (0xF900, 0xFAFF), // CJK compatibility ideographs
        (0xFB00, 0xFB4F), // alphabetic presentation forms: ﬁ
    ];
    let mut i = 0;
    while i < ranges.len() {
        mark_range(&mut t, ranges[i].0, ranges[i].1, F_COMPAT);
        i += 1;
    }
    t
}

pub(crate) static TABLE: [u8; 0x10000] = build_table();

/// Flags of an ASCII byte: control characters other than tab, line feed and carriage return.
pub(crate) const fn ascii_is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0x7F
}

/// The table's flags for `c`.
#[inline]
pub(crate) fn flags(c: char) -> u8 {
    let u = c as u32;
    if u < 0x10000 {
        TABLE[u as usize]
    } else {
        supplementary_flags(u)
    }
}

/// Flags of a supplementary-plane code point: only compatibility characters carry one.
#[inline]
pub(crate) fn supplementary_flags(u: u32) -> u8 {
    if (0x2F800..=0x2FA1F).contains(&u) || (0x1F100..=0x1F2FF).contains(&u) {
        F_COMPAT
    } else {
        0
    }
}

const fn is_invisible_const(c: usize) -> bool {
    matches!(c,
        0x0..=0x8 | 0xB | 0xC | 0xE..=0x1F | 0x7F..=0x9F | 0xAD | 0x180E | 0x200B..=0x200F
        | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x2069 | 0xFEFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::text::class::{
        is_halfwidth_kana, is_hiragana, is_invisible, is_kanji, is_katakana_letter,
    };

    #[test]
    fn tables_agree_with_the_predicates() {
        for u in 0..0x10000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_invisible_const(u as usize), is_invisible(c), "{u:04X}");
            if is_invisible(c) {
                assert_ne!(TABLE[u as usize] & F_JOINS_SEGMENT, 0, "{u:04X}");
            }
            if TABLE[u as usize] & F_SEGMENT != 0 && !is_halfwidth_kana(c) && !is_katakana_letter(c)
            {
                assert!(is_hiragana(c) || is_kanji(c), "{u:04X}");
            }
        }
    }
}
