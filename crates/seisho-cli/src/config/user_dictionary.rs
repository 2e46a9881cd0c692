//! The user dictionary: `[dictionary] user = "words.csv"` (relative to the configuration's
//! directory), read into `seisho::morphology::UserDictionary`.

use std::path::Path;

#[cfg(feature = "dictionary")]
use seisho::morphology::UserDictionaryErrorKind;

use crate::says::Says;

/// A user dictionary, as this build has it: a build without the dictionary (feature
/// `dictionary` off, as the fuzz crate builds the CLI) has none, and asking for one is an error.
#[cfg(feature = "dictionary")]
pub type Words = seisho::morphology::UserDictionary;
/// A user dictionary, as this build has it: none (feature `dictionary` off).
#[cfg(not(feature = "dictionary"))]
pub enum Words {}

/// Gives `words` to `lint`.
pub fn give(lint: &mut seisho::lint::LintConfig, words: Words) {
    #[cfg(feature = "dictionary")]
    lint.set_user_dictionary(words);
    #[cfg(not(feature = "dictionary"))]
    match (lint, words) {}
}

/// The user dictionary in file `path` (relative to `dir`), or what is wrong with it, in the
/// command line's language, naming the file and the line.
#[cfg(not(feature = "dictionary"))]
pub fn load(path: &Path, _dir: &Path) -> Result<Words, String> {
    Err(Says::UserDictionaryNotBuilt {
        file: path.display().to_string(),
    }
    .to_string())
}

/// The user dictionary in file `path` (relative to `dir`), or what is wrong with it, in the
/// command line's language, naming the file and the line.
#[cfg(feature = "dictionary")]
pub fn load(path: &Path, dir: &Path) -> Result<Words, String> {
    let full = dir.join(path);
    let file = path.display().to_string();
    let text = std::fs::read_to_string(&full).map_err(|e| {
        Says::UserDictionaryCannotRead {
            file: file.clone(),
            why: crate::says::os_error(&e),
        }
        .to_string()
    })?;
    Words::from_csv(&text).map_err(|e| {
        let why = match e.kind {
            UserDictionaryErrorKind::FieldCount(count) => {
                Says::UserDictionaryFieldCount { count }.to_string()
            }
            UserDictionaryErrorKind::EmptySurface => {
                Says::UserDictionaryEmptySurface {}.to_string()
            }
            UserDictionaryErrorKind::ControlInSurface(surface) => {
                Says::UserDictionaryControl { surface }.to_string()
            }
            UserDictionaryErrorKind::NotANumber { field, value } => {
                let field_ja = match field {
                    "left id" => "左文脈ID",
                    "right id" => "右文脈ID",
                    _ => "コスト",
                };
                Says::UserDictionaryNotANumber {
                    field,
                    field_ja,
                    value,
                }
                .to_string()
            }
            other => Says::UserDictionaryNotCsv {
                why: match other {
                    UserDictionaryErrorKind::Csv(why) => why,
                    other => other.to_string(),
                },
            }
            .to_string(),
        };
        if e.line == 0 {
            Says::UserDictionaryInvalid { file, why }.to_string()
        } else {
            Says::UserDictionaryBadRow {
                file,
                line: e.line,
                why,
            }
            .to_string()
        }
    })
}
