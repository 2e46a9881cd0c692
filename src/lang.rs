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

    /// The language of the locale as POSIX decides it for messages: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty, read with `var` (the library does
    /// no I/O: pass `|name| std::env::var(name).ok()`); `None` when none is.
    pub fn from_locale_vars(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| Lang::from_locale(&var(name).unwrap_or_default()))
    }
}

/// Declares a catalogue of messages: an enum whose each variant is one message with its words
/// and numbers as fields, and its English and Japanese text side by side, so that no message
/// exists in one language only (the macro does not compile an entry without both).
/// `render(lang)` formats it; `samples()` (in tests) gives one of each with empty fields, for
/// [`untranslated`]. The linter's messages (`seisho::lint`) and the command line's are
/// declared with it.
///
/// ```
/// seisho::catalogue! {
///     /// What the example says.
///     pub enum Said;
///     /// A file that could not be read.
///     CannotRead { name: String }
///         => en: "cannot read {name}",
///            ja: "{name}を読めません";
/// }
/// let said = Said::CannotRead { name: "a.md".into() };
/// assert_eq!(said.render(seisho::Lang::Ja), "a.mdを読めません");
/// ```
#[macro_export]
macro_rules! catalogue {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident;
        $(
            $(#[doc = $doc:literal])*
            $variant:ident { $($field:ident : $ty:ty),* $(,)? }
                => en: $en:literal,
                   ja: $ja:literal;
        )*
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        $vis enum $name {
            $( $(#[doc = $doc])* #[allow(missing_docs)] $variant { $($field: $ty),* }, )*
        }

        impl $name {
            /// The message in `lang`.
            #[allow(dead_code)]
            $vis fn render(&self, lang: $crate::Lang) -> ::std::string::String {
                match self {
                    $( $name::$variant { $($field),* } => match lang {
                        $crate::Lang::En => format!($en),
                        $crate::Lang::Ja => format!($ja),
                    }, )*
                }
            }

            /// One message of each kind, with empty words and zero numbers (for the tests).
            #[cfg(test)]
            #[allow(dead_code)]
            fn samples() -> ::std::vec::Vec<$name> {
                vec![$( $name::$variant { $($field: <$ty>::default()),* } ),*]
            }
        }
    };
}

/// What is wrong with the Japanese `ja` of a message whose English is `en`, if anything: the
/// same text as the English, no kana, or an English word left in it. Words of three or more
/// ASCII letters are English unless they name something (an option `--encoding`, a file
/// `seisho.toml`, a key in backquotes or a value in double quotes, a capitalized name such as
/// `Markdown`, `UTF-8` or `TOML`, a tool's name such as `textlint`).
#[doc(hidden)]
pub fn untranslated(en: &str, ja: &str) -> Option<String> {
    if en.is_empty() || en == ja {
        return Some("the same as the English".into());
    }
    if !ja.chars().any(|c| matches!(c, '\u{3041}'..='\u{30ff}')) {
        return Some("no kana".into());
    }
    let mut quoted = false;
    let mut word = String::new();
    for c in ja.chars().chain([' ']) {
        if c.is_ascii_alphanumeric()
            || matches!(c, '-' | '.' | '_' | '/' | '*' | '<' | '>' | '[' | ']')
        {
            word.push(c);
            continue;
        }
        let letters = word.chars().filter(char::is_ascii_alphabetic).count();
        let names_something = word.chars().any(|c| !c.is_ascii_alphabetic())
            || word.starts_with(|c: char| c.is_ascii_uppercase())
            || [
                "seisho",
                "textlint",
                "prh",
                "neologdn",
                "reviewdog",
                "jReadability",
                "glob",
                "true",
                "false",
            ]
            .contains(&word.as_str());
        if !quoted && letters >= 3 && !names_something {
            return Some(format!("English word {word:?}"));
        }
        word.clear();
        if c == '`' || c == '"' {
            quoted = !quoted;
        }
    }
    None
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
        let vars = |set: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                set.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        type Vars = &'static [(&'static str, &'static str)];
        let cases: [(Vars, Option<Lang>); 5] = [
            (&[], None),
            (&[("LANG", "ja_JP.UTF-8")], Some(Lang::Ja)),
            (
                &[("LANG", "ja_JP.UTF-8"), ("LC_MESSAGES", "C")],
                Some(Lang::En),
            ),
            (
                &[("LC_ALL", "ja_JP.UTF-8"), ("LC_MESSAGES", "C")],
                Some(Lang::Ja),
            ),
            (&[("LC_ALL", ""), ("LANG", "ja")], Some(Lang::Ja)),
        ];
        for (set, expected) in cases {
            assert_eq!(Lang::from_locale_vars(vars(set)), expected, "{set:?}");
        }
    }
}
