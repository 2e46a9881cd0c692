//! Normalizing a document read as Markdown: only its prose changes, and no fix writes markup.

use super::{Normalized, Normalizer};
#[cfg(any(feature = "markdown", feature = "morphology"))]
use crate::edit::Edit;

impl Normalizer {
    /// Normalizes a document read as `syntax`. Plain text is normalized whole; in Markdown
    /// only the prose changes (see [`crate::markdown::prose`]): code, HTML, comments, URLs,
    /// link destinations and front matter are left as they are, and no fix writes a character
    /// that Markdown reads as markup (`＊強調＊` stays: `*強調*` would be emphasis). Edits and
    /// offsets are over the whole document.
    ///
    /// ```
    /// use seisho::{Normalizer, Syntax};
    ///
    /// let doc = "# 設定\n\n７５％の場合は `７５％` と書く。\n\n```\n７５％\n```\n";
    /// let n = Normalizer::default().normalize_as(doc, Syntax::Markdown);
    /// assert_eq!(n.text(), "# 設定\n\n75%の場合は `７５％` と書く。\n\n```\n７５％\n```\n");
    /// ```
    pub fn normalize_as<'a>(&self, text: &'a str, syntax: crate::Syntax) -> Normalized<'a> {
        match syntax {
            crate::Syntax::Text => self.normalize(text),
            #[cfg(feature = "markdown")]
            crate::Syntax::Markdown => {
                self.normalize_prose(text, crate::markdown::prose(text).text())
            }
        }
    }

    /// Normalizes `prose`, the prose of the document `text` (the document with what is not
    /// prose blanked, byte for byte: see [`crate::markdown::Prose::text`]), and returns the
    /// result over `text`. An edit is kept only where the prose it read is the document's own
    /// text, and where its replacement adds no Markdown markup.
    pub(crate) fn normalize_prose<'a>(&self, text: &'a str, prose: &str) -> Normalized<'a> {
        debug_assert_eq!(text.len(), prose.len());
        // Without Markdown, the prose is the text itself.
        #[cfg(not(feature = "markdown"))]
        {
            let _ = prose;
            self.normalize(text)
        }
        #[cfg(feature = "markdown")]
        self.normalize_markdown_prose(text, prose)
    }

    #[cfg(feature = "markdown")]
    fn normalize_markdown_prose<'a>(&self, text: &'a str, prose: &str) -> Normalized<'a> {
        if std::ptr::eq(text, prose) {
            return self.normalize(text);
        }
        let n = self.normalize(prose);
        let rebase = |edits: &[Edit<'_>]| -> Vec<Edit<'a>> {
            kept(text, edits, |e| {
                text.get(e.range()) == Some(e.original()) && !adds_markup(text, e)
            })
            .map(|e| Edit::new(text, e.range(), e.replacement(), e.rule(), e.safety()))
            .collect()
        };
        let (edits, suggestions) = (rebase(n.edits()), rebase(n.suggestions()));
        // Last, the structure of the document must not change (a line of `---` and invisible
        // characters would become front matter once they are deleted): if it does, the
        // deletions are left out, and if it still does, every edit.
        let edits = if edits.is_empty() || keeps_structure(text, &edits) {
            edits
        } else {
            let kept: Vec<Edit<'a>> = edits
                .into_iter()
                .filter(|e| !e.replacement().is_empty())
                .collect();
            if keeps_structure(text, &kept) {
                kept
            } else {
                Vec::new()
            }
        };
        Normalized::build(text, edits, suggestions)
    }
}

/// The edits of `edits` (over `text`, sorted and apart) that `keep` keeps, with a bracket pair
/// one unit: where an edit left out holds one bracket of a pair (either width,
/// `text::brackets::folded_partners`), the edit that holds its partner is left out too, and so
/// on until none is (`（3）＃` keeps its `（` when `）＃` cannot be written as `)#`).
#[cfg(any(feature = "markdown", feature = "morphology"))]
pub(super) fn kept<'e, 'a>(
    text: &str,
    edits: &'e [Edit<'a>],
    keep: impl Fn(&Edit<'a>) -> bool,
) -> impl Iterator<Item = &'e Edit<'a>> {
    let mut flags: Vec<bool> = edits.iter().map(keep).collect();
    if flags.contains(&false) {
        keep_pairs_whole(text, edits, &mut flags);
    }
    edits
        .iter()
        .zip(flags)
        .filter_map(|(e, keep)| keep.then_some(e))
}

