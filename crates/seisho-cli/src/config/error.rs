//! A configuration file's mistakes, each with its place, and how they are shown.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use seisho::{LineCol, LineIndex};

use crate::says::Says;

/// One mistake in a configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Where, in bytes of the file.
    pub span: Range<usize>,
    /// The dotted key it is about, if any.
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// The mistakes in one configuration file.
#[derive(Debug, Clone)]
pub struct ConfigErrors {
    /// The file.
    pub path: PathBuf,
    /// Its text (empty if it could not be read).
    pub source: String,
    /// The mistakes, in the order of the file.
    pub errors: Vec<ConfigError>,
}

impl ConfigErrors {
    /// Writes each error as `path:line:column: message (key `…`)` with a snippet of the file.
    pub fn render(&self, styled: bool) -> String {
        use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let name = self.path.display().to_string();
        let (error, note) = (
            Level::ERROR.with_name(crate::i18n::label("error")),
            Level::NOTE.with_name(crate::i18n::label("note")),
        );
        let mut out = String::new();
        for e in &self.errors {
            if self.source.is_empty() {
                out.push_str(&format!(
                    "{}\n",
                    renderer.render(&[error
                        .clone()
                        .primary_title(format!("{name}: {}", e.message))
                        .element(
                            note.clone()
                                .message(Says::TheConfigurationFile {}.to_string())
                        )])
                ));
                continue;
            }
            // The snippet's header says where: `--> seisho.toml:3:1`.
            let title = e.message.as_str();
            let label = e
                .key
                .as_ref()
                .map(|k| Says::AtKey { key: k.clone() }.to_string());
            let mut annotation = AnnotationKind::Primary.span(clamp_span(&self.source, &e.span));
            if let Some(label) = &label {
                annotation = annotation.label(label.as_str());
            }
            let report = [error.clone().primary_title(title).element(
                Snippet::source(self.source.as_str())
                    .path(name.as_str())
                    .annotation(annotation),
            )];
            out.push_str(&renderer.render(&report));
            out.push_str("\n\n");
        }
        out
    }
}

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            let at = clamp_span(&self.source, &(e.span.start..e.span.start)).start;
            let LineCol { line, column, .. } =
                LineIndex::new(&self.source).line_col(&self.source, at);
            write!(f, "{}:{line}:{column}: {}", self.path.display(), e.message)?;
            if let Some(key) = &e.key {
                write!(f, " ({})", Says::AtKey { key: key.clone() })?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// A span inside `text`, on character boundaries.
fn clamp_span(text: &str, span: &Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
