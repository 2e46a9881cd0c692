//! The user dictionary: `[dictionary] user = "words.csv"` (relative to the configuration's
//! directory), read into `seisho::morphology::UserDictionary`.

use std::path::Path;

use seisho::morphology::{UserDictionary, UserDictionaryErrorKind};

use crate::says::Says;

/// The user dictionary in file `path` (relative to `dir`), or what is wrong with it, in the
/// command line's language, naming the file and the line.
pub fn load(path: &Path, dir: &Path) -> Result<UserDictionary, String> {
    let full = dir.join(path);
    let file = path.display().to_string();
    let text = std::fs::read_to_string(&full).map_err(|e| {
        Says::UserDictionaryCannotRead {
            file: file.clone(),
            why: crate::says::os_error(&e),
        }
        .to_string()
    })?;
    UserDictionary::from_csv(&text).map_err(|e| {
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
