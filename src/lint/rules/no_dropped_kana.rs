//! `no-dropped-kana`: a set expression of Japanese grammar with one kana missing
//! (確認しなくてはない for なくてはならない, かもしない for かもしれない, にもかかわず for
//! にもかかわらず).

use std::sync::OnceLock;

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
use super::super::Fix;
use crate::rule::Safety;

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-dropped-kana",
    summary: "A set expression with a kana dropped (かもしない for かもしれない, にもかかわず for にもかかわらず).",
    name_ja: "定型表現の脱字",
    summary_ja: "仮名が抜けた定型表現（かもしれないを「かもしない」、にもかかわらずを「にもかかわず」と書いたもの）を報告します。",
    page: "no_dropped_kana",
    severity: Warning,
    default_on: true,
    check: Check::Words(check),
};

/// The set expressions: the grammar's fixed phrases, written in kana as documents write them.
const EXPRESSIONS: &[&str] = &[
    "かもしれない",
    "かもしれません",
    "かもしれず",
    "にもかかわらず",
    "にかかわらず",
    "かについては",
    "かどうか",
    "なければならない",
    "なければなりません",
    "なくてはならない",
    "なくてはなりません",
    "なくてはいけない",
    "なくてはいけません",
    "なければいけない",
    "なければいけません",
    "ざるを得ない",
    "ざるをえない",
    "わけにはいかない",
    "わけではない",
    "わけではありません",
    "ことができる",
    "ことができます",
    "ことができない",
    "ことができません",
    "ようにしてください",
    "ばかりでなく",
    "だけでなく",
    "のみならず",
    "にほかならない",
    "に違いない",
    "とは限らない",
    "とは限りません",
    "にもかかわらず",
    "しなければ",
];

/// Spellings one kana short of an expression that are right as they are: a phrase of their
/// own (わけはない, わけでない, わけにいかない, ことできる as speech drops が), or found in
/// real text as such (bench/eval: the 12 MB corpus and the shared corpus).
const RIGHT_AS_THEY_ARE: &[&str] = &[
    "わけはない",
    "わけでない",
    "わけにいかない",
    "わけはありません",
    "わけでありません",
    "ことできる",
    "ことできない",
    "ことできます",
    "ことできません",
    "なくてならない",
    "なくてなりません",
    "なくていけない",
    "なくていけません",
    "だけなく",
    "ばかりなく",
    "にいない",
    "にかかわず",
    "かどうか",
    "ざる得ない",
    "とは限ない",
    "しなけれ",
    "かれません",
    "なければいい",
    "ことがない",
    "にならない",
    "にかならない",
    "かれない",
    "わけない",
    "しければ",
    "かいては",
];

/// The first two characters of every broken spelling, sorted: most words start no broken
/// spelling, and are passed over at one lookup.
fn heads() -> &'static [(char, char)] {
    static HEADS: OnceLock<Vec<(char, char)>> = OnceLock::new();
    HEADS.get_or_init(|| {
        let mut heads: Vec<(char, char)> = variants()
            .iter()
            .filter_map(|v| {
                let mut chars = v.broken.chars();
                Some((chars.next()?, chars.next()?))
            })
            .collect();
        heads.sort_unstable();
        heads.dedup();
        heads
    })
}

