//! Normalizing a document read as Markdown: only its prose changes, and no fix writes markup.

use super::{Normalized, Normalizer};
#[cfg(feature = "markdown")]
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
            edits
                .iter()
                .filter(|e| text.get(e.range()) == Some(e.original()) && !adds_markup(text, e))
                .map(|e| Edit::new(text, e.range(), e.replacement(), e.rule(), e.safety()))
                .collect()
        };
        Normalized::build(text, rebase(n.edits()), rebase(n.suggestions()))
    }
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
    let line_start = text[..edit.range().start]
        .rsplit('\n')
        .next()
        .is_some_and(|before| before.trim_matches([' ', '\t']).is_empty());
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
    MARKUP.iter().any(|&c| added(c))
        || uncovers_block
        || (replacement.starts_with('(') && text[..edit.range().start].ends_with(']'))
}
