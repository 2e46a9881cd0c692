//! `seisho init`: writes a `seisho.toml` in the working directory, either every rule with its
//! defaults (commented out, to edit) or, with `--from-textlint`, the settings that a textlint
//! configuration stands for (what `seisho lint` reads from it when there is no `seisho.toml`),
//! with what seisho does not have or read of it said in comments.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use seisho::lint::{LintConfig, LintRule, OptionValue, RuleSettings};
use seisho::Lang;

use crate::args::InitArgs;
use crate::config::{self, ConfigErrors};
use crate::io::{write_atomic, write_new};
use crate::report;
use crate::says::Says;

/// Runs `seisho init`.
pub fn run(args: &InitArgs) -> ExitCode {
    let lang = crate::i18n::lang();
    let text = match &args.from_textlint {
        None => starter(lang),
        Some(path) => match from_textlint(path, lang, &std::env::current_dir().unwrap_or_default())
        {
            Ok(text) => text,
            Err(e) => {
                report::error(e);
                return ExitCode::from(2);
            }
        },
    };
    if args.stdout {
        print!("{text}");
        return ExitCode::SUCCESS;
    }
    let path = Path::new(config::FILE_NAME);
    let written = match std::fs::read(path) {
        Ok(_) if !args.force => {
            report::error(Says::InitExists {
                path: config::FILE_NAME.to_owned(),
            });
            return ExitCode::from(2);
        }
        Ok(old) => write_atomic(path, &old, text.as_bytes()),
        Err(_) => write_new(path, text.as_bytes()),
    };
    match written {
        Ok(()) => {
            report::note(Says::InitWrote {
                path: config::FILE_NAME.to_owned(),
            });
            ExitCode::SUCCESS
        }
        Err(e) => {
            report::error(e.message(config::FILE_NAME));
            ExitCode::from(2)
        }
    }
}

/// Every rule, its name and summary in `lang`, its defaults as a commented-out line to edit.
fn starter(lang: Lang) -> String {
    let mut out = format!("# {}\n\n[rules]\n", Says::InitStarter {}.render(lang));
    let defaults = LintConfig::default();
    for rule in LintRule::all() {
        let settings = settings(&defaults, rule.id());
        let _ = writeln!(
            out,
            "\n# {} {}: {}",
            rule.id(),
            rule.name_ja(),
            rule.summary_in(lang)
        );
        let mut fields = vec![
            format!("enabled = {}", settings.enabled),
            format!("severity = \"{}\"", settings.severity),
        ];
        for option in rule.options() {
            if let Some(value) = settings.option(option.name) {
                fields.push(format!("{} = {}", option.name, toml_value(value)));
            }
        }
        let _ = writeln!(out, "# {} = {{ {} }}", rule.id(), fields.join(", "));
    }
    let _ = write!(
        out,
        "\n# {}\n# [dictionary]\n# user = \"words.csv\"\n",
        Says::InitUserDictionary {}.render(lang)
    );
    out
}

/// The `seisho.toml` to write in directory `dir` that textlint configuration `path` stands for
/// (a directory: the one textlint would read there).
fn from_textlint(path: &Path, lang: Lang, dir: &Path) -> Result<String, String> {
    let path = if path.is_dir() {
        find_textlint(path)?
    } else {
        path.to_path_buf()
    };
    let render = |e: ConfigErrors| e.to_string().trim_end().to_owned();
    let (mut config, notes) = config::load_textlint(&path, dir.to_path_buf())
        .map_err(render)?
        .ok_or_else(|| Says::NoTextlintKey {}.to_string())?;
    // textlint-rule-prh's paths are relative to the textlint configuration; the seisho.toml's
    // are relative to the seisho.toml.
    if let Some(OptionValue::List(paths)) = config
        .lint
        .settings("prh")
        .and_then(|s| s.option("rule-paths"))
    {
        let base = path.parent().unwrap_or(Path::new(""));
        let rebased = paths
            .iter()
            .map(|p| relative_to(&base.join(p), dir))
            .collect();
        config
            .lint
            .set_option("prh", "rule-paths", OptionValue::List(rebased))
            .expect("prh has the option");
    }
    let mut out = format!(
        "# {}\n",
        Says::InitFromTextlint {
            path: path.display().to_string()
        }
        .render(lang)
    );
    if !notes.is_empty() {
        let _ = writeln!(out, "# {}", Says::InitNotRead {}.render(lang));
        for note in &notes {
            let _ = writeln!(out, "#   {note}");
        }
    }
    out.push_str("\n[rules]\n");
    out.push_str(&changed_rules(&config.lint));
    Ok(out)
}

/// `path` as it is written in a file of directory `dir`: relative to it where both are
/// relative or both absolute, else absolute.
fn relative_to(path: &Path, dir: &Path) -> String {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (path, dir) = (absolute(path), absolute(dir));
    let (mut a, mut b) = (path.components().peekable(), dir.components().peekable());
    while a.peek().is_some() && a.peek() == b.peek() {
        a.next();
        b.next();
    }
    let mut out = PathBuf::new();
    for _ in b {
        out.push("..");
    }
    out.extend(a);
    if out.is_absolute() || out.as_os_str().is_empty() {
        return path.display().to_string();
    }
    // Written with `/` on every system: TOML strings, read back by `Path::join`.
    out.display().to_string().replace('\\', "/")
}

