//! What a configuration says: which rules run, at which severity, with which options, the
//! words no rule reports, the language, and the dictionaries the caller read for the rules.

use std::collections::BTreeMap;
use std::fmt;

use super::message::Message;
use super::registry::{LintRule, OptionValue};
use super::Severity;
use crate::Lang;

/// How a configuration sets one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSettings {
    /// Whether it runs.
    pub enabled: bool,
    /// The severity of its diagnostics.
    pub severity: Severity,
    options: BTreeMap<&'static str, OptionValue>,
}

impl RuleSettings {
    fn defaults(rule: &LintRule) -> RuleSettings {
        RuleSettings {
            enabled: rule.info.default_on,
            severity: rule.info.severity,
            options: rule
                .info
                .options
                .iter()
                .map(|o| (o.name, o.default.value()))
                .collect(),
        }
    }

    /// The value of option `name` (its default unless configured).
    pub fn option(&self, name: &str) -> Option<&OptionValue> {
        self.options.get(name)
    }

    /// An integer option; its declared default when it is missing or not an integer.
    pub(crate) fn integer(&self, name: &str) -> i64 {
        match self.options.get(name) {
            Some(OptionValue::Integer(n)) => *n,
            _ => 0,
        }
    }

    /// A boolean option.
    #[cfg_attr(not(feature = "morphology"), allow(dead_code))]
    pub(crate) fn flag(&self, name: &str) -> bool {
        matches!(self.options.get(name), Some(OptionValue::Bool(true)))
    }

    /// A string option.
    pub(crate) fn text(&self, name: &str) -> &str {
        match self.options.get(name) {
            Some(OptionValue::Text(s)) => s,
            _ => "",
        }
    }

    /// A list option.
    pub(crate) fn list(&self, name: &str) -> &[String] {
        match self.options.get(name) {
            Some(OptionValue::List(items)) => items,
            _ => &[],
        }
    }
}

/// Why a configuration was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    message: Message,
}

impl ConfigError {
    #[cfg_attr(not(feature = "prh"), allow(dead_code))]
    pub(crate) fn new(message: Message) -> ConfigError {
        ConfigError { message }
    }

    /// What is wrong, in `lang` (the `Display` form is the English).
    pub fn message(&self, lang: Lang) -> String {
        self.message.render(lang)
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ConfigError {}

/// Which rules run, at which severity, with which options, and the language of the
/// messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LintConfig {
    rules: BTreeMap<&'static str, RuleSettings>,
    lang: Lang,
    allow: Vec<String>,
    #[cfg(feature = "prh")]
    prh: Option<std::sync::Arc<super::prh::Dictionary>>,
    #[cfg(feature = "morphology")]
    user_dictionary: Option<crate::morphology::UserDictionary>,
}

impl Default for LintConfig {
    fn default() -> Self {
        LintConfig {
            rules: LintRule::all()
                .iter()
                .map(|r| (r.info.id, RuleSettings::defaults(r)))
                .collect(),
            lang: Lang::default(),
            allow: Vec::new(),
            #[cfg(feature = "prh")]
            prh: None,
            #[cfg(feature = "morphology")]
            user_dictionary: None,
        }
    }
}

impl LintConfig {
    fn entry(&mut self, id: &str) -> Result<(&'static LintRule, &mut RuleSettings), ConfigError> {
        let rule = LintRule::find(id).ok_or_else(|| ConfigError {
            message: match suggest(id) {
                Some(near) => Message::UnknownRuleNear {
                    id: id.to_owned(),
                    near,
                },
                None => Message::UnknownRule { id: id.to_owned() },
            },
        })?;
        let settings = self
            .rules
            .get_mut(rule.info.id)
            .expect("every rule has settings");
        Ok((rule, settings))
    }

    /// Turns rule `id` on or off.
    pub fn set_enabled(&mut self, id: &str, on: bool) -> Result<(), ConfigError> {
        self.entry(id)?.1.enabled = on;
        Ok(())
    }

