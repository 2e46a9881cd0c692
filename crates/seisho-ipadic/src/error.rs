//! The error of loading or writing a dictionary.

use std::fmt;
use std::path::Path;

/// A dictionary could not be loaded or written.
///
/// Its message says what failed and where; [`std::error::Error::source`] gives the cause.
#[derive(Debug)]
pub struct Error {
    kind: Kind,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

#[derive(Debug)]
enum Kind {
    /// Reading or writing a file.
    Io(String),
    /// A dictionary file is invalid; the string names the file or directory.
    Load(String),
    /// `DictionaryParts::insert` was given a name not in `FILE_NAMES`.
    UnknownFile(String),
    /// `load_from_parts` was given parts without this file.
    MissingFile(&'static str),
}

impl Error {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Self {
            kind: Kind::Io(path.display().to_string()),
            source: Some(Box::new(source)),
        }
    }

    pub(crate) fn load(what: String, source: lindera_dictionary::error::LinderaError) -> Self {
        Self {
            kind: Kind::Load(what),
            source: Some(Box::new(source)),
        }
    }

    /// A file of seisho's own (`unidic.bin`) that is not what it should be.
    pub(crate) fn invalid(what: String, why: String) -> Self {
        Self {
            kind: Kind::Load(what),
            source: Some(why.into()),
        }
    }

    pub(crate) fn unknown_file(name: &str) -> Self {
        Self {
            kind: Kind::UnknownFile(name.to_owned()),
            source: None,
        }
    }

    pub(crate) fn missing_file(name: &'static str) -> Self {
        Self {
            kind: Kind::MissingFile(name),
            source: None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Io(path) => write!(f, "cannot read or write {path}"),
            Kind::Load(what) => write!(f, "invalid dictionary: {what}"),
            Kind::UnknownFile(name) => write!(f, "{name:?} is not a dictionary file name"),
            Kind::MissingFile(name) => write!(f, "dictionary file {name} is missing"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}
