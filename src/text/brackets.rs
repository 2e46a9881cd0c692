//! Brackets and quotes (括弧, kakko): the one list of pairs, and a matcher that pairs them in
//! linear time.

/// Every pair of brackets and quotes, opening then closing: Japanese (「」『』【】〔〕〈〉《》
/// 〖〗〘〙), full-width and ASCII (（）() ［］[] ｛｝{}), the curly quotes “” ‘’ and the
/// guillemets «» ‹›. The half-width ｢｣ are 「」 (see [`kind`]).
pub(crate) const PAIRS: [(char, char); 18] = [
    ('「', '」'),
    ('『', '』'),
    ('（', '）'),
    ('(', ')'),
    ('【', '】'),
    ('［', '］'),
    ('[', ']'),
    ('〔', '〕'),
    ('〈', '〉'),
    ('《', '》'),
    ('｛', '｝'),
    ('{', '}'),
    ('“', '”'),
    ('〖', '〗'),
    ('〘', '〙'),
    ('‘', '’'),
    ('«', '»'),
    ('‹', '›'),
];

/// Which of [`PAIRS`] `c` opens or closes, and whether it opens. The half-width ｢｣ are the
/// corner brackets 「」, of either width: `halfwidth-kana` makes them full width, and a safe
/// fix must not change which brackets pair (｢…」 is a pair before it and after it).
#[inline]
pub(crate) fn kind(c: char) -> Option<(usize, bool)> {
    // Most characters are neither: kana and kanji end here without a search.
    if matches!(c, '\u{3040}'..='\u{9FFF}') {
        return None;
    }
    match c {
        '｢' => return Some((0, true)),
        '｣' => return Some((0, false)),
        _ => {}
    }
    PAIRS.iter().enumerate().find_map(|(i, &(open, close))| {
        if c == open {
            Some((i, true))
        } else if c == close {
            Some((i, false))
        } else {
            None
        }
    })
}

/// Whether `c` opens a pair.
#[inline]
pub(crate) fn is_opening(c: char) -> bool {
    matches!(kind(c), Some((_, true)))
}

/// Whether `c` closes a pair.
#[inline]
pub(crate) fn is_closing(c: char) -> bool {
    matches!(kind(c), Some((_, false)))
}

/// Whether a missing partner of pair `kind` is worth reporting: not for ‘’, whose ’ is also
/// the apostrophe (don’t).
pub(crate) fn is_reported(kind: usize) -> bool {
    PAIRS[kind].1 != '’'
}

/// What the [`Matcher`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Matched {
    /// A pair of `kind`: the opening bracket at byte `open`, the closing one at byte `close`.
    Pair {
        /// The kind, as the caller numbered it.
        kind: usize,
        /// Where the opening bracket is.
        open: usize,
        /// Where the closing bracket is.
        close: usize,
    },
    /// An opening bracket that nothing closed.
    Unclosed {
        /// The kind.
        kind: usize,
        /// Where it is.
        at: usize,
    },
    /// A closing bracket that nothing opened.
    Unopened {
        /// The kind.
        kind: usize,
        /// Where it is.
        at: usize,
    },
}

/// Pairs brackets as they come, innermost first: a closing bracket closes the innermost open
/// bracket of its kind, and the brackets opened inside that pair and still open are unclosed.
///
/// The matcher keeps how many of each kind are open, so a closer with no opener of its kind is
/// known without a search of the stack (a run of such closers after a run of openers would be
/// quadratic); a search that finds the opener is paid for by the brackets it pops. Kinds are
/// the caller's numbers below `kinds`: [`PAIRS`]'s indices, or fewer to make two of them one
/// kind (a full-width bracket and its ASCII form).
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    /// Byte offset and kind of each open bracket, innermost last.
    stack: Vec<(usize, usize)>,
    count: Vec<usize>,
}

impl Matcher {
    /// A matcher for kinds `0..kinds`.
    pub(crate) fn new(kinds: usize) -> Matcher {
        Matcher {
            stack: Vec::new(),
            count: vec![0; kinds],
        }
    }

    /// An opening bracket of `kind` at byte `at`.
    pub(crate) fn open(&mut self, at: usize, kind: usize) {
        self.stack.push((at, kind));
        self.count[kind] += 1;
    }

    /// A closing bracket of `kind` at byte `at`: reports the brackets it leaves unclosed, then
    /// the pair it closes, or that it closes nothing.
    pub(crate) fn close(&mut self, at: usize, kind: usize, out: &mut impl FnMut(Matched)) {
        let innermost = if self.count[kind] == 0 {
            None
        } else {
            self.stack.iter().rposition(|&(_, k)| k == kind)
        };
        match innermost {
            Some(i) => {
                self.flush(i + 1, out);
                let (open, _) = self.stack.pop().expect("the opener is on the stack");
                self.count[kind] -= 1;
                out(Matched::Pair {
                    kind,
                    open,
                    close: at,
                });
            }
            None => out(Matched::Unopened { kind, at }),
        }
    }

