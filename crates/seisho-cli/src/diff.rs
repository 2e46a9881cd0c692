//! `--diff`: one line per change, `path:line:column: rule "before" → "after"`.
//!
//! Lines and columns are 1-based; columns count characters (Unicode scalar values) of the
//! original text. Characters that cannot be seen are escaped (`\u{200b}`).

use std::fmt::Write as _;
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use seisho::{Edit, Lang, LineIndex, Normalized};

use crate::i18n::{self, Counted};

const LOCATION: Style = Style::new().bold();
const RULE: Style = AnsiColor::Cyan.on_default();
const RULE_UNSAFE: Style = AnsiColor::Yellow.on_default();
const BEFORE: Style = AnsiColor::Red.on_default();
const AFTER: Style = AnsiColor::Green.on_default();
const TAG: Style = AnsiColor::Yellow.on_default().bold();
const DIM: Style = Style::new().dimmed();

/// What `--diff` counted, over all files.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Applied edits.
    pub edits: usize,
    /// Applied edits that were unsafe (with `--unsafe-fixes`).
    pub unsafe_edits: usize,
    /// Suggestions: unsafe fixes not applied.
    pub suggestions: usize,
    /// Files with at least one edit or suggestion.
    pub files_touched: usize,
    /// Files looked at.
    pub files: usize,
}

/// One edit or suggestion, placed in the original text.
struct Entry<'n, 'a> {
    edit: &'n Edit<'a>,
    applied: bool,
    line: usize,
    column: usize,
}

