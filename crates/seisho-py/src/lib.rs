//! Python bindings of seisho (PyO3, stable ABI from Python 3.10): the module `seisho._seisho`,
//! which the package `seisho` re-exports.
//!
//! Nothing but bindings: every result is the core's. Positions given to Python are indices
//! into the `str` passed in (code points), not the core's byte offsets.
//!
//! Options are named as `seisho fmt`'s flags and `seisho.toml` name them, in snake case
//! (`unsafe_fixes`, `wave_dash`, `enable`, …). A misspelt option, an unknown rule or value is
//! a `ValueError`; an option of the wrong type a `TypeError`; a `str` with a lone surrogate
//! (which is not Unicode text) a `UnicodeEncodeError`, which is a `ValueError` too.

mod config;

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBool, PyDict, PyList, PyString};

use seisho::lint::{LintConfig, Linter};
use seisho::neologdn::{Neologdn, Tilde};
use seisho::{CompatClass, Lang, Normalized, Normalizer, Rule, Syntax, WaveDashStyle};

/// The options of seisho's own preset, in the order `seisho fmt --help` gives them.
const SEISHO_OPTIONS: &[&str] = &[
    "unsafe_fixes",
    "dictionary",
    "enable",
    "disable",
    "only",
    "wave_dash",
    "compat",
    "collapse_exclamations",
];

/// The options of the `neologdn` preset: neologdn's own arguments.
const NEOLOGDN_OPTIONS: &[&str] = &[
    "repeat",
    "remove_space",
    "max_repeat_substr_length",
    "tilde",
];

/// What normalizes: seisho's rules, or the `neologdn` preset.
#[derive(Debug, Clone)]
enum Engine {
    Seisho(Box<Normalizer>),
    Neologdn(Neologdn),
}

impl Engine {
    fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        match self {
            Engine::Seisho(n) => n.normalize(text),
            Engine::Neologdn(n) => n.normalize(text),
        }
    }

    /// The normalized text alone; `None` when it is `text` unchanged.
    fn normalize_text(&self, text: &str) -> Option<String> {
        let out = match self {
            Engine::Seisho(n) => n.normalize(text).into_text(),
            Engine::Neologdn(n) => n.normalize_text(text),
        };
        match out {
            std::borrow::Cow::Borrowed(_) => None,
            std::borrow::Cow::Owned(s) => Some(s),
        }
    }

    /// The engine the keyword arguments ask for.
    fn from_options(options: Option<&Bound<'_, PyDict>>) -> PyResult<Engine> {
        let Some(options) = options else {
            return Ok(Engine::Seisho(Box::default()));
        };
        let preset: String = match options.get_item("preset")? {
            Some(v) if !v.is_none() => {
                v.extract().map_err(|_| type_error("preset", "a str", &v))?
            }
            _ => "seisho".to_owned(),
        };
        let (own, other, other_preset) = match preset.as_str() {
            "seisho" => (SEISHO_OPTIONS, NEOLOGDN_OPTIONS, "neologdn"),
            "neologdn" => (NEOLOGDN_OPTIONS, SEISHO_OPTIONS, "seisho"),
            _ => {
                return Err(PyValueError::new_err(format!(
                    "unknown preset {preset:?} (seisho or neologdn)"
                )))
            }
        };
        for (key, _) in options.iter() {
            let key: String = key.extract()?;
            if key == "preset" || own.contains(&key.as_str()) {
                continue;
            }
            return Err(PyValueError::new_err(if other.contains(&key.as_str()) {
                format!("`{key}` is an option of preset={other_preset:?}, not of preset={preset:?}")
            } else {
                format!(
                    "unknown option `{key}` (preset={preset:?} takes: preset, {})",
                    own.join(", ")
                )
            }));
        }
        let get = |name: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
            Ok(options.get_item(name)?.filter(|v| !v.is_none()))
        };
        if preset == "neologdn" {
            let mut n = Neologdn::default();
            if let Some(v) = get("repeat")? {
                n.repeat = count(&v, "repeat")?;
            }
            if let Some(v) = get("remove_space")? {
                n.remove_space = boolean(&v, "remove_space")?;
            }
            if let Some(v) = get("max_repeat_substr_length")? {
                n.max_repeat_substr_length = count(&v, "max_repeat_substr_length")?;
            }
            if let Some(v) = get("tilde")? {
                let id: String = v.extract().map_err(|_| type_error("tilde", "a str", &v))?;
                n.tilde = Tilde::from_id(&id).ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "unknown tilde {id:?} (remove, ignore, normalize or normalize_zenkaku)"
                    ))
                })?;
            }
            return Ok(Engine::Neologdn(n));
        }
        let mut b = Normalizer::builder();
        if let Some(v) = get("unsafe_fixes")? {
            b = b.unsafe_fixes(boolean(&v, "unsafe_fixes")?);
        }
        if let Some(v) = get("dictionary")? {
            b = b.dictionary(boolean(&v, "dictionary")?);
        }
        if let Some(v) = get("collapse_exclamations")? {
            b = b.collapse_exclamations(boolean(&v, "collapse_exclamations")?);
        }
        if let Some(v) = get("wave_dash")? {
            let id: String = v
                .extract()
                .map_err(|_| type_error("wave_dash", "a str", &v))?;
            let style = WaveDashStyle::from_id(&id).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "unknown wave_dash {id:?} (wave-dash or fullwidth-tilde)"
                ))
            })?;
            b = b.wave_dash(style);
        }
        let enable = rules(get("enable")?, "enable")?;
        let disable = rules(get("disable")?, "disable")?;
        if let Some(rule) = enable.iter().find(|r| disable.contains(r)) {
            return Err(PyValueError::new_err(format!(
                "rule `{rule}` is both enabled and disabled"
            )));
        }
        if let Some(v) = get("only")? {
            b = b.only(&rules(Some(v), "only")?);
        }
        // As `seisho fmt`: the classes first (they turn `compatibility` on), then `enable`,
        // then `disable`, which wins.
        if !disable.contains(&Rule::Compatibility) {
            for id in strings(get("compat")?, "compat")? {
                let class = CompatClass::from_id(&id)
                    .ok_or_else(|| PyValueError::new_err(format!("unknown compat class {id:?}")))?;
                b = b.compat(class, true);
            }
        }
        for rule in enable {
            b = b.enable(rule);
        }
        for rule in disable {
            b = b.disable(rule);
        }
        Ok(Engine::Seisho(Box::new(b.build())))
    }
}

