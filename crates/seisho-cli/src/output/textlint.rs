//! `seisho lint --format textlint-json`: textlint's JSON formatter's shape.

use seisho::lint::Severity;

use super::FileResult;

/// One input as textlint's JSON formatter writes it (`textlint --format json`): its absolute
/// path (`<text>` for standard input, as textlint names it) and its messages, with `range`
/// and `index` in UTF-16 code units of the text, `line` and `column` from 1, `severity` 2
/// for an error, 1 for a warning and 3 for info, and a fix as one replacement (textlint's
/// fix command) covering all of its edits.
pub fn textlint_file(r: &FileResult) -> serde_json::Value {
    let offsets = r
        .diagnostics
        .iter()
        .flat_map(|d| d.ranges())
        .flat_map(|r| [r.start, r.end]);
    let utf16 = seisho::Utf16Map::of(&r.text, offsets);
    let messages: Vec<_> = r
        .diagnostics
        .iter()
        .map(|d| {
            let severity = match d.severity {
                Severity::Error => 2,
                Severity::Warning => 1,
                Severity::Info => 3,
            };
            let (start, end) = (utf16.get(d.range.start), utf16.get(d.range.end));
            let mut message = serde_json::json!({
                "type": "lint",
                "ruleId": d.rule,
                "message": d.message,
                "index": start,
                "line": d.start.line,
                "column": d.start.utf16_column,
                "range": [start, end],
                "loc": {
                    "start": { "line": d.start.line, "column": d.start.utf16_column },
                    "end": { "line": d.end.line, "column": d.end.utf16_column },
                },
                "severity": severity,
            });
            if let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty()) {
                let (first, last) = (&fix.edits[0], &fix.edits[fix.edits.len() - 1]);
                let span = first.range.start..last.range.end;
                let mut text = String::new();
                let mut at = span.start;
                for e in &fix.edits {
                    text.push_str(&r.text[at..e.range.start]);
                    text.push_str(&e.replacement);
                    at = e.range.end;
                }
                message["fix"] = serde_json::json!({
                    "range": [utf16.get(span.start), utf16.get(span.end)],
                    "text": text,
                });
            }
            message
        })
        .collect();
    let file_path = if r.name == "<stdin>" {
        "<text>".to_owned()
    } else {
        std::path::absolute(&r.name).map_or_else(|_| r.name.clone(), |p| p.display().to_string())
    };
    serde_json::json!({ "messages": messages, "filePath": file_path })
}