/// The edits and suggestions of `n` in text order (an edit before a suggestion at the same
/// place), each with its 1-based line and character column in the original text.
fn entries<'n, 'a>(n: &'n Normalized<'a>) -> Vec<Entry<'n, 'a>> {
    let mut all: Vec<(&Edit<'a>, bool)> = n
        .edits()
        .iter()
        .map(|e| (e, true))
        .chain(n.suggestions().iter().map(|e| (e, false)))
        .collect();
    all.sort_by_key(|(e, applied)| (e.range().start, !applied));

    let text = n.input();
    let index = LineIndex::new(text);
    all.into_iter()
        .map(|(edit, applied)| {
            let pos = index.line_col(text, edit.range().start);
            Entry {
                edit,
                applied,
                line: pos.line,
                column: pos.column,
            }
        })
        .collect()
}

/// Writes the changes to one text. `name` is the file's name as shown.
pub fn render(
    w: &mut dyn Write,
    name: &str,
    n: &Normalized<'_>,
    counts: &mut Counts,
) -> io::Result<()> {
    counts.files += 1;
    let entries = entries(n);
    if entries.is_empty() {
        return Ok(());
    }
    counts.files_touched += 1;
    let locations: Vec<String> = entries
        .iter()
        .map(|e| format!("{name}:{}:{}:", e.line, e.column))
        .collect();
    let loc_width = locations.iter().map(|l| l.len()).max().unwrap_or(0);
    let rule_width = entries
        .iter()
        .map(|e| e.edit.rule().id().len())
        .max()
        .unwrap_or(0);

    for (e, loc) in entries.iter().zip(&locations) {
        let safe = e.edit.is_safe();
        let rule_style = if safe { RULE } else { RULE_UNSAFE };
        let mut line = String::new();
        let _ = write!(
            line,
            "{LOCATION}{loc}{LOCATION:#}{:loc_pad$} {rule_style}{rule}{rule_style:#}{:rule_pad$}  \
             {BEFORE}{before}{BEFORE:#} → {AFTER}{after}{AFTER:#}",
            "",
            "",
            loc_pad = loc_width - loc.len(),
            rule = e.edit.rule().id(),
            rule_pad = rule_width - e.edit.rule().id().len(),
            before = quote(e.edit.original()),
            after = quote(e.edit.replacement()),
        );
        if !e.applied {
            counts.suggestions += 1;
            let _ = write!(
                line,
                "  {TAG}suggestion{TAG:#} {DIM}(unsafe, not applied){DIM:#}"
            );
        } else {
            counts.edits += 1;
            if !safe {
                counts.unsafe_edits += 1;
                let _ = write!(line, "  {TAG}unsafe{TAG:#}");
            }
        }
        line.push('\n');
        w.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Writes the closing summary, e.g. `9 edits, 1 suggestion`.
pub fn summary(w: &mut dyn Write, c: &Counts, unsafe_fixes: bool) -> io::Result<()> {
    if c.files_touched > 0 {
        writeln!(w)?;
    }
    let lang = i18n::lang();
    let ja = lang == Lang::Ja;
    let mut s = i18n::count(lang, c.edits, Counted::Edit);
    if c.unsafe_edits > 0 {
        let _ = if ja {
            write!(s, "（うち安全でない修正{}件）", c.unsafe_edits)
        } else {
            write!(s, " ({} unsafe)", c.unsafe_edits)
        };
    }
    let _ = write!(
        s,
        "{}{}",
        if ja { "、" } else { ", " },
        i18n::count(lang, c.suggestions, Counted::Suggestion)
    );
    if c.files > 1 {
        let files = i18n::count(lang, c.files, Counted::File);
        let _ = if ja {
            write!(s, "（{files}中{}ファイル）", c.files_touched)
        } else {
            write!(s, " in {} of {files}", c.files_touched)
        };
    }
    if c.suggestions > 0 && !unsafe_fixes {
        s.push_str(if ja {
            "。提案は適用していません。確認するか --unsafe-fixes を使ってください"
        } else {
            " (suggestions are not applied; review them, or use --unsafe-fixes)"
        });
    }
    writeln!(w, "{s}")
}

/// `s` in double quotes, with invisible, control, separator and combining characters (and `"`
/// and `\`) escaped so that every character of the change can be seen.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters that do not show (or do not show as themselves) between quotes.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c as u32,
            0x00AD                      // soft hyphen
            | 0x034F                    // combining grapheme joiner
            | 0x0300..=0x036F           // combining diacritics
            | 0x061C                    // Arabic letter mark
            | 0x115F | 0x1160 | 0x3164 | 0xFFA0 // Hangul fillers
            | 0x17B4 | 0x17B5
            | 0x180B..=0x180F           // Mongolian variation selectors, vowel separator
            | 0x200B..=0x200F           // zero-width space, joiners, direction marks
            | 0x202A..=0x202E           // bidi embeddings and overrides
            | 0x2060..=0x206F           // word joiner, invisible operators, bidi isolates
            | 0x3099 | 0x309A           // combining kana voiced sound marks
            | 0xE000..=0xF8FF           // private use
            | 0xFE00..=0xFE0F           // variation selectors
            | 0xFEFF                    // BOM, zero-width no-break space
            | 0xFFF9..=0xFFFB           // interlinear annotation
            | 0xFFFC | 0xFFFD
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF         // tags, variation selectors supplement
            | 0xF0000..=0x10FFFF        // private use planes
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, unsafe_fixes: bool) -> String {
        let n = seisho::Normalizer::builder()
            .unsafe_fixes(unsafe_fixes)
            .dictionary(false)
            .build();
        let n = n.normalize(text);
        let mut out = Vec::new();
        let mut counts = Counts::default();
        render(&mut out, "t", &n, &mut counts).unwrap();
        summary(&mut out, &counts, unsafe_fixes).unwrap();
        anstream::adapter::strip_str(std::str::from_utf8(&out).unwrap()).to_string()
    }

    #[test]
    fn quote_escapes_invisible_characters() {
        assert_eq!(quote("a\u{200b}b"), "\"a\\u{200b}b\"");
        assert_eq!(quote("\u{feff}"), "\"\\u{feff}\"");
        assert_eq!(quote("\u{3000}"), "\"\\u{3000}\"");
        assert_eq!(quote("\u{1b}[0m"), "\"\\u{1b}[0m\"");
        assert_eq!(quote("ハ\u{309a}"), "\"ハ\\u{309a}\"");
        assert_eq!(quote("\"\\\t"), "\"\\\"\\\\\\t\"");
        assert_eq!(quote("サーバ 一覧"), "\"サーバ 一覧\"");
        assert_eq!(quote(""), "\"\"");
    }

    #[test]
    fn columns_count_characters_of_the_original() {
        // ＡＢ is 2 characters but 6 bytes; ｶ is on line 2 after a CRLF line.
        let out = lines("ＡＢ　x\r\nあｶ", false);
        assert_eq!(
            out,
            "t:1:1: fullwidth-ascii  \"ＡＢ\" → \"AB\"\n\
             t:2:2: halfwidth-kana   \"ｶ\" → \"カ\"\n\
             \n\
             2 edits, 0 suggestions\n"
        );
    }

    #[test]
    fn suggestions_are_marked_and_counted() {
        // へ may be the particle: a suggestion of the character rules (the dictionary reads
        // データベース + へ + アクセス as words and suggests nothing).
        let out = lines("データベースへアクセス\n\u{200b}", false);
        assert_eq!(
            out,
            "t:1:7: hiragana-in-katakana  \"へ\" → \"ヘ\"  suggestion (unsafe, not applied)\n\
             t:2:1: invisible-character   \"\\u{200b}\" → \"\"\n\
             \n\
             1 edit, 1 suggestion (suggestions are not applied; review them, or use --unsafe-fixes)\n"
        );
        let out = lines("データベースへアクセス", true);
        assert_eq!(
            out,
            "t:1:7: hiragana-in-katakana  \"へ\" → \"ヘ\"  unsafe\n\n1 edit (1 unsafe), 0 suggestions\n"
        );
    }

    #[test]
    fn nothing_to_change() {
        assert_eq!(
            lines("サーバーへ接続、一覧", false),
            "0 edits, 0 suggestions\n"
        );
    }
}
