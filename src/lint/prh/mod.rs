//! prh dictionaries (the YAML format of <https://github.com/prh/prh>, which Japanese technical
//! publishers keep: WEB+DB PRESS, TechBooster): rules of the form "write `expected` where
//! `pattern` is written", read the way prh 5 reads them, for the lint rule `prh` and for
//! `seisho prh test`.
//!
//! The caller reads the files (this module does no I/O): [`Dictionary::load`] takes a function
//! that turns a path into a [`source::File`] (parsed from YAML with any serde format) and
//! follows the imports through it.
//!
//! What prh does, done the same way: a string pattern is found as written, `/…/flags` is a
//! JavaScript regular expression (`i` is the flag that counts; prh adds `gmu`), a rule without
//! a pattern finds its expected text with each ASCII letter in either case and either width
//! and each digit in either width; `$1`… in `expected` take the groups; `regexpMustEmpty: $N`
//! drops a match whose group N is not empty; `options.wordBoundary` puts JavaScript's `\b`
//! around each pattern; a match equal to `expected` is not reported; of matches that overlap,
//! the earlier one wins, and of two that start together the longer; the text is read paragraph
//! by paragraph (split at blank lines). Imports are relative to the importing file; a rule
//! whose expected text an earlier file already has is left out (prh's merge); `ignoreRules`
//! and `disableImports` as prh. Not read: `targets` (seisho's configuration selects files)
//! and the `prh:disable` comments (seisho's own ignore comments do that).

mod js;
pub mod source;

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use super::message::Message;
use super::ConfigError;
pub use source::Spec;
use source::{FullRule, IgnoreRule, Patterns, RuleSource};

/// A prh dictionary: the rules of its files, in order, with the imports followed.
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    entries: Vec<Entry>,
    files: Vec<PathBuf>,
}

impl PartialEq for Dictionary {
    fn eq(&self, other: &Self) -> bool {
        self.files == other.files && self.entries == other.entries
    }
}

impl Eq for Dictionary {}

/// One rule, compiled.
#[derive(Clone, Debug)]
struct Entry {
    expected: String,
    /// The pattern as prh shows it (`/…/gmu`): what `ignoreRules` name.
    shown: String,
    regex: Engine,
    must_empty: Option<usize>,
    note: Option<String>,
    specs: Vec<Spec>,
    /// The index of its file in [`Dictionary::files`].
    file: usize,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.expected,
            &self.shown,
            self.regex.as_str(),
            self.must_empty,
            &self.note,
            &self.specs,
            self.file,
        ) == (
            &other.expected,
            &other.shown,
            other.regex.as_str(),
            other.must_empty,
            &other.note,
            &other.specs,
            other.file,
        )
    }
}

/// Why a dictionary could not be loaded: which file, and what.
#[derive(Debug)]
pub enum LoadError<E> {
    /// The caller could not read or parse the file.
    Read {
        /// The file.
        path: PathBuf,
        /// The caller's error.
        error: E,
    },
    /// A rule of the file is wrong, or the file imports itself.
    Rule {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        error: Box<ConfigError>,
    },
}

/// A match of a rule: where, what to write instead, and the rule's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match<'d> {
    /// The range of the match in the text.
    pub range: Range<usize>,
    /// What prh writes instead.
    pub replacement: String,
    /// The rule's `prh` message, if it has one.
    pub note: Option<&'d str>,
}

/// A spec that does not hold: the rule, its example and what the rule made of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecFailure<'d> {
    /// The file of the rule.
    pub file: &'d Path,
    /// The rule's expected text.
    pub expected: &'d str,
    /// The rule's pattern as prh shows it.
    pub pattern: &'d str,
    /// The example as written.
    pub from: &'d str,
    /// What the spec says the rule makes of it.
    pub to: &'d str,
    /// What it made.
    pub got: String,
}

impl Dictionary {
    /// The dictionary of the files `paths` (the first file's rules first; a rule whose expected
    /// text an earlier file has is left out), each with its imports, read by `read`.
    pub fn load<E>(
        paths: &[PathBuf],
        read: &mut dyn FnMut(&Path) -> Result<source::File, E>,
    ) -> Result<Dictionary, LoadError<E>> {
        let mut dictionary = Dictionary::default();
        for path in paths {
            let file = dictionary.load_file(path, read, false, &mut Vec::new())?;
            merge(&mut dictionary.entries, file);
        }
        Ok(dictionary)
    }

