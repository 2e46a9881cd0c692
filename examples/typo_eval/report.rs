//! The report: Markdown tables of what the normalizer did to the raw text, the clean lines and
//! the trials, and how edits and contexts are written in it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use seisho::Edit;

use crate::baseline::{CleanCheck, RawText};
use crate::options::Options;
use crate::trials::{Counts, Report, Reports};
use crate::typos::{Class, Site, CLASSES};
use crate::Mode;

/// The title and what was run: the input (`text`, made into `lines` clean lines) and the
/// options.
pub fn header(out: &mut String, o: &Options, text: &str, lines: usize) {
    let _ = writeln!(
        out,
        "# Kana typo evaluation\n\ninput: {} ({} bytes, {} lines); seed {}, up to {} trials per class\n",
        o.path,
        text.len(),
        lines,
        o.seed,
        o.trials
    );
}

/// What the normalizer does to the raw text: edits by rule and mode, and the first safe edits
/// of the kana typo rules.
pub fn raw_text(out: &mut String, raw: &RawText, modes: &[Mode]) {
    section(
        out,
        "## Raw text",
        "What the normalizer does to the input as it is (this makes the clean baseline).",
        "| Rule | Mode | Safe edits | Suggestions |",
        "| --- | --- | ---: | ---: |",
    );
    for (&(rule, mi), &(safe, suggested)) in &raw.counts {
        let _ = writeln!(
            out,
            "| {rule} | {} | {safe} | {suggested} |",
            modes[mi].name
        );
    }
    let total: usize = raw.dump.lines().count();
    if total > 0 {
        let _ = writeln!(
            out,
            "\nSafe edits of the kana typo rules on the raw text (first {} of {total}):\n",
            raw.edits.len()
        );
        list(out, &raw.edits);
    }
    let _ = writeln!(out);
}

/// What each mode does to the clean `lines` (`checks`), and the first edits (`examples`).
pub fn clean_lines(out: &mut String, lines: usize, checks: &[CleanCheck], examples: &[String]) {
    let _ = writeln!(out, "## Clean lines\n");
    head(
        out,
        "| Mode | Lines | Lines changed | Safe edits | Suggestions |",
        "| --- | ---: | ---: | ---: | ---: |",
    );
    for c in checks {
        let _ = writeln!(
            out,
            "| {} | {lines} | {} | {} | {} |",
            c.mode, c.changed, c.edits, c.suggestions
        );
    }
    list(out, examples);
}

/// The results of each class and mode, and how many sites each class had.
pub fn results(
    out: &mut String,
    reports: &Reports,
    modes: &[Mode],
    sites: &BTreeMap<Class, Vec<Site>>,
) {
    let _ = writeln!(out, "\n## Results\n");
    head(
        out,
        "| Class | Mode | Injected | Restored (safe) | Suggested | Missed | Wrong safe fixes | precision_safe | recall_safe | recall_any |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (&(class, mi), r) in reports {
        let c = &r.counts;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            class.name(),
            modes[mi].name,
            count_cells(c),
            ratio(c.precision()),
            ratio(c.recall_safe()),
            ratio(c.recall_any())
        );
    }
    let _ = writeln!(
        out,
        "\nEligible positions in the clean text: {}",
        CLASSES
            .iter()
            .map(|c| format!("{} {}", c.name(), sites[c].len()))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

/// The trials broken down by place in the word and by character injected.
pub fn breakdowns(out: &mut String, reports: &Reports, modes: &[Mode]) {
    breakdown(out, "By place in the word", "Place", reports, modes, |r| {
        r.by_place
            .iter()
            .map(|(place, c)| (place.name().to_owned(), c))
            .collect()
    });
    breakdown(out, "By character injected", "Typo", reports, modes, |r| {
        r.by_char.iter().map(|(key, c)| (key.clone(), c)).collect()
    });
}

/// A section `title` with a table of the trials of each class and mode broken down by
/// `column`, whose rows `rows` gives for a report.
fn breakdown<'r>(
    out: &mut String,
    title: &str,
    column: &str,
    reports: &'r Reports,
    modes: &[Mode],
    rows: impl Fn(&'r Report) -> Vec<(String, &'r Counts)>,
) {
    let _ = writeln!(out, "\n## {title}\n");
    head(
        out,
        &format!(
            "| Class | {column} | Mode | Injected | Restored | Suggested | Missed | Wrong safe fixes |"
        ),
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    );
    for (&(class, mi), r) in reports {
        for (key, c) in rows(r) {
            let _ = writeln!(
                out,
                "| {} | {key} | {} | {} |",
                class.name(),
                modes[mi].name,
                count_cells(c)
            );
        }
    }
}

