//! The UTF-8 cursor: characters decoded at and before a byte offset of a `&str`, for the loops
//! that walk text by bytes and look at neighbours in both directions.
//!
//! The offsets must be character boundaries of valid UTF-8 (a `&str`), so no function checks
//! continuation bytes; out-of-range offsets panic like slicing does.

use super::class::is_invisible;

/// The character at byte `pos` of `text` (a character boundary) and its length in bytes.
#[inline]
pub(crate) fn decode_at(text: &str, pos: usize) -> (char, usize) {
    let b = text.as_bytes();
    let (u, w) = if b[pos] < 0x80 {
        (u32::from(b[pos]), 1)
    } else {
        decode_u32(b, pos)
    };
    (char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER), w)
}

/// The character that ends at byte `pos` of `text` (a character boundary after the start) and
/// its length in bytes.
#[inline]
pub(crate) fn decode_before(text: &str, pos: usize) -> (char, usize) {
    let b = text.as_bytes();
    let mut start = pos - 1;
    while b[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    decode_at(text, start)
}

/// The character at byte `pos` of `text`, if there is one.
#[inline]
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    (pos < text.len()).then(|| decode_at(text, pos).0)
}

/// The character that ends at byte `pos` of `text`, if there is one.
#[inline]
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    (pos > 0).then(|| decode_before(text, pos).0)
}

/// The code point at byte `i` of valid UTF-8 `b`, the start of a multi-byte character (the
/// scanner's hot loop has already handled ASCII), and its length.
#[inline(always)]
pub(crate) fn decode_u32(b: &[u8], i: usize) -> (u32, usize) {
    let b0 = u32::from(b[i]);
    if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | (u32::from(b[i + 1]) & 0x3F), 2)
    } else if b0 < 0xF0 {
        let (b1, b2) = (u32::from(b[i + 1]), u32::from(b[i + 2]));
        (((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F), 3)
    } else {
        let (b1, b2, b3) = (
            u32::from(b[i + 1]),
            u32::from(b[i + 2]),
            u32::from(b[i + 3]),
        );
        (
            ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F),
            4,
        )
    }
}

/// The code point of the three-byte character at `p` of `b` (one of U+0800..U+FFFF), or
/// `None` when the bytes at `p` are not the start of one: the scanner's look at the next or
/// previous kana or kanji without a full decode.
#[inline(always)]
pub(crate) fn three_byte_at(b: &[u8], p: usize) -> Option<u32> {
    match b.get(p..p + 3) {
        Some(&[b0 @ 0xE0..=0xEF, b1, b2]) => Some(
            ((u32::from(b0) & 0x0F) << 12) | ((u32::from(b1) & 0x3F) << 6) | (u32::from(b2) & 0x3F),
        ),
        _ => None,
    }
}

/// The nearest character before `i` that is not invisible.
pub(crate) fn visible_before(text: &str, mut i: usize) -> Option<char> {
    while i > 0 {
        let (c, w) = decode_before(text, i);
        if !is_invisible(c) {
            return Some(c);
        }
        i -= w;
    }
    None
}

/// The nearest character at or after `i` that is not invisible.
pub(crate) fn visible_after(text: &str, mut i: usize) -> Option<char> {
    while i < text.len() {
        let (c, w) = decode_at(text, i);
        if !is_invisible(c) {
            return Some(c);
        }
        i += w;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_decodes_both_ways() {
        let text = "a\u{7F}é\u{7FF}\u{800}あ\u{FFFF}😀\u{10FFFF}";
        let mut at = 0;
        for c in text.chars() {
            assert_eq!(decode_at(text, at), (c, c.len_utf8()));
            assert_eq!(char_at(text, at), Some(c));
            at += c.len_utf8();
            assert_eq!(decode_before(text, at), (c, c.len_utf8()));
            assert_eq!(char_before(text, at), Some(c));
            let expected_three = (c.len_utf8() == 3).then_some(c as u32);
            assert_eq!(
                three_byte_at(text.as_bytes(), at - c.len_utf8()),
                expected_three
            );
        }
        assert_eq!(char_at(text, text.len()), None);
        assert_eq!(char_before(text, 0), None);
    }
}
