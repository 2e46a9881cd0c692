//! The output of `seisho lint` and `seisho fix`: for a person (snippets), JSON, the formats
//! of review and CI services (GitHub Actions workflow commands, Checkstyle XML, reviewdog's
//! rdjson, SARIF 2.1.0: `output/services.rs`) and textlint's JSON (`output/textlint.rs`).

mod services;
mod textlint;

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};
use schemars::JsonSchema;
use seisho::lint::{Diagnostic, Severity};
use seisho::{Lang, LineIndex};
use serde::Serialize;

use crate::i18n::{self, Counted};

pub use services::{
    checkstyle, github, rdjson, rdjson_diagnostics, sarif, sarif_results, CHECKSTYLE_HEAD,
    CHECKSTYLE_TAIL,
};
pub use textlint::textlint_file;

/// What became of one input.
#[derive(Debug, Clone)]
pub struct FileResult {
    /// Its name in messages.
    pub name: String,
    /// The encoding it was read in (`UTF-8`, `Shift_JIS`, `EUC-JP`).
    pub encoding: &'static str,
    /// How it was read.
    pub syntax: seisho::Syntax,
    /// The text the diagnostics are about (after fixing, for `seisho fix`).
    pub text: String,
    /// The diagnostics (for `seisho fix`: those that remain).
    pub diagnostics: Vec<Diagnostic>,
    /// How many fixes were applied (or would be, with `--diff`).
    pub fixed: usize,
    /// Why the input could not be read, or the fixes not written.
    pub error: Option<String>,
}

/// The JSON output of `seisho lint --format json` (and of `seisho fix --format json`, where
/// the diagnostics are those that remain after fixing).
///
/// Positions are in the text as decoded (UTF-8, without a byte order mark): `range` counts
/// its bytes, `line` and `column` are 1-based, `column` counts characters (Unicode scalar
/// values) and `utf16_column` UTF-16 code units (as JavaScript and the Language Server
/// Protocol do). Lines end at `\n`.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "seisho lint output")]
pub struct LintOutput {
    /// The version of this format: 1. Fields may be added within a version, never removed
    /// or changed.
    pub version: u32,
    /// Every input, in the order of the command line (files of a directory sorted by name).
    pub files: Vec<FileReport>,
    /// Counts over all inputs.
    pub summary: Summary,
}

/// One input and its diagnostics.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FileReport {
    /// The path as given or found while walking a directory, or the `--stdin-filename`
    /// (`<stdin>` without one).
    pub path: String,
    /// The encoding it was read in: `UTF-8`, `Shift_JIS` or `EUC-JP`.
    pub encoding: String,
    /// How it was read: `markdown` (only its prose is linted: code, markup, URLs and front
    /// matter are not) or `text`.
    pub syntax: seisho::Syntax,
    /// How many fixes `seisho fix` applied to it (0 for `seisho lint`).
    pub fixed: usize,
    /// Why it could not be read, decoded or written; `null` when all went well. A file that
    /// could not be read has no diagnostics.
    pub error: Option<String>,
    /// Its diagnostics, in the order of their positions: seisho's one diagnostic type,
    /// [`seisho::lint::Diagnostic`], as it serializes.
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts over all inputs.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Summary {
    /// Diagnostics per rule id, for the rules that reported any.
    pub rules: std::collections::BTreeMap<String, usize>,
    /// Inputs looked at, those that failed included.
    pub files: usize,
    /// Inputs that could not be read, decoded or written.
    pub failed: usize,
    /// Diagnostics of severity error.
    pub errors: usize,
    /// Diagnostics of severity warning.
    pub warnings: usize,
    /// Diagnostics of severity info.
    pub infos: usize,
    /// Diagnostics with a safe fix (`seisho fix` applies it).
    pub fixable: usize,
    /// Diagnostics with an unsafe fix (`seisho fix --unsafe-fixes` applies it).
    pub unsafe_fixable: usize,
    /// Fixes applied by `seisho fix` (or that it would apply, with `--diff`).
    pub fixed: usize,
    /// Inputs `seisho fix` changed (or would change, with `--diff`).
    pub files_fixed: usize,
}

