//! `lint`'s `config`: a dict shaped as `seisho.toml` (or its `[rules]` table alone) read into a
//! `LintConfig`, with Python's errors for what is wrong.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict};
use seisho::lint::{LintConfig, OptionValue, Severity};

use crate::{boolean, type_error};

/// A Python value of a rule's option (`seisho explain RULE` lists them).
fn option_value(rule: &str, name: &str, v: &Bound<'_, PyAny>) -> PyResult<OptionValue> {
    if v.is_instance_of::<PyBool>() {
        return Ok(OptionValue::Bool(v.extract()?));
    }
    if let Ok(n) = v.extract::<i64>() {
        return Ok(OptionValue::Integer(n));
    }
    if let Ok(s) = v.extract::<String>() {
        return Ok(OptionValue::Text(s));
    }
    if let Ok(list) = v.extract::<Vec<String>>() {
        return Ok(OptionValue::List(list));
    }
    Err(type_error(
        &format!("rules.{rule}.{name}"),
        "a bool, an int, a str or a list of str",
        v,
    ))
}

fn severity(rule: &str, s: &str) -> PyResult<Severity> {
    Severity::from_id(s).ok_or_else(|| {
        PyValueError::new_err(format!(
            "rules.{rule}: unknown severity {s:?} (info, warning, error, or off)"
        ))
    })
}

/// The lint configuration of a dict shaped as `seisho.toml` (`{"rules": {...}, "allow":
/// [...], "user_dictionary": "CSV"}`, any of the three) or as its `[rules]` table alone: a rule
/// is `True`/`False`, `"off"` or a severity, or a dict of `enabled`, `severity` and the rule's
/// options; `allow`, the words no rule reports; `user_dictionary`, the text of a user
/// dictionary (the team's own words).
pub(crate) fn lint_config(config: &Bound<'_, PyDict>) -> PyResult<LintConfig> {
    const TOP: [&str; 3] = ["rules", "allow", "user_dictionary"];
    let mut allow = Vec::new();
    let mut user_dictionary = None;
    let whole = config.keys().iter().any(|k| {
        k.extract::<String>()
            .is_ok_and(|k| TOP.contains(&k.as_str()))
    });
    let rules = if whole {
        if let Some(words) = config.get_item("allow")? {
            allow = words
                .extract()
                .map_err(|_| type_error("config['allow']", "a list of str", &words))?;
        }
        if let Some(csv) = config.get_item("user_dictionary")? {
            let csv: String = csv
                .extract()
                .map_err(|_| type_error("config['user_dictionary']", "a str (CSV)", &csv))?;
            let words = seisho::morphology::UserDictionary::from_csv(&csv)
                .map_err(|e| PyValueError::new_err(format!("config['user_dictionary']: {e}")))?;
            user_dictionary = Some(words);
        }
        for (key, _) in config.iter() {
            let key: String = key.extract()?;
            if !TOP.contains(&key.as_str()) {
                return Err(PyValueError::new_err(format!(
                    "config: unknown key `{key}` (a config is {{\"rules\": {{...}}, \"allow\": [...], \"user_dictionary\": \"CSV\"}} or the rules alone)"
                )));
            }
        }
        match config.get_item("rules")? {
            Some(rules) => rules
                .cast_into::<PyDict>()
                .map_err(|e| type_error("config['rules']", "a dict", e.into_inner().as_any()))?,
            None => PyDict::new(config.py()),
        }
    } else {
        config.clone()
    };
    let mut out = LintConfig::default();
    out.set_allow(allow);
    if let Some(words) = user_dictionary {
        out.set_user_dictionary(words);
    }
    let err = |e: seisho::lint::ConfigError| PyValueError::new_err(format!("config: {e}"));
    for (id, setting) in rules.iter() {
        let id: String = id
            .extract()
            .map_err(|_| type_error("config rule id", "a str", &id))?;
        if setting.is_instance_of::<PyBool>() {
            out.set_enabled(&id, setting.extract()?).map_err(err)?;
        } else if let Ok(level) = setting.extract::<String>() {
            if level == "off" {
                out.set_enabled(&id, false).map_err(err)?;
            } else {
                out.set_severity(&id, severity(&id, &level)?).map_err(err)?;
            }
        } else if let Ok(table) = setting.cast::<PyDict>() {
            let mut switched = false;
            for (name, value) in table.iter() {
                let name: String = name.extract()?;
                match name.as_str() {
                    "severity" => {
                        let level: String = value.extract().map_err(|_| {
                            type_error(&format!("rules.{id}.severity"), "a str", &value)
                        })?;
                        out.set_severity(&id, severity(&id, &level)?).map_err(err)?;
                        switched = true;
                    }
                    "enabled" => {
                        out.set_enabled(&id, boolean(&value, &format!("rules.{id}.enabled"))?)
                            .map_err(err)?;
                        switched = true;
                    }
                    _ => {
                        let value = option_value(&id, &name, &value)?;
                        out.set_option(&id, &name, value).map_err(err)?;
                    }
                }
            }
            if !switched {
                out.set_enabled(&id, true).map_err(err)?;
            }
        } else {
            return Err(type_error(
                &format!("rules.{id}"),
                "a bool, a severity str or a dict",
                &setting,
            ));
        }
    }
    Ok(out)
}
