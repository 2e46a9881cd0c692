//! `no-space-between-full-width`: spaces between Japanese characters.

use super::super::context::{Context, Found};
use super::super::registry::{lint_rule, Check, LintRule, RuleSettings};
use super::super::Fix;
use crate::rule::Safety;
use crate::text::class::{is_alnum, is_full_width, is_hiragana, is_kanji, is_katakana_letter};
use crate::text::utf8::{char_at, char_before};

pub(crate) const RULE: LintRule = lint_rule! {
    id: "no-space-between-full-width",
    aliases: ["ja-no-space-between-full-width"],
    summary: "A space between two full-width (Japanese) characters.",
    page: "no_space_between_full_width.md",
    severity: Warning,
    default_on: true,
    options: &[],
    check: Check::Text(check),
};

fn check(context: &Context<'_>, _: &RuleSettings, out: &mut Vec<Found>) {
    let prose = context.prose;
    let bytes = prose.as_bytes();
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
        let before = char_before(prose, start);
        let after = char_at(prose, end);
        if let (Some(b), Some(a)) = (before, after) {
            // At the start of a line a space is indentation.
            let line_start = prose[..start]
                .trim_end_matches([' ', '\t', '\u{3000}'])
                .ends_with('\n');
            // After ！ and ？ inside a paragraph a full-width space is the rule of Japanese
            // typesetting (JTF 日本語標準スタイルガイド: 文末の！と？の後は全角スペース):
            // `どうでしょうか？　場合によっては`.
            let after_mark = matches!(b, '！' | '？');
            // A line of symbols and spaces is an ornament (`＊　　　＊　　　＊`), laid out so.
            let line_from = prose[..start].rfind('\n').map_or(0, |p| p + 1);
            let line_to = prose[end..].find('\n').map_or(prose.len(), |p| end + p);
            let ornament = !prose[line_from..line_to]
                .chars()
                .any(|c| is_hiragana(c) || is_katakana_letter(c) || is_kanji(c) || is_alnum(c));
            if ornament {
                continue;
            }
            if is_full_width(b) && is_full_width(a) && !line_start && !after_mark && start > 0 {
                out.push(
                    Found::new(start..end, format!("space between 「{b}」 and 「{a}」"))
                        .with_fix(Fix::replace(start..end, "", Safety::Unsafe)),
                );
            }
        }
    }
}
