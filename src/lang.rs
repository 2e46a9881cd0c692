//! The language seisho speaks to people in: its messages, rule names, summaries and pages.

use core::fmt;

/// A language of seisho's messages. Rule ids, option names and JSON field names are the same
/// in every language; what a person reads (a diagnostic's message, a rule's name, summary and
/// page) follows the language.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Lang {
    /// English, the default of the library's APIs.
    #[default]
    En,
    /// Japanese (日本語).
    Ja,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// `en` or `ja`.
    pub const fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language with this id: `en` or `ja`, in any case, with or without a region or an
    /// encoding (`ja-JP`, `en_US.UTF-8`).
    pub fn from_id(id: &str) -> Option<Lang> {
        let primary = id.split(['-', '_', '.', '@']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.id().eq_ignore_ascii_case(primary))
    }

    /// The language of a POSIX locale name such as `LANG` holds (`ja_JP.UTF-8` → Japanese):
    /// Japanese for a Japanese locale, English for any other (`C`, `POSIX`, `de_DE.UTF-8`), and
    /// `None` for an empty one, which does not decide.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let locale = locale.trim();
        if locale.is_empty() {
            return None;
        }
        Some(Lang::from_id(locale).unwrap_or(Lang::En))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ids_and_locales() {
        for (text, id, locale) in [
            ("ja", Some(Lang::Ja), Some(Lang::Ja)),
            ("JA", Some(Lang::Ja), Some(Lang::Ja)),
            ("ja-JP", Some(Lang::Ja), Some(Lang::Ja)),
            ("ja_JP.UTF-8", Some(Lang::Ja), Some(Lang::Ja)),
            ("ja_JP.eucJP@euro", Some(Lang::Ja), Some(Lang::Ja)),
            ("en", Some(Lang::En), Some(Lang::En)),
            ("en_US.UTF-8", Some(Lang::En), Some(Lang::En)),
            ("C", None, Some(Lang::En)),
            ("C.UTF-8", None, Some(Lang::En)),
            ("POSIX", None, Some(Lang::En)),
            ("de_DE.UTF-8", None, Some(Lang::En)),
            ("jav", None, Some(Lang::En)),
            ("", None, None),
            ("  ", None, None),
        ] {
            assert_eq!(Lang::from_id(text), id, "from_id({text:?})");
            assert_eq!(Lang::from_locale(text), locale, "from_locale({text:?})");
        }
    }
}
