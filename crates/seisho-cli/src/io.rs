//! Reading inputs (with a precise error for invalid UTF-8), decoding and encoding legacy
//! Japanese encodings, and writing files atomically.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use encoding_rs::{DecoderResult, EncoderResult, Encoding, EUC_JP, SHIFT_JIS, UTF_8};

use crate::args::InputEncoding;

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

    /// Reads the whole input as UTF-8.
    pub fn read(&self) -> Result<String, InputError> {
        decode(self.read_bytes()?)
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
    /// The message for input `name`: `cannot read NAME: why`, or `NAME: invalid …`.
    pub fn message(&self, name: &str) -> String {
        match self {
            InputError::Io(e) => format!("cannot read {name}: {e}"),
            e => format!("{name}: {e}"),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(e) => write!(f, "{e}"),
            InputError::Utf8(p) => write!(f, "invalid UTF-8: {p}"),
            InputError::Malformed(encoding, p) => write!(f, "invalid {}: {p}", encoding.name()),
            InputError::Unknown(p) => write!(
                f,
                "not UTF-8 ({p}), and not Shift_JIS or EUC-JP either (try --encoding)"
            ),
        }
    }
}

impl fmt::Display for Utf8Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.bytes.is_empty() {
            f.write_str("incomplete sequence at the end")?;
        } else {
            let hex: Vec<String> = self.bytes.iter().map(|b| format!("0x{b:02x}")).collect();
            write!(f, "byte {}", hex.join(" "))?;
        }
        write!(
            f,
            " at byte offset {} (line {}, column {})",
            self.offset, self.line, self.column
        )
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
fn position(valid: &str, offset: usize, bad: &[u8]) -> Utf8Position {
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

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How much `text` looks like Japanese: kana count double, common punctuation once, and
/// characters that are rare in Japanese text (private use, halfwidth kana, C1 controls, Latin-1
/// letters) count against.
fn japanese_score(text: &str) -> i64 {
    text.chars()
        .map(|c| match c {
            '\u{3041}'..='\u{30FF}' => 2,
            '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF5E}' => 1,
            '\u{FF61}'..='\u{FF9F}' => -1,
            '\u{0080}'..='\u{00FF}' | '\u{E000}'..='\u{F8FF}' => -2,
            _ => 0,
        })
        .sum()
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
        write!(
            f,
            "{} cannot represent 「{}」 (U+{:04X}) at line {}, column {}",
            self.encoding.name(),
            self.char,
            self.char as u32,
            self.line,
            self.column
        )
    }
}

impl Decoded {
    /// Whether the input was not UTF-8.
    pub fn is_legacy(&self) -> bool {
        self.encoding != UTF_8
    }

    /// `new_text` (an edited `self.text`) encoded the way the input was: UTF-8 with the BOM
    /// if it had one, or in its legacy encoding. In a legacy encoding, the parts that did not
    /// change keep their original bytes (`original`: the input as read), so a character with
    /// two encodings is not rewritten where nothing was fixed.
    pub fn encode(&self, original: &[u8], new_text: &str) -> Result<Vec<u8>, Unmappable> {
        if !self.is_legacy() {
            let mut out = Vec::with_capacity(new_text.len() + 3);
            if self.bom {
                out.extend_from_slice(UTF8_BOM);
            }
            out.extend_from_slice(new_text.as_bytes());
            return Ok(out);
        }
        let old: Vec<char> = self.text.chars().collect();
        let new: Vec<char> = new_text.chars().collect();
        let ends = char_ends(original, self.encoding);
        let mut encoder = self.encoding.new_encoder();
        let mut out = Vec::with_capacity(original.len() + 16);
        if ends.len() != old.len() {
            // Not the bytes `self.text` was decoded from: encode the whole text.
            encode_piece(&mut encoder, new_text, 0, new_text, &mut out)?;
            return Ok(out);
        }
        let start_of = |i: usize| if i == 0 { 0 } else { ends[i - 1] };
        // Byte offset of each character of `new_text`, and of its end.
        let mut offsets: Vec<usize> = new_text.char_indices().map(|(i, _)| i).collect();
        offsets.push(new_text.len());
        for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new) {
            if let similar::DiffOp::Equal { old_index, len, .. } = op {
                out.extend_from_slice(&original[start_of(old_index)..start_of(old_index + len)]);
            } else {
                let range = op.new_range();
                let at = offsets[range.start];
                let piece = &new_text[at..offsets[range.end]];
                encode_piece(&mut encoder, piece, at, new_text, &mut out)?;
            }
        }
        Ok(out)
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
                // Both may decode (their byte ranges overlap): take the one that reads more
                // like Japanese.
                let candidates: Vec<Decoded> = [SHIFT_JIS, EUC_JP]
                    .into_iter()
                    .filter_map(|e| legacy(&bytes, e).ok())
                    .collect();
                match candidates
                    .into_iter()
                    .max_by_key(|d| japanese_score(&d.text))
                {
                    Some(decoded) => Ok(decoded),
                    None => match utf8(bytes) {
                        Err(InputError::Utf8(p)) => Err(InputError::Unknown(p)),
                        other => other,
                    },
                }
            }
        }
    }
}

