//! The prh rule's dictionaries: the files of `rule-paths` (relative to the configuration's
//! directory) and their imports, read as YAML into `seisho::lint::prh::Dictionary`.

use std::path::{Path, PathBuf};

use seisho::lint::prh::{source, Dictionary, LoadError};
use seisho::lint::{LintConfig, OptionValue};

use crate::says::Says;

/// Why a file could not be read: not there, or not YAML of prh's form.
enum ReadError {
    Io(std::io::Error),
    Yaml(yaml_serde::Error),
}

/// Reads and parses one prh file.
fn read(path: &Path) -> Result<source::File, ReadError> {
    let text = std::fs::read_to_string(path).map_err(ReadError::Io)?;
    yaml_serde::from_str(&text).map_err(ReadError::Yaml)
}

/// The dictionary of `paths` (relative to `dir`), or what is wrong with it, in the command
/// line's language.
pub fn load(paths: &[impl AsRef<Path>], dir: &Path) -> Result<Dictionary, String> {
    let paths: Vec<PathBuf> = paths.iter().map(|p| dir.join(p)).collect();
    Dictionary::load(&paths, &mut read).map_err(|e| match e {
        LoadError::Read { path, error } => {
            let file = shown(&path, dir);
            match error {
                ReadError::Io(e) => Says::PrhCannotRead {
                    file,
                    why: crate::says::os_error(&e),
                },
                ReadError::Yaml(e) => Says::PrhInvalid {
                    file,
                    why: e.to_string(),
                },
            }
            .to_string()
        }
        LoadError::Rule { path, error } => Says::PrhWrongRule {
            file: shown(&path, dir),
            why: error.message(crate::i18n::lang()),
        }
        .to_string(),
    })
}

/// Loads the dictionaries the `prh` rule's `rule-paths` name in `lint` (relative to `dir`)
/// into it, when the rule is on and names any.
pub fn load_into(lint: &mut LintConfig, dir: &Path) -> Result<(), String> {
    let Some(settings) = lint.settings("prh").filter(|s| s.enabled) else {
        return Ok(());
    };
    let Some(OptionValue::List(paths)) = settings.option("rule-paths") else {
        return Ok(());
    };
    if paths.is_empty() {
        return Ok(());
    }
    let dictionary = load(paths, dir)?;
    lint.set_prh_dictionary(dictionary);
    Ok(())
}

/// `path` relative to `dir` when it is inside it.
fn shown(path: &Path, dir: &Path) -> String {
    path.strip_prefix(dir).unwrap_or(path).display().to_string()
}
