//! A textlint configuration read as seisho's, for a project that has one and no `seisho.toml`:
//! `.textlintrc.json` (JSON with comments, as textlint reads it), `.textlintrc.yaml`,
//! `.textlintrc.yml`, `.textlintrc` (JSON, else YAML) or the `textlint` key of
//! `package.json`, in the order textlint looks for them (after `.textlintrc.cjs` and `.js`,
//! which seisho cannot run: it says so and uses its defaults). Its rules and their options (textlint's names), and the
//! presets seisho knows, become seisho's settings through `seisho::lint::textlint`; the seisho
//! rules that have a textlint counterpart run only where it turns them on, the others (kana
//! typos, width variants) keep their defaults. What seisho does not have or read is said once.
//! `textlint-disable` comments are always read (the `comments` filter).

use crate::says::Says;
use std::path::{Path, PathBuf};

use seisho::lint::{textlint, LintConfig, LintRule, OptionValue};
use serde_json::{Map, Value};

use super::{Config, ConfigError, ConfigErrors};

/// textlint's configuration files that seisho reads, in the order textlint looks for them.
pub const FILES: &[&str] = &[
    ".textlintrc.json",
    ".textlintrc.yaml",
    ".textlintrc.yml",
    ".textlintrc",
    "package.json",
];

/// textlint's JavaScript configuration files, which it looks for first and seisho cannot read.
pub const JS_FILES: &[&str] = &[".textlintrc.cjs", ".textlintrc.js"];

/// Reads textlint configuration file `path` (shown so in messages) as seisho's configuration,
/// with file patterns relative to `dir`: `None` for a `package.json` with no `textlint` key.
/// The second part says what of it seisho does not have or read.
pub fn load(
    path: &Path,
    dir: PathBuf,
    no_dictionary: bool,
) -> Result<Option<(Config, Vec<String>)>, ConfigErrors> {
    let fail = |source: String, span: std::ops::Range<usize>, message: String| ConfigErrors {
        path: path.to_path_buf(),
        source,
        errors: vec![ConfigError {
            span,
            key: None,
            message,
        }],
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        let why = crate::says::os_error(&e);
        fail(
            String::new(),
            0..0,
            Says::ConfigCannotRead { why }.to_string(),
        )
    })?;
    let json = parse(path, &text).map_err(|(at, message)| fail(text.clone(), at..at, message))?;
    let json = if path.file_name().is_some_and(|n| n == "package.json") {
        match json.get("textlint") {
            Some(v) => v.clone(),
            None => return Ok(None),
        }
    } else {
        json
    };
    let mut notes = Vec::new();
    let mut lint = settings(&json, &mut notes);
    // textlint-rule-prh reads `rulePaths` relative to the configuration file.
    let base = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    super::prh::load_into(&mut lint, &base).map_err(|message| fail(text.clone(), 0..0, message))?;
    let mut config = Config::default_in(dir, no_dictionary);
    config.lint = lint;
    config.path = Some(path.to_path_buf());
    Ok(Some((config, notes)))
}

/// textlint configuration `text` of file `path` as JSON: as JSON with comments for
/// `.json` and `package.json`, as YAML for `.yaml` and `.yml`, and as either for `.textlintrc`;
/// or where and why it cannot be read.
fn parse(path: &Path, text: &str) -> Result<Value, (usize, String)> {
    let yaml = |text: &str| {
        yaml_serde::from_str::<Value>(text).map_err(|e| {
            let at = e
                .location()
                .map_or(0, |l| offset_of(text, l.line(), l.column()));
            (at, e.to_string())
        })
    };
    let json = |text: &str| {
        serde_json::from_str::<Value>(&without_comments(text)).map_err(|e| {
            let at = offset_of(text, e.line(), e.column());
            (at, e.to_string())
        })
    };
    match path.extension().and_then(|e| e.to_str()) {
        Some("yaml" | "yml") => {
            yaml(text).map_err(|(at, why)| (at, Says::TextlintNotYaml { why }.to_string()))
        }
        Some("json") => {
            json(text).map_err(|(at, why)| (at, Says::TextlintNotJson { why }.to_string()))
        }
        // `.textlintrc`: JSON, else YAML (an empty file is an empty configuration).
        _ => json(text).or_else(|_| match yaml(text) {
            Ok(Value::Null) => Ok(Value::Object(Map::new())),
            other => other.map_err(|(at, why)| (at, Says::TextlintNotYaml { why }.to_string())),
        }),
    }
}

