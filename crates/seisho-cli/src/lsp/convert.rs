//! Positions and diagnostics in the Language Server Protocol's terms: lines from 0 and
//! characters counted in UTF-16 code units (the protocol's default position encoding).

use std::ops::Range;

use lsp_types::{DiagnosticSeverity, NumberOrString, Position, TextEdit};
use seisho::lint::{Diagnostic, Severity};
use seisho::LineIndex;

/// The protocol position of byte `offset` of `text`.
pub fn position(text: &str, lines: &LineIndex, offset: usize) -> Position {
    let at = lines.line_col(text, offset);
    Position {
        line: (at.line - 1) as u32,
        character: (at.utf16_column - 1) as u32,
    }
}

/// The protocol range of the bytes `range` of `text`.
pub fn range(text: &str, lines: &LineIndex, range: Range<usize>) -> lsp_types::Range {
    lsp_types::Range {
        start: position(text, lines, range.start),
        end: position(text, lines, range.end),
    }
}

/// The byte offset of protocol position `p` in `text`: a character past the end of its line
/// is the line's end (before its line break), a line past the last is the end of the text, and
/// a position inside a character outside the BMP is that character's start.
pub fn byte_of(text: &str, lines: &LineIndex, p: Position) -> usize {
    let Some(start) = lines.line_start(p.line as usize + 1) else {
        return text.len();
    };
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if c == '\n' || c == '\r' && text[start + i..].starts_with("\r\n") {
            return start + i;
        }
        units += c.len_utf16() as u32;
        if units > p.character {
            return start + i;
        }
    }
    text.len()
}

/// A diagnostic of seisho in the protocol's terms: the rule id as its code.
pub fn lsp_diagnostic(text: &str, lines: &LineIndex, d: &Diagnostic) -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        range: range(text, lines, d.range.clone()),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.clone())),
        source: Some("seisho".to_owned()),
        message: d.message.clone(),
        ..lsp_types::Diagnostic::default()
    }
}

/// An edit replacing the bytes `range` of `text`.
pub fn text_edit(text: &str, lines: &LineIndex, r: Range<usize>, replacement: &str) -> TextEdit {
    TextEdit {
        range: range(text, lines, r),
        new_text: replacement.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_both_ways() {
        let text = "一行目\n😀へルプ\r\nｃ";
        let lines = LineIndex::new(text);
        // (byte offset, line, UTF-16 character)
        let cases = [
            (0, 0, 0),
            (text.find('行').unwrap(), 0, 1),
            (text.find('\n').unwrap(), 0, 3),
            (text.find('😀').unwrap(), 1, 0),
            (text.find('へ').unwrap(), 1, 2),
            (text.find('\r').unwrap(), 1, 5),
            (text.find('ｃ').unwrap(), 2, 0),
            (text.len(), 2, 1),
        ];
        for (offset, line, character) in cases {
            let p = position(text, &lines, offset);
            assert_eq!((p.line, p.character), (line, character), "offset {offset}");
            assert_eq!(byte_of(text, &lines, p), offset, "{p:?}");
        }
        // Past a line's end: its end; inside the emoji: its start; past the text: its end.
        let p = |line, character| Position { line, character };
        assert_eq!(byte_of(text, &lines, p(0, 99)), text.find('\n').unwrap());
        assert_eq!(byte_of(text, &lines, p(1, 1)), text.find('😀').unwrap());
        assert_eq!(byte_of(text, &lines, p(1, 99)), text.find('\r').unwrap());
        assert_eq!(byte_of(text, &lines, p(9, 0)), text.len());
    }
}
