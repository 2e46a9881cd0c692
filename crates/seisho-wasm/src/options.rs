//! The options of the entry points, read from JavaScript objects and checked up front.

use std::collections::BTreeMap;

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use seisho::lint::{LintConfig, OptionValue, Severity, Syntax};
use seisho::{CompatClass, Lang, Normalizer, Rule, WaveDashStyle};

/// Options objects: their known fields, checked up front (serde-wasm-bindgen reads only the
/// fields a struct has, so `deny_unknown_fields` alone would let a misspelt option pass).
pub(crate) trait Fields {
    const FIELDS: &'static [&'static str];
    /// Checks nested objects.
    fn check_nested(_value: &JsValue, _what: &str) -> Result<(), JsError> {
        Ok(())
    }
}

fn check_keys(value: &JsValue, fields: &[&str], what: &str) -> Result<(), JsError> {
    if !value.is_object() || value.is_array() {
        return Err(JsError::new(&format!("{what}: options must be an object")));
    }
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !fields.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "{what}: unknown option `{key}` (known: {})",
                fields.join(", ")
            )));
        }
    }
    Ok(())
}

/// Reads options: `undefined` or `null` are the defaults.
pub(crate) fn parse<T: Default + Fields + for<'de> Deserialize<'de>>(
    value: JsValue,
    what: &str,
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    check_keys(&value, T::FIELDS, what)?;
    T::check_nested(&value, what)?;
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("{what}: bad options: {e}")))
}

/// The `unsafeFixes` field of an options object, `false` when missing.
pub(crate) fn unsafe_fixes(options: &JsValue) -> bool {
    if !options.is_object() {
        return false;
    }
    js_sys::Reflect::get(options, &JsValue::from_str("unsafeFixes"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Options of `normalize`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NormalizeOptions {
    /// Apply unsafe fixes (suggestions) too.
    #[serde(default)]
    pub unsafe_fixes: bool,
    /// `wave-dash` (〜) or `fullwidth-tilde` (～).
    pub wave_dash: Option<String>,
    /// Exactly these rules.
    pub only: Option<Vec<String>>,
    /// These rules on, besides the defaults.
    #[serde(default)]
    pub enable: Vec<String>,
    /// These rules off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// NFKC for these classes of compatibility characters.
    #[serde(default)]
    pub compat: Vec<String>,
    /// Collapse runs of ！ and ？.
    #[serde(default)]
    pub collapse_exclamations: bool,
    /// Confirm kana typo suggestions with the dictionary `loadDictionary` loaded (default:
    /// yes; nothing to confirm with before).
    pub dictionary: Option<bool>,
}

impl Fields for NormalizeOptions {
    const FIELDS: &'static [&'static str] = &[
        "unsafeFixes",
        "waveDash",
        "only",
        "enable",
        "disable",
        "compat",
        "collapseExclamations",
        "dictionary",
    ];
}

fn rule(id: &str) -> Result<Rule, JsError> {
    Rule::from_id(id).ok_or_else(|| JsError::new(&format!("normalize: unknown rule `{id}`")))
}

impl NormalizeOptions {
    /// The normalizer, confirming kana typos with `analyzer` (the loaded dictionary) unless
    /// `dictionary: false`.
    pub(crate) fn build(
        &self,
        #[cfg(feature = "morphology")] analyzer: Option<seisho::morphology::Analyzer>,
    ) -> Result<Normalizer, JsError> {
        // Never the embedded dictionary: this build has none.
        #[cfg_attr(not(feature = "morphology"), allow(unused_mut))]
        let mut b = Normalizer::builder().dictionary(false);
        #[cfg(feature = "morphology")]
        if let (Some(analyzer), true) = (analyzer, self.dictionary.unwrap_or(true)) {
            b = b.analyzer(analyzer);
        }
        let mut b = b
            .unsafe_fixes(self.unsafe_fixes)
            .collapse_exclamations(self.collapse_exclamations);
        if let Some(only) = &self.only {
            let rules = only
                .iter()
                .map(|id| rule(id))
                .collect::<Result<Vec<_>, _>>()?;
            b = b.only(&rules);
        }
        for id in &self.enable {
            b = b.enable(rule(id)?);
        }
        for id in &self.disable {
            b = b.disable(rule(id)?);
        }
        if let Some(style) = &self.wave_dash {
            let style = WaveDashStyle::from_id(style).ok_or_else(|| {
                JsError::new(&format!(
                    "normalize: unknown waveDash `{style}` (wave-dash or fullwidth-tilde)"
                ))
            })?;
            b = b.wave_dash(style);
        }
        for class in &self.compat {
            let class = CompatClass::from_id(class).ok_or_else(|| {
                JsError::new(&format!("normalize: unknown compat class `{class}`"))
            })?;
            b = b.compat(class, true);
        }
        Ok(b.build())
    }
}

/// How one rule is configured: `true`/`false`, `"off"` or a severity, or an object.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RuleSetting {
    On(bool),
    Level(String),
    Table(RuleTable),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTable {
    pub enabled: Option<bool>,
    pub severity: Option<String>,
    #[serde(default)]
    pub options: BTreeMap<String, OptionValue>,
}

/// Options of `lint` and `fix`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LintOptions {
    /// `text` (default) or `markdown`.
    pub syntax: Option<String>,
    /// Rule settings by rule id, as in `seisho.toml`'s `[rules]`.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSetting>,
    /// `fix` only: apply unsafe fixes too.
    #[serde(default)]
    pub unsafe_fixes: bool,
    /// The language of the messages: `en` (default) or `ja`.
    pub lang: Option<String>,
}

impl Fields for LintOptions {
    const FIELDS: &'static [&'static str] = &["syntax", "rules", "unsafeFixes", "lang"];

    fn check_nested(value: &JsValue, what: &str) -> Result<(), JsError> {
        let rules =
            js_sys::Reflect::get(value, &JsValue::from_str("rules")).unwrap_or(JsValue::UNDEFINED);
        if !rules.is_object() {
            return Ok(());
        }
        for entry in js_sys::Object::entries(rules.unchecked_ref::<js_sys::Object>()).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let setting = pair.get(1);
            if setting.is_object() {
                let id = pair.get(0).as_string().unwrap_or_default();
                check_keys(
                    &setting,
                    &["enabled", "severity", "options"],
                    &format!("{what}: rule `{id}`"),
                )?;
            }
        }
        Ok(())
    }
}

