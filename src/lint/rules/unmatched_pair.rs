//! `unmatched-pair`: an opening bracket without its closing one, or the reverse.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
use crate::text::brackets::{is_reported, kind, Matched, Matcher, PAIRS};
use crate::text::class::{is_alnum, is_hiragana, is_kanji, is_katakana_letter};

pub(crate) const RULE: LintRule = lint_rule! {
    id: "unmatched-pair",
    summary: "A bracket or quote without its partner (「 without 」).",
    name_ja: "括弧の対応",
    summary_ja: "対になる相手のない括弧や引用符（」のない「）を報告します。",
    page: "unmatched_pair",
    severity: Error,
    default_on: true,
    check: Check::Text(check),
};

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    // Brackets pair within a paragraph (a Markdown block): an open one is closed by the end
    // of its paragraph or it is reported. What a paragraph leaves unpaired is gathered first,
    // so that a bracket closed by its other width (`（秘密)`) is one report, not two.
    let mut matcher = Matcher::new(PAIRS.len());
    let mut paragraph = usize::MAX;
    let mut unpaired: Vec<Matched> = Vec::new();
    let gather = |m: Matched, unpaired: &mut Vec<Matched>| match m {
        Matched::Unclosed { kind, at } if is_reported(kind) => {
            if !continued_quote(context.prose, at, PAIRS[kind].0) {
                unpaired.push(m);
            }
        }
        Matched::Unopened { kind, at } if is_reported(kind) => {
            let close = PAIRS[kind].1;
            if !(matches!(close, ')' | '）') && is_enumerator(context.prose, at)) {
                unpaired.push(m);
            }
        }
        Matched::Pair { .. } | Matched::Unclosed { .. } | Matched::Unopened { .. } => {}
    };
    for sentence in context.sentences {
        let start = sentence.range().start;
        let text = sentence.text();
        if sentence.paragraph() != paragraph {
            matcher.finish(&mut |m| gather(m, &mut unpaired));
            report(&mut unpaired, out);
            paragraph = sentence.paragraph();
        }
        for (i, c) in text.char_indices() {
            match kind(c) {
                Some((k, true)) => matcher.open(start + i, k),
                Some((k, false)) => {
                    matcher.close(start + i, k, &mut |m| gather(m, &mut unpaired));
                }
                None => {}
            }
        }
    }
    matcher.finish(&mut |m| gather(m, &mut unpaired));
    report(&mut unpaired, out);
}

/// Reports what a paragraph left unpaired, and empties the list: an unopened closing bracket
/// whose other width is open before it (`（秘密)`, `(注）`) is one report of mixed widths, at
/// the closing bracket; every other one is reported alone.
fn report(unpaired: &mut Vec<Matched>, out: &mut Vec<Found>) {
    if unpaired.is_empty() {
        return;
    }
    let at = |m: &Matched| match *m {
        Matched::Unclosed { at, .. } | Matched::Unopened { at, .. } => at,
        Matched::Pair { open, .. } => open,
    };
    // In the order of the text (sorted as (position, index) pairs: no sort of its own).
    let mut order: Vec<(usize, usize)> = unpaired
        .iter()
        .enumerate()
        .map(|(i, m)| (at(m), i))
        .collect();
    order.sort_unstable();
    // The unclosed round, square and curly openers of either width seen so far (by
    // `width_slot`), innermost last.
    let mut open: [Vec<usize>; 6] = Default::default();
    let mut merged = vec![false; unpaired.len()];
    for &(_, i) in &order {
        match unpaired[i] {
            Matched::Unclosed { kind, .. } => {
                if let Some((slot, _)) = width_slot(kind) {
                    open[slot].push(i);
                }
            }
            Matched::Unopened { kind, at } => {
                let Some((_, other_slot)) = width_slot(kind) else {
                    continue;
                };
                if let Some(j) = open[other_slot].pop() {
                    let Matched::Unclosed { kind: other, .. } = unpaired[j] else {
                        continue;
                    };
                    merged[i] = true;
                    merged[j] = true;
                    let (open, close) = (PAIRS[other].0, PAIRS[kind].1);
                    out.push(Found::new(
                        at..at + close.len_utf8(),
                        Message::PairMixedWidth { open, close },
                    ));
                }
            }
            Matched::Pair { .. } => {}
        }
    }
    for (m, _) in unpaired.iter().zip(&merged).filter(|(_, &merged)| !merged) {
        match *m {
            Matched::Unclosed { kind, at } => {
                let (open, close) = PAIRS[kind];
                out.push(Found::new(
                    at..at + open.len_utf8(),
                    Message::PairUnclosed { open, close },
                ));
            }
            Matched::Unopened { kind, at } => {
                let (open, close) = PAIRS[kind];
                out.push(Found::new(
                    at..at + close.len_utf8(),
                    Message::PairUnopened { open, close },
                ));
            }
            Matched::Pair { .. } => {}
        }
    }
    unpaired.clear();
}

