//! Writing a decoded text back the way it was read: UTF-8 with its byte order mark, or its
//! legacy encoding with the bytes of what did not change kept as they were.

use std::fmt;
use std::ops::Range;

use encoding_rs::{EncoderResult, Encoding, UTF_8};

use super::input::{position, Decoded, UTF8_BOM};

/// For each character of the text decoded from `bytes` (valid in `encoding`), the byte offset
/// where its sequence ends.
fn char_ends(bytes: &[u8], encoding: &'static Encoding) -> Vec<usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut ends = Vec::with_capacity(bytes.len());
    let mut out = String::with_capacity(16);
    for (i, byte) in bytes.iter().enumerate() {
        out.clear();
        let last = i + 1 == bytes.len();
        let _ = decoder.decode_to_string_without_replacement(
            std::slice::from_ref(byte),
            &mut out,
            last,
        );
        ends.extend(out.chars().map(|_| i + 1));
    }
    ends
}

/// Encodes `piece`, which is at byte `at` of `text`, onto `out`.
fn encode_piece(
    encoder: &mut encoding_rs::Encoder,
    piece: &str,
    at: usize,
    text: &str,
    out: &mut Vec<u8>,
) -> Result<(), Unmappable> {
    let needed = encoder
        .max_buffer_length_from_utf8_without_replacement(piece.len())
        .unwrap_or(piece.len() * 4 + 16);
    out.reserve(needed);
    let (result, read) = encoder.encode_from_utf8_to_vec_without_replacement(piece, out, false);
    match result {
        EncoderResult::Unmappable(c) => {
            let before = &text[..at + read - c.len_utf8()];
            let p = position(before, 0, &[]);
            Err(Unmappable {
                char: c,
                line: p.line,
                column: p.column,
                encoding: encoder.encoding(),
            })
        }
        // Capacity was reserved for the worst case.
        EncoderResult::InputEmpty | EncoderResult::OutputFull => Ok(()),
    }
}

/// Why a text could not be encoded back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmappable {
    /// The character.
    pub char: char,
    /// Its line in the text (1-based).
    pub line: usize,
    /// Its column, in characters (1-based).
    pub column: usize,
    /// The encoding.
    pub encoding: &'static Encoding,
}

impl fmt::Display for Unmappable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::says::Says::Unencodable {
            encoding: self.encoding.name(),
            character: self.char,
            code: format!("{:04X}", self.char as u32),
            line: self.line,
            column: self.column,
        }
        .fmt(f)
    }
}

impl Decoded {
    /// The text after `edits` (sorted, non-overlapping byte ranges of `self.text` and their
    /// replacements, which make `new_text`), encoded the way the input was: UTF-8 with the
    /// byte order mark if it had one, or in its legacy encoding. In a legacy encoding only the
    /// replacements are encoded; everything between them keeps its original bytes
    /// (`original`: the input as read), so a character with two encodings is not rewritten
    /// where nothing was fixed.
    pub fn encode<'e>(
        &self,
        original: &[u8],
        new_text: &str,
        edits: impl IntoIterator<Item = (Range<usize>, &'e str)>,
    ) -> Result<Vec<u8>, Unmappable> {
        if self.encoding == UTF_8 {
            let mut out = Vec::with_capacity(new_text.len() + 3);
            if self.bom {
                out.extend_from_slice(UTF8_BOM);
            }
            out.extend_from_slice(new_text.as_bytes());
            return Ok(out);
        }
        let ends = char_ends(original, self.encoding);
        let mut encoder = self.encoding.new_encoder();
        let mut out = Vec::with_capacity(original.len() + 16);
        // The original bytes of the text's characters, one entry a character.
        if ends.len() != self.text.chars().count() {
            // Not the bytes `self.text` was decoded from: encode the whole text.
            encode_piece(&mut encoder, new_text, 0, new_text, &mut out)?;
            return Ok(out);
        }
        // Walks the text and the original bytes together: `at` is a byte offset of the text,
        // `k` its character index, so `ends[k - 1]` is where it ends in `original`.
        let (mut at, mut k) = (0, 0);
        let mut original_at = |to: usize| {
            k += self.text[at..to].chars().count();
            at = to;
            if k == 0 {
                0
            } else {
                ends[k - 1]
            }
        };
        // How much longer the new text is than the old, before the current edit.
        let mut grown: isize = 0;
        let mut copied = 0;
        for (range, replacement) in edits {
            let start = original_at(range.start);
            out.extend_from_slice(&original[copied..start]);
            let new_at = range.start.saturating_add_signed(grown);
            encode_piece(&mut encoder, replacement, new_at, new_text, &mut out)?;
            grown += replacement.len() as isize - range.len() as isize;
            copied = original_at(range.end);
        }
        out.extend_from_slice(&original[copied..]);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::InputEncoding;
    use crate::io::sjis;

    #[test]
    fn bom_is_kept_out_of_the_text_and_written_back() {
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice("ＡＢ\r\n".as_bytes());
        let d = Decoded::new(bytes.clone(), InputEncoding::Utf8).unwrap();
        assert_eq!((d.text.as_str(), d.bom), ("ＡＢ\r\n", true));
        assert_eq!(
            d.encode(&bytes, "AB\r\n", [(0..6, "AB")]).unwrap(),
            b"\xEF\xBB\xBFAB\r\n"
        );
    }

    #[test]
    fn legacy_encoding_keeps_the_bytes_of_what_did_not_change() {
        // 0xED 0x40 is an NEC-selected IBM extension: it decodes to U+7E8A, which encodes
        // back as the IBM extension 0xFA 0x5C. Unchanged, it must stay 0xED 0x40.
        let mut bytes = vec![0xED, 0x40];
        bytes.extend(sjis("ｶﾞｲﾄﾞ"));
        let d = Decoded::new(bytes.clone(), InputEncoding::ShiftJis).unwrap();
        assert_eq!(d.text, "\u{7E8A}ｶﾞｲﾄﾞ");
        let fixed = "\u{7E8A}ガイド";
        let mut expected = vec![0xED, 0x40];
        expected.extend(sjis("ガイド"));
        assert_eq!(
            d.encode(&bytes, fixed, [(3..18, "ガイド")]).unwrap(),
            expected
        );
        // Whole-text encoding would have changed it.
        assert_eq!(&sjis("\u{7E8A}")[..], [0xFA, 0x5C]);
    }

    #[test]
    fn unmappable_character_is_refused() {
        let bytes = sjis("一行目\nテキスト");
        let d = Decoded::new(bytes.clone(), InputEncoding::ShiftJis).unwrap();
        let e = d
            .encode(&bytes, "一行目\nテ😀キスト", [(13..13, "😀")])
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Shift_JIS cannot represent 「😀」 (U+1F600) at line 2, column 2"
        );
    }

    #[test]
    fn legacy_encoding_encodes_only_the_edits() {
        // Two edits around an unchanged IBM extension character (0xED 0x40, see above).
        let mut bytes = sjis("ｱ");
        bytes.extend([0xED, 0x40]);
        bytes.extend(sjis("ｲ、、"));
        let d = Decoded::new(bytes.clone(), InputEncoding::ShiftJis).unwrap();
        assert_eq!(d.text, "ｱ\u{7E8A}ｲ、、");
        let fixed = "ア\u{7E8A}イ、";
        let out = d
            .encode(&bytes, fixed, [(0..3, "ア"), (6..9, "イ"), (12..15, "")])
            .unwrap();
        let mut expected = sjis("ア");
        expected.extend([0xED, 0x40]);
        expected.extend(sjis("イ、"));
        assert_eq!(out, expected);
    }
}