impl Summary {
    /// Adds one input.
    pub fn add(&mut self, r: &FileResult) {
        self.files += 1;
        self.failed += usize::from(r.error.is_some());
        self.fixed += r.fixed;
        self.files_fixed += usize::from(r.fixed > 0);
        for d in &r.diagnostics {
            *self.rules.entry(d.rule.clone()).or_default() += 1;
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            if d.is_fixable(false) {
                self.fixable += 1;
            } else if d.is_fixable(true) {
                self.unsafe_fixable += 1;
            }
        }
    }
}

impl From<&FileResult> for FileReport {
    fn from(r: &FileResult) -> FileReport {
        FileReport {
            path: r.name.clone(),
            encoding: r.encoding.to_owned(),
            syntax: r.syntax,
            fixed: r.fixed,
            error: r.error.clone(),
            diagnostics: r.diagnostics.clone(),
        }
    }
}

/// The JSON Schema of [`LintOutput`].
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(LintOutput)).expect("a schema serializes")
}

// ---------------------------------------------------------------------------------------------
// Human

const NOTE: Style = AnsiColor::Cyan.on_default().bold();
const BOLD: Style = Style::new().bold();
const ADDED: Style = AnsiColor::Green.on_default();
const REMOVED: Style = AnsiColor::Red.on_default();
const HUNK: Style = AnsiColor::Cyan.on_default();

