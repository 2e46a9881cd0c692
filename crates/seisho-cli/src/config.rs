//! `seisho.toml`: which lint rules run, how, and on which files.
//!
//! ```toml
//! [rules]
//! max-ten = false                  # off
//! no-mixed-period = "warning"      # on, at this severity
//!
//! [rules.sentence-length]
//! severity = "error"
//! max = 80
//!
//! [files]
//! include = ["*.md", "docs/**/*.txt"]
//! exclude = ["CHANGELOG.md", "vendor/**"]
//!
//! [dictionary]
//! user = "words.csv"               # the writer's own words (CSV: surface, part of speech, reading)
//! ```
//!
//! A rule's table takes `enabled`, `severity` and the rule's options (`seisho explain RULE`).
//! File patterns without a `/` match a file's name; with one, its path relative to the
//! directory of the `seisho.toml`. Every mistake (an unknown key, rule or option, a wrong type
//! or value) is an error with the file, line and column.
//!
//! A directory with no `seisho.toml` but a textlint configuration gets that (`config/textlint.rs`).

mod error;
pub mod prh;
mod resolver;
mod textlint;
mod user_dictionary;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use seisho::lint::{LintConfig, Linter, OptionValue, Severity};
use seisho::Lang;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

pub use self::error::{ConfigError, ConfigErrors};
pub use self::resolver::{Resolver, Selection};
pub use self::textlint::{FILES as TEXTLINT_FILES, JS_FILES as TEXTLINT_JS_FILES};
pub use self::user_dictionary::Words as UserWords;

/// Textlint configuration `path` as seisho's, with file patterns relative to `dir`, and what
/// seisho does not have or read of it; `None` for a `package.json` with no `textlint` key.
pub fn load_textlint(
    path: &Path,
    dir: PathBuf,
) -> Result<Option<(Config, Vec<String>)>, ConfigErrors> {
    textlint::load(path, dir, false)
}
use crate::says::Says;

/// The user dictionary in file `path` (relative to the working directory), for the commands
/// that take it as an option (`fmt`, `score`: `--user-dictionary`), or what is wrong with it.
pub fn load_user_dictionary(path: &Path) -> Result<UserWords, String> {
    user_dictionary::load(path, Path::new(""))
}

/// The name of the configuration file.
pub const FILE_NAME: &str = "seisho.toml";

/// The files linted in a directory when no `include` says otherwise.
pub const DEFAULT_INCLUDE: &[&str] = &["*.md", "*.markdown", "*.txt"];

/// A configuration: the rules' settings and the file patterns, and the linter they make.
#[derive(Debug)]
pub struct Config {
    /// The file it was read from (`None`: the defaults).
    pub path: Option<PathBuf>,
    /// The directory file patterns are relative to.
    pub dir: PathBuf,
    /// The rules' settings.
    pub lint: LintConfig,
    include: Patterns,
    exclude: Patterns,
    no_dictionary: bool,
    linter: OnceLock<Arc<Linter>>,
}

impl Config {
    /// The defaults, with patterns relative to `dir`.
    pub fn default_in(dir: PathBuf, no_dictionary: bool) -> Config {
        Config {
            path: None,
            dir,
            lint: {
                // The locale's language (or --lang), unless the file sets `lang`.
                let mut lint = LintConfig::default();
                lint.set_lang(crate::i18n::lang());
                lint
            },
            include: Patterns::new(DEFAULT_INCLUDE.iter().copied()).expect("valid patterns"),
            exclude: Patterns::default(),
            no_dictionary,
            linter: OnceLock::new(),
        }
    }

    /// The linter of this configuration (made once).
    pub fn linter(&self) -> Arc<Linter> {
        self.linter
            .get_or_init(|| {
                let linter = Linter::new(self.lint.clone());
                Arc::new(if self.no_dictionary {
                    linter.without_analyzer()
                } else {
                    linter
                })
            })
            .clone()
    }

    /// Whether a file met while walking a directory is linted: it matches `include`, and
    /// neither it nor a directory it is in (below the configuration's) matches `exclude`.
    pub fn selects(&self, path: &Path) -> bool {
        let rel = relative(path, &self.dir);
        if !self.include.matches(&rel) {
            return false;
        }
        if rel.is_absolute() {
            return !self.exclude.matches(&rel);
        }
        !rel.ancestors()
            .filter(|p| !p.as_os_str().is_empty())
            .any(|p| self.exclude.matches(p))
    }

