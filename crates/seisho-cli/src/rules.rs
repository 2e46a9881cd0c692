//! `seisho rules` and `seisho explain`: every lint rule (the normalizer's and the linter's
//! own), with its defaults, options and aliases.

use std::io::{self, Write};

use seisho::lint::{LintRule, OptionDefault};
use seisho::Lang;

use crate::i18n;
use crate::says::Says;

/// Writes every rule: id, whether it is on by default, its severity, summary; in Japanese
/// its Japanese name too.
pub fn list(w: &mut dyn Write, lang: Lang) -> io::Result<()> {
    let all = LintRule::all();
    let width = all.iter().map(|r| r.id().len()).max().unwrap_or(0);
    let bold = anstyle::Style::new().bold();
    let off = anstyle::Style::new().dimmed();
    for rule in all {
        let (style, default) = match (rule.is_default(), lang) {
            (true, Lang::En) => (bold, "on "),
            (false, Lang::En) => (off, "off"),
            (true, Lang::Ja) => (bold, "有効"),
            (false, Lang::Ja) => (off, "無効"),
        };
        let severity = i18n::level(lang, rule.default_severity());
        // Padded to 7 columns: a Japanese character takes two.
        let pad = 7usize.saturating_sub(unicode_width::UnicodeWidthStr::width(severity));
        let severity = format!("{severity}{}", " ".repeat(pad));
        let summary = match lang {
            Lang::En => rule.summary().to_owned(),
            Lang::Ja => format!("{}: {}", rule.name_ja(), rule.summary_in(lang)),
        };
        writeln!(
            w,
            "{bold}{id:<width$}{bold:#}  {style}{default}{style:#}  {severity}  {summary}",
            id = rule.id(),
        )?;
    }
    Ok(())
}

/// How an option's default reads: `100 (an integer, at least 1)`.
fn describe_default(default: OptionDefault, lang: Lang) -> String {
    let quoted = |items: &[&str]| {
        let items: Vec<String> = items.iter().map(|c| format!("{c:?}")).collect();
        items.join(", ")
    };
    let says = match default {
        OptionDefault::Bool(default) => Says::OptionBool { default },
        OptionDefault::Integer { default, min } => Says::OptionInteger { default, min },
        OptionDefault::Choice { default, choices } => Says::OptionChoice {
            default: format!("{default:?}"),
            choices: quoted(choices),
        },
        OptionDefault::Subset { default, choices } => Says::OptionSubset {
            default: quoted(default),
            choices: quoted(choices),
        },
        OptionDefault::List(items) => Says::OptionList {
            default: quoted(items),
        },
    };
    says.render(lang)
}

/// The words of `seisho explain` in one language.
struct ExplainWords {
    default: &'static str,
    on: &'static str,
    off: &'static str,
    severity: &'static str,
    fixes: &'static str,
    needs: &'static str,
    aliases: &'static str,
    options: &'static str,
    none: &'static str,
    configure: [&'static str; 2],
}

const EXPLAIN_EN: ExplainWords = ExplainWords {
    default: "default:  ",
    on: "on",
    off: "off",
    severity: ", severity",
    fixes: "fixes:     by the normalizer (`seisho fmt` applies them too: rule",
    needs: "needs:     morphological analysis (does not run with --no-dictionary)",
    aliases: "aliases:  ",
    options: "options:",
    none: "none",
    configure: ["configure: [rules.", "] in seisho.toml (enabled, severity"],
};

const EXPLAIN_JA: ExplainWords = ExplainWords {
    default: "既定:      ",
    on: "有効",
    off: "無効",
    severity: "、重大度",
    fixes: "修正:       正規化で行います（`seisho fmt` も同じ修正をします: ルール",
    needs: "必要:       形態素解析（--no-dictionary では動きません）",
    aliases: "別名:      ",
    options: "オプション:",
    none: "なし",
    configure: ["設定:       seisho.toml の [rules.", "]（enabled、severity"],
};

/// Writes a rule's defaults, options and aliases, then its documentation, in `lang`. (The
/// options' one-line summaries are English; the Japanese page explains them.)
pub fn explain(w: &mut dyn Write, rule: &LintRule, lang: Lang) -> io::Result<()> {
    let words = match lang {
        Lang::En => &EXPLAIN_EN,
        Lang::Ja => &EXPLAIN_JA,
    };
    let close = match lang {
        Lang::En => ")",
        Lang::Ja => "）",
    };
    let bold = anstyle::Style::new().bold();
    match lang {
        Lang::En => writeln!(w, "{bold}{}{bold:#}: {}", rule.id(), rule.summary())?,
        Lang::Ja => writeln!(
            w,
            "{bold}{}{bold:#}（{}）: {}",
            rule.id(),
            rule.name_ja(),
            rule.summary_in(lang)
        )?,
    }
    writeln!(w)?;
    writeln!(
        w,
        "  {} {}{} {}",
        words.default,
        if rule.is_default() {
            words.on
        } else {
            words.off
        },
        words.severity,
        i18n::level(lang, rule.default_severity())
    )?;
    if let Some(normalizer) = rule.normalizer_rule() {
        writeln!(w, "  {} `{normalizer}`{close}", words.fixes)?;
    }
    if rule.needs_words() {
        writeln!(w, "  {}", words.needs)?;
    }
    if !rule.aliases().is_empty() {
        writeln!(w, "  {} {}", words.aliases, rule.aliases().join(", "))?;
    }
    if rule.options().is_empty() {
        writeln!(w, "  {:<10} {}", words.options, words.none)?;
    } else {
        writeln!(w, "  {}", words.options)?;
        for option in rule.options() {
            writeln!(
                w,
                "    {bold}{}{bold:#} = {}\n      {}",
                option.name,
                describe_default(option.default, lang),
                option.summary_in(lang)
            )?;
        }
    }
    writeln!(
        w,
        "  {}{}{}{}{close}",
        words.configure[0],
        rule.id(),
        words.configure[1],
        if rule.options().is_empty() {
            ""
        } else if lang == Lang::Ja {
            "、options"
        } else {
            ", options"
        }
    )?;
    writeln!(w)?;
    let doc = rule.doc_in(lang);
    w.write_all(doc.as_bytes())?;
    if !doc.ends_with('\n') {
        w.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_summary_line() {
        for rule in LintRule::all() {
            let s = rule.summary();
            assert!(!s.is_empty(), "{}", rule.id());
            assert!(!s.contains('\n'), "{}", rule.id());
        }
    }
}
