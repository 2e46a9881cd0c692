//! `seisho rules` and `seisho explain`.

use std::io::{self, Write};

use seisho::Rule;

/// The one-line summary of a rule: the first line of its documentation that is not a
/// Markdown heading (or, failing that, the first heading's text).
pub fn summary(rule: Rule) -> &'static str {
    let doc = rule.doc();
    let mut lines = doc.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut first_heading = None;
    for line in lines.by_ref() {
        if line.starts_with('#') {
            first_heading.get_or_insert(line.trim_start_matches('#').trim());
        } else {
            return line;
        }
    }
    first_heading.unwrap_or("")
}

/// Writes every rule: id, whether it is on by default, summary.
pub fn list(w: &mut dyn Write) -> io::Result<()> {
    let width = Rule::ALL.iter().map(|r| r.id().len()).max().unwrap_or(0);
    let bold = anstyle::Style::new().bold();
    let off = anstyle::Style::new().dimmed();
    for &rule in Rule::ALL {
        let (style, default) = if rule.is_default() {
            (bold, "on ")
        } else {
            (off, "off")
        };
        writeln!(
            w,
            "{bold}{id:<width$}{bold:#}  {style}{default}{style:#}  {summary}",
            id = rule.id(),
            summary = summary(rule)
        )?;
    }
    Ok(())
}

/// Writes a rule's documentation.
pub fn explain(w: &mut dyn Write, rule: Rule) -> io::Result<()> {
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
        for &rule in Rule::ALL {
            let s = summary(rule);
            assert!(!s.is_empty(), "{rule}");
            assert!(!s.contains('\n'), "{rule}");
        }
    }
}
