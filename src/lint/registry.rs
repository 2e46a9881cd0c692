//! The lint rules: their ids, documentation, defaults and options, and the settings a
//! configuration gives them.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::context::{Context, Found};
use super::message::Message;
use super::Severity;
use crate::rule::Rule;
use crate::Lang;

/// A value of a rule option.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OptionValue {
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Integer(i64),
    /// A string.
    Text(String),
    /// A list of strings.
    List(Vec<String>),
}

impl OptionValue {
    /// What kind of value it is, in English and in Japanese (`an integer`, `整数`).
    fn kind(&self) -> (&'static str, &'static str) {
        match self {
            OptionValue::Bool(_) => ("a boolean", "真偽値"),
            OptionValue::Integer(_) => ("an integer", "整数"),
            OptionValue::Text(_) => ("a string", "文字列"),
            OptionValue::List(_) => ("a list of strings", "文字列の配列"),
        }
    }
}

impl fmt::Display for OptionValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionValue::Bool(b) => write!(f, "{b}"),
            OptionValue::Integer(n) => write!(f, "{n}"),
            OptionValue::Text(s) => write!(f, "{s:?}"),
            OptionValue::List(items) => write!(f, "{items:?}"),
        }
    }
}

/// The default of an option, as a rule declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionDefault {
    /// A boolean.
    Bool(bool),
    /// A whole number, with the smallest value allowed.
    Integer {
        /// The default.
        default: i64,
        /// The smallest value a configuration may give.
        min: i64,
    },
    /// One of a few strings.
    Choice {
        /// The default.
        default: &'static str,
        /// Every value allowed.
        choices: &'static [&'static str],
    },
    /// A list of strings.
    List(&'static [&'static str]),
    /// A list of some of a few strings.
    Subset {
        /// The default.
        default: &'static [&'static str],
        /// Every value allowed in the list.
        choices: &'static [&'static str],
    },
}

impl OptionDefault {
    fn value(self) -> OptionValue {
        match self {
            OptionDefault::Bool(b) => OptionValue::Bool(b),
            OptionDefault::Integer { default, .. } => OptionValue::Integer(default),
            OptionDefault::Choice { default, .. } => OptionValue::Text(default.to_owned()),
            OptionDefault::List(items) | OptionDefault::Subset { default: items, .. } => {
                OptionValue::List(items.iter().map(|s| (*s).to_owned()).collect())
            }
        }
    }

    /// Checks `value` against the option's type and range; `rule` and `name` are the option's,
    /// for the message.
    fn check(self, value: &OptionValue, rule: &'static str, name: &str) -> Result<(), Message> {
        let name = name.to_owned();
        match (self, value) {
            (OptionDefault::Bool(_), OptionValue::Bool(_)) => Ok(()),
            (OptionDefault::Integer { min, .. }, OptionValue::Integer(n)) => {
                if *n >= min {
                    Ok(())
                } else {
                    Err(Message::OptionBelowMin {
                        rule,
                        name,
                        min,
                        found: *n,
                    })
                }
            }
            (OptionDefault::Choice { choices, .. }, OptionValue::Text(s)) => {
                if choices.contains(&s.as_str()) {
                    Ok(())
                } else {
                    Err(Message::OptionNotAChoice {
                        rule,
                        name,
                        choices: choices.join(", "),
                        found: s.clone(),
                    })
                }
            }
            (OptionDefault::List(_), OptionValue::List(_)) => Ok(()),
            (OptionDefault::Subset { choices, .. }, OptionValue::List(items)) => {
                match items.iter().find(|s| !choices.contains(&s.as_str())) {
                    None => Ok(()),
                    Some(s) => Err(Message::OptionNotInSet {
                        rule,
                        name,
                        choices: choices.join(", "),
                        found: s.clone(),
                    }),
                }
            }
            (default, value) => {
                let (expected, expected_ja) = default.value().kind();
                let (found, found_ja) = value.kind();
                Err(Message::OptionType {
                    rule,
                    name,
                    expected,
                    expected_ja,
                    found,
                    found_ja,
                })
            }
        }
    }
}

/// An option of a rule: its name, default and meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleOption {
    /// The name a configuration gives it (`max`).
    pub name: &'static str,
    /// Its default, which also fixes its type.
    pub default: OptionDefault,
    /// What it means.
    pub summary: &'static str,
    /// What it means, in Japanese.
    pub summary_ja: &'static str,
}