    /// The rules of the file `path` and its imports (their files added to `self`'s list).
    fn load_file<E>(
        &mut self,
        path: &Path,
        read: &mut dyn FnMut(&Path) -> Result<source::File, E>,
        disable_imports: bool,
        stack: &mut Vec<PathBuf>,
    ) -> Result<Vec<Entry>, LoadError<E>> {
        let path = normalize(path);
        if stack.contains(&path) {
            return Err(LoadError::Rule {
                error: Box::new(ConfigError::new(Message::PrhImportCycle {
                    file: path.display().to_string(),
                })),
                path,
            });
        }
        let file = read(&path).map_err(|error| LoadError::Read {
            path: path.clone(),
            error,
        })?;
        let index = self.files.len();
        self.files.push(path.clone());
        let mut entries = Vec::with_capacity(file.rules.len());
        for rule in &file.rules {
            entries.push(Entry::new(rule, index).map_err(|error| LoadError::Rule {
                path: path.clone(),
                error: Box::new(error),
            })?);
        }
        if let Some(imports) = file.imports.as_ref().filter(|_| !disable_imports) {
            stack.push(path.clone());
            let dir = path.parent().unwrap_or(Path::new(""));
            for import in imports.specs() {
                let mut imported =
                    self.load_file(&dir.join(&import.path), read, import.disable_imports, stack)?;
                imported.retain(|e| !import.ignore_rules.iter().any(|i| e.ignored_by(i)));
                merge(&mut entries, imported);
            }
            stack.pop();
        }
        Ok(entries)
    }

    /// The files read, the first given first.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// How many rules it has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has no rules.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether a rule writes `text` (its expected text, without groups).
    pub fn has_expected(&self, text: &str) -> bool {
        self.entries.iter().any(|e| e.expected == text)
    }

    /// How many specs its rules have.
    pub fn spec_count(&self) -> usize {
        self.entries.iter().map(|e| e.specs.len()).sum()
    }

    /// The matches prh makes in `text`, in order, none overlapping.
    pub fn matches<'d>(&'d self, text: &str) -> Vec<Match<'d>> {
        matches_of(&self.entries, text)
    }

    /// `text` with every match replaced (what `prh --replace` writes).
    pub fn replace(&self, text: &str) -> String {
        apply(text, &self.matches(text))
    }

    /// Every rule's specs, in the rules' order.
    pub fn specs(&self) -> impl Iterator<Item = &Spec> {
        self.entries.iter().flat_map(|e| &e.specs)
    }

    /// Each rule's specs that do not hold: a spec is the rule alone applied to `from`, which
    /// must give `to` (as prh checks them when it loads a file).
    pub fn failing_specs(&self) -> Vec<SpecFailure<'_>> {
        let mut failures = Vec::new();
        for entry in &self.entries {
            for spec in &entry.specs {
                let got = apply(
                    &spec.from,
                    &matches_of(std::slice::from_ref(entry), &spec.from),
                );
                if got != spec.to {
                    failures.push(SpecFailure {
                        file: &self.files[entry.file],
                        expected: &entry.expected,
                        pattern: &entry.shown,
                        from: &spec.from,
                        to: &spec.to,
                        got,
                    });
                }
            }
        }
        failures
    }
}

/// The matches `entries` make in `text`, as prh makes them: in order, none overlapping.
fn matches_of<'d>(entries: &'d [Entry], text: &str) -> Vec<Match<'d>> {
    let paragraphs: Vec<Range<usize>> = paragraphs(text).collect();
    let mut found = Vec::new();
    for entry in entries {
        entry.find(text, &paragraphs, &mut found);
    }
    keep_first(found)
}

/// Adds the entries of `other` whose expected text `entries` does not have (prh's merge: two
/// rules of one file with the same expected text are both kept).
fn merge(entries: &mut Vec<Entry>, other: Vec<Entry>) {
    let before = entries.len();
    for entry in other {
        if !entries[..before]
            .iter()
            .any(|e| e.expected == entry.expected)
        {
            entries.push(entry);
        }
    }
}

