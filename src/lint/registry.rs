//! The lint rules: their ids, documentation, defaults and options, and the settings a
//! configuration gives them.

use std::fmt;

use serde::{Deserialize, Serialize};

pub(crate) use super::config::RuleSettings;
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
    pub(crate) fn value(self) -> OptionValue {
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
    pub(crate) fn check(
        self,
        value: &OptionValue,
        rule: &'static str,
        name: &str,
    ) -> Result<(), Message> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::LintConfig;

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