    /// Reads the configuration in file `path`.
    pub fn load(path: &Path, no_dictionary: bool) -> Result<Config, ConfigErrors> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigErrors {
            path: path.to_path_buf(),
            source: String::new(),
            errors: vec![ConfigError {
                span: 0..0,
                key: None,
                message: Says::ConfigCannotRead {
                    why: crate::says::os_error(&e),
                }
                .to_string(),
            }],
        })?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        parse(&text, dir, no_dictionary)
            .map(|mut c| {
                c.path = Some(path.to_path_buf());
                c
            })
            .map_err(|errors| ConfigErrors {
                path: path.to_path_buf(),
                source: text,
                errors,
            })
    }
}

/// `path` relative to `dir` when it is inside it; else as it is.
fn relative(path: &Path, dir: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    abs.strip_prefix(dir).map(Path::to_path_buf).unwrap_or(abs)
}

/// File patterns: those without a `/` match the file name, the others the relative path.
#[derive(Debug, Default)]
struct Patterns {
    names: GlobSet,
    paths: GlobSet,
}

impl Patterns {
    fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Result<Patterns, String> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for pattern in patterns {
            let glob = glob(pattern)?;
            if pattern.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        Ok(Patterns {
            names: names.build().map_err(|e| e.to_string())?,
            paths: paths.build().map_err(|e| e.to_string())?,
        })
    }

    fn matches(&self, rel: &Path) -> bool {
        rel.file_name().is_some_and(|n| self.names.is_match(n)) || self.paths.is_match(rel)
    }
}

fn glob(pattern: &str) -> Result<Glob, String> {
    GlobBuilder::new(pattern.trim_start_matches("./"))
        .literal_separator(true)
        .backslash_escape(true)
        .build()
        .map_err(|e| e.kind().to_string())
}

/// Reads a configuration, collecting every mistake.
pub fn parse(text: &str, dir: PathBuf, no_dictionary: bool) -> Result<Config, Vec<ConfigError>> {
    let root = DeTable::parse(text).map_err(|e| {
        vec![ConfigError {
            span: e.span().unwrap_or(0..0),
            key: None,
            message: Says::InvalidToml {
                why: e.message().trim_end().to_owned(),
            }
            .to_string(),
        }]
    })?;
    let mut config = Config::default_in(dir, no_dictionary);
    let mut errors = Vec::new();
    for (key, value) in root.get_ref() {
        match key.get_ref().as_ref() {
            "rules" => match value.get_ref() {
                DeValue::Table(rules) => {
                    for (id, settings) in rules {
                        rule(&mut config.lint, id, settings, &mut errors);
                    }
                }
                other => errors.push(type_error(value, "rules", TABLE, other)),
            },
            "files" => match value.get_ref() {
                DeValue::Table(files) => {
                    for (k, v) in files {
                        let name = format!("files.{}", k.get_ref());
                        let target = match k.get_ref().as_ref() {
                            "include" => &mut config.include,
                            "exclude" => &mut config.exclude,
                            _ => {
                                errors.push(ConfigError {
                                    span: k.span(),
                                    key: Some(name),
                                    message: Says::UnknownFilesKey {
                                        key: k.get_ref().to_string(),
                                    }
                                    .to_string(),
                                });
                                continue;
                            }
                        };
                        match patterns(v, &name) {
                            Ok(p) => *target = p,
                            Err(e) => errors.push(e),
                        }
                    }
                }
                other => errors.push(type_error(value, "files", TABLE, other)),
            },
            "lang" => match value.get_ref() {
                DeValue::String(id) => match Lang::from_id(id) {
                    Some(lang) if lang.id() == id.as_ref() => config.lint.set_lang(lang),
                    _ => errors.push(ConfigError {
                        span: value.span(),
                        key: Some("lang".to_owned()),
                        message: Says::UnknownLang { id: id.to_string() }.to_string(),
                    }),
                },
                other => errors.push(type_error(value, "lang", ("a string", "文字列"), other)),
            },
            "dictionary" => match value.get_ref() {
                DeValue::Table(table) => {
                    for (k, v) in table {
                        let name = format!("dictionary.{}", k.get_ref());
                        if k.get_ref().as_ref() != "user" {
                            errors.push(ConfigError {
                                span: k.span(),
                                key: Some(name),
                                message: Says::UnknownDictionaryKey {
                                    key: k.get_ref().to_string(),
                                }
                                .to_string(),
                            });
                            continue;
                        }
                        let DeValue::String(path) = v.get_ref() else {
                            errors.push(type_error(v, &name, ("a string", "文字列"), v.get_ref()));
                            continue;
                        };
                        match user_dictionary::load(Path::new(path.as_ref()), &config.dir) {
                            Ok(words) => user_dictionary::give(&mut config.lint, words),
                            Err(message) => errors.push(ConfigError {
                                span: v.span(),
                                key: Some(name),
                                message,
                            }),
                        }
                    }
                }
                other => errors.push(type_error(value, "dictionary", TABLE, other)),
            },
            "allow" => match option_value(value) {
                Ok(OptionValue::List(words)) => config.lint.set_allow(words),
                _ => errors.push(type_error(
                    value,
                    "allow",
                    ("an array of strings", "文字列の配列"),
                    value.get_ref(),
                )),
            },
            other => errors.push(ConfigError {
                span: key.span(),
                key: Some(other.to_owned()),
                message: Says::UnknownKey {
                    key: other.to_owned(),
                }
                .to_string(),
            }),
        }
    }
    if errors.is_empty() {
        if let Err(message) = prh::load_into(&mut config.lint, &config.dir) {
            errors.push(ConfigError {
                span: prh_paths_span(root.get_ref()).unwrap_or(0..0),
                key: Some("rules.prh.rule-paths".to_owned()),
                message,
            });
        }
    }
    errors.sort_by_key(|e| e.span.start);
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(errors)
    }
}