/// The slot of a round, square or curly bracket kind among the six of either width, and the
/// slot of the same bracket of the other width (（ for (, ［ for [, ｛ for { and back).
fn width_slot(kind: usize) -> Option<(usize, usize)> {
    let slot = match PAIRS[kind].0 {
        '(' => 0,
        '（' => 1,
        '[' => 2,
        '［' => 3,
        '{' => 4,
        '｛' => 5,
        _ => return None,
    };
    Some((slot, slot ^ 1))
}

/// Whether the unclosed 「 or 『 at `at` opens a speech that goes on in the next paragraph: it
/// starts its line, and the next line that is not blank starts with it again. A long speech
/// over several paragraphs opens each with 「 and closes only the last (the convention of
/// Japanese typesetting).
fn continued_quote(prose: &str, at: usize, open: char) -> bool {
    const SPACE: [char; 3] = [' ', '\t', '\u{3000}'];
    if !matches!(open, '「' | '『') {
        return false;
    }
    // Only spaces before it on its line: looked at back to the first other character, so a
    // line of many quotes is not quadratic (the look forward below runs once a line).
    let before = prose[..at].trim_end_matches(SPACE);
    if !(before.is_empty() || before.ends_with('\n')) {
        return false;
    }
    let Some(end) = prose[at..].find('\n') else {
        return false;
    };
    prose[at + end..]
        .trim_start_matches(|c: char| c == '\n' || c == '\r' || SPACE.contains(&c))
        .starts_with(open)
}

/// Whether the `)` or `）` at `i` (of the prose, so that where sentences end does not matter)
/// closes an enumerator or a label rather than a bracket: at the
/// start of a line (`1)`, `a)`, `例）`, after a list marker too), or a one-letter enumerator
/// referred to in a sentence (`a)を満たし、b)は保証しない`).
///
/// It looks back from `i` only as far as the previous character that is neither whitespace
/// nor part of a label (a `)` among them), so that a line of many `)` is not quadratic.
fn is_enumerator(text: &str, i: usize) -> bool {
    let is_label = |c: char| {
        c.is_ascii_alphanumeric()
            || is_kanji(c)
            || is_hiragana(c)
            || is_katakana_letter(c)
            || is_alnum(c)
    };
    let mut before = text[..i].chars().rev();
    let mut label = 0;
    let mut one_ascii = false;
    let mut japanese = false;
    for c in before.by_ref() {
        if is_label(c) {
            label += 1;
            one_ascii = label == 1 && c.is_ascii_alphanumeric();
            japanese |= !c.is_ascii();
            // `1)`, `iii)`, `例）`, `注)`, `備考)`; not a word (`閉じる)`).
            if label > 3 || (japanese && label > 2) {
                return false;
            }
        } else if c == '\n' {
            return label > 0;
        } else if c.is_whitespace() {
            break;
        } else {
            // `、b)は`: a one-letter enumerator after a comma, and Japanese after it.
            let japanese_after = text[i..].chars().nth(1).is_some_and(|a| !a.is_ascii());
            return label == 1 && one_ascii && matches!(c, '、' | '，' | ',') && japanese_after;
        }
    }
    if label == 0 {
        return false;
    }
    // Only whitespace may come before the label on its line (a list marker is blank in the
    // prose of Markdown), or a one-letter enumerator starts a sentence part.
    before.take_while(|&c| c != '\n').all(char::is_whitespace)
        || (label == 1 && one_ascii && text[i..].chars().nth(1).is_some_and(|a| !a.is_ascii()))
}