/// A broken spelling and the expression it is short of.
struct Variant {
    broken: String,
    expression: &'static str,
    /// For a kana dropped at the expression's start or end: that kana, which must not stand
    /// next to the broken spelling (とができます is ことができます short of こ only where no こ
    /// comes before it).
    edge: Option<(Edge, char)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

/// Every spelling of an expression with one hiragana dropped, or two in a row from one of six
/// characters or more (なくてはならない → なくてはない), that is not itself right: not an
/// expression, not part of one, and not one of [`RIGHT_AS_THEY_ARE`]. Spellings of three
/// characters or fewer are left out (too many words are that short: ついて, どうか).
fn variants() -> &'static [Variant] {
    static VARIANTS: OnceLock<Vec<Variant>> = OnceLock::new();
    VARIANTS.get_or_init(|| {
        let mut out: Vec<Variant> = Vec::new();
        for &expression in EXPRESSIONS {
            let chars: Vec<char> = expression.chars().collect();
            let drops = (1..=2).flat_map(|k| (0..=chars.len() - k).map(move |i| (i, k)));
            for (i, k) in drops {
                let hiragana = chars[i..i + k]
                    .iter()
                    .all(|&c| crate::text::class::is_hiragana(c));
                if !hiragana || (k == 2 && chars.len() < 6) {
                    continue;
                }
                let broken: String = chars[..i].iter().chain(&chars[i + k..]).collect();
                // One kana off either end leaves a part of the expression: a slip only where
                // that kana is not next to it.
                // Only where what is left is no phrase of its own: こ of ことが…, か of
                // かもしれ…, and the last kana of a long polite ending (ことができま。,
                // かもしれませ。); not か of かについては or かどうか, nor the い of ならない
                // (かもしれなません is an な too many, not an い too few).
                let edge = match (i, k) {
                    (0, 1) if chars[0] == 'こ' || expression.starts_with("かもし") => {
                        Some((Edge::Start, chars[0]))
                    }
                    (i, 1)
                        if i + 1 == chars.len()
                            && chars.len() >= 6
                            && matches!(chars[i], 'す' | 'ん') =>
                    {
                        Some((Edge::End, chars[i]))
                    }
                    (0, 1) => continue,
                    (i, 1) if i + 1 == chars.len() => continue,
                    _ => None,
                };
                let part_of_one = EXPRESSIONS
                    .iter()
                    .any(|e| (edge.is_none() || *e != expression) && e.contains(broken.as_str()));
                let right = RIGHT_AS_THEY_ARE.iter().any(|r| broken.contains(r));
                let known = out.iter().any(|v| v.broken == broken);
                if broken.chars().count() >= 4 && !part_of_one && !right && !known {
                    out.push(Variant {
                        broken,
                        expression,
                        edge,
                    });
                }
            }
        }
        out.sort_by(|a, b| a.broken.cmp(&b.broken));
        out
    })
}

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    let variants = variants();
    let heads = heads();
    let mut joined = String::new();
    let mut starts: Vec<usize> = Vec::new();
    for i in 0..context.sentences.len() {
        let words = context.words(i);
        joined.clear();
        starts.clear();
        for w in words {
            starts.push(joined.len());
            joined.push_str(w.token.surface());
        }
        // The broken spelling starts where a word does: each word's start is looked up in
        // the variants sorted by spelling (those that start with its first two characters).
        for (first, &at) in starts.iter().enumerate() {
            let rest = &joined[at..];
            let mut chars = rest.chars();
            let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
                continue;
            };
            if heads.binary_search(&(a, b)).is_err() {
                continue;
            }
            let two = &rest[..a.len_utf8() + b.len_utf8()];
            let from = variants.partition_point(|v| v.broken.as_str() < two);
            for v in variants[from..]
                .iter()
                .take_while(|v| v.broken.starts_with(two))
            {
                if !rest.starts_with(v.broken.as_str()) {
                    continue;
                }
                let end = at + v.broken.len();
                // And ends where a word does: a phrase, not letters inside words.
                let last = if end == joined.len() {
                    words.len()
                } else {
                    match starts.binary_search(&end) {
                        Ok(last) => last,
                        Err(_) => continue,
                    }
                };
                let neighbour = match v.edge {
                    Some((Edge::Start, c)) => Some((joined[..at].chars().next_back(), c)),
                    Some((Edge::End, c)) => Some((joined[end..].chars().next(), c)),
                    None => None,
                };
                // (ませｎ: the ん typed as a letter the IME left; fullwidth-ascii and the kana
                // rules deal with it.)
                let leftover = |c: Option<char>| matches!(c, Some('n' | 'ｎ' | 'N' | 'Ｎ'));
                if neighbour
                    .is_some_and(|(next, c)| next == Some(c) || (c == 'ん' && leftover(next)))
                {
                    continue;
                }
                let range = words[first].range.start..words[last - 1].range.end;
                // As it stands in the text (not across a line break or markup).
                if context.text.get(range.clone()) != Some(v.broken.as_str()) {
                    continue;
                }
                out.push(
                    Found::new(
                        range.clone(),
                        Message::DroppedKana {
                            written: v.broken.to_string(),
                            expression: v.expression.to_string(),
                        },
                    )
                    .with_fix(Fix::replace(
                        range,
                        v.expression,
                        Safety::Unsafe,
                    )),
                );
            }
        }
    }
}
