//! The open documents: their text and version, when each is due to be linted, its last
//! diagnostics, and the configuration that applies to it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use lsp_types::{TextEdit, Uri};
use seisho::lint::Diagnostic;
use seisho::{LineIndex, Normalizer, Syntax};

use super::convert::{lsp_diagnostic, text_edit};
use super::Options;
use crate::config::{Config, Resolver, Selection, FILE_NAME};

/// An open document.
pub struct Document {
    pub uri: Uri,
    path: Option<PathBuf>,
    syntax: Syntax,
    pub version: i32,
    pub text: String,
    /// The lines of `text`.
    pub lines: LineIndex,
    /// The diagnostics of `text` (of `version`), once linted.
    pub diagnostics: Vec<Diagnostic>,
    /// When it is to be linted; `None` when `diagnostics` are those of `text`.
    due: Option<Instant>,
}

pub struct Documents {
    options: Options,
    /// Made on first use, and again after a `seisho.toml` changes.
    resolver: Option<Resolver>,
    docs: HashMap<String, Document>,
}

impl Documents {
    pub fn new(options: Options) -> Documents {
        Documents {
            options,
            resolver: None,
            docs: HashMap::new(),
        }
    }

    /// A document opened: linted as soon as the server has a moment.
    pub fn open(&mut self, uri: Uri, language_id: &str, version: i32, text: String) {
        let path = file_path(&uri);
        let syntax = syntax_of(language_id, path.as_deref());
        let doc = Document {
            uri: uri.clone(),
            path,
            syntax,
            version,
            lines: LineIndex::new(&text),
            text,
            diagnostics: Vec::new(),
            due: Some(Instant::now()),
        };
        self.docs.insert(uri.as_str().to_owned(), doc);
    }

    /// A document's new text: linted at `due` unless it changes again before.
    pub fn change(&mut self, uri: &Uri, version: i32, text: String, due: Instant) {
        if let Some(doc) = self.docs.get_mut(uri.as_str()) {
            doc.version = version;
            doc.lines = LineIndex::new(&text);
            doc.text = text;
            doc.due = Some(due);
        }
    }

    pub fn close(&mut self, uri: &Uri) {
        self.docs.remove(uri.as_str());
    }

    /// The earliest time a document is due.
    pub fn next_due(&self) -> Option<Instant> {
        self.docs.values().filter_map(|d| d.due).min()
    }

    /// Lints every document due by `now`: their URIs, versions and diagnostics.
    pub fn lint_due(&mut self, now: Instant) -> Vec<(Uri, i32, Vec<lsp_types::Diagnostic>)> {
        let due: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(k, _)| k.clone())
            .collect();
        due.into_iter()
            .filter_map(|key| {
                self.lint(&key);
                let doc = self.docs.get(&key)?;
                let diagnostics = doc
                    .diagnostics
                    .iter()
                    .map(|d| lsp_diagnostic(&doc.text, &doc.lines, d))
                    .collect();
                Some((doc.uri.clone(), doc.version, diagnostics))
            })
            .collect()
    }

    /// The document with its diagnostics up to date (linted now if a change is pending: a
    /// code action or hover must see the text the editor shows).
    pub fn linted(&mut self, uri: &Uri) -> Option<&Document> {
        if self.docs.get(uri.as_str())?.due.is_some() {
            self.lint(uri.as_str());
        }
        self.docs.get(uri.as_str())
    }

    /// Every safe fix of the document, as `seisho fix` makes them, as edits of its text.
    pub fn fix_all(&mut self, uri: &Uri) -> Vec<TextEdit> {
        let Some(path) = self.docs.get(uri.as_str()).map(|d| d.path.clone()) else {
            return Vec::new();
        };
        let config = self.config_for(path.as_deref());
        let doc = &self.docs[uri.as_str()];
        let fixed = config.linter().fix(&doc.text, doc.syntax, false);
        fixed
            .edits
            .iter()
            .map(|e| text_edit(&doc.text, &doc.lines, e.range.clone(), &e.replacement))
            .collect()
    }

    /// `seisho fmt`'s safe changes to the document, as edits of its text.
    pub fn format(&mut self, uri: &Uri) -> Vec<TextEdit> {
        let Some(doc) = self.docs.get(uri.as_str()) else {
            return Vec::new();
        };
        let normalizer = if self.options.no_dictionary {
            Normalizer::builder().dictionary(false).build()
        } else {
            Normalizer::default()
        };
        let normalized = normalizer.normalize_as(&doc.text, doc.syntax);
        normalized
            .edits()
            .iter()
            .map(|e| text_edit(&doc.text, &doc.lines, e.range(), e.replacement()))
            .collect()
    }

    /// The configurations are read again, and every document linted.
    pub fn reload_config(&mut self) {
        self.resolver = None;
        let now = Instant::now();
        for doc in self.docs.values_mut() {
            doc.due = Some(now);
        }
    }

    fn lint(&mut self, key: &str) {
        let Some(path) = self.docs.get(key).map(|d| d.path.clone()) else {
            return;
        };
        let config = self.config_for(path.as_deref());
        let Some(doc) = self.docs.get_mut(key) else {
            return;
        };
        doc.diagnostics = config.linter().lint(&doc.text, doc.syntax);
        doc.due = None;
    }

    /// The configuration of a document at `path` (a document that is no file, or whose
    /// directory has no `seisho.toml` above it, gets the defaults). A configuration that does
    /// not load is reported on standard error, which editors show in their log, and the
    /// defaults apply.
    fn config_for(&mut self, path: Option<&Path>) -> Arc<Config> {
        let options = &self.options;
        let resolver = match &mut self.resolver {
            Some(r) => r,
            empty => match Resolver::new(
                options.config.as_deref(),
                options.no_dictionary,
                Selection::default(),
            ) {
                Ok(r) => empty.insert(r),
                Err(e) => {
                    crate::report::error(format_args!("{}", e.render(false)));
                    return Arc::new(Config::default_in(
                        PathBuf::from("."),
                        options.no_dictionary,
                    ));
                }
            },
        };
        let dir = path
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        match resolver.for_dir(&dir) {
            Ok(config) => config,
            Err(e) => {
                crate::report::error(format_args!("{}", e.render(false)));
                Arc::new(Config::default_in(dir, options.no_dictionary))
            }
        }
    }
}

