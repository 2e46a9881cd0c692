//! `no-space-between-full-width`: spaces between Japanese characters.

use super::super::context::{Context, Found};
use super::super::message::Message;
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
use super::super::Fix;
use crate::rule::Safety;
use crate::text::class::{is_alnum, is_full_width, is_hiragana, is_kanji, is_katakana_letter};
use crate::text::utf8::{char_at, char_before};

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-space-between-full-width",
    aliases: ["ja-no-space-between-full-width"],
    summary: "A space between two full-width (Japanese) characters.",
    name_ja: "全角文字間のスペース",
    summary_ja: "全角（日本語）の文字と文字の間にあるスペースを報告します。",
    page: "no_space_between_full_width",
    severity: Warning,
    default_on: true,
    check: Check::Text(check),
};

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    let prose = context.prose;
    let bytes = prose.as_bytes();
    // The candidates, with the line each is on. Lines are counted as the scan goes, and each
    // line is looked at once for being an ornament, so the rule stays linear.
    // (`None`: a space after punctuation, never layout.) The flag: whether it is reported (a
    // name's space is not, but counts as layout).
    let mut found: Vec<(Found, Option<usize>, bool)> = Vec::new();
    let (mut line, mut line_from, mut counted_to) = (0usize, 0usize, 0usize);
    let mut ornament_line: Option<(usize, bool)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let space_len = match bytes[i] {
            b' ' | b'\t' => 1,
            0xE3 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x80]) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        // The run of spaces (no line break) starting here.
        let start = i;
        let mut end = i + space_len;
        loop {
            match bytes.get(end) {
                Some(b' ' | b'\t') => end += 1,
                Some(0xE3) if bytes.get(end + 1..end + 3) == Some(&[0x80, 0x80]) => end += 3,
                _ => break,
            }
        }
        i = end;
        // Spaces of the document itself, not prose blanked out around code or markup.
        let written = &context.text[start..end];
        if !written
            .chars()
            .all(|c| c == ' ' || c == '\t' || c == '\u{3000}')
        {
            continue;
        }
        let (Some(b), Some(a)) = (char_before(prose, start), char_at(prose, end)) else {
            continue;
        };
        if !(is_japanese_side(b) && is_japanese_side(a)) || start == 0 {
            continue;
        }
        for (k, &c) in bytes[counted_to..start].iter().enumerate() {
            if c == b'\n' {
                line += 1;
                line_from = counted_to + k + 1;
            }
        }
        counted_to = start;
        // At the start of a line a space is indentation.
        if prose[line_from..start]
            .trim_matches([' ', '\t', '\u{3000}'])
            .is_empty()
        {
            continue;
        }
        // After a label that starts its line a space is layout: a numbered paragraph (`２　`),
        // an article or a chapter (`第一条　`, `第三章　`), a list mark (`（一）　`, `①　`).
        if is_line_label(prose[line_from..start].trim_start_matches([' ', '\t', '\u{3000}'])) {
            continue;
        }
        // A person's name written with a space between family and given name (`播摩 卓士`),
        // as bylines and articles do: not reported, but still a space of its line for the
        // layout below (`四月二日　水曜日　晴`).
        let name = is_spaced_name(prose, line_from, start, end);
        // After ！ and ？ inside a paragraph a full-width space is the rule of Japanese
        // typesetting (JTF 日本語標準スタイルガイド: 文末の！と？の後は全角スペース):
        // `どうでしょうか？　場合によっては`.
        if matches!(b, '！' | '？') {
            continue;
        }
        // A line of symbols and spaces is an ornament (`＊　　　＊　　　＊`), laid out so.
        let ornament = match ornament_line {
            Some((l, o)) if l == line => o,
            _ => {
                let line_to = prose[end..].find('\n').map_or(prose.len(), |p| end + p);
                let o = !prose[line_from..line_to]
                    .chars()
                    .any(|c| is_hiragana(c) || is_katakana_letter(c) || is_kanji(c) || is_alnum(c));
                ornament_line = Some((line, o));
                o
            }
        };
        if ornament {
            continue;
        }
        // A space after 。 or 、 is a slip however often it comes: layout spaces phrases.
        let after_punctuation = matches!(b, '。' | '、' | '，' | '．');
        found.push((
            Found::new(
                start..end,
                Message::SpaceBetween {
                    before: b,
                    after: a,
                },
            )
            .with_fix(Fix::replace(start..end, "", Safety::Unsafe)),
            if after_punctuation { None } else { Some(line) },
            !name,
        ));
    }
    // A stray space is a slip; spaces that recur on a line or on the lines next to it are
    // layout written on purpose (phrases spaced in a children's book, lyrics, a play's
    // `名前　台詞`), and are left alone.
    let lines: Vec<Option<usize>> = found.iter().map(|(_, l, _)| *l).collect();
    for (k, (f, l, report)) in found.into_iter().enumerate() {
        let near = |j: usize| j != k && lines[j].zip(l).is_some_and(|(a, b)| a.abs_diff(b) <= 1);
        let recurs = l.is_some() && (k.saturating_sub(1)..(k + 2).min(lines.len())).any(near);
        if report && !recurs {
            out.push(f);
        }
    }
}

