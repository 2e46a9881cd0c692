//! Line and column positions of byte offsets in a text.

/// A 1-based line and column. Columns count Unicode scalar values (`column`) and UTF-16 code
/// units (`utf16_column`, what JavaScript strings and the Language Server Protocol index by).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl LineIndex {
    /// A cursor over `text` (the text this index was made of) that finds the positions of
    /// increasing offsets in time proportional to the distance between them, where
    /// [`LineIndex::line_col`] counts from the start of the line each time: for many
    /// positions on one long line.
    ///
    /// ```
    /// use seisho::LineIndex;
    /// let text = "一行目\nＡＢ😀ｃ";
    /// let index = LineIndex::new(text);
    /// let mut cursor = index.cursor(text);
    /// for (offset, _) in text.char_indices() {
    ///     assert_eq!(cursor.line_col(offset), index.line_col(text, offset));
    /// }
    /// ```
    pub fn cursor<'a>(&'a self, text: &'a str) -> LineCursor<'a> {
        LineCursor {
            index: self,
            text,
            line: 1,
            offset: 0,
            column: 0,
            utf16_column: 0,
        }
    }
}

/// Positions of offsets in order: see [`LineIndex::cursor`]. Going back is allowed; it counts
/// from the start of the line again.
#[derive(Debug, Clone)]
pub struct LineCursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// The line of `offset`, from 1.
    line: usize,
    /// The last offset found (on a character boundary).
    offset: usize,
    /// Characters and UTF-16 units from the line's start to `offset`.
    column: usize,
    utf16_column: usize,
}

impl LineCursor<'_> {
    /// The line and column of byte `offset`, as [`LineIndex::line_col`] gives them.
    pub fn line_col(&mut self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = &self.index.starts;
        let line = starts.partition_point(|&s| s <= offset);
        if line != self.line || offset < self.offset {
            self.line = line;
            self.offset = starts[line - 1];
            self.column = 0;
            self.utf16_column = 0;
        }
        let between = &self.text[self.offset..offset];
        for c in between.chars() {
            self.column += 1;
            self.utf16_column += c.len_utf16();
        }
        self.offset = offset;
        LineCol {
            line,
            column: self.column + 1,
            utf16_column: self.utf16_column + 1,
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
        for (offset, line, column) in [
            (0, 1, 1),
            (2, 1, 3), // the \r
            (4, 2, 1),
            (7, 2, 2), // ﾞ
            (8, 2, 2), // inside ﾞ: its start
            (11, 3, 1),
            (12, 4, 1),
            (13, 4, 2),
            (99, 4, 2),
        ] {
            let p = index.line_col(text, offset);
            assert_eq!((p.line, p.column), (line, column), "{offset}");
        }
        assert_eq!(index.line_start(2), Some(4));
        assert_eq!(index.line_start(0), None);
        // The cursor agrees, forward, backward and inside characters.
        let mut cursor = index.cursor(text);
        for o in [0, 2, 4, 7, 8, 13, 99, 3, 0, 12, 8, 4] {
            assert_eq!(cursor.line_col(o), index.line_col(text, o), "{o}");
        }
    }
}
