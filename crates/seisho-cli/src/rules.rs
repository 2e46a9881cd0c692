//! `seisho rules` and `seisho explain`: every lint rule (the normalizer's and the linter's
//! own), with its defaults, options and aliases.

use std::io::{self, Write};

use seisho::lint::{LintRule, OptionDefault};

/// Writes every rule: id, whether it is on by default, its severity, summary.
pub fn list(w: &mut dyn Write) -> io::Result<()> {
    let all = LintRule::all();
    let width = all.iter().map(|r| r.id().len()).max().unwrap_or(0);
    let bold = anstyle::Style::new().bold();
    let off = anstyle::Style::new().dimmed();
    for rule in all {
        let (style, default) = if rule.is_default() {
            (bold, "on ")
        } else {
            (off, "off")
        };
        writeln!(
            w,
            "{bold}{id:<width$}{bold:#}  {style}{default}{style:#}  {severity:<7}  {summary}",
            id = rule.id(),
            severity = rule.default_severity().id(),
            summary = rule.summary()
        )?;
    }
    Ok(())
}

/// How an option's default reads: `100 (an integer, at least 1)`.
fn describe_default(default: OptionDefault) -> String {
    match default {
        OptionDefault::Bool(b) => format!("{b} (true or false)"),
        OptionDefault::Integer { default, min } => {
            format!("{default} (an integer, at least {min})")
        }
        OptionDefault::Choice { default, choices } => {
            let choices: Vec<String> = choices.iter().map(|c| format!("{c:?}")).collect();
            format!("{default:?} (one of {})", choices.join(", "))
        }
        OptionDefault::Subset { default, choices } => {
            let items: Vec<String> = default.iter().map(|c| format!("{c:?}")).collect();
            let choices: Vec<String> = choices.iter().map(|c| format!("{c:?}")).collect();
            format!(
                "[{}] (a list of any of {})",
                items.join(", "),
                choices.join(", ")
            )
        }
        OptionDefault::List(items) => {
            let items: Vec<String> = items.iter().map(|c| format!("{c:?}")).collect();
            format!("[{}] (a list of strings)", items.join(", "))
        }
    }
}

/// Writes a rule's defaults, options and aliases, then its documentation.
pub fn explain(w: &mut dyn Write, rule: &LintRule) -> io::Result<()> {
    let bold = anstyle::Style::new().bold();
    writeln!(w, "{bold}{}{bold:#}: {}", rule.id(), rule.summary())?;
    writeln!(w)?;
    writeln!(
        w,
        "  default:   {}, severity {}",
        if rule.is_default() { "on" } else { "off" },
        rule.default_severity()
    )?;
    if let Some(normalizer) = rule.normalizer_rule() {
        writeln!(
            w,
            "  fixes:     by the normalizer (`seisho fmt` applies them too: rule `{normalizer}`)"
        )?;
    }
    if rule.needs_words() {
        writeln!(
            w,
            "  needs:     morphological analysis (does not run with --no-dictionary)"
        )?;
    }
    if !rule.aliases().is_empty() {
        writeln!(w, "  aliases:   {}", rule.aliases().join(", "))?;
    }
    if rule.options().is_empty() {
        writeln!(w, "  options:   none")?;
    } else {
        writeln!(w, "  options:")?;
        for option in rule.options() {
            writeln!(
                w,
                "    {bold}{}{bold:#} = {}\n      {}",
                option.name,
                describe_default(option.default),
                option.summary
            )?;
        }
    }
    writeln!(
        w,
        "  configure: [rules.{}] in seisho.toml (enabled, severity{})",
        rule.id(),
        if rule.options().is_empty() {
            ""
        } else {
            ", options"
        }
    )?;
    writeln!(w)?;
    let doc = rule.doc();
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
