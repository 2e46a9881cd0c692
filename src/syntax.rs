//! How a document is read: plain text, or Markdown whose prose alone is checked.

/// How to read a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Syntax {
    /// Plain text: paragraphs are separated by blank lines.
    Text,
    /// Markdown: only the prose is checked and changed (see [`crate::markdown::prose`]); code,
    /// HTML, URLs, link destinations and front matter are left as they are.
    #[cfg(feature = "markdown")]
    Markdown,
}

impl Syntax {
    /// The syntax of a file by its extension (without the dot): `md` and `markdown` (in any
    /// case) are Markdown, everything else plain text.
    ///
    /// ```
    /// use seisho::Syntax;
    /// assert_eq!(Syntax::for_extension(Some("MD")), Syntax::Markdown);
    /// assert_eq!(Syntax::for_extension(Some("txt")), Syntax::Text);
    /// assert_eq!(Syntax::for_extension(None), Syntax::Text);
    /// ```
    pub fn for_extension(extension: Option<&str>) -> Syntax {
        match extension {
            #[cfg(feature = "markdown")]
            Some(e) if e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown") => {
                Syntax::Markdown
            }
            _ => Syntax::Text,
        }
    }

    /// Its name in messages and reports: `text` or `markdown`.
    pub fn name(self) -> &'static str {
        match self {
            Syntax::Text => "text",
            #[cfg(feature = "markdown")]
            Syntax::Markdown => "markdown",
        }
    }
}

/// What a block of prose is, for the rules that judge headings, list items and body text
/// apart (as textlint's do) and leave quotations alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A paragraph of body text.
    Paragraph,
    /// A heading.
    Heading,
    /// A list item (or a paragraph inside one).
    ListItem,
    /// A table cell.
    TableCell,
    /// Anything inside a block quote: someone else's words.
    Quote,
}