/// `path` with `.` and `a/..` taken out, as Node's `path.join` does (so that one file
/// imported two ways is one file, and a cycle is seen).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The paragraphs of `text`, as prh splits it: at every run of two or more line feeds.
fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match text[from..].find("\n\n") {
            Some(i) => {
                let mut end = from + i + 2;
                while bytes.get(end) == Some(&b'\n') {
                    end += 1;
                }
                start = Some(end);
                Some(from..from + i)
            }
            None => {
                start = None;
                Some(from..text.len())
            }
        }
    })
}

/// prh's change set: sorted by start and end; of two that start together the longer kept;
/// then each dropped that starts inside one kept before it.
fn keep_first(mut found: Vec<Match<'_>>) -> Vec<Match<'_>> {
    found.sort_by_key(|m| (m.range.start, m.range.end));
    let mut longest: Vec<Match<'_>> = Vec::with_capacity(found.len());
    let mut rest = found.into_iter().peekable();
    while let Some(m) = rest.next() {
        let shorter = rest
            .peek()
            .is_some_and(|next| next.range.start == m.range.start && m.range.end < next.range.end);
        if !shorter {
            longest.push(m);
        }
    }
    // Each is compared with the last one kept. (prh compares it with the one before it, kept
    // or not, and so can apply two that overlap, which garbles the text.)
    let mut end = 0;
    longest.retain(|m| {
        let keep = m.range.start >= end;
        if keep {
            end = m.range.end;
        }
        keep
    });
    longest
}

/// `text` with `matches` (in order, none overlapping) replaced.
fn apply(text: &str, matches: &[Match<'_>]) -> String {
    super::fix::splice(
        text,
        matches
            .iter()
            .map(|m| (m.range.clone(), m.replacement.as_str())),
    )
}

impl Entry {
    fn new(rule: &RuleSource, file: usize) -> Result<Entry, ConfigError> {
        let full;
        let rule = match rule {
            RuleSource::Expected(expected) => {
                full = FullRule {
                    expected: expected.clone(),
                    pattern: None,
                    patterns: None,
                    regexp_must_empty: None,
                    options: Default::default(),
                    specs: Vec::new(),
                    prh: None,
                };
                &full
            }
            RuleSource::Full(full) => full,
        };
        let expected = rule.expected.clone();
        let bad = ConfigError::new;
        // `pattern` wins over `patterns` when a rule has both, as in prh.
        let given = rule.pattern.as_ref().or(rule.patterns.as_ref());
        let patterns: Vec<&str> = match given {
            None => Vec::new(),
            Some(Patterns::One(p)) => vec![p.as_str()],
            Some(Patterns::Many(list)) => list.iter().map(String::as_str).collect(),
        };
        // An empty pattern, or an empty list of them.
        if patterns.iter().any(|p| p.is_empty()) || (given.is_some() && patterns.is_empty()) {
            return Err(bad(Message::PrhEmptyPattern { expected }));
        }
        let boundary = rule.options.word_boundary;
        // Each pattern as JavaScript source, with whether it ignores case.
        let parts: Vec<(String, bool)> = if patterns.is_empty() {
            let source = spread_alphanumerics(&rule.expected);
            vec![(with_boundary(source, boundary), false)]
        } else {
            patterns
                .iter()
                .map(|p| {
                    let (source, ignore_case) = match regex_literal(p) {
                        Some((source, flags)) => (source.to_owned(), flags.contains('i')),
                        None => (escape(p), false),
                    };
                    (with_boundary(source, boundary), ignore_case)
                })
                .collect()
        };
        let ignore_case = parts[0].1;
        let same_flags = parts.iter().all(|p| p.1 == ignore_case);
        let js_source = if parts.len() == 1 {
            parts[0].0.clone()
        } else {
            let joined: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
            format!("(?:{})", joined.join("|"))
        };
        let shown = format!("/{js_source}/{}", if ignore_case { "gimu" } else { "gmu" });
        let translate = |source: &str, style: js::Style| {
            js::translate(source, style).map_err(|why| {
                bad(Message::PrhBadPattern {
                    expected: expected.clone(),
                    pattern: source.to_owned(),
                    why,
                })
            })
        };
        let rust = |style: js::Style| -> Result<String, ConfigError> {
            Ok(if same_flags {
                format!(
                    "(?m{}){}",
                    if ignore_case { "i" } else { "" },
                    translate(&js_source, style)?
                )
            } else {
                // prh refuses patterns of different flags in one rule; here each keeps its own.
                let mut alternatives = Vec::with_capacity(parts.len());
                for (source, ignore_case) in &parts {
                    let flag = if *ignore_case { "i" } else { "-i" };
                    alternatives.push(format!("(?{flag}:{})", translate(source, style)?));
                }
                format!("(?m)(?:{})", alternatives.join("|"))
            })
        };
        // The regex crate where the pattern needs no lookaround nor backreference (most do
        // not: it searches many times faster), else fancy-regex.
        let regex = match regex::Regex::new(&rust(js::Style::Regex)?) {
            Ok(regex) => Engine::Plain(regex),
            Err(_) => Engine::Fancy(fancy_regex::Regex::new(&rust(js::Style::Fancy)?).map_err(
                |e| {
                    // A position would be one in the translated pattern, not in the file's.
                    let why = e.to_string();
                    let why = match why.strip_prefix("Parsing error at position ") {
                        Some(rest) => rest.split_once(": ").map_or(rest, |(_, w)| w).to_owned(),
                        None => why,
                    };
                    bad(Message::PrhBadPattern {
                        expected: expected.clone(),
                        pattern: js_source.clone(),
                        why,
                    })
                },
            )?),
        };
        let must_empty = match &rule.regexp_must_empty {
            None => None,
            Some(s) => Some(
                s.strip_prefix('$')
                    .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| {
                        bad(Message::PrhMustEmpty {
                            expected: expected.clone(),
                            found: s.clone(),
                        })
                    })?,
            ),
        };
        Ok(Entry {
            expected,
            shown,
            regex,
            must_empty,
            note: rule.prh.clone(),
            specs: rule.specs.clone(),
            file,
        })
    }

    /// Whether an import's `ignoreRules` item names this rule.
    fn ignored_by(&self, ignore: &IgnoreRule) -> bool {
        match ignore {
            IgnoreRule::Pattern(p) => *p == self.shown,
            IgnoreRule::Spec { pattern, expected } => {
                pattern.as_deref() == Some(self.shown.as_str())
                    || expected.as_deref() == Some(self.expected.as_str())
            }
        }
    }

    /// Pushes the matches of this rule in `text` whose paragraphs are `paragraphs`, as prh
    /// finds them paragraph by paragraph. The whole text is searched at once (a search per
    /// paragraph and rule costs more than the searches); only where a match would cross a
    /// paragraph's end is that paragraph searched alone, as prh searches it.
    fn find<'d>(&'d self, text: &str, paragraphs: &[Range<usize>], out: &mut Vec<Match<'d>>) {
        // Lookaround sees past a paragraph's end in the whole text (`(?!x)` before a blank
        // line): such a pattern searches each paragraph alone.
        if let Engine::Fancy(_) = self.regex {
            for paragraph in paragraphs {
                self.find_in(text, paragraph.clone(), 0, out);
            }
            return;
        }
        let mut at = 0;
        while at <= text.len() {
            let Some(groups) = self.regex.groups(text, at) else {
                return;
            };
            let whole = groups[0].clone().expect("group 0 is the match");
            let k = paragraphs.partition_point(|p| p.end < whole.start);
            let Some(paragraph) = paragraphs.get(k) else {
                return;
            };
            if paragraph.start <= whole.start && whole.end <= paragraph.end {
                self.push(text, &groups, 0, out);
                at = after(text, &whole);
                continue;
            }
            self.find_in(text, paragraph.clone(), at, out);
            at = paragraph.end + 1;
        }
    }

    /// Pushes the matches of this rule in `text[paragraph]` searched alone, from `at` on.
    fn find_in<'d>(
        &'d self,
        text: &str,
        paragraph: Range<usize>,
        at: usize,
        out: &mut Vec<Match<'d>>,
    ) {
        let part = &text[paragraph.clone()];
        let mut pos = at.saturating_sub(paragraph.start);
        while pos <= part.len() {
            let Some(groups) = self.regex.groups(part, pos) else {
                break;
            };
            let whole = groups[0].clone().expect("group 0 is the match");
            self.push(part, &groups, paragraph.start, out);
            pos = after(part, &whole);
        }
    }

    /// Pushes the match of `groups` in `text` (which starts at `offset` of the whole) unless
    /// prh drops it.
    fn push<'d>(&'d self, text: &str, groups: &Groups, offset: usize, out: &mut Vec<Match<'d>>) {
        let group = |k: usize| groups.get(k).cloned().flatten().map(|r| &text[r]);
        let whole = group(0).unwrap_or_default();
        // An empty match would make prh loop; it replaces nothing.
        if whole.is_empty() || whole == self.expected {
            return;
        }
        if self
            .must_empty
            .and_then(group)
            .is_some_and(|g| !g.is_empty())
        {
            return;
        }
        let range = groups[0].clone().expect("group 0 is the match");
        out.push(Match {
            range: offset + range.start..offset + range.end,
            replacement: expand(&self.expected, groups.len(), group),
            note: self.note.as_deref(),
        });
    }
}