fn type_error(name: &str, expected: &str, got: &Bound<'_, PyAny>) -> PyErr {
    let got = got
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned());
    PyTypeError::new_err(format!("`{name}` must be {expected}, not {got}"))
}

fn boolean(v: &Bound<'_, PyAny>, name: &str) -> PyResult<bool> {
    if !v.is_instance_of::<PyBool>() {
        return Err(type_error(name, "a bool", v));
    }
    v.extract()
}

fn count(v: &Bound<'_, PyAny>, name: &str) -> PyResult<usize> {
    if v.is_instance_of::<PyBool>() {
        return Err(type_error(name, "an int", v));
    }
    let n: i64 = v.extract().map_err(|_| type_error(name, "an int", v))?;
    usize::try_from(n)
        .map_err(|_| PyValueError::new_err(format!("`{name}` must be 0 or more, not {n}")))
}

/// A `str` or an iterable of `str`s.
fn strings(v: Option<Bound<'_, PyAny>>, name: &str) -> PyResult<Vec<String>> {
    let Some(v) = v else {
        return Ok(Vec::new());
    };
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(vec![s.to_str()?.to_owned()]);
    }
    let iter = v
        .try_iter()
        .map_err(|_| type_error(name, "a str or a list of str", &v))?;
    iter.map(|item| {
        let item = item?;
        item.extract::<String>()
            .map_err(|_| type_error(name, "a str or a list of str", &item))
    })
    .collect()
}

fn rules(v: Option<Bound<'_, PyAny>>, name: &str) -> PyResult<Vec<Rule>> {
    strings(v, name)?
        .iter()
        .map(|id| match Rule::from_id(id) {
            Some(r) if r.is_preset() => Err(PyValueError::new_err(format!(
                "`{id}` is a preset, not a rule: preset={id:?}"
            ))),
            Some(r) => Ok(r),
            None => Err(PyValueError::new_err(format!(
                "unknown rule `{id}` in `{name}` (seisho.rules() lists them)"
            ))),
        })
        .collect()
}

/// Byte offsets of a text to code point offsets (indices into the Python `str`), asked in
/// mostly ascending order.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn of(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// One change the normalizer made (or, among `suggestions`, would make): `text[start:end]`
/// of the original was `before` and becomes `after`.
#[pyclass(frozen, get_all, module = "seisho")]
struct Edit {
    /// The rule that made it (`seisho.rules()`; `neologdn` for the preset).
    rule: String,
    /// Where it starts in the original `str`.
    start: usize,
    /// Where it ends (exclusive).
    end: usize,
    /// The original text.
    before: String,
    /// What replaces it (empty for a deletion).
    after: String,
    /// Whether the fix is safe (applied by default) or a suggestion.
    safe: bool,
}