/// The diagnostics of one input as snippets: `error[rule]: message`, `--> path:line:column`,
/// the source lines with the range underlined. `styled` adds colour.
pub fn human(r: &FileResult, styled: bool, lang: Lang) -> String {
    let mut out = String::new();
    let ja = lang == Lang::Ja;
    if r.encoding != "UTF-8" {
        let _ = if ja {
            writeln!(
                out,
                "{NOTE}注意{NOTE:#}: {}: {}として読みました",
                r.name, r.encoding
            )
        } else {
            writeln!(
                out,
                "{NOTE}note{NOTE:#}: {}: read as {}",
                r.name, r.encoding
            )
        };
    }
    if r.fixed > 0 {
        let _ = writeln!(
            out,
            "{ADDED}{}{ADDED:#} {}: {}",
            if ja { "修正" } else { "fixed" },
            r.name,
            i18n::count(lang, r.fixed, Counted::Problem)
        );
    }
    if r.diagnostics.is_empty() {
        return out;
    }
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let index = LineIndex::new(&r.text);
    for d in &r.diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let level = if ja {
            level.with_name(i18n::level(lang, d.severity))
        } else {
            level
        };
        let title = i18n::rule_title(&d.rule, lang);
        // Only the lines of the range: the renderer is given them, not the whole text.
        let first = index.line_start(d.start.line).unwrap_or(0);
        let last = index
            .line_start(d.end.line + 1)
            .unwrap_or(r.text.len())
            .max(first);
        let mut excerpt = &r.text[first..last];
        excerpt = excerpt.strip_suffix('\n').unwrap_or(excerpt);
        excerpt = excerpt.strip_suffix('\r').unwrap_or(excerpt);
        if excerpt.len() > LONG_LINE {
            // The renderer shows whole lines: on a very long line (a file without line
            // breaks) that would be the whole file for every diagnostic.
            long_line(&mut out, r, d, excerpt, first, styled, lang);
            continue;
        }
        let start = d.range.start.saturating_sub(first).min(excerpt.len());
        let end = d
            .range
            .end
            .saturating_sub(first)
            .clamp(start, excerpt.len());
        let label = d
            .fix
            .as_ref()
            .map(|f| i18n::fixable(lang, f.safety.is_safe()));
        let mut annotation = AnnotationKind::Primary.span(start..end);
        if let Some(label) = label {
            annotation = annotation.label(label);
        }
        let report = [level
            .primary_title(d.message.as_str())
            .id(title.as_str())
            .element(
                Snippet::source(excerpt)
                    .line_start(d.start.line)
                    .path(r.name.as_str())
                    .annotation(annotation),
            )];
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// Lines longer than this many bytes are shown as a window around the problem.
const LONG_LINE: usize = 1000;

/// Characters of context shown on each side of a problem on a long line, and the most shown
/// of the problem itself.
const WINDOW_CONTEXT: usize = 40;
const WINDOW_SPAN: usize = 80;

/// A diagnostic on a very long line, in the renderer's layout, with a window of the line.
fn long_line(
    out: &mut String,
    r: &FileResult,
    d: &Diagnostic,
    line: &str,
    first: usize,
    styled: bool,
    lang: Lang,
) {
    let level_style = match d.severity {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Info => AnsiColor::Cyan.on_default().bold(),
    };
    let level = i18n::level(lang, d.severity);
    let (level_style, bold, blue) = if styled {
        (level_style, BOLD, AnsiColor::Blue.on_default().bold())
    } else {
        (Style::new(), Style::new(), Style::new())
    };
    let start = d.range.start.saturating_sub(first).min(line.len());
    let end = d.range.end.saturating_sub(first).clamp(start, line.len());
    let back = |mut at: usize, chars: usize| {
        for _ in 0..chars {
            match line[..at].chars().next_back() {
                Some(c) if c != '\n' => at -= c.len_utf8(),
                _ => break,
            }
        }
        at
    };
    let forward = |mut at: usize, chars: usize| {
        for _ in 0..chars {
            match line[at..].chars().next() {
                Some(c) if c != '\n' => at += c.len_utf8(),
                _ => break,
            }
        }
        at
    };
    let shown_end = forward(start, WINDOW_SPAN).min(end);
    let from = back(start, WINDOW_CONTEXT);
    let to = forward(shown_end, WINDOW_CONTEXT);
    let before = if from > 0 { "…" } else { "" };
    let after = if to < line.len() { "…" } else { "" };
    let number = d.start.line.to_string();
    let pad = " ".repeat(number.len());
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let label = d.fix.as_ref().map_or(String::new(), |f| {
        format!(" {}", i18n::fixable(lang, f.safety.is_safe()))
    });
    let _ = writeln!(
        out,
        "{level_style}{level}[{}]{level_style:#}{bold}: {}{bold:#}",
        i18n::rule_title(&d.rule, lang),
        d.message
    );
    let _ = writeln!(
        out,
        "{pad}{blue}-->{blue:#} {}:{}:{}",
        r.name, d.start.line, d.start.column
    );
    let _ = writeln!(out, "{pad} {blue}|{blue:#}");
    let _ = writeln!(
        out,
        "{blue}{number} |{blue:#} {before}{}{after}",
        &line[from..to]
    );
    let _ = writeln!(
        out,
        "{pad} {blue}|{blue:#} {}{level_style}{}{label}{level_style:#}",
        " ".repeat(width(before) + width(&line[from..start])),
        "^".repeat(width(&line[start..shown_end]).max(1)),
    );
    out.push('\n');
}

/// The closing summary of a run in `lang`, e.g. `2 errors, 1 warning in 3 files; 2 fixable
/// with `seisho fix``.
pub fn human_summary(s: &Summary, fix: Option<FixMode>, styled: bool, lang: Lang) -> String {
    let bold = if styled { BOLD } else { Style::new() };
    let ja = lang == Lang::Ja;
    let n = |n: usize, what: Counted| i18n::count(lang, n, what);
    let mut line = String::new();
    if let Some(mode) = fix {
        let _ = match (ja, mode.diff) {
            (false, diff) => write!(
                line,
                "{} {} in {}; {}",
                if diff { "would fix" } else { "fixed" },
                n(s.fixed, Counted::Problem),
                n(s.files_fixed, Counted::File),
                if diff {
                    "would remain: "
                } else {
                    "remaining: "
                }
            ),
            (true, diff) => write!(
                line,
                "{}: {}の{}。{}: ",
                if diff { "修正予定" } else { "修正済み" },
                n(s.files_fixed, Counted::File),
                n(s.fixed, Counted::Problem),
                if diff {
                    "残る問題"
                } else {
                    "残りの問題"
                }
            ),
        };
    }
    let found = s.errors + s.warnings + s.infos;
    let read = s.files - s.failed;
    if read == 0 && s.failed > 0 {
        let failed = n(s.failed, Counted::File);
        let _ = if ja {
            write!(line, "何も検査していません: {failed}を読めませんでした")
        } else {
            write!(line, "nothing checked: {failed} could not be read")
        };
        return format!("{bold}{line}{bold:#}\n");
    }
    let mut parts = Vec::new();
    if found > 0 {
        parts.push(n(s.errors, Counted::Error));
        parts.push(n(s.warnings, Counted::Warning));
        if s.infos > 0 {
            parts.push(n(s.infos, Counted::Info));
        }
    }
    let files = n(s.files, Counted::File);
    let _ = match (ja, found) {
        (false, 0) => write!(line, "no problems in {files}"),
        (false, _) => write!(line, "{} in {files}", parts.join(", ")),
        (true, 0) => write!(line, "問題なし（{files}）"),
        (true, _) => write!(line, "{}（{files}", parts.join("、")),
    };
    if s.failed > 0 {
        let _ = if ja {
            write!(line, "、うち{}件は失敗", s.failed)
        } else {
            write!(line, " ({} failed)", s.failed)
        };
    }
    if ja && found > 0 {
        line.push('）');
    }
    let mut fixable = Vec::new();
    if s.fixable > 0 {
        fixable.push(if ja {
            format!("`seisho fix` で{}件を修正できます", s.fixable)
        } else {
            format!("{} fixable with `seisho fix`", s.fixable)
        });
    }
    if s.unsafe_fixable > 0 && !fix.is_some_and(|m| m.unsafe_fixes) {
        fixable.push(match (ja, s.fixable > 0) {
            (false, more) => format!(
                "{} {}fixable with `seisho fix --unsafe-fixes`",
                s.unsafe_fixable,
                if more { "more " } else { "" }
            ),
            (true, more) => format!(
                "{}{}件は `seisho fix --unsafe-fixes` で修正できます（要確認）",
                if more { "ほかに" } else { "" },
                s.unsafe_fixable
            ),
        });
    }
    if !fixable.is_empty() {
        let _ = if ja {
            write!(line, "。{}", fixable.join("、"))
        } else {
            write!(line, "; {}", fixable.join(", "))
        };
    }
    let mut out = format!("{bold}{line}{bold:#}\n");
    if s.rules.len() > 1 {
        // Most frequent first: where to start, or what to turn off.
        let mut rules: Vec<(&String, &usize)> = s.rules.iter().collect();
        rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let counts: Vec<String> = rules.iter().map(|(r, n)| format!("{n} {r}")).collect();
        let _ = writeln!(
            out,
            "{} {}",
            if ja { "ルール別:" } else { "by rule:" },
            counts.join(", ")
        );
    }
    out
}

/// How `seisho fix` runs, for its summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixMode {
    /// `--diff`: nothing is written.
    pub diff: bool,
    /// `--unsafe-fixes`.
    pub unsafe_fixes: bool,
}