/// The groups of a match (group 0 the whole), each where it matched if it did.
type Groups = Vec<Option<Range<usize>>>;

/// A rule's compiled pattern.
#[derive(Clone, Debug)]
enum Engine {
    /// Without lookaround or backreferences: the regex crate.
    Plain(regex::Regex),
    /// With them: fancy-regex (a backtracking search).
    Fancy(fancy_regex::Regex),
}

impl Engine {
    fn as_str(&self) -> &str {
        match self {
            Engine::Plain(r) => r.as_str(),
            Engine::Fancy(r) => r.as_str(),
        }
    }

    /// The groups of the first match in `text` at or after `pos`. A pattern that backtracks
    /// without end has none.
    fn groups(&self, text: &str, pos: usize) -> Option<Groups> {
        match self {
            Engine::Plain(r) => {
                let c = r.captures_at(text, pos)?;
                Some(c.iter().map(|m| m.map(|m| m.range())).collect())
            }
            Engine::Fancy(r) => {
                let c = r.captures_from_pos(text, pos).ok()??;
                Some(
                    (0..c.len())
                        .map(|k| c.get(k).map(|m| m.start()..m.end()))
                        .collect(),
                )
            }
        }
    }
}

/// Where the next search starts after match `m` of `text`: its end, or past the next
/// character when it is empty.
fn after(text: &str, m: &Range<usize>) -> usize {
    if m.end > m.start {
        m.end
    } else {
        m.end + text[m.end..].chars().next().map_or(1, char::len_utf8)
    }
}