#[pymethods]
impl Edit {
    fn __repr__(&self) -> String {
        format!(
            "Edit(rule={:?}, start={}, end={}, before={:?}, after={:?}, safe={})",
            self.rule,
            self.start,
            self.end,
            self.before,
            self.after,
            if self.safe { "True" } else { "False" }
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Edit>().is_ok_and(|o| {
            let o = o.get();
            (
                &self.rule,
                self.start,
                self.end,
                &self.before,
                &self.after,
                self.safe,
            ) == (&o.rule, o.start, o.end, &o.before, &o.after, o.safe)
        })
    }
}

/// The result of `Normalizer.normalize_with_edits`: the text, the edits that made it, and the
/// suggestions (unsafe fixes) that were not applied.
#[pyclass(frozen, get_all, module = "seisho")]
struct Normalization {
    /// The normalized text.
    text: Py<PyString>,
    /// The applied edits, in order, over the original text.
    edits: Py<PyList>,
    /// The fixes found but not applied because they could be wrong.
    suggestions: Py<PyList>,
}

#[pymethods]
impl Normalization {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Normalization(text={}, edits={} edits, suggestions={} suggestions)",
            self.text
                .bind(py)
                .repr()
                .map(|r| r.to_string())
                .unwrap_or_default(),
            self.edits.bind(py).len(),
            self.suggestions.bind(py).len()
        )
    }
}

fn edits_to_py<'py>(
    py: Python<'py>,
    text: &str,
    edits: &[seisho::Edit<'_>],
) -> PyResult<Bound<'py, PyList>> {
    let mut at = CharOffsets::new(text);
    let items = edits
        .iter()
        .map(|e| Edit {
            rule: e.rule().id().to_owned(),
            start: at.of(e.range().start),
            end: at.of(e.range().end),
            before: e.original().to_owned(),
            after: e.replacement().to_owned(),
            safe: e.safety().is_safe(),
        })
        .map(|e| Py::new(py, e))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// A normalizer made once and used for many texts. Takes the options of `seisho.normalize`.
#[pyclass(frozen, module = "seisho")]
struct PyNormalizer {
    engine: Engine,
}

/// Below this many bytes a batch runs on the calling thread: threads cost more than they
/// save.
const PARALLEL_MIN_BYTES: usize = 64 * 1024;

#[pymethods]
impl PyNormalizer {
    #[new]
    #[pyo3(signature = (**options))]
    fn new(options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Ok(PyNormalizer {
            engine: Engine::from_options(options)?,
        })
    }

    /// The normalized text.
    fn normalize<'py>(&self, py: Python<'py>, text: PyBackedStr) -> PyResult<Bound<'py, PyString>> {
        let engine = &self.engine;
        let out = py.detach(|| engine.normalize_text(&text));
        Ok(match out {
            Some(s) => PyString::new(py, &s),
            // The very object passed in.
            None => text.as_py_str().bind(py).clone(),
        })
    }

    /// The normalized text, the edits that made it and the suggestions not applied.
    fn normalize_with_edits(&self, py: Python<'_>, text: PyBackedStr) -> PyResult<Normalization> {
        let n = self.engine.normalize(&text);
        Ok(Normalization {
            text: PyString::new(py, n.text()).unbind(),
            edits: edits_to_py(py, &text, n.edits())?.unbind(),
            suggestions: edits_to_py(py, &text, n.suggestions())?.unbind(),
        })
    }

    /// Each text normalized, in order, on `threads` threads (all cores by default) with the
    /// GIL released.
    #[pyo3(signature = (texts, threads=None))]
    fn normalize_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = match threads.filter(|t| !t.is_none()) {
            None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
            Some(t) => match count(t, "threads")? {
                0 => return Err(PyValueError::new_err("`threads` must be 1 or more")),
                n => n,
            },
        };
        if texts.is_instance_of::<PyString>() {
            return Err(type_error("texts", "an iterable of str", texts));
        }
        let take = |i: usize, item: Bound<'py, PyAny>| -> PyResult<PyBackedStr> {
            let item = item
                .cast_into::<PyString>()
                .map_err(|e| type_error(&format!("texts[{i}]"), "a str", &e.into_inner()))?;
            PyBackedStr::try_from(item)
                .map_err(|e| PyValueError::new_err(format!("texts[{i}]: {}", e.value(py))))
        };
        // A list (the common case) is read by index; anything else through its iterator.
        let inputs: Vec<PyBackedStr> = if let Ok(list) = texts.cast::<PyList>() {
            let mut inputs = Vec::with_capacity(list.len());
            for (i, item) in list.iter().enumerate() {
                inputs.push(take(i, item)?);
            }
            inputs
        } else {
            let iter = texts
                .try_iter()
                .map_err(|_| type_error("texts", "an iterable of str", texts))?;
            let mut inputs = Vec::new();
            for (i, item) in iter.enumerate() {
                inputs.push(take(i, item?)?);
            }
            inputs
        };
        let engine = &self.engine;
        let outputs: Vec<Option<String>> = py.detach(|| normalize_all(engine, &inputs, threads));
        // A text that does not change is the very object passed in.
        let items = inputs.iter().zip(&outputs).map(|(input, out)| match out {
            Some(s) => PyString::new(py, s),
            None => input.as_py_str().bind(py).clone(),
        });
        PyList::new(py, items)
    }

    fn __repr__(&self) -> String {
        match &self.engine {
            Engine::Seisho(_) => "Normalizer(preset='seisho')".to_owned(),
            Engine::Neologdn(n) => format!(
                "Normalizer(preset='neologdn', repeat={}, remove_space={}, max_repeat_substr_length={}, tilde={:?})",
                n.repeat,
                if n.remove_space { "True" } else { "False" },
                n.max_repeat_substr_length,
                Tilde::ALL.iter().find(|(_, t)| *t == n.tilde).map_or("?", |(id, _)| id)
            ),
        }
    }
}

