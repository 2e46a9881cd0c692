//! `unmatched-pair`: an opening bracket without its closing one, or the reverse.

use super::super::context::{Context, Found};
use super::super::registry::{LintRule, RuleSettings};
use super::super::Severity;

pub(crate) const RULE: LintRule = LintRule::native(
    "unmatched-pair",
    "A bracket or quote without its partner (「 without 」).",
    include_str!("unmatched_pair.md"),
    Severity::Error,
    true,
    &[],
    false,
    check,
);

const PAIRS: &[(char, char)] = &[
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
];

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    // Brackets pair within a paragraph (a Markdown block): an open one is closed by the end
    // of its paragraph or it is reported.
    let mut open = OpenBrackets::default();
    let mut paragraph = usize::MAX;
    for sentence in context.sentences {
        if sentence.paragraph() != paragraph {
            open.flush(0, out);
            paragraph = sentence.paragraph();
        }
        let start = sentence.range().start;
        let text = sentence.text();
        for (i, c) in text.char_indices() {
            if let Some(kind) = PAIRS.iter().position(|p| p.0 == c) {
                open.push(start + i, kind);
            } else if let Some(kind) = PAIRS.iter().position(|p| p.1 == c) {
                match open.innermost(kind) {
                    Some(k) => {
                        // Brackets opened inside this pair and never closed are unmatched.
                        open.flush(k + 1, out);
                        open.pop();
                    }
                    None if c == ')' && is_enumerator(text, i) => {}
                    None => out.push(Found::new(
                        start + i..start + i + c.len_utf8(),
                        format!("「{c}」 has no opening 「{}」", PAIRS[kind].0),
                    )),
                }
            }
        }
    }
    open.flush(0, out);
}

/// The brackets open so far, innermost last, with how many of each kind there are: a closer
/// with no opener of its kind is known so without a search of the stack, which would make a
/// run of such closers after a run of openers quadratic. A search that does find the opener
/// is paid for by the brackets it pops.
#[derive(Default)]
struct OpenBrackets {
    /// Byte offset and kind (index in [`PAIRS`]) of each open bracket.
    stack: Vec<(usize, usize)>,
    count: [usize; PAIRS.len()],
}

impl OpenBrackets {
    fn push(&mut self, at: usize, kind: usize) {
        self.stack.push((at, kind));
        self.count[kind] += 1;
    }

    /// The position in the stack of the innermost open bracket of `kind`.
    fn innermost(&self, kind: usize) -> Option<usize> {
        if self.count[kind] == 0 {
            return None;
        }
        self.stack.iter().rposition(|&(_, k)| k == kind)
    }

    fn pop(&mut self) {
        if let Some((_, kind)) = self.stack.pop() {
            self.count[kind] -= 1;
        }
    }

    /// Reports the brackets from position `from` of the stack on as not closed, and forgets them.
    fn flush(&mut self, from: usize, out: &mut Vec<Found>) {
        for (at, kind) in self.stack.drain(from..) {
            self.count[kind] -= 1;
            let (open, close) = PAIRS[kind];
            out.push(Found::new(
                at..at + open.len_utf8(),
                format!("「{open}」 is not closed by 「{close}」"),
            ));
        }
    }
}

/// Whether the `)` at `i` closes a list enumerator at the start of a line: `1)`, `a)`.
///
/// It looks back from `i` only as far as the previous character that is neither whitespace
/// nor ASCII alphanumeric (a `)` among them), so that a line of many `)` is not quadratic.
fn is_enumerator(text: &str, i: usize) -> bool {
    let mut before = text[..i].chars().rev();
    let mut label = 0;
    for c in before.by_ref() {
        if c.is_ascii_alphanumeric() {
            label += 1;
            if label > 3 {
                return false;
            }
        } else if c == '\n' {
            return label > 0;
        } else if c.is_whitespace() {
            break;
        } else {
            return false;
        }
    }
    // Only whitespace may come before the label on its line.
    label > 0 && before.take_while(|&c| c != '\n').all(char::is_whitespace)
}