/// `expected` with each `$N` (one or two digits) replaced by group N of the match (empty when
/// the group did not take part); `$0` and a number past the last group (of `groups`) are kept
/// as written.
fn expand<'t>(expected: &str, groups: usize, group: impl Fn(usize) -> Option<&'t str>) -> String {
    let mut out = String::with_capacity(expected.len());
    let mut rest = expected;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let digits = after.bytes().take(2).take_while(u8::is_ascii_digit).count();
        let n: usize = after[..digits].parse().unwrap_or(0);
        if digits == 0 || n == 0 || n >= groups {
            out.push('$');
            out.push_str(&after[..digits]);
        } else {
            out.push_str(group(n).unwrap_or(""));
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// `/source/flags` as prh reads it (flags among `gimy`).
fn regex_literal(pattern: &str) -> Option<(&str, &str)> {
    let inner = pattern.strip_prefix('/')?;
    let slash = inner.rfind('/')?;
    let (source, flags) = (&inner[..slash], &inner[slash + 1..]);
    (flags.bytes().all(|b| b"gimy".contains(&b)) && !source.contains('\n'))
        .then_some((source, flags))
}

/// A string pattern made a JavaScript pattern that finds it as written.
fn escape(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        if "\\*+.?{}()|^$[]/-".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// prh's pattern for a rule without one: its expected text, each ASCII letter in either case
/// and either width, each digit in either width (other characters as they are: prh does not
/// escape them).
fn spread_alphanumerics(expected: &str) -> String {
    let wide = |c: char| char::from_u32(c as u32 + 0xFEE0).expect("full-width form");
    let mut out = String::with_capacity(expected.len() * 3);
    for c in expected.chars() {
        if c.is_ascii_digit() {
            out.extend(['[', c, wide(c), ']']);
        } else if c.is_ascii_alphabetic() {
            let (upper, lower) = (c.to_ascii_uppercase(), c.to_ascii_lowercase());
            out.extend(['[', upper, lower, wide(upper), wide(lower), ']']);
        } else {
            out.push(c);
        }
    }
    out
}

fn with_boundary(source: String, boundary: bool) -> String {
    if boundary {
        format!("\\b{source}\\b")
    } else {
        source
    }
}

#[cfg(test)]
mod tests;