/// Where `rules.prh.rule-paths` is written in the file.
fn prh_paths_span(root: &DeTable<'_>) -> Option<Range<usize>> {
    let DeValue::Table(rules) = root.get("rules")?.get_ref() else {
        return None;
    };
    let DeValue::Table(prh) = rules.get("prh")?.get_ref() else {
        return None;
    };
    Some(prh.get("rule-paths")?.span())
}

/// A TOML table, as a message names what was expected.
const TABLE: (&str, &str) = ("a table", "テーブル");

/// A value of the wrong kind: `expected` in English and in Japanese.
fn type_error(
    value: &Spanned<DeValue<'_>>,
    key: &str,
    (expected, expected_ja): (&'static str, &'static str),
    found: &DeValue<'_>,
) -> ConfigError {
    let (found, found_ja) = describe(found);
    ConfigError {
        span: value.span(),
        key: Some(key.to_owned()),
        message: Says::WrongType {
            key: key.to_owned(),
            expected,
            expected_ja,
            found,
            found_ja,
        }
        .to_string(),
    }
}

/// What kind of TOML value it is, in English and in Japanese.
fn describe(value: &DeValue<'_>) -> (&'static str, &'static str) {
    match value {
        DeValue::String(_) => ("a string", "文字列"),
        DeValue::Integer(_) => ("an integer", "整数"),
        DeValue::Float(_) => ("a float", "小数"),
        DeValue::Boolean(_) => ("a boolean", "真偽値"),
        DeValue::Datetime(_) => ("a date-time", "日時"),
        DeValue::Array(_) => ("an array", "配列"),
        DeValue::Table(_) => ("a table", "テーブル"),
    }
}

/// `include` or `exclude`: an array of glob patterns.
fn patterns(value: &Spanned<DeValue<'_>>, key: &str) -> Result<Patterns, ConfigError> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(type_error(
            value,
            key,
            ("an array of glob patterns", "globパターンの配列"),
            value.get_ref(),
        ));
    };
    let mut list = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(s) => {
                glob(s).map_err(|why| ConfigError {
                    span: item.span(),
                    key: Some(key.to_owned()),
                    message: Says::InvalidGlob {
                        pattern: s.to_string(),
                        why,
                    }
                    .to_string(),
                })?;
                list.push(s.as_ref());
            }
            other => {
                return Err(ConfigError {
                    span: item.span(),
                    key: Some(key.to_owned()),
                    message: {
                        let (found, found_ja) = describe(other);
                        let found = found.trim_start_matches("a ").trim_start_matches("an ");
                        Says::NotPatterns {
                            key: key.to_owned(),
                            found,
                            found_ja,
                        }
                        .to_string()
                    },
                })
            }
        }
    }
    Patterns::new(list).map_err(|why| ConfigError {
        span: value.span(),
        key: Some(key.to_owned()),
        message: why,
    })
}