fn severity(s: &str) -> Result<Severity, JsError> {
    Severity::from_id(s).ok_or_else(|| {
        JsError::new(&format!(
            "lint: unknown severity `{s}` (info, warning, error, or off)"
        ))
    })
}

impl LintOptions {
    pub(crate) fn syntax(&self) -> Result<Syntax, JsError> {
        match self.syntax.as_deref() {
            None | Some("text") => Ok(Syntax::Text),
            #[cfg(feature = "markdown")]
            Some("markdown") => Ok(Syntax::Markdown),
            #[cfg(not(feature = "markdown"))]
            Some("markdown") => Err(JsError::new(
                "lint: this build of seisho-wasm has no Markdown (cargo feature `markdown`)",
            )),
            Some(other) => Err(JsError::new(&format!(
                "lint: unknown syntax `{other}` (text or markdown)"
            ))),
        }
    }

    pub(crate) fn config(&self) -> Result<LintConfig, JsError> {
        let mut config = LintConfig::default();
        config.set_lang(lang(self.lang.as_deref(), "lint")?);
        let err = |e: seisho::lint::ConfigError| JsError::new(&format!("lint: {e}"));
        for (id, setting) in &self.rules {
            match setting {
                RuleSetting::On(on) => config.set_enabled(id, *on).map_err(err)?,
                RuleSetting::Level(level) if level == "off" => {
                    config.set_enabled(id, false).map_err(err)?
                }
                RuleSetting::Level(level) => {
                    config.set_severity(id, severity(level)?).map_err(err)?
                }
                RuleSetting::Table(table) => {
                    if let Some(level) = &table.severity {
                        config.set_severity(id, severity(level)?).map_err(err)?;
                    }
                    if let Some(on) = table.enabled {
                        config.set_enabled(id, on).map_err(err)?;
                    }
                    if table.severity.is_none() && table.enabled.is_none() {
                        config.set_enabled(id, true).map_err(err)?;
                    }
                    for (name, value) in &table.options {
                        config.set_option(id, name, value.clone()).map_err(err)?;
                    }
                }
            }
        }
        Ok(config)
    }
}

/// The language named by a `lang` option (`en` when missing).
pub(crate) fn lang(id: Option<&str>, what: &str) -> Result<Lang, JsError> {
    match id {
        None => Ok(Lang::default()),
        Some(id) => Lang::from_id(id)
            .ok_or_else(|| JsError::new(&format!("{what}: unknown lang `{id}` (en or ja)"))),
    }
}

/// Options of `rules`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RulesOptions {
    /// The language of the summaries: `en` (default) or `ja`.
    pub lang: Option<String>,
}

impl Fields for RulesOptions {
    const FIELDS: &'static [&'static str] = &["lang"];
}

/// Options of `score`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScoreOptions {
    /// Score only the prose of a Markdown document.
    #[serde(default)]
    pub markdown: bool,
    /// Sentences longer than this many characters are long (default 100).
    pub long_sentence: Option<usize>,
}

impl Fields for ScoreOptions {
    const FIELDS: &'static [&'static str] = &["markdown", "longSentence"];
}
