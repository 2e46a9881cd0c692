//! Reading an input: its bytes, decoded (UTF-8 with or without a byte order mark, Shift_JIS
//! or EUC-JP), with a precise error where they are not valid, and the syntax it is read as.
//! Every command reads through [`InputArgs::read`], so that what `lint` leaves alone, `fmt`,
//! `fix` and `score` leave alone too.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, EUC_JP, SHIFT_JIS, UTF_8};

use crate::args::{InputArgs, InputEncoding};
use crate::says::Says;
use seisho::Lang;

/// Where a text comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The inputs named on the command line: `-` is standard input, and so is no name at all.
    pub fn from_args(files: &[PathBuf]) -> Vec<Source> {
        if files.is_empty() {
            return vec![Source::Stdin];
        }
        files
            .iter()
            .map(|f| {
                if crate::args::is_stdin(f) {
                    Source::Stdin
                } else {
                    Source::File(f.clone())
                }
            })
            .collect()
    }

    /// The name to show in messages: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(p) => p.display().to_string(),
        }
    }

    /// Reads the whole input, undecoded.
    pub fn read_bytes(&self) -> Result<Vec<u8>, InputError> {
        match self {
            Source::Stdin => {
                let mut buf = Vec::new();
                io::stdin()
                    .lock()
                    .read_to_end(&mut buf)
                    .map_err(InputError::Io)?;
                Ok(buf)
            }
            Source::File(p) => fs::read(p).map_err(InputError::Io),
        }
    }
}

/// An input as every command reads it: its bytes, decoded, and the syntax it is read as.
#[derive(Debug)]
pub struct Input {
    /// The bytes as read: a file is written back only if it still holds them, and a legacy
    /// encoding keeps the bytes of what did not change.
    pub bytes: Vec<u8>,
    /// The text.
    pub decoded: Decoded,
    /// How it is read.
    pub syntax: seisho::Syntax,
}

impl InputArgs {
    /// The name `source` goes by in messages: its path, `--stdin-filename`, or `<stdin>`.
    pub fn name(&self, source: &Source) -> String {
        match (source, &self.stdin_filename) {
            (Source::Stdin, Some(name)) => name.display().to_string(),
            _ => source.name(),
        }
    }

    /// The syntax of the input at `path` (`None` for standard input, which goes by
    /// `--stdin-filename` if given): `--syntax`, or the extension.
    pub fn syntax(&self, path: Option<&Path>) -> seisho::Syntax {
        let path = path.or(self.stdin_filename.as_deref());
        self.syntax
            .or_else(|| seisho::Syntax::for_extension(path.and_then(|p| p.extension()?.to_str())))
    }

    /// Reads `source` as [`InputArgs::read`] does, with its name; a failure is reported on
    /// standard error and sets `failed`.
    pub fn read_or_report(&self, source: &Source, failed: &mut bool) -> Option<(String, Input)> {
        let name = self.name(source);
        match self.read(source) {
            Ok(input) => Some((name, input)),
            Err(e) => {
                crate::report::error(e.message(&name, crate::i18n::lang()));
                *failed = true;
                None
            }
        }
    }