/// An error of `serde_json` writing to a stream, as the I/O error it is (so that a closed pipe
/// is still recognized as one).
pub fn json_error(e: serde_json::Error) -> io::Error {
    match e.io_error_kind() {
        Some(kind) => io::Error::from(kind),
        None => io::Error::other(e),
    }
}

/// Why a fix was not written to disk.
#[derive(Debug)]
pub enum WriteError {
    /// The operating system said no (or the file is read-only).
    Io(io::Error),
    /// The file on disk is no longer what was read: another program wrote it meanwhile, and
    /// writing the fix would undo that.
    Changed,
    /// The file is gone since it was read: writing the fix would bring it back.
    Removed,
}

impl WriteError {
    /// The message for file `name`: `cannot write NAME: why`, or `NAME: changed while …`.
    pub fn message(&self, name: &str) -> String {
        match self {
            WriteError::Io(e) => format!("cannot write {name}: {e}"),
            WriteError::Changed => {
                format!("{name}: changed while seisho was fixing it; not written")
            }
            WriteError::Removed => {
                format!("{name}: removed while seisho was fixing it; not written")
            }
        }
    }
}

/// An error of the file system about a file that was read a moment ago: not finding it now
/// means it went away.
impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::NotFound {
            WriteError::Removed
        } else {
            WriteError::Io(e)
        }
    }
}

