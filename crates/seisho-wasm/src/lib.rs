//! WebAssembly bindings of seisho for JavaScript (wasm-bindgen): `normalize`, `lint`,
//! `applyFixes`, `fix`, `score`, `rules`, and `loadDictionary` with the `morphology` feature.
//!
//! Nothing but bindings: every result is the core's, turned into plain JavaScript objects
//! (serde-wasm-bindgen) as it serializes (the diagnostics as `seisho lint --format json`
//! prints them), with ranges in UTF-16 code units (what JavaScript strings index by).
//!
//! # Errors and panics
//!
//! Bad options (an unknown rule, an option of the wrong type, an unknown field) are thrown as
//! JavaScript `Error`s with a message. wasm32 builds abort on panic (unwinding is not
//! supported on stable), so a panic cannot be caught and turned into an `Error`: the API
//! validates its inputs up front and is total over them instead. Should a panic happen
//! anyway (a bug), the panic hook installed at start-up logs its message and location with
//! `console.error` before the `RuntimeError: unreachable` trap.
//!
//! # Positions
//!
//! JavaScript strings reach Rust as UTF-8, a lone surrogate replaced by U+FFFD (one UTF-16
//! unit for one), so UTF-16 offsets of the result are offsets of the string passed in.

mod convert;
mod options;

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use seisho::lint::{LintRule, Linter};
use seisho::score::Scorer;

pub use convert::JsEdit;
pub use options::{LintOptions, NormalizeOptions, ScoreOptions};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

/// Installs the panic hook (panics are logged with `console.error` before the trap).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

thread_local! {
    /// The last linter made, with the options (as JSON) it was made of: typing in the page
    /// lints with the same options again and again.
    static LINTER: RefCell<Option<(Option<String>, bool, Linter)>> = const { RefCell::new(None) };
}

#[cfg(feature = "morphology")]
thread_local! {
    static ANALYZER: RefCell<Option<seisho::morphology::Analyzer>> = const { RefCell::new(None) };
}

/// Whether `loadDictionary` has loaded a dictionary (always `false` without the
/// `morphology` feature).
#[wasm_bindgen(js_name = hasDictionary)]
pub fn has_dictionary() -> bool {
    #[cfg(feature = "morphology")]
    return ANALYZER.with(|a| a.borrow().is_some());
    #[cfg(not(feature = "morphology"))]
    return false;
}

/// Whether this build can load a dictionary (the `morphology` feature).
#[wasm_bindgen(js_name = supportsDictionary)]
pub fn supports_dictionary() -> bool {
    cfg!(feature = "morphology")
}

/// Whether this build reads Markdown (the `markdown` feature, on by default):
/// `syntax: "markdown"` and `score(text, { markdown: true })`. The core package, built
/// without it to stay within the size budget, throws an `Error` for them.
#[wasm_bindgen(js_name = supportsMarkdown)]
pub fn supports_markdown() -> bool {
    cfg!(feature = "markdown")
}

/// The names of the dictionary's files, as `loadDictionary` takes them.
#[wasm_bindgen(js_name = dictionaryFileNames, unchecked_return_type = "string[]")]
pub fn dictionary_file_names() -> Vec<String> {
    #[cfg(feature = "morphology")]
    return seisho_ipadic::FILE_NAMES
        .iter()
        .map(|s| s.to_string())
        .collect();
    #[cfg(not(feature = "morphology"))]
    return Vec::new();
}