/// Words that follow a person's name: honorifics and titles (`播摩 卓士氏`, `山田 太郎さん`).
const AFTER_NAME: &[&str] = &[
    "さん",
    "様",
    "さま",
    "氏",
    "君",
    "くん",
    "ちゃん",
    "先生",
    "記者",
    "教授",
    "准教授",
    "博士",
    "選手",
    "監督",
    "社長",
    "会長",
    "代表",
    "議員",
    "知事",
    "市長",
    "首相",
    "大臣",
    "弁護士",
    "容疑者",
    "被告",
    "編集委員",
    "特派員",
    "解説委員",
];

/// Whether the space `start..end` is the one between a family name and a given name: one to
/// three kanji on each side, each a whole run of kanji, and the name is a line of its own
/// (a byline, perhaps with its label or in brackets: `文・播摩 卓士`, `（播摩 卓士）`), or is
/// followed by an honorific or a title. Two short kanji words spaced inside a sentence
/// (`機能 追加`) are still reported.
fn is_spaced_name(prose: &str, line_from: usize, start: usize, end: usize) -> bool {
    let before = &prose[line_from..start];
    let family = before.chars().rev().take_while(|&c| is_kanji(c)).count();
    let rest = &prose[end..];
    let given_len: usize = rest
        .chars()
        .take_while(|&c| is_kanji(c))
        .map(char::len_utf8)
        .sum();
    let given = rest[..given_len].chars().count();
    if !(1..=3).contains(&family) || given == 0 {
        return false;
    }
    // An honorific right after one to three kanji of the given name (氏 and 様 are kanji
    // themselves).
    let honored = rest
        .char_indices()
        .skip(1)
        .take(3)
        .take_while(|&(at, _)| at <= given_len)
        .any(|(at, _)| AFTER_NAME.iter().any(|w| rest[at..].starts_with(w)))
        || (given <= 3 && AFTER_NAME.iter().any(|w| rest[given_len..].starts_with(w)));
    if honored {
        return true;
    }
    if given > 3 {
        return false;
    }
    let after = &rest[given_len..];
    // Alone on its line but for brackets, a label of a few characters and punctuation.
    let line_end = after.find('\n').unwrap_or(after.len());
    let trailing = after[..line_end].trim_end();
    let family_bytes: usize = before.chars().rev().take(family).map(char::len_utf8).sum();
    let leading = before[..before.len() - family_bytes].trim_start();
    let is_frame = |s: &str, most: usize| {
        s.chars().count() <= most
            && s.chars()
                .all(|c| !is_hiragana(c) || matches!(c, 'の' | 'と'))
    };
    trailing.chars().all(|c| {
        matches!(
            c,
            '）' | ')' | '】' | '」' | '。' | '、' | '，' | '．' | ' ' | '\u{3000}'
        )
    }) && is_frame(leading, 6)
}

/// Whether `s`, all that stands before a space on its line, is a label of numbered text: at
/// most eight characters of numerals (either width, kanji, circled), the counters of Japanese
/// legal and numbered writing (第 条 項 号 章 節 款 編, 第十条の二) and brackets or a period
/// around them.
fn is_line_label(s: &str) -> bool {
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        let label = is_alnum(c)
            || matches!(
                c,
                '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
            )
            || matches!(
                c,
                '十' | '百' | '千' | '第' | '条' | '項' | '号' | '章' | '節' | '款'
            )
            || matches!(
                c,
                '編' | 'の' | '（' | '）' | '(' | ')' | '.' | '．' | '\u{2460}'..='\u{2473}'
            );
        if n > 8 || !label {
            return false;
        }
    }
    n > 0
}

/// Whether `c` is full width for this rule: a full-width character that stays full width when
/// the safe fixes are made. Not the full-width forms of ASCII letters, digits and symbols
/// (`ＡＢＣ　です`, `：　`), which `fullwidth-ascii` may write as ASCII, so that a fix elsewhere
/// never changes what this rule reports; the brackets, ！？ and ～ (which `wave-dash` makes
/// 〜) stay full width.
fn is_japanese_side(c: char) -> bool {
    is_full_width(c)
        && (!matches!(c, '\u{FF01}'..='\u{FF5D}')
            || matches!(c, '！' | '？' | '（' | '）' | '［' | '］' | '｛' | '｝'))
}