/// `rules.<id> = …` or `[rules.<id>]`.
fn rule(
    lint: &mut LintConfig,
    id: &Spanned<std::borrow::Cow<'_, str>>,
    value: &Spanned<DeValue<'_>>,
    errors: &mut Vec<ConfigError>,
) {
    let key = format!("rules.{}", id.get_ref());
    let id_str = id.get_ref().as_ref();
    // An unknown rule is reported once, at its name.
    if seisho::lint::LintRule::find(id_str).is_none() {
        if let Err(e) = lint.set_enabled(id_str, true) {
            errors.push(ConfigError {
                span: id.span(),
                key: Some(key),
                message: e.message(crate::i18n::lang()),
            });
        }
        return;
    }
    let at = |span: Range<usize>, key: String, r: Result<(), seisho::lint::ConfigError>| {
        r.err().map(|e| ConfigError {
            span,
            key: Some(key),
            message: e.message(crate::i18n::lang()),
        })
    };
    match value.get_ref() {
        DeValue::Boolean(on) => {
            errors.extend(at(value.span(), key, lint.set_enabled(id_str, *on)));
        }
        DeValue::String(s) => match Severity::from_id(s) {
            Some(severity) => {
                errors.extend(at(value.span(), key, lint.set_severity(id_str, severity)))
            }
            None => errors.push(severity_error(value, &key, s)),
        },
        DeValue::Table(table) => {
            // `severity` turns the rule on: `enabled` is applied after it, so that
            // `enabled = false` wins wherever it is written.
            let mut enabled = None;
            for (name, v) in table {
                let name_str = name.get_ref().as_ref();
                let option_key = format!("{key}.{name_str}");
                match name_str {
                    "enabled" => match v.get_ref() {
                        DeValue::Boolean(on) => enabled = Some(*on),
                        other => {
                            errors.push(type_error(v, &option_key, ("a boolean", "真偽値"), other))
                        }
                    },
                    "severity" => match v.get_ref() {
                        DeValue::String(s) => match Severity::from_id(s) {
                            Some(severity) => errors.extend(at(
                                v.span(),
                                option_key,
                                lint.set_severity(id_str, severity),
                            )),
                            None => errors.push(severity_error(v, &option_key, s)),
                        },
                        other => errors.push(type_error(
                            v,
                            &option_key,
                            (
                                "\"error\", \"warning\" or \"info\"",
                                "\"error\"、\"warning\"、\"info\" のいずれか",
                            ),
                            other,
                        )),
                    },
                    _ => match option_value(v) {
                        Ok(value) => {
                            let result = lint.set_option(id_str, name_str, value);
                            // An unknown option is about its name; a wrong value, its value.
                            let rule = lint_rule(id_str);
                            let known = rule.options().iter().any(|o| o.name == name_str);
                            let span = if known { v.span() } else { name.span() };
                            errors.extend(at(span, option_key, result));
                        }
                        Err(found) => {
                            let rule = lint_rule(id_str);
                            match rule.options().iter().find(|o| o.name == name_str) {
                                Some(_) => errors.push(ConfigError {
                                    span: v.span(),
                                    key: Some(option_key),
                                    message: Says::OptionCannotBe {
                                        name: name_str.to_owned(),
                                        rule: rule.id().to_owned(),
                                        found: found.0,
                                        found_ja: found.1,
                                    }
                                    .to_string(),
                                }),
                                None => errors.extend(at(
                                    name.span(),
                                    option_key,
                                    lint.set_option(id_str, name_str, OptionValue::Bool(false)),
                                )),
                            }
                        }
                    },
                }
            }
            if let Some(on) = enabled {
                errors.extend(at(value.span(), key, lint.set_enabled(id_str, on)));
            }
        }
        other => errors.push(type_error(
            value,
            &key,
            (
                "true, false, a severity (\"error\", \"warning\", \"info\") or a table",
                "true、false、重大度（\"error\"、\"warning\"、\"info\"）、テーブルのいずれか",
            ),
            other,
        )),
    }
}

fn lint_rule(id: &str) -> &'static seisho::lint::LintRule {
    seisho::lint::LintRule::find(id).expect("checked before")
}

fn severity_error(value: &Spanned<DeValue<'_>>, key: &str, found: &str) -> ConfigError {
    ConfigError {
        span: value.span(),
        key: Some(key.to_owned()),
        message: Says::UnknownSeverity {
            found: found.to_owned(),
        }
        .to_string(),
    }
}

