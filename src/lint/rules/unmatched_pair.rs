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
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut paragraph = usize::MAX;
    let flush = |stack: &mut Vec<(usize, char)>, out: &mut Vec<Found>| {
        for (at, open) in stack.drain(..) {
            let close = PAIRS.iter().find(|p| p.0 == open).map_or(' ', |p| p.1);
            out.push(Found::new(
                at..at + open.len_utf8(),
                format!("「{open}」 is not closed by 「{close}」"),
            ));
        }
    };
    for sentence in context.sentences {
        if sentence.paragraph() != paragraph {
            flush(&mut stack, out);
            paragraph = sentence.paragraph();
        }
        let start = sentence.range().start;
        let text = sentence.text();
        for (i, c) in text.char_indices() {
            if PAIRS.iter().any(|p| p.0 == c) {
                stack.push((start + i, c));
            } else if let Some(&(open, _)) = PAIRS.iter().find(|p| p.1 == c) {
                match stack.iter().rposition(|&(_, o)| o == open) {
                    Some(k) => {
                        // Brackets opened inside this pair and never closed are unmatched.
                        let inner: Vec<_> = stack.drain(k..).skip(1).collect();
                        let mut inner = inner;
                        flush(&mut inner, out);
                    }
                    None if c == ')' && is_enumerator(text, i) => {}
                    None => out.push(Found::new(
                        start + i..start + i + c.len_utf8(),
                        format!("「{c}」 has no opening 「{open}」"),
                    )),
                }
            }
        }
    }
    flush(&mut stack, out);
}

/// Whether the `)` at `i` closes a list enumerator at the start of a line: `1)`, `a)`.
fn is_enumerator(text: &str, i: usize) -> bool {
    let line = &text[text[..i].rfind('\n').map_or(0, |n| n + 1)..i];
    let line = line.trim_start();
    !line.is_empty() && line.len() <= 3 && line.chars().all(|c| c.is_ascii_alphanumeric())
}
