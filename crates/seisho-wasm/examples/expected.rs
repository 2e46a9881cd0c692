//! What the Rust API returns for the inputs of `tests/data/**/*.toml` (plus a few more), as
//! JSON: the node tests (`tests/node/api.test.mjs`) check that the wasm package returns the
//! same. Native build with the wasm crate's features (no morphology):
//!
//!     cargo run -p seisho-wasm --example expected > pkg/expected.json
//!
//! With the `morphology` feature and a directory of dictionary files (`seisho dict export DIR`),
//! the normalizer, the linter and the scorer use that dictionary, as the wasm module does after
//! `loadDictionary`:
//!
//!     cargo run -p seisho-wasm --features morphology --example expected -- DIR

use std::path::Path;

use seisho::lint::{LintConfig, Linter, Syntax};
use seisho::score::Scorer;
use serde_json::{json, Value};

/// The cases of the `.toml` files under `dir`: the file (relative to `root`), the input and
/// the rules the case turns on.
fn inputs(root: &Path, dir: &Path, out: &mut Vec<(String, String, Vec<String>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            inputs(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).expect("read");
            let doc: toml::Table = text.parse().expect("toml");
            for case in doc
                .get("case")
                .and_then(|c| c.as_array())
                .into_iter()
                .flatten()
            {
                let Some(input) = case.get("input").and_then(|i| i.as_str()) else {
                    continue;
                };
                let rules = case
                    .get("rules")
                    .and_then(|r| r.as_array())
                    .map(|r| {
                        r.iter()
                            .filter_map(|s| s.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                let file = path.strip_prefix(root).unwrap_or(&path);
                out.push((file.display().to_string(), input.to_owned(), rules));
            }
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut cases = Vec::new();
    let data = root.join("tests/data");
    inputs(&data, &data, &mut cases);
    for extra in [
        "😀ｻｰﾊﾞを再起動し、、設定を確認する。\r\n二行目のﾃｷｽﾄ𠮟る。",
        "# 見出し\n\n本文は`コード`を含む。ＡＢＣ。\n",
        "",
    ] {
        cases.push((String::new(), extra.to_owned(), Vec::new()));
    }
    let dictionary = std::env::args_os().nth(1);
    #[cfg(feature = "morphology")]
    let analyzer = dictionary.as_ref().map(|dir| {
        let dictionary = seisho_ipadic::load_from_dir(dir).expect("the dictionary");
        seisho::morphology::Analyzer::with_dictionary(dictionary)
    });
    #[cfg(not(feature = "morphology"))]
    assert!(
        dictionary.is_none(),
        "a dictionary needs the morphology feature"
    );
    let make_linter = |config: LintConfig| -> Linter {
        #[cfg(feature = "morphology")]
        if let Some(analyzer) = &analyzer {
            return Linter::with_analyzer(config, analyzer.clone());
        }
        Linter::new(config).without_analyzer()
    };
    #[cfg_attr(not(feature = "morphology"), allow(unused_mut))]
    let mut normalizer = seisho::Normalizer::builder().dictionary(false);
    #[cfg(feature = "morphology")]
    if let Some(analyzer) = &analyzer {
        normalizer = normalizer.analyzer(analyzer.clone());
    }
    let normalizer = normalizer.build();
    #[cfg_attr(not(feature = "morphology"), allow(unused_mut))]
    let mut scorer = Scorer::builder().analyzer(false);
    #[cfg(feature = "morphology")]
    if let Some(analyzer) = &analyzer {
        scorer = scorer.with_analyzer(analyzer.clone());
    }
    let scorer = scorer.build();
    let default_linter = make_linter(LintConfig::default());
    let out: Vec<Value> = cases
        .iter()
        .map(|(file, input, rules)| {
            let mut config = LintConfig::default();
            let mut known = Vec::new();
            for r in rules {
                if config.set_enabled(r, true).is_ok() {
                    known.push(r.clone());
                }
            }
            let linter = if known.is_empty() {
                default_linter.clone()
            } else {
                make_linter(config)
            };
            let normalized = normalizer.normalize(input);
            let edit = |e: &seisho::Edit<'_>| {
                json!({"rule": e.rule().id(), "safety": e.safety(), "original": e.original(),
                       "replacement": e.replacement(), "range": e.range()})
            };
            let fixed = linter.fix(input, Syntax::Text, false);
            json!({
                "file": file,
                "input": input,
                "rules": known,
                "normalize": {
                    "text": normalized.text(),
                    "edits": normalized.edits().iter().map(edit).collect::<Vec<_>>(),
                    "suggestions": normalized.suggestions().iter().map(edit).collect::<Vec<_>>(),
                },
                "lint": linter.lint(input, Syntax::Text),
                "lintMarkdown": linter.lint(input, Syntax::Markdown),
                "fix": {"text": fixed.text, "applied": fixed.applied, "rounds": fixed.rounds,
                        "remaining": fixed.remaining},
                "fixUnsafe": linter.fix(input, Syntax::Text, true).text,
                "score": scorer.score(input),
                "scoreMarkdown": scorer.score_markdown(input),
            })
        })
        .collect();
    println!("{}", serde_json::to_string(&out).expect("json"));
}
