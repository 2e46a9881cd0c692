//! Writing a file atomically, and only if it still holds what was read.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

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
    pub fn message(&self, name: &str) -> crate::says::Says {
        use crate::says::Says;
        let name = name.to_owned();
        match self {
            WriteError::Io(e) => Says::CannotWrite {
                name,
                why: crate::says::os_error(e),
            },
            WriteError::Changed => Says::ChangedMeanwhile { name },
            WriteError::Removed => Says::RemovedMeanwhile { name },
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

/// Writes `contents` to the new file `path` atomically: a reader sees no file or the whole
/// one. An existing file is never replaced (`AlreadyExists`): the temporary file is linked to
/// `path`, which fails if `path` exists, then removed.
pub fn write_new(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (mut file, tmp) = create_temp(&dir, path).map_err(WriteError::Io)?;
    let result = (|| {
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        fs::hard_link(&tmp, path)
    })();
    let _ = fs::remove_file(&tmp);
    result.map_err(WriteError::Io)?;
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
                e.message("a.md").render(seisho::Lang::En),
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
            e.message("a.md").render(seisho::Lang::En),
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
}
