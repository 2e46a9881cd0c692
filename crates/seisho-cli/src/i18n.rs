//! The language the command line speaks: `--lang`, else `lang` in the `seisho.toml` of the
//! working directory, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first that is
//! set); English when none says. The diagnostics' messages come from the core's catalogue
//! (each file's `seisho.toml` may set its `lang`); the command line's own words are here,
//! each in English and Japanese.

use std::sync::atomic::{AtomicU8, Ordering};

use seisho::lint::Severity;
use seisho::Lang;

/// 0: not decided yet; otherwise 1 + the index of the language in [`Lang::ALL`].
static LANG: AtomicU8 = AtomicU8::new(0);
/// Whether `--lang` decided it (a `seisho.toml` then does not).
static FROM_FLAG: AtomicU8 = AtomicU8::new(0);

/// The language of the locale the process runs in.
pub fn from_env() -> Lang {
    Lang::from_locale_vars(|name| std::env::var(name).ok()).unwrap_or(Lang::En)
}

/// Decides the language at the start: `--lang`, else the locale.
pub fn init(flag: Option<Lang>) {
    store(flag.unwrap_or_else(from_env));
    FROM_FLAG.store(flag.is_some().into(), Ordering::Relaxed);
}

/// `--lang`, when it was given.
pub fn flag() -> Option<Lang> {
    (FROM_FLAG.load(Ordering::Relaxed) == 1).then(lang)
}

/// The language of the working directory's `seisho.toml`, unless `--lang` said otherwise.
pub fn configured(lang: Lang) {
    if flag().is_none() {
        store(lang);
    }
}

fn store(lang: Lang) {
    let index = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    LANG.store(index as u8 + 1, Ordering::Relaxed);
}

/// The language of the command line's words.
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        0 => from_env(),
        n => Lang::ALL[usize::from(n - 1)],
    }
}

/// A diagnostic's level as the human output shows it.
pub fn level(lang: Lang, severity: Severity) -> &'static str {
    match (lang, severity) {
        (Lang::En, s) => s.id(),
        (Lang::Ja, Severity::Error) => "エラー",
        (Lang::Ja, Severity::Warning) => "警告",
        (Lang::Ja, Severity::Info) => "情報",
    }
}

/// The label of `error: …`, `warning: …` and `note: …` on standard error.
pub fn label(en: &'static str) -> &'static str {
    match (lang(), en) {
        (Lang::Ja, "error") => "エラー",
        (Lang::Ja, "warning") => "警告",
        (Lang::Ja, "note") => "注意",
        _ => en,
    }
}

/// The rule of a diagnostic as the human output and the editor's hover name it: its id, and in
/// Japanese its Japanese name beside it (`max-ten 読点の数`).
pub fn rule_title(id: &str, lang: Lang) -> String {
    match (lang, seisho::lint::LintRule::find(id)) {
        (Lang::Ja, Some(rule)) => format!("{id} {}", rule.name_ja()),
        _ => id.to_owned(),
    }
}

/// The label under a problem that has a fix: safe, or only with `--unsafe-fixes`.
pub fn fixable(lang: Lang, safe: bool) -> &'static str {
    match (lang, safe) {
        (Lang::En, true) => "fixable",
        (Lang::En, false) => "fixable with --unsafe-fixes",
        (Lang::Ja, true) => "自動修正できます",
        (Lang::Ja, false) => "--unsafe-fixes で修正できます（要確認）",
    }
}

/// `n` things: `1 file`, `2 files`; in Japanese `2ファイル`, `エラー2件`.
pub fn count(lang: Lang, n: usize, what: Counted) -> String {
    let (one, many, ja) = match what {
        Counted::Problem => ("problem", "problems", "{n}件"),
        Counted::File => ("file", "files", "{n}ファイル"),
        Counted::Error => ("error", "errors", "エラー{n}件"),
        Counted::Warning => ("warning", "warnings", "警告{n}件"),
        Counted::Info => ("info", "infos", "情報{n}件"),
        Counted::Edit => ("edit", "edits", "修正{n}件"),
        Counted::Suggestion => ("suggestion", "suggestions", "提案{n}件"),
    };
    match lang {
        Lang::En => format!("{n} {}", if n == 1 { one } else { many }),
        Lang::Ja => ja.replace("{n}", &n.to_string()),
    }
}

/// What [`count`] counts.
#[derive(Clone, Copy, Debug)]
pub enum Counted {
    Problem,
    File,
    Error,
    Warning,
    Info,
    Edit,
    Suggestion,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_each_language_writes_them() {
        assert_eq!(count(Lang::En, 1, Counted::File), "1 file");
        assert_eq!(count(Lang::En, 2, Counted::Warning), "2 warnings");
        assert_eq!(count(Lang::Ja, 2, Counted::Warning), "警告2件");
        assert_eq!(count(Lang::Ja, 3, Counted::File), "3ファイル");
        assert_eq!(level(Lang::Ja, Severity::Error), "エラー");
        assert_eq!(level(Lang::En, Severity::Error), "error");
    }
}