    /// Sets the severity of rule `id` (and turns it on).
    pub fn set_severity(&mut self, id: &str, severity: Severity) -> Result<(), ConfigError> {
        let (_, settings) = self.entry(id)?;
        settings.severity = severity;
        settings.enabled = true;
        Ok(())
    }

    /// Sets option `name` of rule `id`, checked against the option's type.
    pub fn set_option(
        &mut self,
        id: &str,
        name: &str,
        value: OptionValue,
    ) -> Result<(), ConfigError> {
        let (rule, settings) = self.entry(id)?;
        let option = rule
            .info
            .options
            .iter()
            .find(|o| o.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = rule.info.options.iter().map(|o| o.name).collect();
                ConfigError {
                    message: if names.is_empty() {
                        Message::RuleHasNoOptions {
                            rule: rule.info.id,
                            name: name.to_owned(),
                        }
                    } else {
                        Message::RuleHasNoOption {
                            rule: rule.info.id,
                            name: name.to_owned(),
                            names: names.join(", "),
                        }
                    },
                }
            })?;
        option
            .default
            .check(&value, rule.info.id, name)
            .map_err(|message| ConfigError { message })?;
        settings.options.insert(option.name, value);
        Ok(())
    }

    /// Sets the words no rule reports (as textlint's allowlist filter): a diagnostic that
    /// starts inside one of their occurrences is not made, nor its fix.
    pub fn set_allow(&mut self, words: Vec<String>) {
        self.allow = words;
    }

    /// The words no rule reports.
    pub fn allow(&self) -> &[String] {
        &self.allow
    }

    /// Sets the prh dictionary of the rule `prh` (read from its `rule-paths` by the caller:
    /// [`Dictionary::load`](super::prh::Dictionary::load)); an empty one is none.
    #[cfg(feature = "prh")]
    pub fn set_prh_dictionary(&mut self, dictionary: super::prh::Dictionary) {
        self.prh = (!dictionary.is_empty()).then(|| std::sync::Arc::new(dictionary));
    }

    /// Sets the user dictionary: the writer's own words (read by the caller:
    /// [`UserDictionary::from_csv`](crate::morphology::UserDictionary::from_csv)). The
    /// [`Linter`](super::Linter) reads each as one word, reports nothing inside one (but for
    /// the rule `prh`, the writer's own replacements) and fixes nothing in one; a run of kanji
    /// is cut by one, and a sentence's length counts one as a character. An empty dictionary
    /// is none.
    #[cfg(feature = "morphology")]
    pub fn set_user_dictionary(&mut self, dictionary: crate::morphology::UserDictionary) {
        self.user_dictionary = (!dictionary.is_empty()).then_some(dictionary);
    }

    /// The user dictionary, if one was given.
    #[cfg(feature = "morphology")]
    pub fn user_dictionary(&self) -> Option<&crate::morphology::UserDictionary> {
        self.user_dictionary.as_ref()
    }

    /// The prh dictionary of the rule `prh`, if one was given.
    #[cfg(feature = "prh")]
    pub fn prh_dictionary(&self) -> Option<&super::prh::Dictionary> {
        self.prh.as_deref()
    }

    /// Sets the language of the diagnostics' messages (English by default).
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// The language of the diagnostics' messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The settings of rule `id`.
    pub fn settings(&self, id: &str) -> Option<&RuleSettings> {
        LintRule::find(id).and_then(|r| self.rules.get(r.info.id))
    }

    /// The rules that run, with their settings.
    pub fn enabled(&self) -> impl Iterator<Item = (&'static LintRule, &RuleSettings)> {
        LintRule::all().iter().filter_map(|r| {
            self.rules
                .get(r.info.id)
                .filter(|s| s.enabled)
                .map(|s| (r, s))
        })
    }
}

/// A rule id near `id`, for "did you mean".
fn suggest(id: &str) -> Option<&'static str> {
    LintRule::all()
        .iter()
        .flat_map(|r| std::iter::once(r.info.id).chain(r.info.aliases.iter().copied()))
        .map(|candidate| (strsim::levenshtein(id, candidate), candidate))
        .filter(|&(d, candidate)| d <= candidate.len() / 3 + 1)
        .min()
        .map(|(_, candidate)| candidate)
}