/// Normalizes every input on up to `threads` threads, which take chunks in turn; `None` where
/// a text does not change.
fn normalize_all(engine: &Engine, inputs: &[PyBackedStr], threads: usize) -> Vec<Option<String>> {
    let one = |s: &str| engine.normalize_text(s);
    let bytes: usize = inputs.iter().map(|s| s.len()).sum();
    if threads == 1 || inputs.len() < 2 || bytes < PARALLEL_MIN_BYTES {
        return inputs.iter().map(|s| one(s)).collect();
    }
    // Chunks of about 16 KiB, claimed in turn, so that a few long texts do not leave the
    // other threads idle.
    let chunk = (inputs.len() * 16 * 1024 / bytes.max(1)).clamp(1, 4096);
    let next = AtomicUsize::new(0);
    let mut outputs: Vec<Option<String>> = vec![None; inputs.len()];
    let done: Vec<Vec<(usize, Vec<Option<String>>)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(inputs.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let start = next.fetch_add(chunk, Ordering::Relaxed);
                        if start >= inputs.len() {
                            break;
                        }
                        let end = (start + chunk).min(inputs.len());
                        mine.push((start, inputs[start..end].iter().map(|s| one(s)).collect()));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    for (start, outs) in done.into_iter().flatten() {
        for (k, out) in outs.into_iter().enumerate() {
            outputs[start + k] = out;
        }
    }
    outputs
}

/// Normalizes `text` (seisho's safe rules by default; `preset="neologdn"` for neologdn
/// 0.5.6's output).
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn normalize<'py>(
    py: Python<'py>,
    text: PyBackedStr,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyString>> {
    if options.is_none_or(|o| o.is_empty()) {
        static DEFAULT: OnceLock<PyNormalizer> = OnceLock::new();
        let n = DEFAULT.get_or_init(|| PyNormalizer {
            engine: Engine::Seisho(Box::default()),
        });
        return n.normalize(py, text);
    }
    PyNormalizer::new(options)?.normalize(py, text)
}

fn syntax(id: &str) -> PyResult<Syntax> {
    match id {
        "text" => Ok(Syntax::Text),
        "markdown" => Ok(Syntax::Markdown),
        _ => Err(PyValueError::new_err(format!(
            "unknown syntax {id:?} (text or markdown)"
        ))),
    }
}

/// A JSON value as Python objects, with the byte ranges of `text` (`range` objects of
/// `start`/`end`) made code point ranges.
fn to_py<'py>(
    py: Python<'py>,
    value: &serde_json::Value,
    at: &mut Option<CharOffsets<'_>>,
) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (_, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|v| to_py(py, v, at))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                let v = match (k.as_str(), v, at.as_mut()) {
                    ("range", Value::Object(r), Some(offsets)) => {
                        let byte = |key| r.get(key).and_then(Value::as_u64).unwrap_or(0) as usize;
                        let range = PyDict::new(py);
                        range.set_item("start", offsets.of(byte("start")))?;
                        range.set_item("end", offsets.of(byte("end")))?;
                        range.into_any()
                    }
                    _ => to_py(py, v, at)?,
                };
                dict.set_item(k, v)?;
            }
            dict.into_any()
        }
    })
}