/// Loads the IPADIC files (`seisho dict export DIR` writes them): an object or a `Map` from
/// file name to `Uint8Array`. Turns on the morphology-based lint rules, jReadability and the
/// normalizer's kana typo check (in `normalize`, `lint` and `fix`).
#[wasm_bindgen(js_name = loadDictionary)]
pub fn load_dictionary(
    #[wasm_bindgen(unchecked_param_type = "Record<string, Uint8Array> | Map<string, Uint8Array>")]
    files: JsValue,
) -> Result<(), JsError> {
    #[cfg(feature = "morphology")]
    {
        let entries: Vec<(String, Vec<u8>)> = if files.is_instance_of::<js_sys::Map>() {
            let map: &js_sys::Map = files.unchecked_ref();
            let mut out = Vec::new();
            let mut error = None;
            map.for_each(&mut |value, key| match (
                key.as_string(),
                value.dyn_into::<js_sys::Uint8Array>(),
            ) {
                (Some(name), Ok(bytes)) => out.push((name, bytes.to_vec())),
                _ => error = Some("loadDictionary: the map must be from file names to Uint8Arrays"),
            });
            if let Some(e) = error {
                return Err(JsError::new(e));
            }
            out
        } else if files.is_object() {
            let object: &js_sys::Object = files.unchecked_ref();
            let mut out = Vec::new();
            for entry in js_sys::Object::entries(object).iter() {
                let pair: js_sys::Array = entry.unchecked_into();
                let (Some(name), Ok(bytes)) = (
                    pair.get(0).as_string(),
                    pair.get(1).dyn_into::<js_sys::Uint8Array>(),
                ) else {
                    return Err(JsError::new(
                        "loadDictionary: every value must be a Uint8Array of a file's bytes",
                    ));
                };
                out.push((name, bytes.to_vec()));
            }
            out
        } else {
            return Err(JsError::new(
                "loadDictionary takes an object or a Map from file names to Uint8Arrays",
            ));
        };
        let mut parts = seisho_ipadic::DictionaryParts::new();
        for (name, bytes) in entries {
            parts
                .insert(&name, bytes)
                .map_err(|e| JsError::new(&format!("loadDictionary: {e}")))?;
        }
        let dictionary = seisho_ipadic::load_from_parts(parts)
            .map_err(|e| JsError::new(&format!("loadDictionary: {e}")))?;
        let analyzer = seisho::morphology::Analyzer::with_dictionary(dictionary);
        ANALYZER.with(|a| *a.borrow_mut() = Some(analyzer));
        LINTER.with(|l| *l.borrow_mut() = None);
        Ok(())
    }
    #[cfg(not(feature = "morphology"))]
    {
        let _ = files;
        Err(JsError::new(
            "loadDictionary: this build of seisho-wasm has no morphology (cargo feature `morphology`)",
        ))
    }
}

/// An optional options argument: `undefined` when left out.
fn optional(options: Option<js_sys::Object>) -> JsValue {
    options.map_or(JsValue::UNDEFINED, JsValue::from)
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("seisho: cannot convert the result: {e}")))
}

/// Normalizes `text`: the normalized text, the edits made and the suggestions (unsafe fixes)
/// not applied, with byte and UTF-16 ranges of `text`.
#[wasm_bindgen(unchecked_return_type = "NormalizeResult")]
pub fn normalize(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "NormalizeOptions")] options: Option<
        js_sys::Object,
    >,
) -> Result<JsValue, JsError> {
    let options = optional(options);
    let options: NormalizeOptions = options::parse(options, "normalize")?;
    #[cfg(feature = "morphology")]
    let normalizer = options.build(ANALYZER.with(|a| a.borrow().clone()))?;
    #[cfg(not(feature = "morphology"))]
    let normalizer = options.build()?;
    let n = normalizer.normalize(text);
    to_js(&convert::JsNormalized::new(text, &n))
}

/// Runs `f` with the linter for `options`, made anew only when the options (or the
/// dictionary) changed since the last call, the syntax and whether to apply unsafe fixes.
fn with_linter<R>(
    options: Option<js_sys::Object>,
    what: &str,
    f: impl FnOnce(&Linter, seisho::lint::Syntax, bool) -> R,
) -> Result<R, JsError> {
    let options = optional(options);
    // `None` when the options cannot be written as JSON: no reuse then.
    let key = if options.is_undefined() || options.is_null() {
        Some(String::new())
    } else {
        js_sys::JSON::stringify(&options)
            .ok()
            .and_then(|s| s.as_string())
    };
    let parsed: LintOptions = options::parse(options, what)?;
    let (syntax, unsafe_fixes) = (parsed.syntax()?, parsed.unsafe_fixes);
    let dictionary = has_dictionary();
    LINTER.with(|cell| {
        let mut cell = cell.borrow_mut();
        let reuse =
            key.is_some() && matches!(&*cell, Some((k, d, _)) if *k == key && *d == dictionary);
        if !reuse {
            let config = parsed.config()?;
            *cell = Some((key, dictionary, make_linter(config)));
        }
        let (_, _, linter) = cell.as_ref().expect("set above");
        Ok(f(linter, syntax, unsafe_fixes))
    })
}

fn make_linter(config: seisho::lint::LintConfig) -> Linter {
    // Never `Linter::new` with a dictionary: this build embeds none, and the loaded one serves
    // the rules that need words and the normalizer's kana typo check alike.
    #[cfg(feature = "morphology")]
    if let Some(analyzer) = ANALYZER.with(|a| a.borrow().clone()) {
        return Linter::with_analyzer(config, analyzer);
    }
    Linter::new(config).without_analyzer()
}

