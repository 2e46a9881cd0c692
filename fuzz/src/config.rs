//! The `config` target: the CLI's `seisho.toml` parser.

use std::path::PathBuf;

use seisho::lint::Syntax;

use crate::lint::check_lint;

/// A short draft that most rules have something to say about, linted with each configuration
/// that parses.
const DRAFT: &str = "コンピュ一タの設定を 保存します。私は彼は見れる、、と思った。\n\n# 見出し\n\
                     ｶﾞｲﾄﾞ～ＡＢＣ１２３です。ないことはないである。";

/// Parsing any `seisho.toml`: no panic; an error names a place in the file (and renders
/// with it); a configuration that parses makes a linter that holds the lint invariants.
pub fn config(data: &[u8]) {
    use seisho_cli::config::{parse, ConfigErrors};
    let text = String::from_utf8_lossy(data);
    let dir = PathBuf::from("/project");
    match parse(&text, dir.clone(), true) {
        Ok(config) => {
            assert_eq!(config.dir, dir);
            let linter = config.linter();
            for syntax in [Syntax::Text, Syntax::Markdown] {
                check_lint(&linter, DRAFT, syntax);
            }
            for path in [
                "/project/a.md",
                "/project/docs/b.txt",
                "/elsewhere/c.md",
                "d",
            ] {
                config.selects(std::path::Path::new(path));
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "no error for a rejected file: {text:?}");
            let mut last = 0;
            for e in &errors {
                assert!(!e.message.is_empty());
                assert!(e.span.start <= e.span.end, "{e:?}");
                assert!(e.span.start >= last, "errors out of order: {errors:?}");
                last = e.span.start;
                // The span is in the file (an empty one may sit at its end).
                assert!(e.span.end <= text.len(), "{e:?} beyond the end of {text:?}");
            }
            let errors = ConfigErrors {
                path: PathBuf::from("seisho.toml"),
                source: text.clone().into_owned(),
                errors,
            };
            // Each error is shown as `seisho.toml:LINE:COLUMN: message`.
            let shown = errors.to_string();
            assert!(shown.starts_with("seisho.toml:"), "{shown}");
            assert!(!errors.render(false).is_empty());
        }
    }
}