/// Markdown or plain text: by the language id the editor gives, else by the extension.
fn syntax_of(language_id: &str, path: Option<&Path>) -> Syntax {
    match language_id {
        "markdown" | "mdx" => Syntax::Markdown,
        "plaintext" | "text" => Syntax::Text,
        _ => Syntax::for_extension(path.and_then(|p| p.extension()).and_then(|e| e.to_str())),
    }
}

/// The files whose change may change a configuration, as globs for the client's watcher: a
/// `seisho.toml`, a textlint configuration, and YAML files (prh dictionaries).
pub const CONFIG_GLOBS: &[&str] = &[
    "**/seisho.toml",
    "**/.textlintrc*",
    "**/package.json",
    "**/*.{yml,yaml}",
    "**/*.csv",
];

/// Whether `uri` names a file that may be part of a configuration (see [`CONFIG_GLOBS`]).
pub fn is_config(uri: &Uri) -> bool {
    file_path(uri).is_some_and(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        name == FILE_NAME
            || name.starts_with(".textlintrc")
            || name == "package.json"
            || p.extension()
                .is_some_and(|e| e == "yml" || e == "yaml" || e == "csv")
    })
}

/// The path of a `file:` URI (`file:///home/a%20b/x.md`), percent-decoded.
fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // An empty authority or `localhost`; the path starts at the next `/`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h)? * 16 + hex(l)?) as u8);
                i += 3;
            }
            (b'?' | b'#', _, _) => break,
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configuration_files() {
        for (uri, is) in [
            ("file:///p/seisho.toml", true),
            ("file:///p/.textlintrc.json", true),
            ("file:///p/dict/prh.yml", true),
            ("file:///p/a.yaml", true),
            ("file:///p/words.csv", true),
            ("file:///p/package.json", true),
            ("file:///p/a.md", false),
            ("file:///p/seisho.toml.bak", false),
        ] {
            let uri: Uri = uri.parse().unwrap();
            assert_eq!(is_config(&uri), is, "{uri:?}");
        }
    }

    #[test]
    fn file_uris_become_paths() {
        let cases = [
            ("file:///home/a/x.md", Some("/home/a/x.md")),
            ("file:///home/a%20b/%E6%96%87.md", Some("/home/a b/文.md")),
            ("file://localhost/tmp/x.txt", Some("/tmp/x.txt")),
            ("untitled:Untitled-1", None),
            ("file://server/share/x.md", None),
        ];
        for (uri, path) in cases {
            let uri: Uri = uri.parse().unwrap();
            assert_eq!(file_path(&uri), path.map(PathBuf::from), "{uri:?}");
        }
    }

    #[test]
    fn syntax_by_language_id_then_extension() {
        let p = |s: &str| Some(PathBuf::from(s));
        assert_eq!(
            syntax_of("markdown", p("/a/x.txt").as_deref()),
            Syntax::Markdown
        );
        assert_eq!(
            syntax_of("plaintext", p("/a/x.md").as_deref()),
            Syntax::Text
        );
        assert_eq!(
            syntax_of("japanese", p("/a/x.md").as_deref()),
            Syntax::Markdown
        );
        assert_eq!(syntax_of("japanese", None), Syntax::Text);
    }
}