/// The textlint configuration textlint would read in directory `dir`.
fn find_textlint(dir: &Path) -> Result<PathBuf, String> {
    let found = config::TEXTLINT_JS_FILES
        .iter()
        .chain(config::TEXTLINT_FILES)
        .map(|name| match dir == Path::new(".") {
            true => PathBuf::from(name),
            false => dir.join(name),
        })
        .find(|p| p.is_file());
    let is_js = |p: &Path| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        config::TEXTLINT_JS_FILES.contains(&name)
    };
    match found {
        Some(p) if is_js(&p) => Err(Says::TextlintJs {
            path: p.display().to_string(),
        }
        .to_string()),
        Some(p) => Ok(p),
        None => Err(Says::NoTextlintConfig {}.to_string()),
    }
}

/// The rules whose settings in `config` differ from seisho's defaults, as `[rules]` lines: off
/// (`id = false`), on at its default severity (`id = true`), or a table of what differs.
fn changed_rules(config: &LintConfig) -> String {
    let defaults = LintConfig::default();
    let mut lines = String::new();
    let mut tables = String::new();
    for rule in LintRule::all() {
        let id = rule.id();
        let (now, was) = (settings(config, id), settings(&defaults, id));
        if !now.enabled {
            if was.enabled {
                let _ = writeln!(lines, "{id} = false");
            }
            continue;
        }
        let mut fields = Vec::new();
        if now.severity != was.severity {
            fields.push(format!("severity = \"{}\"", now.severity));
        }
        for option in rule.options() {
            match now.option(option.name) {
                Some(value) if Some(value) != was.option(option.name) => {
                    fields.push(format!("{} = {}", option.name, toml_value(value)));
                }
                _ => {}
            }
        }
        if fields.is_empty() {
            if !was.enabled {
                let _ = writeln!(lines, "{id} = true");
            }
            continue;
        }
        if !was.enabled && now.severity == was.severity {
            fields.insert(0, "enabled = true".to_owned());
        }
        let _ = writeln!(tables, "\n[rules.{id}]\n{}", fields.join("\n"));
    }
    lines + &tables
}

fn settings<'a>(config: &'a LintConfig, id: &str) -> &'a RuleSettings {
    config.settings(id).expect("every rule has settings")
}

/// An option's value as TOML writes it.
fn toml_value(value: &OptionValue) -> String {
    let string = |s: &str| toml::Value::String(s.to_owned()).to_string();
    match value {
        OptionValue::Bool(b) => b.to_string(),
        OptionValue::Integer(n) => n.to_string(),
        OptionValue::Text(s) => string(s),
        OptionValue::List(items) => {
            let items: Vec<String> = items.iter().map(|s| string(s)).collect();
            format!("[{}]", items.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seisho.toml written for a textlint configuration, read back, gives the same
    /// settings as the textlint configuration itself.
    #[test]
    fn a_textlint_configuration_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let rc = dir.path().join(".textlintrc.json");
        std::fs::write(
            &rc,
            r#"{ "rules": {
                "preset-ja-technical-writing": { "sentence-length": { "max": 120 } },
                "no-doubled-joshi": { "min_interval": 2, "severity": "warning" },
                "ja-no-weak-phrase": true,
                "textlint-rule-no-nfd": false
            } }"#,
        )
        .unwrap();
        let text = from_textlint(&rc, Lang::En, dir.path()).unwrap();
        assert!(text.contains("ja-no-weak-phrase"), "{text}");
        let from_toml = config::parse(&text, dir.path().to_path_buf(), false).unwrap();
        let (from_rc, _) = config::load_textlint(&rc, dir.path().to_path_buf())
            .unwrap()
            .unwrap();
        for rule in LintRule::all() {
            assert_eq!(
                from_toml.lint.settings(rule.id()),
                from_rc.lint.settings(rule.id()),
                "{}\n{text}",
                rule.id()
            );
        }
        assert!(
            text.contains("[rules.sentence-length]\nmax = 120"),
            "{text}"
        );
    }

    /// textlint-rule-prh's `rulePaths` (relative to the textlint configuration) become
    /// `rule-paths` relative to the directory the seisho.toml is written in.
    #[test]
    fn prh_paths_are_rebased() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("docs");
        std::fs::create_dir_all(sub.join("dict")).unwrap();
        std::fs::write(sub.join("dict/prh.yml"), "rules: [JavaScript]\n").unwrap();
        let rc = sub.join(".textlintrc.json");
        std::fs::write(
            &rc,
            r#"{"rules": {"prh": {"rulePaths": ["./dict/prh.yml"]}}}"#,
        )
        .unwrap();
        let text = from_textlint(&rc, Lang::En, dir.path()).unwrap();
        assert!(
            text.contains("rule-paths = [\"docs/dict/prh.yml\"]"),
            "{text}"
        );
        let config = config::parse(&text, dir.path().to_path_buf(), false).unwrap();
        assert_eq!(config.lint.prh_dictionary().map(|d| d.len()), Some(1));
        assert_eq!(
            relative_to(Path::new("/a/b/c.yml"), Path::new("/a/d")),
            "../b/c.yml"
        );
    }

    /// The starter file is a valid configuration: every line of it, uncommented, too.
    #[test]
    fn the_starter_parses_commented_and_uncommented() {
        let text = starter(Lang::Ja);
        let dir = PathBuf::from("/");
        config::parse(&text, dir.clone(), true).unwrap();
        let uncommented: String = text
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rule) if rule.contains(" = { enabled") => format!("{rule}\n"),
                _ => format!("{l}\n"),
            })
            .collect();
        let config = config::parse(&uncommented, dir, true).unwrap();
        assert_eq!(config.lint, LintConfig::default());
        assert_eq!(
            uncommented.matches(" = { enabled").count(),
            LintRule::all().len()
        );
    }
}