/// Lints `text`: the diagnostics in the order of their positions.
#[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
pub fn lint(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "LintOptions")] options: Option<js_sys::Object>,
) -> Result<JsValue, JsError> {
    let diagnostics = with_linter(options, "lint", |linter, syntax, _| {
        linter.lint(text, syntax)
    })?;
    to_js(&convert::diagnostics_to_js(text, diagnostics))
}

/// Lints and fixes `text` as `seisho fix` does: the safe fixes (and the unsafe ones with
/// `unsafeFixes`), linting again until nothing more is fixable.
#[wasm_bindgen(unchecked_return_type = "FixResult")]
pub fn fix(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "LintOptions")] options: Option<js_sys::Object>,
) -> Result<JsValue, JsError> {
    let fixed = with_linter(options, "fix", |linter, syntax, unsafe_fixes| {
        linter.fix(text, syntax, unsafe_fixes)
    })?;
    to_js(&convert::JsFixed::new(fixed))
}

/// Applies the fixes of `diagnostics` (as `lint` returned them for `text`; their UTF-16
/// ranges are used): the safe ones, and the unsafe ones too with `unsafeFixes`. A fix that
/// overlaps one applied before it, or whose range is not in `text`, is skipped.
#[wasm_bindgen(js_name = applyFixes, unchecked_return_type = "ApplyResult")]
pub fn apply_fixes(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Diagnostic[]")] diagnostics: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ unsafeFixes?: boolean }")] options: Option<
        js_sys::Object,
    >,
) -> Result<JsValue, JsError> {
    let options = optional(options);
    let unsafe_fixes = options::unsafe_fixes(&options);
    let diagnostics: Vec<convert::InDiagnostic> = serde_wasm_bindgen::from_value(diagnostics)
        .map_err(|e| JsError::new(&format!("applyFixes: bad diagnostics: {e}")))?;
    let core = convert::diagnostics_from_js(text, diagnostics);
    let (text, applied) = seisho::lint::apply_fixes(text, &core, unsafe_fixes);
    to_js(&convert::JsApplied { text, applied })
}

/// The readability report of `text`: the Rust API's `seisho::score::Report`, as is (byte
/// ranges included). jReadability and word counts need `loadDictionary`.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn score(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions")] options: Option<js_sys::Object>,
) -> Result<JsValue, JsError> {
    let options = optional(options);
    let options: ScoreOptions = options::parse(options, "score")?;
    let mut builder = Scorer::builder().analyzer(false);
    if let Some(n) = options.long_sentence {
        builder = builder.long_sentence(n);
    }
    #[cfg(feature = "morphology")]
    if let Some(analyzer) = ANALYZER.with(|a| a.borrow().clone()) {
        builder = builder.with_analyzer(analyzer);
    }
    let scorer = builder.build();
    #[cfg(feature = "markdown")]
    let report = if options.markdown {
        scorer.score_markdown(text)
    } else {
        scorer.score(text)
    };
    #[cfg(not(feature = "markdown"))]
    let report = if options.markdown {
        return Err(JsError::new(
            "score: this build of seisho-wasm has no Markdown (cargo feature `markdown`)",
        ));
    } else {
        scorer.score(text)
    };
    to_js(&report)
}

/// The lint rules: id, Japanese name, summary (in `options.lang`), default severity, whether
/// on by default and whether they need the dictionary.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules(
    #[wasm_bindgen(unchecked_optional_param_type = "RulesOptions")] options: Option<js_sys::Object>,
) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct RuleInfo {
        id: &'static str,
        name: &'static str,
        summary: &'static str,
        severity: seisho::lint::Severity,
        default_on: bool,
        needs_dictionary: bool,
    }
    let options: options::RulesOptions = options::parse(optional(options), "rules")?;
    let lang = options::lang(options.lang.as_deref(), "rules")?;
    let list: Vec<RuleInfo> = LintRule::all()
        .iter()
        .map(|r| RuleInfo {
            id: r.id(),
            name: r.name_ja(),
            summary: r.summary_in(lang),
            severity: r.default_severity(),
            default_on: r.is_default(),
            needs_dictionary: r.needs_words(),
        })
        .collect();
    to_js(&list)
}

/// The version of seisho-wasm.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