    /// Reads and decodes `source` as these options say.
    pub fn read(&self, source: &Source) -> Result<Input, InputError> {
        let bytes = source.read_bytes()?;
        let decoded = Decoded::new(bytes.clone(), self.encoding)?;
        let path = match source {
            Source::File(path) => Some(path.as_path()),
            Source::Stdin => None,
        };
        Ok(Input {
            bytes,
            decoded,
            syntax: self.syntax(path),
        })
    }
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum InputError {
    /// The operating system said no.
    Io(io::Error),
    /// The bytes are not UTF-8.
    Utf8(Utf8Position),
    /// The bytes are not in the encoding asked for (`--encoding shift_jis` or `euc-jp`).
    Malformed(&'static Encoding, Utf8Position),
    /// `--encoding auto`: not UTF-8 (first invalid byte here), nor Shift_JIS, nor EUC-JP.
    Unknown(Utf8Position),
}

/// Where the first invalid byte of an input is (for any encoding, despite the name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utf8Position {
    /// Byte offset of the first invalid byte (0-based).
    pub offset: usize,
    /// Its line (1-based).
    pub line: usize,
    /// Its column, in characters of the valid text before it on its line (1-based).
    pub column: usize,
    /// The invalid byte sequence (at most 4 bytes; fewer at the end of the input).
    pub bytes: Vec<u8>,
}

impl InputError {
    /// The message for input `name` in `lang`: `cannot read NAME: why`, or `NAME: invalid …`.
    pub fn message(&self, name: &str, lang: Lang) -> String {
        let name = name.to_owned();
        let says = match self {
            InputError::Io(e) => Says::CannotRead {
                name,
                why: crate::says::os_error(e),
            },
            InputError::Utf8(p) => Says::InvalidUtf8 {
                name,
                at: p.describe(lang),
            },
            InputError::Malformed(encoding, p) => Says::InvalidIn {
                name,
                encoding: encoding.name(),
                at: p.describe(lang),
            },
            InputError::Unknown(p) => Says::NoEncoding {
                name,
                at: p.describe(lang),
            },
        };
        says.render(lang)
    }
}

impl Utf8Position {
    /// Where the invalid bytes are, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let (offset, line, column) = (self.offset, self.line, self.column);
        let says = if self.bytes.is_empty() {
            Says::Incomplete {
                offset,
                line,
                column,
            }
        } else {
            let hex: Vec<String> = self.bytes.iter().map(|b| format!("0x{b:02x}")).collect();
            Says::BadByte {
                bytes: hex.join(" "),
                offset,
                line,
                column,
            }
        };
        says.render(lang)
    }
}

/// Decodes `bytes` as UTF-8, or says where the first invalid byte is.
pub fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let err = e.utf8_error();
        let bytes = e.as_bytes();
        let offset = err.valid_up_to();
        // Everything before `offset` is valid UTF-8.
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let bad_len = err.error_len().unwrap_or(0);
        InputError::Utf8(position(valid, offset, &bytes[offset..offset + bad_len]))
    })
}

/// The position of an invalid sequence `bad` at byte `offset`, after the decoded text `valid`.
pub(super) fn position(valid: &str, offset: usize, bad: &[u8]) -> Utf8Position {
    let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
    Utf8Position {
        offset,
        line: valid.matches('\n').count() + 1,
        column: valid[line_start..].chars().count() + 1,
        bytes: bad.to_vec(),
    }
}

/// A text decoded from an input, and how to encode it back the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without the byte order mark.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: &'static Encoding,
    /// Whether the input started with a UTF-8 byte order mark (kept out of `text`, so that no
    /// rule sees it, and written back).
    pub bom: bool,
}

pub(super) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The Japanese legacy encoding `bytes` (not UTF-8) are most likely in, as chardetng (the
/// detector of Firefox) guesses, told that the text is Japanese (the `jp` domain): EUC-JP if it
/// guesses that, otherwise Shift_JIS.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    if detector.guess(Some(b"jp"), Utf8Detection::Deny) == EUC_JP {
        EUC_JP
    } else {
        SHIFT_JIS
    }
}

/// Decodes `bytes` in `encoding`, or says where the first sequence that is not is.
fn decode_strict(bytes: &[u8], encoding: &'static Encoding) -> Result<String, Utf8Position> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, extra) => {
            let offset = read - usize::from(bad) - usize::from(extra);
            Err(position(
                &text,
                offset,
                &bytes[offset..offset + usize::from(bad)],
            ))
        }
        DecoderResult::OutputFull => Err(position(&text, read, &[])),
    }
}