/// The language named by `lang`; without one, the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`:
/// Japanese under a Japanese locale, English otherwise).
fn lang(id: Option<&str>) -> PyResult<Lang> {
    match id {
        None => Ok(Lang::from_locale_vars(|name| std::env::var(name).ok()).unwrap_or_default()),
        Some(id) => Lang::from_id(id)
            .ok_or_else(|| PyValueError::new_err(format!("unknown lang {id:?} (en or ja)"))),
    }
}

/// The diagnostics of `text`: a list of dicts as `seisho lint --format json` gives them
/// (`docs/lint.schema.json`), with `range` and the fixes' ranges in code points of `text`;
/// messages in `lang` (`en` or `ja`; by default the locale's).
#[pyfunction]
#[pyo3(signature = (text, syntax="text", config=None, dictionary=true, lang=None))]
fn lint<'py>(
    py: Python<'py>,
    text: PyBackedStr,
    syntax: &str,
    config: Option<&Bound<'py, PyDict>>,
    dictionary: bool,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyList>> {
    let syntax = self::syntax(syntax)?;
    let lang = self::lang(lang)?;
    let diagnostics = match (config, dictionary && lang == Lang::En) {
        (None, true) => {
            static DEFAULT: OnceLock<Linter> = OnceLock::new();
            let linter = DEFAULT.get_or_init(|| Linter::new(LintConfig::default()));
            py.detach(|| linter.lint(&text, syntax))
        }
        _ => {
            let mut config = config
                .map(config::lint_config)
                .transpose()?
                .unwrap_or_default();
            config.set_lang(lang);
            let linter = Linter::new(config);
            let linter = if dictionary {
                linter
            } else {
                linter.without_analyzer()
            };
            py.detach(|| linter.lint(&text, syntax))
        }
    };
    let value = serde_json::to_value(&diagnostics)
        .map_err(|e| PyValueError::new_err(format!("lint: {e}")))?;
    let mut at = Some(CharOffsets::new(&text));
    Ok(to_py(py, &value, &mut at)?.cast_into::<PyList>()?)
}

/// The readability report of `text` as a dict (`docs/report.schema.json`): sentence
/// lengths, character classes, jReadability and Tateishi; the sentences' ranges in code
/// points of `text`.
#[pyfunction]
#[pyo3(signature = (text, syntax="text", long_sentence=None))]
fn score<'py>(
    py: Python<'py>,
    text: PyBackedStr,
    syntax: &str,
    long_sentence: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let syntax = self::syntax(syntax)?;
    let mut b = seisho::score::Scorer::builder();
    if let Some(v) = long_sentence.filter(|v| !v.is_none()) {
        b = b.long_sentence(count(v, "long_sentence")?);
    }
    let scorer = b.build();
    let report = py.detach(|| match syntax {
        Syntax::Markdown => scorer.score_markdown(&text),
        _ => scorer.score(&text),
    });
    let value =
        serde_json::to_value(&report).map_err(|e| PyValueError::new_err(format!("score: {e}")))?;
    let mut at = Some(CharOffsets::new(&text));
    Ok(to_py(py, &value, &mut at)?.cast_into::<PyDict>()?)
}

/// The normalizer's rules: a list of dicts of `id`, `name` (Japanese), `summary` (in `lang`)
/// and `default` (on by default); `lang` as in [`lint`].
#[pyfunction]
#[pyo3(signature = (lang=None))]
fn rules_list<'py>(py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyList>> {
    let lang = self::lang(lang)?;
    let items = Rule::ALL
        .iter()
        .filter(|r| !r.is_preset())
        .map(|r| {
            let d = PyDict::new(py);
            d.set_item("id", r.id())?;
            d.set_item("name", r.name_ja())?;
            d.set_item("summary", r.summary_in(lang))?;
            d.set_item("default", r.is_default())?;
            Ok(d)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

#[pymodule]
fn _seisho(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Edit>()?;
    m.add_class::<Normalization>()?;
    m.add("Normalizer", m.py().get_type::<PyNormalizer>())?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(lint, m)?)?;
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(rules_list, m)?)?;
    Ok(())
}
