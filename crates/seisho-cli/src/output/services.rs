//! The formats of code-review and CI services: GitHub Actions workflow commands, reviewdog's
//! rdjson, SARIF 2.1.0 and Checkstyle XML.

use std::fmt::Write as _;

use seisho::lint::Severity;
use seisho::LineIndex;

use super::FileResult;

// ---------------------------------------------------------------------------------------------
// GitHub Actions

/// One workflow command per diagnostic:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
pub fn github(r: &FileResult) -> String {
    let mut out = String::new();
    for d in &r.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            github_property(&r.name),
            d.start.line,
            d.start.column,
            d.end.line,
            d.end.column,
            github_property(&d.rule),
            github_data(&d.message),
        );
    }
    out
}

/// Escapes the message of a workflow command: `%`, `\r` and `\n`.
pub fn github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property of a workflow command: as a message, and `:` and `,` too.
pub fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

// ---------------------------------------------------------------------------------------------
// reviewdog's rdjson and SARIF 2.1.0: one document for every input, made of the parts below.

/// Where a byte range of a text starts and ends: (line, column) pairs from 1, columns in
/// UTF-8 bytes (rdjson) or UTF-16 code units (SARIF's default `columnKind`).
struct Span {
    start: (usize, usize, usize),
    end: (usize, usize, usize),
}

impl Span {
    fn of(text: &str, index: &LineIndex, range: &std::ops::Range<usize>) -> Span {
        let at = |offset: usize| {
            let p = index.line_col(text, offset);
            let line_start = index.line_start(p.line).unwrap_or(0);
            (
                p.line,
                offset.min(text.len()) - line_start + 1,
                p.utf16_column,
            )
        };
        Span {
            start: at(range.start),
            end: at(range.end),
        }
    }

    fn rdjson(&self) -> serde_json::Value {
        serde_json::json!({
            "start": { "line": self.start.0, "column": self.start.1 },
            "end": { "line": self.end.0, "column": self.end.1 },
        })
    }

    fn sarif(&self) -> serde_json::Value {
        serde_json::json!({
            "startLine": self.start.0,
            "startColumn": self.start.2,
            "endLine": self.end.0,
            "endColumn": self.end.2,
        })
    }
}

/// The rdjson diagnostics of one input (`reviewdog -f=rdjson`): each with its rule as the
/// code and every edit of its fix as a suggestion.
pub fn rdjson_diagnostics(r: &FileResult) -> Vec<serde_json::Value> {
    let index = LineIndex::new(&r.text);
    r.diagnostics
        .iter()
        .map(|d| {
            let suggestions: Vec<_> = d
                .fix
                .iter()
                .flat_map(|f| &f.edits)
                .map(|e| {
                    serde_json::json!({
                        "range": Span::of(&r.text, &index, &e.range).rdjson(),
                        "text": e.replacement,
                    })
                })
                .collect();
            serde_json::json!({
                "message": d.message,
                "location": {
                    "path": r.name,
                    "range": Span::of(&r.text, &index, &d.range).rdjson(),
                },
                "severity": d.severity.id().to_ascii_uppercase(),
                "code": { "value": d.rule },
                "suggestions": suggestions,
            })
        })
        .collect()
}

/// The rdjson document of every input's diagnostics.
pub fn rdjson(diagnostics: Vec<serde_json::Value>) -> serde_json::Value {
    serde_json::json!({
        "source": { "name": "seisho" },
        "diagnostics": diagnostics,
    })
}

/// The SARIF results of one input: each with its rule, level, region (columns in UTF-16
/// code units) and its fix, described as safe or unsafe.
pub fn sarif_results(r: &FileResult) -> Vec<serde_json::Value> {
    let index = LineIndex::new(&r.text);
    let uri = uri_reference(&r.name);
    r.diagnostics
        .iter()
        .map(|d| {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "note",
            };
            let mut result = serde_json::json!({
                "ruleId": d.rule,
                "level": level,
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": Span::of(&r.text, &index, &d.range).sarif(),
                    }
                }],
            });
            if let Some(fix) = &d.fix {
                let replacements: Vec<_> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        serde_json::json!({
                            "deletedRegion": Span::of(&r.text, &index, &e.range).sarif(),
                            "insertedContent": { "text": e.replacement },
                        })
                    })
                    .collect();
                let description = if fix.safety.is_safe() {
                    "safe fix (seisho fix applies it)"
                } else {
                    "unsafe fix (seisho fix --unsafe-fixes applies it)"
                };
                result["fixes"] = serde_json::json!([{
                    "description": { "text": description },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri },
                        "replacements": replacements,
                    }],
                }]);
            }
            result
        })
        .collect()
}

/// A path as a relative URI reference: `/` for `\\`, and every byte but the unreserved ones
/// and `/` percent-encoded (`docs/入門.md` → `docs/%E5%85%A5%E9%96%80.md`).
fn uri_reference(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'\\' => out.push('/'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b))
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// The SARIF 2.1.0 log of every input's results, with the rules that reported any.
pub fn sarif(results: Vec<serde_json::Value>) -> serde_json::Value {
    let mut ids: Vec<&str> = results
        .iter()
        .filter_map(|r| r["ruleId"].as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let rules: Vec<_> = ids
        .iter()
        .map(|&id| {
            let summary = seisho::lint::LintRule::find(id).map_or("", |r| r.summary());
            serde_json::json!({ "id": id, "shortDescription": { "text": summary } })
        })
        .collect();
    serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "seisho",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    })
}

// ---------------------------------------------------------------------------------------------
// Checkstyle

/// The start of a Checkstyle document.
pub const CHECKSTYLE_HEAD: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
/// Its end.
pub const CHECKSTYLE_TAIL: &str = "</checkstyle>\n";

/// One `<file>` element with an `<error>` per diagnostic (none for a clean input).
pub fn checkstyle(r: &FileResult) -> String {
    if r.diagnostics.is_empty() {
        return String::new();
    }
    let mut out = format!("  <file name=\"{}\">\n", xml_escape(&r.name));
    for d in &r.diagnostics {
        let _ = writeln!(
            out,
            "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"seisho.{}\"/>",
            d.start.line,
            d.start.column,
            d.severity.id(),
            xml_escape(&d.message),
            xml_escape(&d.rule),
        );
    }
    out.push_str("  </file>\n");
    out
}

/// Escapes `s` for an XML attribute. Characters XML 1.0 cannot hold at all (most control
/// characters) are written as `\u{…}`.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(github_data("100% a\r\nb"), "100%25 a%0D%0Ab");
        assert_eq!(github_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(
            xml_escape("<a href=\"x\">&'\u{1}\n"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\\u{1}&#10;"
        );
    }
}