    /// Ends a stretch of text (a paragraph): every bracket still open is unclosed.
    pub(crate) fn finish(&mut self, out: &mut impl FnMut(Matched)) {
        self.flush(0, out);
    }

    fn flush(&mut self, from: usize, out: &mut impl FnMut(Matched)) {
        for (at, kind) in self.stack.drain(from..) {
            self.count[kind] -= 1;
            out(Matched::Unclosed { kind, at });
        }
    }
}

/// The round, square and curly brackets of either width, folded into three kinds (0 round,
/// 1 square, 2 curly) and whether `c` opens: `（` and `(` are one kind, so that a full-width
/// bracket closed by an ASCII one is still a pair.
#[inline]
fn folded_kind(c: char) -> Option<(usize, bool)> {
    match c {
        '(' | '（' => Some((0, true)),
        ')' | '）' => Some((0, false)),
        '[' | '［' => Some((1, true)),
        ']' | '］' => Some((1, false)),
        '{' | '｛' => Some((2, true)),
        '}' | '｝' => Some((2, false)),
        _ => None,
    }
}

/// Every paired round, square or curly bracket of `text` (either width, one kind per shape),
/// as `(position, partner's position)`, sorted by position. A pair never crosses a blank line
/// (a paragraph's end) but does cross a line break, inline code or markup. Linear in the text.
pub(crate) fn folded_partners(text: &str) -> Vec<(usize, usize)> {
    let mut m = Matcher::new(3);
    let mut out = Vec::new();
    let mut record = |x: Matched| {
        if let Matched::Pair { open, close, .. } = x {
            out.push((open, close));
            out.push((close, open));
        }
    };
    let bytes = text.as_bytes();
    // Whether only spaces stand between the last line break and here.
    let mut line_blank = true;
    for (i, c) in text.char_indices() {
        match c {
            '\n' => {
                if line_blank && i > 0 {
                    m.finish(&mut record);
                }
                line_blank = true;
                continue;
            }
            ' ' | '\t' | '\r' | '\u{3000}' => continue,
            _ => line_blank = false,
        }
        if bytes[i] < 0x80 && !matches!(c, '(' | ')' | '[' | ']' | '{' | '}') {
            continue;
        }
        match folded_kind(c) {
            Some((k, true)) => m.open(i, k),
            Some((k, false)) => m.close(i, k, &mut record),
            None => {}
        }
    }
    m.finish(&mut record);
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_partners_pair_across_widths_and_lines_not_paragraphs() {
        let cases: &[(&str, &[(usize, usize)])] = &[
            ("a（b）", &[(1, 5), (5, 1)]),
            // A full-width bracket closed by an ASCII one.
            ("（x)", &[(0, 4), (4, 0)]),
            // Across a line break of a hard-wrapped paragraph.
            ("（a\nb）", &[(0, 6), (6, 0)]),
            // Not across a blank line.
            ("（a\n \nb）", &[]),
            // Nested; the outer pair around the inner one.
            ("(（）)", &[(0, 7), (1, 4), (4, 1), (7, 0)]),
            // Different shapes do not pair.
            ("（]", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(folded_partners(text), *expected, "{text:?}");
        }
    }

    fn matched(text: &str) -> Vec<Matched> {
        let mut m = Matcher::new(PAIRS.len());
        let mut out = Vec::new();
        for (i, c) in text.char_indices() {
            match kind(c) {
                Some((k, true)) => m.open(i, k),
                Some((k, false)) => m.close(i, k, &mut |x| out.push(x)),
                None => {}
            }
        }
        m.finish(&mut |x| out.push(x));
        out
    }

    #[test]
    fn pairs_innermost_first() {
        use Matched::*;
        assert_eq!(
            matched("「a（b）c」"),
            [
                Pair {
                    kind: 2,
                    open: 4,
                    close: 8
                },
                Pair {
                    kind: 0,
                    open: 0,
                    close: 12
                }
            ]
        );
        // The closer closes its own kind; what was opened inside is unclosed.
        assert_eq!(
            matched("「a（b」)"),
            [
                Unclosed { kind: 2, at: 4 },
                Pair {
                    kind: 0,
                    open: 0,
                    close: 8
                },
                Unopened { kind: 3, at: 11 }
            ]
        );
        assert_eq!(matched("（"), [Unclosed { kind: 2, at: 0 }]);
    }

    #[test]
    fn every_bracket_has_one_kind() {
        for (i, &(open, close)) in PAIRS.iter().enumerate() {
            assert_eq!(kind(open), Some((i, true)));
            assert_eq!(kind(close), Some((i, false)));
            assert!(is_opening(open) && is_closing(close));
        }
        for c in ['あ', '漢', 'ア', '。', 'a', '<'] {
            assert_eq!(kind(c), None);
        }
        assert_eq!(kind('｢'), kind('「'));
        assert_eq!(kind('｣'), kind('」'));
    }
}