/// A TOML value as an option value; or what it is when no option can take it.
fn option_value(value: &Spanned<DeValue<'_>>) -> Result<OptionValue, (&'static str, &'static str)> {
    match value.get_ref() {
        DeValue::Boolean(b) => Ok(OptionValue::Bool(*b)),
        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix())
            .map(OptionValue::Integer)
            .map_err(|_| ("an integer this large", "これほど大きな整数")),
        DeValue::String(s) => Ok(OptionValue::Text(s.to_string())),
        DeValue::Array(items) => items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::String(s) => Ok(s.to_string()),
                _ => Err(("an array of anything but strings", "文字列以外を含む配列")),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(OptionValue::List),
        other => Err(describe(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        crate::i18n::init(Some(Lang::En));
        match parse(text, PathBuf::from("/"), true) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|e| {
                    let at = seisho::LineIndex::new(text).line_col(text, e.span.start);
                    format!(
                        "{}:{}: {} [{}]",
                        at.line,
                        at.column,
                        e.message,
                        e.key.clone().unwrap_or_default()
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn valid_configuration() {
        let text = "[rules]\nmax-ten = false\nno-mixed-period = \"warning\"\nno-hankaku-kana = \"info\"\n\n[rules.sentence-length]\nseverity = \"error\"\nmax = 80\n\n[files]\ninclude = [\"*.md\", \"docs/**/*.txt\"]\nexclude = [\"CHANGELOG.md\"]\n";
        let config = parse(text, PathBuf::from("/p"), true).unwrap();
        let lint = &config.lint;
        assert!(!lint.settings("max-ten").unwrap().enabled);
        assert_eq!(
            lint.settings("no-mixed-period").unwrap().severity,
            Severity::Warning
        );
        assert_eq!(
            lint.settings("halfwidth-kana").unwrap().severity,
            Severity::Info
        );
        let s = lint.settings("sentence-length").unwrap();
        assert_eq!(s.severity, Severity::Error);
        assert_eq!(s.option("max"), Some(&OptionValue::Integer(80)));
        assert!(config.selects(Path::new("/p/a.md")));
        assert!(config.selects(Path::new("/p/docs/x/y.txt")));
        assert!(!config.selects(Path::new("/p/a.txt")));
        assert!(!config.selects(Path::new("/p/sub/CHANGELOG.md")));
    }

    #[test]
    fn enabled_false_wins_over_severity() {
        let text = "[rules.max-ten]\nenabled = false\nseverity = \"error\"\n";
        let config = parse(text, PathBuf::from("/"), true).unwrap();
        assert!(!config.lint.settings("max-ten").unwrap().enabled);
    }

    #[test]
    fn each_mistake_is_located() {
        assert_eq!(
            errors("[rule]\n"),
            ["1:2: unknown key `rule` (expected `rules`, `files`, `lang` or `allow`) [rule]"]
        );
        assert_eq!(
            errors("[rules]\nsentence-lenght = false\n"),
            ["2:1: unknown rule `sentence-lenght` (did you mean `sentence-length`?) [rules.sentence-lenght]"]
        );
        assert_eq!(
            errors("[rules.sentence-length]\nmax = \"80\"\n"),
            ["2:7: option `max` of rule `sentence-length` must be an integer, not a string [rules.sentence-length.max]"]
        );
        assert_eq!(
            errors("[rules.sentence-length]\nmaximum = 80\n"),
            ["2:1: rule `sentence-length` has no option `maximum` (it has: max) [rules.sentence-length.maximum]"]
        );
        assert_eq!(
            errors("[rules.sentence-length]\nmax = 1.5\n"),
            ["2:7: option `max` of rule `sentence-length` cannot be a float [rules.sentence-length.max]"]
        );
        assert_eq!(
            errors("rules.max-ten = \"fatal\"\n"),
            ["1:17: unknown severity \"fatal\" (expected \"error\", \"warning\" or \"info\") [rules.max-ten]"]
        );
        assert_eq!(
            errors("[files]\ninclude = \"*.md\"\n"),
            ["2:11: `files.include` must be an array of glob patterns, not a string [files.include]"]
        );
        assert_eq!(
            errors("[files]\nexclude = [\"a[\"]\n"),
            ["2:12: invalid glob pattern \"a[\": unclosed character class; missing ']' [files.exclude]"]
        );
        assert_eq!(errors("[rules\n").len(), 1,);
        // Several mistakes: all of them, in order.
        assert_eq!(errors("[rules]\nnope = true\nmax-ten = 3\n").len(), 2);
    }
}