impl RuleOption {
    /// What it means, in `lang`.
    pub fn summary_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.summary,
            Lang::Ja => self.summary_ja,
        }
    }
}

/// How a rule checks a text.
#[derive(Clone, Copy)]
pub(crate) enum Check {
    /// By the normalizer: its edits of this rule are the diagnostics.
    Normalizer(Rule),
    /// By a function over the document's prose and sentences.
    Text(fn(&Context<'_>, &RuleSettings, &mut Vec<Found>)),
    /// By a function over the prose and sentences that reads the words of each sentence too
    /// when the analyzer is there (and runs without it): the words are then made for it even
    /// when no other rule needs them, so that what it reports does not depend on which other
    /// rules are on.
    TextWithWords(fn(&Context<'_>, &RuleSettings, &mut Vec<Found>)),
    /// By a function that also needs the words of each sentence (the analyzer): without it
    /// the rule does not run. (A build without `morphology` has no such rule.)
    #[cfg_attr(not(feature = "morphology"), allow(dead_code))]
    Words(fn(&Context<'_>, &RuleSettings, &mut Vec<Found>)),
}

/// What a rule declares about itself, once: its id and the other names it answers to, the
/// summary that is also the first line of its documentation page, the page, its default
/// severity and whether it runs by default, and its options. `seisho rules`, `seisho
/// explain`, the configuration and the WebAssembly package read it from here.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RuleInfo {
    pub(crate) id: &'static str,
    /// Other ids that name the rule (textlint's names).
    pub(crate) aliases: &'static [&'static str],
    pub(crate) summary: &'static str,
    /// Its name in Japanese (`読点の数` for `max-ten`), shown beside the id.
    pub(crate) name_ja: &'static str,
    /// The summary in Japanese.
    pub(crate) summary_ja: &'static str,
    /// The page: the summary, a blank line and the rule's Markdown file (empty without the
    /// `docs` feature).
    pub(crate) doc: &'static str,
    /// The page in Japanese: the Japanese summary and the file `NAME.ja.md` beside `NAME.md`.
    pub(crate) doc_ja: &'static str,
    pub(crate) severity: Severity,
    pub(crate) default_on: bool,
    pub(crate) options: &'static [RuleOption],
}

impl RuleInfo {
    pub(crate) fn summary_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.summary,
            Lang::Ja => self.summary_ja,
        }
    }

    pub(crate) fn doc_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.doc,
            Lang::Ja => self.doc_ja,
        }
    }
}

/// A rule's documentation page: `$summary`, a blank line, then the Markdown file
/// `$stem$ext` beside the declaration (`.md` in English, `.ja.md` in Japanese). Without the
/// `docs` feature the pages are left out of the build.
#[cfg(feature = "docs")]
macro_rules! page {
    ($summary:literal, $stem:expr, $ext:literal) => {
        concat!($summary, "\n\n", include_str!(concat!($stem, $ext)))
    };
}
#[cfg(not(feature = "docs"))]
macro_rules! page {
    ($summary:literal, $stem:expr, $ext:literal) => {
        ""
    };
}
pub(crate) use page;

/// Declares one of the linter's own rules (a `const` of type [`LintRule`]): see [`RuleInfo`]
/// for the fields (`aliases` and `options` left out when there are none); `check` is a
/// [`Check`].
macro_rules! lint_rule {
    (
        id: $id:literal,
        $(aliases: [$($alias:literal),* $(,)?],)?
        summary: $summary:literal,
        name_ja: $name_ja:literal,
        summary_ja: $summary_ja:literal,
        page: $page:literal,
        severity: $severity:ident,
        default_on: $on:literal,
        $(options: $options:expr,)?
        check: $check:expr $(,)?
    ) => {
        $crate::lint::LintRule {
            info: &$crate::lint::registry::RuleInfo {
                id: $id,
                aliases: &[$($($alias),*)?],
                summary: $summary,
                name_ja: $name_ja,
                summary_ja: $summary_ja,
                doc: $crate::lint::registry::page!($summary, $page, ".md"),
                doc_ja: $crate::lint::registry::page!($summary_ja, $page, ".ja.md"),
                severity: $crate::lint::Severity::$severity,
                default_on: $on,
                options: $crate::lint::registry::or_none!($($options)?),
            },
            check: $check,
        }
    };
}
pub(crate) use lint_rule;