impl Decoded {
    /// Decodes `bytes` as `encoding` asks.
    pub fn new(bytes: Vec<u8>, encoding: InputEncoding) -> Result<Decoded, InputError> {
        let utf8 = |mut bytes: Vec<u8>| {
            let bom = bytes.starts_with(UTF8_BOM);
            if bom {
                bytes.drain(..UTF8_BOM.len());
            }
            decode(bytes).map(|text| Decoded {
                text,
                encoding: UTF_8,
                bom,
            })
        };
        let legacy = |bytes: &[u8], encoding: &'static Encoding| {
            decode_strict(bytes, encoding).map(|text| Decoded {
                text,
                encoding,
                bom: false,
            })
        };
        match encoding {
            InputEncoding::Utf8 => utf8(bytes),
            InputEncoding::ShiftJis => {
                legacy(&bytes, SHIFT_JIS).map_err(|p| InputError::Malformed(SHIFT_JIS, p))
            }
            InputEncoding::EucJp => {
                legacy(&bytes, EUC_JP).map_err(|p| InputError::Malformed(EUC_JP, p))
            }
            InputEncoding::Auto => {
                let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(&bytes);
                if std::str::from_utf8(body).is_ok() {
                    return utf8(bytes);
                }
                // Both may decode (their byte ranges overlap): the guess is tried first.
                let guess = guess_legacy(&bytes);
                let second = if guess == SHIFT_JIS {
                    EUC_JP
                } else {
                    SHIFT_JIS
                };
                match legacy(&bytes, guess).or_else(|_| legacy(&bytes, second)) {
                    Ok(decoded) => Ok(decoded),
                    Err(_) => match utf8(bytes) {
                        Err(InputError::Utf8(p)) => Err(InputError::Unknown(p)),
                        other => other,
                    },
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sjis;

    fn utf8_error(bytes: &[u8]) -> Utf8Position {
        match decode(bytes.to_vec()) {
            Err(InputError::Utf8(p)) => p,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn valid_utf8_decodes() {
        assert_eq!(decode("ガイド\n".as_bytes().to_vec()).unwrap(), "ガイド\n");
    }

    #[test]
    fn invalid_byte_is_located() {
        let mut bytes = "一行目\nテキ".as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice("スト".as_bytes());
        let p = utf8_error(&bytes);
        assert_eq!(p.offset, 16);
        assert_eq!((p.line, p.column), (2, 3));
        assert_eq!(p.bytes, [0xff]);
        assert_eq!(
            InputError::Utf8(p).message("f", Lang::En),
            "f: invalid UTF-8: byte 0xff at byte offset 16 (line 2, column 3) \
             (in Shift_JIS or EUC-JP? use --encoding auto)"
        );
    }

    #[test]
    fn truncated_sequence_at_end() {
        let p = utf8_error(&[b'a', 0xe3, 0x82]);
        assert_eq!((p.offset, p.line, p.column), (1, 1, 2));
        assert!(p.bytes.is_empty());
        let e = InputError::Utf8(p);
        assert!(e.message("f", Lang::En).contains("incomplete sequence"));
        assert!(e.message("f", Lang::Ja).contains("途中で切れています"));
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let text = "ｻｰﾊﾞを再起動し、、設定を確認する。\r\n";
        let d = Decoded::new(sjis(text), InputEncoding::Auto).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.bom),
            (text, SHIFT_JIS, false)
        );
        let (euc, _, _) = EUC_JP.encode(text);
        let d = Decoded::new(euc.into_owned(), InputEncoding::Auto).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, EUC_JP));
        let d = Decoded::new(text.as_bytes().to_vec(), InputEncoding::Auto).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, UTF_8));
        // Asked for, not guessed.
        let d = Decoded::new(sjis(text), InputEncoding::ShiftJis).unwrap();
        assert_eq!(d.text, text);
    }

    #[test]
    fn the_guess_settles_input_that_both_legacy_encodings_decode() {
        // In EUC-JP, these hiragana are pairs of bytes that Shift_JIS reads as halfwidth
        // katakana: both decode without errors.
        for text in ["あいうえお、かきくけこ。", "さしすせそ"] {
            let (euc, _, _) = EUC_JP.encode(text);
            assert!(
                decode_strict(&euc, SHIFT_JIS).is_ok(),
                "{text}: not ambiguous"
            );
            let d = Decoded::new(euc.into_owned(), InputEncoding::Auto).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (text, EUC_JP));
        }
    }

    #[test]
    fn malformed_legacy_input_is_located() {
        let mut bytes = sjis("一行目\nテキ");
        bytes.push(0xff);
        match Decoded::new(bytes.clone(), InputEncoding::ShiftJis) {
            Err(e @ InputError::Malformed(..)) => assert_eq!(
                e.message("f", Lang::En),
                "f: invalid Shift_JIS: byte 0xff at byte offset 11 (line 2, column 3)"
            ),
            other => panic!("{other:?}"),
        }
        // Nothing decodes it: the UTF-8 error is the one reported.
        match Decoded::new(bytes, InputEncoding::Auto) {
            Err(e @ InputError::Unknown(_)) => {
                let e = e.message("f", Lang::En);
                assert!(
                    e.starts_with("f: not UTF-8 (byte 0x88 at byte offset 0"),
                    "{e}"
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn invalid_first_byte() {
        let p = utf8_error(&[0x80]);
        assert_eq!((p.offset, p.line, p.column), (0, 1, 1));
    }
}