/// A unified diff of `old` to `new`, with `a/NAME` and `b/NAME` headers.
pub fn unified_diff(name: &str, old: &str, new: &str, styled: bool) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    if !styled {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let style = if line.starts_with("+++") || line.starts_with("---") {
            BOLD
        } else if line.starts_with('+') {
            ADDED
        } else if line.starts_with('-') {
            REMOVED
        } else if line.starts_with("@@") {
            HUNK
        } else {
            Style::new()
        };
        let body = line.strip_suffix('\n').unwrap_or(line);
        let _ = write!(out, "{style}{body}{style:#}");
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_and_words() {
        let s = Summary {
            files: 2,
            errors: 1,
            warnings: 2,
            fixable: 1,
            unsafe_fixable: 1,
            ..Summary::default()
        };
        assert_eq!(
            human_summary(&s, None, false, Lang::En),
            "1 error, 2 warnings in 2 files; 1 fixable with `seisho fix`, 1 more fixable with `seisho fix --unsafe-fixes`\n"
        );
        assert_eq!(
            human_summary(&s, None, false, Lang::Ja),
            "エラー1件、警告2件（2ファイル）。`seisho fix` で1件を修正できます、ほかに1件は `seisho fix --unsafe-fixes` で修正できます（要確認）\n"
        );
        let fix = FixMode {
            diff: false,
            unsafe_fixes: false,
        };
        let fixed = Summary {
            fixed: 3,
            files_fixed: 1,
            ..s.clone()
        };
        assert!(human_summary(&fixed, Some(fix), false, Lang::Ja)
            .starts_with("修正済み: 1ファイルの3件。残りの問題: エラー1件"));
        let s = Summary {
            files: 1,
            ..Summary::default()
        };
        assert_eq!(
            human_summary(&s, None, false, Lang::En),
            "no problems in 1 file\n"
        );
        assert_eq!(
            human_summary(&s, None, false, Lang::Ja),
            "問題なし（1ファイル）\n"
        );
    }
}