/// Replaces the contents of `path`, which were `original` when read, with `contents`
/// atomically: writes a temporary file in the same directory, flushes it to disk, gives it the
/// original's permissions, checks that the file still holds `original`, then renames it over
/// the original. A reader sees the old file or the new one, never a mix, even if seisho is
/// killed; on failure the original is left as it was and the temporary file is removed (a
/// kill can leave it: see [`is_leftover_temp`]).
///
/// A symbolic link is followed: its target is replaced, and the link stays. (A hard link is
/// not: the path gets a new file.) A read-only file is not replaced, nor a file that changed
/// or went away since it was read.
pub fn write_atomic(path: &Path, original: &[u8], contents: &[u8]) -> Result<(), WriteError> {
    let target = if fs::symlink_metadata(path)?.file_type().is_symlink() {
        fs::canonicalize(path)?
    } else {
        path.to_path_buf()
    };
    let meta = fs::metadata(&target)?;
    // The rename would replace a read-only file all the same (only the directory's
    // permissions matter to it): refuse, as writing to it would be refused.
    if meta.permissions().readonly() {
        return Err(WriteError::Io(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        )));
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (mut file, tmp) = create_temp(&dir, &target).map_err(WriteError::Io)?;
    let result = (|| {
        file.write_all(contents).map_err(WriteError::Io)?;
        file.set_permissions(meta.permissions())
            .map_err(WriteError::Io)?;
        keep_owner(&file, &meta);
        file.sync_all().map_err(WriteError::Io)?;
        drop(file);
        // Checked last, after the slow part (the flush to disk), so that the window in which
        // another program's write would be lost is as short as can be: from this check to the
        // rename, a few system calls. A write in that window goes to the old file, which the
        // rename then unlinks. Closing it would take the other program's cooperation (a lock
        // editors do not take); `rename` has no compare-and-swap.
        ensure_unchanged(&target, original)?;
        fs::rename(&tmp, &target).map_err(WriteError::Io)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(&dir);
    Ok(())
}

/// Checks that the file at `path` holds exactly `original`.
///
/// The bytes are compared, not a fingerprint of size, modification time and inode: those miss
/// a rewrite of the same length within the file system's timestamp granularity (a second on
/// some, a clock tick on others), or by a program that restores the time. A hash would need
/// the same read and could collide; the original bytes are at hand anyway (they were just
/// fixed), so comparing them costs one more read of the file, after a size check that catches
/// most changes without reading.
pub fn ensure_unchanged(path: &Path, original: &[u8]) -> Result<(), WriteError> {
    let file = File::open(path)?;
    if file.metadata()?.len() != original.len() as u64 {
        return Err(WriteError::Changed);
    }
    let mut now = Vec::with_capacity(original.len());
    // One byte more than expected is enough to see that the file grew since the size check.
    file.take(original.len() as u64 + 1)
        .read_to_end(&mut now)
        .map_err(WriteError::Io)?;
    if now != original {
        return Err(WriteError::Changed);
    }
    Ok(())
}

/// Whether `file_name` is that of a temporary file of [`write_atomic`]
/// (`.NAME.seisho-PID-N.tmp`). One is left behind only when seisho is killed while writing
/// NAME (NAME itself is then intact, old or new); directory walks report it rather than
/// delete it, since it may belong to a seisho still running.
pub fn is_leftover_temp(file_name: &str) -> bool {
    let Some(rest) = file_name
        .strip_prefix('.')
        .and_then(|n| n.strip_suffix(".tmp"))
    else {
        return false;
    };
    let Some((name, suffix)) = rest.rsplit_once(".seisho-") else {
        return false;
    };
    let numbers = suffix.split_once('-');
    !name.is_empty()
        && numbers.is_some_and(|(pid, n)| {
            [pid, n]
                .iter()
                .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Creates a new file next to `target`, named after it so that a leftover one is recognizable.
fn create_temp(dir: &Path, target: &Path) -> io::Result<(File, PathBuf)> {
    let stem = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let pid = std::process::id();
    let mut last_err = None;
    for attempt in 0..100u32 {
        let tmp = dir.join(format!(".{stem}.seisho-{pid}-{attempt}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((f, tmp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_err = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_err.unwrap_or_else(|| io::Error::other("cannot create a temporary file")))
}

/// Gives the new file the original's owner and group where we may (best effort: only root may
/// give a file away, and then it should).
#[cfg(unix)]
fn keep_owner(file: &File, original: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if let Ok(now) = file.metadata() {
        if now.uid() != original.uid() || now.gid() != original.gid() {
            let _ = std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()));
        }
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _original: &fs::Metadata) {}

/// Flushes the directory entry of the rename to disk (best effort; not possible everywhere).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

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
            InputError::Utf8(p).to_string(),
            "invalid UTF-8: byte 0xff at byte offset 16 (line 2, column 3)"
        );
    }

    #[test]
    fn truncated_sequence_at_end() {
        let p = utf8_error(&[b'a', 0xe3, 0x82]);
        assert_eq!((p.offset, p.line, p.column), (1, 1, 2));
        assert!(p.bytes.is_empty());
        assert!(InputError::Utf8(p)
            .to_string()
            .contains("incomplete sequence"));
    }

    fn sjis(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = SHIFT_JIS.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
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
    fn malformed_legacy_input_is_located() {
        let mut bytes = sjis("一行目\nテキ");
        bytes.push(0xff);
        match Decoded::new(bytes.clone(), InputEncoding::ShiftJis) {
            Err(e @ InputError::Malformed(..)) => assert_eq!(
                e.to_string(),
                "invalid Shift_JIS: byte 0xff at byte offset 11 (line 2, column 3)"
            ),
            other => panic!("{other:?}"),
        }
        // Nothing decodes it: the UTF-8 error is the one reported.
        match Decoded::new(bytes, InputEncoding::Auto) {
            Err(e @ InputError::Unknown(_)) => assert!(
                e.to_string()
                    .starts_with("not UTF-8 (byte 0x88 at byte offset 0"),
                "{e}"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bom_is_kept_out_of_the_text_and_written_back() {
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice("ＡＢ\r\n".as_bytes());
        let d = Decoded::new(bytes.clone(), InputEncoding::Utf8).unwrap();
        assert_eq!((d.text.as_str(), d.bom), ("ＡＢ\r\n", true));
        assert_eq!(d.encode(&bytes, "AB\r\n").unwrap(), b"\xEF\xBB\xBFAB\r\n");
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
        assert_eq!(d.encode(&bytes, fixed).unwrap(), expected);
        // Whole-text encoding would have changed it.
        assert_eq!(&sjis("\u{7E8A}")[..], [0xFA, 0x5C]);
    }

    #[test]
    fn unmappable_character_is_refused() {
        let bytes = sjis("一行目\nテキスト");
        let d = Decoded::new(bytes.clone(), InputEncoding::ShiftJis).unwrap();
        let e = d.encode(&bytes, "一行目\nテ😀キスト").unwrap_err();
        assert_eq!(
            e.to_string(),
            "Shift_JIS cannot represent 「😀」 (U+1F600) at line 2, column 2"
        );
    }

    /// `write_atomic` on a file read as `old`, changed to `now` before the write.
    fn write_after_change(
        old: &[u8],
        now: Option<&[u8]>,
    ) -> (Result<(), WriteError>, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, old).unwrap();
        let read = fs::read(&path).unwrap();
        match now {
            Some(now) => fs::write(&path, now).unwrap(),
            None => fs::remove_file(&path).unwrap(),
        }
        let result = write_atomic(&path, &read, "ABC".as_bytes());
        (result, dir)
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let old = "ＡＢＣ".as_bytes();
        // Same length, one byte differs: written within the same timestamp tick, only the
        // bytes tell.
        let mut same_length = old.to_vec();
        same_length[8] ^= 1;
        for now in [&b"x"[..], &same_length[..], "ＡＢＣＤ".as_bytes(), &b""[..]] {
            let (result, dir) = write_after_change(old, Some(now));
            let e = result.unwrap_err();
            assert!(matches!(e, WriteError::Changed), "{now:?}: {e:?}");
            assert_eq!(
                e.message("a.md"),
                "a.md: changed while seisho was fixing it; not written"
            );
            let path = dir.path().join("a.md");
            assert_eq!(
                fs::read(&path).unwrap(),
                now,
                "the other program's write stays"
            );
            assert_eq!(entries(dir.path()), ["a.md"], "no temporary file left");
        }
        let (result, dir) = write_after_change(old, None);
        let e = result.unwrap_err();
        assert_eq!(
            e.message("a.md"),
            "a.md: removed while seisho was fixing it; not written"
        );
        assert!(entries(dir.path()).is_empty(), "not brought back");
        // Rewritten with the same bytes: nothing is lost by writing the fix.
        let (result, dir) = write_after_change(old, Some(old));
        result.unwrap();
        assert_eq!(fs::read(dir.path().join("a.md")).unwrap(), b"ABC");
    }

    #[test]
    fn a_file_that_grew_after_the_size_check_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "ＡＢＣ").unwrap();
        assert!(ensure_unchanged(&path, "ＡＢＣ".as_bytes()).is_ok());
        assert!(matches!(
            ensure_unchanged(&path, "ＡＢ".as_bytes()),
            Err(WriteError::Changed)
        ));
    }

    #[test]
    fn temporary_files_are_recognized_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let (file, tmp) = create_temp(dir.path(), &dir.path().join("draft.md")).unwrap();
        drop(file);
        let name = tmp.file_name().unwrap().to_str().unwrap();
        assert!(name.starts_with(".draft.md.seisho-"), "{name}");
        assert!(is_leftover_temp(name), "{name}");
        assert!(is_leftover_temp(".a.seisho-b.md.seisho-12-0.tmp"));
        for name in [
            "draft.md",
            ".draft.md",
            ".draft.md.tmp",
            "draft.md.seisho-12-0.tmp",
            "..seisho-12-0.tmp",
            ".a.md.seisho-12.tmp",
            ".a.md.seisho--0.tmp",
            ".a.md.seisho-12-x.tmp",
        ] {
            assert!(!is_leftover_temp(name), "{name}");
        }
    }

    #[test]
    fn invalid_first_byte() {
        let p = utf8_error(&[0x80]);
        assert_eq!((p.offset, p.line, p.column), (0, 1, 1));
    }
}