/// Clears the flag of each edit that holds the partner of a bracket in an edit whose flag is
/// clear, until none is left to clear (see [`kept`]).
#[cfg(any(feature = "markdown", feature = "morphology"))]
fn keep_pairs_whole(text: &str, edits: &[Edit<'_>], keep: &mut [bool]) {
    let partners = crate::text::brackets::folded_partners(text);
    loop {
        let mut changed = false;
        for i in 0..edits.len() {
            if keep[i] {
                continue;
            }
            let r = edits[i].range();
            let from = partners.partition_point(|&(p, _)| p < r.start);
            for &(_, q) in partners[from..].iter().take_while(|&&(p, _)| p < r.end) {
                // The edits are sorted and never overlap: the one holding `q`, if any.
                let j = edits.partition_point(|e| e.range().end <= q);
                if edits.get(j).is_some_and(|e| e.range().contains(&q)) && keep[j] {
                    keep[j] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// Whether applying `edits` to the Markdown document `text` keeps its structure: every byte
/// outside the edits is prose, or not, as it was (compared in the prose of both, where what is
/// not prose is blank), so no code, markup or front matter appears, moves or goes.
#[cfg(feature = "markdown")]
fn keeps_structure(text: &str, edits: &[Edit<'_>]) -> bool {
    let Ok(after) = crate::edit::apply_edits(text, edits) else {
        return false;
    };
    let (old, new) = (crate::markdown::prose(text), crate::markdown::prose(&after));
    let (old, new) = (old.text().as_bytes(), new.text().as_bytes());
    // Walk the stretches between edits, in the old text and where they are in the new one.
    let (mut from, mut shift) = (0usize, 0isize);
    for e in edits
        .iter()
        .map(|e| (e.range(), e.replacement().len()))
        .chain([(text.len()..text.len(), 0)])
    {
        let (range, replacement) = e;
        let to = range.start;
        let at = from.saturating_add_signed(shift);
        if old[from..to] != new[at..at + (to - from)] {
            return false;
        }
        shift += replacement as isize - range.len() as isize;
        from = range.end;
    }
    true
}

#[cfg(feature = "markdown")]
/// Whether `edit`, made in the prose of the Markdown document `text`, would write markup:
/// an ASCII character that Markdown reads as emphasis, code, a link, an image, HTML, a heading,
/// a table cell, an escape or strikethrough, a `(` right after a `]` (a link's destination),
/// or a deletion that leaves a block marker at the start of a line.
fn adds_markup(text: &str, edit: &Edit<'_>) -> bool {
    const MARKUP: &[char] = &['*', '_', '`', '[', ']', '<', '>', '#', '|', '\\', '~'];
    let replacement = edit.replacement();
    let added = |c: char| replacement.contains(c) && !edit.original().contains(c);
    // At the start of a line, no edit may make the line start with a block marker (an
    // invisible character before ``` keeps it from opening a code block; `１．　` is no list).
    // The edit's line, looked for at most `NEAR` bytes away (a markup line is short; looking
    // further for every edit would be quadratic on a long line).
    const NEAR: usize = 256;
    let bytes = text.as_bytes();
    let (start, end) = (edit.range().start, edit.range().end);
    let lo = start.saturating_sub(NEAR);
    let line_from = match bytes[lo..start].iter().rposition(|&b| b == b'\n') {
        Some(p) => Some(lo + p + 1),
        None if lo == 0 => Some(0),
        None => None,
    };
    let hi = (end + NEAR).min(text.len());
    let line_to = match bytes[end..hi].iter().position(|&b| b == b'\n') {
        Some(p) => Some(end + p),
        None if hi == text.len() => Some(text.len()),
        None => None,
    };
    let line_start =
        line_from.is_some_and(|from| text[from..start].trim_matches([' ', '\t']).is_empty());
    let starts_block = |line: &str| {
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        line.starts_with(|c: char| {
            matches!(
                c,
                '`' | '~' | '#' | '>' | '-' | '*' | '+' | '|' | '=' | '_' | '<' | '[' | ':'
            )
        }) || (digits > 0 && line[digits..].starts_with(['.', ')']))
    };
    let rest: String = text[edit.range().end..].chars().take(8).collect();
    let uncovers_block = line_start
        && starts_block(&format!("{replacement}{rest}"))
        && !starts_block(&text[edit.range().start..]);
    // Nor may a line become one of markup alone (`---` of front matter or a rule, `===` of a
    // heading, a fence): an invisible character after `---` kept it text.
    let markup_line = |line: &str| {
        let line = line.trim_matches([' ', '\t', '\r']);
        !line.is_empty()
            && line.chars().all(|c| {
                matches!(
                    c,
                    '-' | '=' | '*' | '_' | '`' | '~' | '+' | '#' | '>' | '|' | ':' | ' '
                )
            })
    };
    let makes_markup_line = match (line_from, line_to) {
        (Some(from), Some(to)) => {
            let new_line = format!("{}{replacement}{}", &text[from..start], &text[end..to]);
            markup_line(&new_line) && !markup_line(&text[from..to])
        }
        _ => false,
    };
    MARKUP.iter().any(|&c| added(c))
        || uncovers_block
        || makes_markup_line
        || (replacement.starts_with('(') && text[..edit.range().start].ends_with(']'))
}

#[cfg(all(test, feature = "markdown"))]
mod tests {
    use crate::{Normalizer, Syntax};

    #[test]
    fn no_edit_changes_the_structure() {
        let n = Normalizer::default();
        // Deleting the invisible characters would make the first line front matter's fence.
        let doc = "---\u{200b}\u{200b}\nｶﾀｶﾅ\n---\n\n本文、、です。\n";
        let out = n.normalize_as(doc, Syntax::Markdown);
        assert!(
            out.text().starts_with("---\u{200b}\u{200b}\n"),
            "{:?}",
            out.text()
        );
        // The other fixes are still made.
        assert!(out.text().contains("本文、です。"), "{:?}", out.text());
        // Nothing is lost where the structure stays: `！` to `!` splits no element.
        let doc = "# 題ＡＢＣ\n\nこれはＡＰＩ！です。\n";
        assert_eq!(
            n.normalize_as(doc, Syntax::Markdown).text(),
            "# 題ABC\n\nこれはAPI！です。\n"
        );
    }
}