/// The trials not restored, by what is next to the typo: most first.
pub fn by_neighbour(out: &mut String, reports: &Reports, modes: &[Mode]) {
    section(
        out,
        "\n## Not restored, by neighbour",
        "The character before the word for a typo at its start, after it at its end.",
        "| Class | Mode | Place | Outcome | Neighbour | Trials |",
        "| --- | --- | --- | --- | --- | ---: |",
    );
    for (&(class, mi), r) in reports {
        let mut rows: Vec<_> = r.by_neighbour.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for ((place, what, side), n) in rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {what} | {side} | {n} |",
                class.name(),
                modes[mi].name,
                place.name()
            );
        }
    }
}

/// The first misses and wrong safe fixes of each class and mode.
pub fn examples(out: &mut String, reports: &Reports, modes: &[Mode]) {
    let _ = writeln!(out, "\n## Examples\n");
    for (&(class, mi), r) in reports {
        if r.misses.is_empty() && r.wrongs.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}, {}\n", class.name(), modes[mi].name);
        first_of(out, "Misses", &r.misses, r.counts.missed);
        first_of(out, "Wrong safe fixes", &r.wrongs, r.counts.wrong_edits);
    }
}

/// `items`, the first of `total`, under `what`, if there are any.
fn first_of(out: &mut String, what: &str, items: &[String], total: usize) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{what} (first {} of {total}):\n", items.len());
    list(out, items);
    let _ = writeln!(out);
}

/// The start of a section with a table: its `heading`, a paragraph (`intro`) and the head of
/// the table.
fn section(out: &mut String, heading: &str, intro: &str, columns: &str, alignment: &str) {
    let _ = writeln!(out, "{heading}\n\n{intro}\n");
    head(out, columns, alignment);
}

/// The head of a table: its columns and their alignment.
fn head(out: &mut String, columns: &str, alignment: &str) {
    let _ = writeln!(out, "{columns}\n{alignment}");
}

/// `items` as a Markdown list.
fn list(out: &mut String, items: &[String]) {
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
}

/// The cells of the counts of trials: injected, restored, suggested, missed and wrong safe
/// fixes.
fn count_cells(c: &Counts) -> String {
    format!(
        "{} | {} | {} | {} | {}",
        c.injected, c.restored, c.suggested, c.missed, c.wrong_edits
    )
}

/// A ratio with three decimals, or — when there is nothing to divide.
fn ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |x| format!("{x:.3}"))
}

/// `text` around `range`, the range marked ⟦…⟧.
pub fn around(text: &str, range: Range<usize>, width: usize) -> String {
    let before: Vec<char> = text[..range.start].chars().rev().take(width).collect();
    let before: String = before.into_iter().rev().collect();
    let after: String = text[range.end..].chars().take(width).collect();
    format!("{before}⟦{}⟧{after}", &text[range]).replace('\t', " ")
}

/// An edit as the report shows it: `original→replacement [rule]`, marked if a suggestion.
pub fn describe(e: &Edit<'_>) -> String {
    format!(
        "{}→{} [{}{}]",
        e.original(),
        e.replacement(),
        e.rule(),
        if e.is_safe() { "" } else { ", suggested" }
    )
}
