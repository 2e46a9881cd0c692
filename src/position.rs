//! Line and column positions of byte offsets in a text.

/// A 1-based line and column. Columns count Unicode scalar values (`column`) and UTF-16 code
/// units (`utf16_column`, what JavaScript strings and the Language Server Protocol index by).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct LineCol {
    /// The line, from 1. Lines end at `\n` (a `\r` before it belongs to the line).
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
    /// The column, from 1, in UTF-16 code units.
    pub utf16_column: usize,
}

/// The start of every line of a text, to find the line and column of byte offsets.
///
/// ```
/// use seisho::LineIndex;
/// let text = "一行目\nＡＢ😀ｃ";
/// let index = LineIndex::new(text);
/// let pos = index.line_col(text, text.find('ｃ').unwrap());
/// assert_eq!((pos.line, pos.column, pos.utf16_column), (2, 4, 5));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The number of lines (a text with no newline has one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset where 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// The line and column of byte `offset` of `text` (the text this index was made of).
    /// An offset inside a character counts as that character's start; one past the end is
    /// the position after the last character.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let mut end = offset;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[start..end];
        LineCol {
            line,
            column: before.chars().count() + 1,
            utf16_column: before.encode_utf16().count() + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let text = "ab\r\nｶﾞ\n\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        let at = |o| {
            let p = index.line_col(text, o);
            (p.line, p.column)
        };
        assert_eq!(at(0), (1, 1));
        assert_eq!(at(2), (1, 3)); // the \r
        assert_eq!(at(4), (2, 1));
        assert_eq!(at(7), (2, 2)); // ﾞ
        assert_eq!(at(8), (2, 2)); // inside ﾞ: its start
        assert_eq!(at(11), (3, 1));
        assert_eq!(at(12), (4, 1));
        assert_eq!(at(13), (4, 2));
        assert_eq!(at(99), (4, 2));
        assert_eq!(index.line_start(2), Some(4));
        assert_eq!(index.line_start(0), None);
    }
}