/// `text` with JavaScript comments (`// …` to the end of the line, `/* … */`) outside strings
/// blanked out (each byte a space, so that positions stay), as textlint reads JSON.
fn without_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        match (in_string, bytes[i], bytes.get(i + 1)) {
            (true, b'\\', _) => i += 1,
            (_, b'"', _) => in_string = !in_string,
            (false, b'/', Some(b'/')) => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    out[i] = b' ';
                    i += 1;
                }
                continue;
            }
            (false, b'/', Some(b'*')) => {
                let end = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |e| i + 2 + e + 2);
                for b in &mut out[i..end] {
                    if *b != b'\n' {
                        *b = b' ';
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    // Only ASCII bytes were replaced, by ASCII: still UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// The byte offset of 1-based `line` and `column` (characters) of `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// seisho's settings for textlint configuration `json`; `notes` gets what seisho does not
/// have or read.
fn settings(json: &Value, notes: &mut Vec<String>) -> LintConfig {
    let mut config = LintConfig::default();
    for rule in LintRule::all() {
        if textlint::is_textlint_rule(rule.id()) {
            config.set_enabled(rule.id(), false).expect("a known rule");
        }
    }
    let empty = Map::new();
    let rules = json
        .get("rules")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    for (name, value) in rules {
        if value == &Value::Bool(false) {
            continue;
        }
        match textlint::preset(name) {
            Some(preset) => {
                for (rule, defaults) in preset {
                    // The preset's own value may turn a rule off or give it options.
                    let own = value.get(rule);
                    if own == Some(&Value::Bool(false)) {
                        continue;
                    }
                    let mut options: Vec<(String, Value)> = defaults
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), json_of(v)))
                        .collect();
                    if let Some(Value::Object(own)) = own {
                        for (k, v) in own {
                            options.retain(|(key, _)| key != k);
                            options.push((k.clone(), v.clone()));
                        }
                    }
                    rule_settings(&mut config, rule, &options, notes);
                }
            }
            None if name.contains("preset-") => {
                notes.push(Says::UnknownPreset { name: name.clone() }.to_string());
            }
            None => {
                let options: Vec<(String, Value)> = match value {
                    Value::Object(o) => o.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
                    _ => Vec::new(),
                };
                rule_settings(&mut config, name, &options, notes);
            }
        }
    }
    if let Some(filters) = json.get("filters").and_then(Value::as_object) {
        for (name, value) in filters {
            match name.as_str() {
                "comments" => {}
                "allowlist" => config.set_allow(allowlist(value, notes)),
                _ => notes.push(Says::FilterNotRead { name: name.clone() }.to_string()),
            }
        }
    }
    if json.get("plugins").is_some() {
        notes.push(Says::PluginsNotRead {}.to_string());
    }
    config
}

/// The words of textlint's allowlist filter (`allow`); a regular expression (`/…/flags`) and
/// `allowlistConfigPaths` are noted as not read.
fn allowlist(value: &Value, notes: &mut Vec<String>) -> Vec<String> {
    let mut words = Vec::new();
    let allow = value.get("allow").and_then(Value::as_array);
    for item in allow.into_iter().flatten().filter_map(Value::as_str) {
        let regex = item.len() > 1 && item.starts_with('/') && item[1..].contains('/');
        if regex {
            let pattern = item.to_owned();
            notes.push(Says::AllowRegexNotRead { pattern }.to_string());
        } else {
            words.push(item.to_owned());
        }
    }
    if value.get("allowlistConfigPaths").is_some() {
        let name = "allowlist: allowlistConfigPaths".to_owned();
        notes.push(Says::FilterNotRead { name }.to_string());
    }
    words
}

/// Turns on textlint rule `name` with its `options`, or notes why it cannot be.
fn rule_settings(
    config: &mut LintConfig,
    name: &str,
    options: &[(String, Value)],
    notes: &mut Vec<String>,
) {
    let Some(rule) = textlint::seisho_rule(name) else {
        notes.push(Says::NoSuchRule { name: name.into() }.to_string());
        return;
    };
    let mut values = Vec::new();
    let mut severity = None;
    for (key, value) in options {
        // textlint's `severity` is the rule's, not an option of it.
        if key == "severity" {
            severity = value.as_str().and_then(seisho::lint::Severity::from_id);
            if severity.is_none() {
                let (name, value) = (name.into(), value.to_string());
                notes.push(Says::SeverityNotRead { name, value }.to_string());
            }
            continue;
        }
        match option_value(value) {
            Some(v) => values.push((key.as_str(), v)),
            None => notes.push(
                Says::OptionNotRead {
                    name: name.into(),
                    key: key.clone(),
                    value: value.to_string(),
                }
                .to_string(),
            ),
        }
    }
    match textlint::configure(config, rule, &values) {
        Ok(approximations) => notes.extend(approximations),
        Err(why) => {
            // The rule on, its options left at seisho's defaults.
            notes.push(
                Says::OptionsNotRead {
                    name: name.into(),
                    why,
                }
                .to_string(),
            );
            let _ = textlint::configure(config, rule, &[]);
        }
    }
    if let Some(severity) = severity {
        config
            .set_severity(rule, severity)
            .expect("a rule textlint::seisho_rule names");
    }
}

