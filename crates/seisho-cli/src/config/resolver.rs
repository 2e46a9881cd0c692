//! Which configuration each input gets: the `seisho.toml` (or textlint configuration) nearest
//! to it, or `--config`, each read once; and the rules the command line turns on or off over
//! all of them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use seisho::lint::LintRule;

use super::{textlint, Config, ConfigErrors, FILE_NAME};
use crate::says::Says;

/// `path` relative to the current directory when it is inside it, for messages.
fn shown_path(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| path.to_path_buf())
}

/// The rules the command line turns on or off over every configuration: `--select` (only
/// these) and `--ignore` (not these).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only these rules, when not empty.
    pub select: Vec<&'static LintRule>,
    /// Not these rules.
    pub ignore: Vec<&'static LintRule>,
}

impl Selection {
    /// `config` with the selection applied (and `--lang`, over the file's `lang`).
    fn apply(&self, mut config: Config) -> Config {
        if let Some(lang) = crate::i18n::flag() {
            config.lint.set_lang(lang);
        }
        if !self.select.is_empty() {
            for rule in LintRule::all() {
                let on = self.select.iter().any(|r| r.id() == rule.id());
                config
                    .lint
                    .set_enabled(rule.id(), on)
                    .expect("a known rule");
            }
        }
        for rule in &self.ignore {
            config
                .lint
                .set_enabled(rule.id(), false)
                .expect("a known rule");
        }
        config
    }
}

/// Finds the configuration of each directory: the nearest `seisho.toml` above it, read once.
#[derive(Debug)]
pub struct Resolver {
    /// `--config`: one configuration for every file.
    fixed: Option<Arc<Config>>,
    /// The configuration of each directory looked at (absolute paths).
    by_dir: HashMap<PathBuf, Arc<Config>>,
    /// Each configuration file read.
    by_file: HashMap<PathBuf, Arc<Config>>,
    /// The defaults, for directories with no `seisho.toml` above them.
    default: Arc<Config>,
    no_dictionary: bool,
    selection: Selection,
    /// The YAML textlint configurations said not to be read.
    unread_seen: std::collections::HashSet<PathBuf>,
}

impl Resolver {
    /// A resolver; with `config`, every file gets it.
    pub fn new(
        config: Option<&Path>,
        no_dictionary: bool,
        selection: Selection,
    ) -> Result<Resolver, ConfigErrors> {
        let fixed = config
            .map(|p| Config::load(p, no_dictionary).map(|c| Arc::new(selection.apply(c))))
            .transpose()?;
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Ok(Resolver {
            fixed,
            by_dir: HashMap::new(),
            by_file: HashMap::new(),
            default: Arc::new(selection.apply(Config::default_in(cwd, no_dictionary))),
            no_dictionary,
            selection,
            unread_seen: Default::default(),
        })
    }

    /// The configuration of files in directory `dir`.
    pub fn for_dir(&mut self, dir: &Path) -> Result<Arc<Config>, ConfigErrors> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        // The directories up to the first one known or holding a seisho.toml.
        let mut pending = Vec::new();
        let mut found = None;
        for d in abs.ancestors() {
            if let Some(c) = self.by_dir.get(d) {
                found = Some(c.clone());
                break;
            }
            pending.push(d.to_path_buf());
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                let c = match self.by_file.get(&candidate) {
                    Some(c) => c.clone(),
                    None => {
                        let shown = shown_path(&candidate);
                        let c = Config::load(&shown, self.no_dictionary)?;
                        let c = Arc::new(self.selection.apply(c));
                        self.by_file.insert(candidate, c.clone());
                        c
                    }
                };
                found = Some(c);
                break;
            }
            if let Some(c) = self.textlint_in(d)? {
                found = Some(c);
                break;
            }
        }
        let config = found.unwrap_or_else(|| self.default.clone());
        for d in pending {
            self.by_dir.insert(d, config.clone());
        }
        Ok(config)
    }
}

impl Resolver {
    /// The textlint configuration of directory `d` (absolute), read once, if it has one; a
    /// JavaScript one (which textlint would take first) is said not to be read, once, and
    /// stands for none.
    fn textlint_in(&mut self, d: &Path) -> Result<Option<Arc<Config>>, ConfigErrors> {
        for name in textlint::JS_FILES {
            let candidate = d.join(name);
            if candidate.is_file() {
                if self.unread_seen.insert(candidate.clone()) {
                    crate::report::warning(Says::TextlintJs {
                        path: shown_path(&candidate).display().to_string(),
                    });
                }
                return Ok(None);
            }
        }
        for name in textlint::FILES {
            let candidate = d.join(name);
            if let Some(c) = self.by_file.get(&candidate) {
                return Ok(Some(c.clone()));
            }
            if !candidate.is_file() {
                continue;
            }
            let shown = shown_path(&candidate);
            let Some((c, notes)) = textlint::load(&shown, d.to_path_buf(), self.no_dictionary)?
            else {
                continue;
            };
            for note in notes {
                crate::report::warning(format_args!("{}: {note}", shown.display()));
            }
            let c = Arc::new(self.selection.apply(c));
            self.by_file.insert(candidate, c.clone());
            return Ok(Some(c));
        }
        Ok(None)
    }
}
