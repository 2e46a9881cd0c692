//! Reading inputs (with a precise error for invalid UTF-8) and writing files atomically.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

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
        let bytes = match self {
            Source::Stdin => {
                let mut buf = Vec::new();
                io::stdin()
                    .lock()
                    .read_to_end(&mut buf)
                    .map_err(InputError::Io)?;
                buf
            }
            Source::File(p) => fs::read(p).map_err(InputError::Io)?,
        };
        decode(bytes)
    }
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum InputError {
    /// The operating system said no.
    Io(io::Error),
    /// The bytes are not UTF-8.
    Utf8(Utf8Position),
}

/// Where the first invalid byte of an input is.
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

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(e) => write!(f, "{e}"),
            InputError::Utf8(p) => {
                f.write_str("invalid UTF-8: ")?;
                if p.bytes.is_empty() {
                    f.write_str("incomplete sequence at the end")?;
                } else {
                    let hex: Vec<String> = p.bytes.iter().map(|b| format!("0x{b:02x}")).collect();
                    write!(f, "byte {}", hex.join(" "))?;
                }
                write!(
                    f,
                    " at byte offset {} (line {}, column {})",
                    p.offset, p.line, p.column
                )
            }
        }
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
        let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
        let bad_len = err.error_len().unwrap_or(0);
        InputError::Utf8(Utf8Position {
            offset,
            line: valid.matches('\n').count() + 1,
            column: valid[line_start..].chars().count() + 1,
            bytes: bytes[offset..offset + bad_len].to_vec(),
        })
    })
}

/// Replaces the contents of `path` with `contents` atomically: writes a temporary file in the
/// same directory, flushes it to disk, gives it the original's permissions, then renames it
/// over the original. A reader sees the old file or the new one, never a mix; on failure the
/// original is left as it was and the temporary file is removed.
///
/// A symbolic link is followed: its target is replaced, and the link stays. (A hard link is
/// not: the path gets a new file.)
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let target = if fs::symlink_metadata(path)?.file_type().is_symlink() {
        fs::canonicalize(path)?
    } else {
        path.to_path_buf()
    };
    let meta = fs::metadata(&target)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (mut file, tmp) = create_temp(&dir, &target)?;
    let result = (|| {
        file.write_all(contents)?;
        file.set_permissions(meta.permissions())?;
        keep_owner(&file, &meta);
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, &target)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(&dir);
    Ok(())
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

    #[test]
    fn invalid_first_byte() {
        let p = utf8_error(&[0x80]);
        assert_eq!((p.offset, p.line, p.column), (0, 1, 1));
    }
}