/// A JSON option value as seisho's; `None` for what seisho's options cannot be.
fn option_value(value: &Value) -> Option<OptionValue> {
    Some(match value {
        Value::Bool(b) => OptionValue::Bool(*b),
        Value::Number(n) => OptionValue::Integer(n.as_i64()?),
        Value::String(s) => OptionValue::Text(s.clone()),
        Value::Array(items) => OptionValue::List(
            items
                .iter()
                .map(|i| i.as_str().map(str::to_owned))
                .collect::<Option<_>>()?,
        ),
        _ => return None,
    })
}

/// A preset's option value as JSON.
fn json_of(value: OptionValue) -> Value {
    match value {
        OptionValue::Bool(b) => Value::Bool(b),
        OptionValue::Integer(n) => Value::from(n),
        OptionValue::Text(s) => Value::String(s),
        OptionValue::List(items) => Value::from(items),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(config: &LintConfig, id: &str) -> bool {
        config.settings(id).is_some_and(|s| s.enabled)
    }

    #[test]
    fn json_with_comments_yaml_and_either() {
        let expected: Value =
            serde_json::from_str(r#"{"rules": {"max-ten": {"max": 2}, "no-nfd": true}}"#).unwrap();
        let json = "{\n  // textlint reads comments\n  \"rules\": {\"max-ten\": {\"max\": 2}, /* on */ \"no-nfd\": true}\n}\n";
        let yaml = "# comment\nrules:\n  max-ten:\n    max: 2\n  no-nfd: true\n";
        for (name, text) in [
            (".textlintrc.json", json),
            (".textlintrc", json),
            (".textlintrc.yml", yaml),
            (".textlintrc.yaml", yaml),
            (".textlintrc", yaml),
        ] {
            assert_eq!(parse(Path::new(name), text), Ok(expected.clone()), "{name}");
        }
        // A string may hold what looks like a comment.
        let url = r#"{"rules": {"prh": {"rulePaths": ["http://example.com/a.yml"]}}}"#;
        assert_eq!(
            parse(Path::new(".textlintrc.json"), url).unwrap()["rules"]["prh"]["rulePaths"][0],
            "http://example.com/a.yml"
        );
        assert_eq!(
            parse(Path::new(".textlintrc"), ""),
            Ok(Value::Object(Map::new()))
        );
        // A mistake is placed: line 3 of the YAML.
        let (at, message) =
            parse(Path::new(".textlintrc.yml"), "rules:\n  a: 1\n b: [\n").unwrap_err();
        assert!(
            at > 10 && message.starts_with("not JSON nor YAML"),
            "{at} {message}"
        );
        let (at, _) = parse(Path::new(".textlintrc.json"), "{\n\"rules\": }").unwrap_err();
        assert_eq!(at, 11);
    }

    #[test]
    fn rules_presets_and_what_is_missing() {
        let json: Value = serde_json::from_str(
            r#"{
                "filters": { "comments": true, "allowlist": { "allow": ["x", "/y+/u"] } },
                "rules": {
                    "preset-ja-technical-writing": {
                        "sentence-length": { "max": 120 },
                        "no-doubled-joshi": false,
                        "ja-no-weak-phrase": false
                    },
                    "textlint-rule-no-unmatched-pair": { "severity": "warning" },
                    "prh": { "rulePaths": ["prh.yml"] }
                }
            }"#,
        )
        .unwrap();
        let mut notes = Vec::new();
        let config = settings(&json, &mut notes);
        assert!(on(&config, "sentence-length"));
        assert_eq!(
            config.settings("sentence-length").unwrap().option("max"),
            Some(&OptionValue::Integer(120))
        );
        assert_eq!(
            config
                .settings("max-kanji-continuous-len")
                .unwrap()
                .option("max"),
            Some(&OptionValue::Integer(6))
        );
        assert!(!on(&config, "no-doubled-joshi"));
        assert!(on(&config, "unmatched-pair") && on(&config, "no-nfd"));
        assert_eq!(
            config.settings("unmatched-pair").unwrap().severity,
            seisho::lint::Severity::Warning
        );
        // Not in the preset, a textlint rule: off; seisho's own rules keep their defaults.
        assert!(!on(&config, "no-space-between-full-width"));
        assert!(on(&config, "kanji-in-katakana"));
        let notes = notes.join("\n");
        // textlint-rule-prh's `rulePaths` is the rule `prh`'s `rule-paths` (read by `load`).
        assert_eq!(
            config.settings("prh").unwrap().option("rule-paths"),
            Some(&OptionValue::List(vec!["prh.yml".into()]))
        );
        for missing in ["max-comma", "ja-no-abusage", "preferInBody"] {
            assert!(notes.contains(missing), "{missing}: {notes}");
        }
        assert!(!notes.contains("ja-no-weak-phrase"), "{notes}");
        assert_eq!(config.allow(), ["x"]);
        assert!(notes.contains("/y+/u"), "{notes}");
    }
}