/// A rule's options as [`lint_rule!`] was given them: none when it has none.
macro_rules! or_none {
    () => {
        &[]
    };
    ($options:expr) => {
        $options
    };
}
pub(crate) use or_none;

/// A lint rule: what `seisho rules` lists and `seisho explain` prints.
#[derive(Clone, Copy)]
pub struct LintRule {
    pub(crate) info: &'static RuleInfo,
    pub(crate) check: Check,
}

impl fmt::Debug for LintRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LintRule")
            .field("id", &self.info.id)
            .finish()
    }
}

impl LintRule {
    /// Every rule: the normalizer's, then the linter's own, in a stable order.
    pub fn all() -> &'static [LintRule] {
        static ALL: std::sync::OnceLock<Vec<LintRule>> = std::sync::OnceLock::new();
        ALL.get_or_init(|| {
            let mut all: Vec<LintRule> = Rule::ALL
                .iter()
                .filter(|r| !r.is_preset())
                .map(|&rule| LintRule {
                    info: rule.info(),
                    check: Check::Normalizer(rule),
                })
                .collect();
            all.extend_from_slice(super::rules::NATIVE);
            all
        })
    }

    /// The rule with this id or alias.
    pub fn find(id: &str) -> Option<&'static LintRule> {
        LintRule::all()
            .iter()
            .find(|r| r.info.id == id || r.info.aliases.contains(&id))
    }

    /// The kebab-case id.
    pub fn id(&self) -> &'static str {
        self.info.id
    }

    /// One line saying what the rule finds.
    pub fn summary(&self) -> &'static str {
        self.info.summary
    }

    /// The documentation in Markdown: what it does, why, an example, fix safety. Empty
    /// without the `docs` feature (on by default).
    pub fn doc(&self) -> &'static str {
        self.info.doc
    }

    /// Its name in Japanese (`読点の数` for `max-ten`), shown beside the id.
    pub fn name_ja(&self) -> &'static str {
        self.info.name_ja
    }

    /// [`LintRule::summary`] in `lang`.
    pub fn summary_in(&self, lang: Lang) -> &'static str {
        self.info.summary_in(lang)
    }

    /// [`LintRule::doc`] in `lang`.
    pub fn doc_in(&self, lang: Lang) -> &'static str {
        self.info.doc_in(lang)
    }

    /// The severity of its diagnostics unless configured otherwise. (A normalizer rule's
    /// suggestion, an unsafe fix, is reported at most as a warning.)
    pub fn default_severity(&self) -> Severity {
        self.info.severity
    }

    /// Whether it runs unless configured otherwise.
    pub fn is_default(&self) -> bool {
        self.info.default_on
    }

    /// Its options.
    pub fn options(&self) -> &'static [RuleOption] {
        self.info.options
    }

    /// Other ids that name it.
    pub fn aliases(&self) -> &'static [&'static str] {
        self.info.aliases
    }

    /// Whether it needs the morphological analyzer (without it the rule does not run).
    pub fn needs_words(&self) -> bool {
        matches!(self.check, Check::Words(_))
    }

    /// Whether it reads the words of each sentence when the analyzer is there.
    #[cfg_attr(not(feature = "morphology"), allow(dead_code))]
    pub(crate) fn reads_words(&self) -> bool {
        matches!(self.check, Check::Words(_) | Check::TextWithWords(_))
    }

    /// The normalizer rule behind it, if it is one.
    pub fn normalizer_rule(&self) -> Option<Rule> {
        match self.check {
            Check::Normalizer(rule) => Some(rule),
            Check::Text(_) | Check::TextWithWords(_) | Check::Words(_) => None,
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_and_named_once() {
        let mut names = std::collections::BTreeSet::new();
        for rule in LintRule::all() {
            for name in std::iter::once(rule.id()).chain(rule.aliases().iter().copied()) {
                assert!(names.insert(name), "{name} names two rules");
                assert!(
                    name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                    "{name} is not kebab-case"
                );
                assert_eq!(LintRule::find(name).map(|r| r.id()), Some(rule.id()));
            }
            if !cfg!(feature = "docs") {
                assert_eq!(rule.doc(), "", "{}", rule.id());
                continue;
            }
            for section in ["## What it does", "## Why", "## Example", "## Fix safety"] {
                assert!(
                    rule.doc().contains(section),
                    "{} lacks {section}",
                    rule.id()
                );
            }
            assert_eq!(
                rule.doc().lines().next(),
                Some(rule.summary()),
                "{}",
                rule.id()
            );
            for option in rule.options() {
                assert!(
                    rule.doc().contains(&format!("`{}`", option.name)),
                    "{} does not document option {}",
                    rule.id(),
                    option.name
                );
            }
            japanese_page(rule);
        }
    }

    /// Every rule has a Japanese name, summary and page, and the page has the English page's
    /// sections, options and example.
    fn japanese_page(rule: &LintRule) {
        let (id, doc) = (rule.id(), rule.doc_in(Lang::Ja));
        let is_japanese = |s: &str| s.chars().any(|c| matches!(c, '\u{3041}'..='\u{30ff}'));
        assert!(
            is_japanese(rule.name_ja()) || rule.name_ja().chars().all(|c| c > '\u{2e7f}'),
            "{id}: name {:?}",
            rule.name_ja()
        );
        assert!(
            (2..=16).contains(&rule.name_ja().chars().count()),
            "{id}: name {:?}",
            rule.name_ja()
        );
        let summary = rule.summary_in(Lang::Ja);
        assert!(
            is_japanese(summary) && summary.ends_with('。'),
            "{id}: {summary:?}"
        );
        assert_eq!(doc.lines().next(), Some(summary), "{id}");
        for section in ["## 何をするか", "## なぜ", "## 例", "## 修正の安全性"] {
            assert!(
                doc.contains(section),
                "{id}: the Japanese page lacks {section}"
            );
        }
        for option in rule.options() {
            let name = format!("`{}`", option.name);
            assert!(doc.contains(&name), "{id}: the Japanese page lacks {name}");
            let (en, ja) = (option.summary, option.summary_in(Lang::Ja));
            if let Some(why) = crate::untranslated(en, ja) {
                panic!("{id}: option {name}: {why}: {ja:?}");
            }
        }
        let example = |doc: &'static str, heading: &str| {
            let at = doc.find(heading).expect("an example");
            let block = &doc[at..];
            let start = block.find("```").expect("a code block");
            let end = block[start + 3..].find("```").expect("a closed block") + start + 6;
            &block[start..end]
        };
        assert_eq!(
            example(doc, "## 例"),
            example(rule.doc(), "## Example"),
            "{id}: the Japanese page's example differs"
        );
    }

    #[test]
    fn configuration_errors_name_the_problem() {
        let mut config = LintConfig::default();
        let e = config.set_enabled("sentense-length", true).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown rule `sentense-length` (did you mean `sentence-length`?)"
        );
        let cases = [
            (
                "maximum",
                OptionValue::Integer(3),
                "rule `sentence-length` has no option `maximum` (it has: max)",
            ),
            (
                "max",
                OptionValue::Text("a".into()),
                "option `max` of rule `sentence-length` must be an integer, not a string",
            ),
            (
                "max",
                OptionValue::Integer(0),
                "option `max` of rule `sentence-length` must be at least 1, not 0",
            ),
        ];
        for (option, value, expected) in cases {
            let e = config
                .set_option("sentence-length", option, value)
                .unwrap_err();
            assert_eq!(e.to_string(), expected);
        }
        let e = config
            .set_option("no-mixed-period", "period", OptionValue::Text(".".into()))
            .unwrap_err();
        assert!(e.to_string().contains("must be one of auto, 。, ．"), "{e}");
        assert_eq!(
            e.message(Lang::Ja),
            "ルール`no-mixed-period`のオプション`period`はauto, 。, ．のいずれかです（\".\"は不可）"
        );
        let e = config.set_enabled("sentense-length", true).unwrap_err();
        assert_eq!(
            e.message(Lang::Ja),
            "`sentense-length`というルールはありません（`sentence-length`のことですか）"
        );
        // Aliases reach the rule.
        config.set_enabled("no-hankaku-kana", false).unwrap();
        assert!(!config.settings("halfwidth-kana").unwrap().enabled);
    }
}
