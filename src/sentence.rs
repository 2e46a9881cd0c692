//! The sentence splitter: Japanese prose cut into sentences (文, bun) and paragraphs (段落,
//! danraku), with byte ranges into the original text.

use std::ops::Range;

use crate::text::brackets::{is_closing, is_opening};
use crate::text::class::{is_hiragana, is_invisible, is_touten};
use crate::text::utf8::{char_at, char_before, decode_u32};

/// A sentence of the text, as [`sentences`] cut it.
///
/// The text borrows from the input and keeps the line breaks of a hard-wrapped sentence;
/// leading and trailing whitespace is not part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence<'a> {
    text: &'a str,
    start: usize,
    paragraph: usize,
}

impl<'a> Sentence<'a> {
    /// The sentence as written, hard-wrapping line breaks included.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Where the sentence is in the input, in bytes.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    /// The paragraph the sentence belongs to, counted from 0: paragraphs are separated by
    /// blank lines.
    pub fn paragraph(&self) -> usize {
        self.paragraph
    }

    /// Whether the sentence spans more than one line of the input (a hard-wrapped paragraph).
    pub fn is_wrapped(&self) -> bool {
        self.text.contains('\n')
    }
}

/// A sentence with its hard-wrapping line breaks and the indentation after them removed, as
/// a morphological analyzer needs it (a word may be cut by a line break), with the way back
/// to offsets in the original text.
#[derive(Clone, Debug)]
#[cfg_attr(not(feature = "morphology"), allow(dead_code))]
pub(crate) struct Joined<'a> {
    text: std::borrow::Cow<'a, str>,
    /// For each piece of the joined text: where it starts in the joined text and in the
    /// original.
    pieces: Vec<(usize, usize)>,
}

#[cfg_attr(not(feature = "morphology"), allow(dead_code))]
impl<'a> Joined<'a> {
    /// Joins the lines of `sentence`. A space stays between two ASCII letters or digits, so
    /// that wrapped English words do not merge.
    pub(crate) fn new(sentence: &Sentence<'a>) -> Joined<'a> {
        let text = sentence.text();
        let start = sentence.range().start;
        if !text.contains('\n') {
            return Joined {
                text: std::borrow::Cow::Borrowed(text),
                pieces: vec![(0, start)],
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut pieces = Vec::new();
        let mut offset = 0;
        for (i, line) in text.split('\n').enumerate() {
            let trimmed_start = if i == 0 {
                line
            } else {
                line.trim_start_matches([' ', '\t', '\u{3000}'])
            };
            let skipped = line.len() - trimmed_start.len();
            let piece = trimmed_start.trim_end_matches(['\r', ' ', '\t']);
            if i > 0
                && out
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                && piece
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
            {
                out.push(' ');
            }
            pieces.push((out.len(), start + offset + skipped));
            out.push_str(piece);
            offset += line.len() + 1;
        }
        Joined {
            text: std::borrow::Cow::Owned(out),
            pieces,
        }
    }

    /// The joined text.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The offset in the original text of `offset` in the joined text.
    pub(crate) fn to_original(&self, offset: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|&(joined, _)| joined <= offset)
            .max(1)
            - 1;
        let (joined, original) = self.pieces[i];
        original + (offset - joined)
    }
}

/// Splits Japanese prose into sentences.
///
/// - A sentence ends at 。, ！ or ？, at ． (the period of technical writing) unless it sits
///   between digits, and at `!` or `?` unless a letter, digit or other ASCII mark follows
///   (`Yahoo!` in a URL, `a?b=1`). A run of them (`！？`, `。。`) ends one sentence.
/// - Closing brackets and quotes after the end stay with the sentence: `…した。」`.
/// - Inside 「…」, 『…』, （…）, (…) and the other paired brackets a sentence does not end:
///   `「行く。」と言った。` is one sentence. A quote that ends with a period ends the
///   sentence when what follows starts a new one (a line break, a space or another quote):
///   `「行く。」「来る。」` is two.
/// - A blank line ends the paragraph and the sentence, and closes any bracket left open.
///   A bracket that does not close in its paragraph (or within about 500 characters of a
///   sentence end inside it) does not hold the sentence: it ends at that sentence end.
/// - A line break inside a paragraph does not end a sentence: a line that does not end with
///   a period continues on the next line (hard-wrapped text). But a short line (50 columns
///   or less, a kana or kanji two) is a sentence of its own when it does not end with a 読点,
///   an opening bracket or a particle that leaves its clause open (が を は の で と も や
///   て し), and, when it ends in other hiragana, when the next line is short too:
///   headlines, titles and lists of short lines, which plain text marks with nothing else.
///   ([`sentences_in_blocks`] joins the lines of a block, as Markdown does.)
///
/// ```
/// let text = "「行く。」と言った。彼は\n来なかった！\n\n次の段落（注。）です";
/// let sentences: Vec<_> = seisho::sentences(text).collect();
/// let texts: Vec<&str> = sentences.iter().map(|s| s.text()).collect();
/// assert_eq!(texts, ["「行く。」と言った。", "彼は\n来なかった！", "次の段落（注。）です"]);
/// assert_eq!(sentences[2].paragraph(), 1);
/// assert_eq!(&text[sentences[1].range()], "彼は\n来なかった！");
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        pos: 0,
        end: text.len(),
        paragraph: 0,
        started: false,
        blocks: &[],
        next_block: 0,
        lines_stand_alone: true,
    }
}

/// Splits the blocks of a document into sentences: each block (a paragraph, a heading, a list
/// item, a table cell of a Markdown document) is a paragraph of its own, and no sentence
/// crosses from one block into the next. The ranges are byte ranges of `text`, in order and
/// not overlapping (a block that overlaps the one before it starts where that one ended, and
/// one that is not on character boundaries is left out); sentences keep their positions in
/// `text`.
///
/// ```
/// let text = "# 見出し\n本文です。続き";
/// let blocks = [0..text.find('\n').unwrap(), text.find('本').unwrap()..text.len()];
/// let texts: Vec<_> = seisho::sentences_in_blocks(text, &blocks).map(|s| (s.text(), s.paragraph())).collect();
/// assert_eq!(texts, [("# 見出し", 0), ("本文です。", 1), ("続き", 1)]);
/// ```
pub fn sentences_in_blocks<'a>(text: &'a str, blocks: &'a [Range<usize>]) -> Sentences<'a> {
    Sentences {
        text,
        pos: 0,
        end: 0,
        paragraph: 0,
        started: false,
        blocks,
        next_block: 0,
        lines_stand_alone: false,
    }
}

/// The sentences of a text, in order: see [`sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    pos: usize,
    /// The end of the current block (of the text, without blocks).
    end: usize,
    paragraph: usize,
    /// Whether a sentence has been returned in the current paragraph.
    started: bool,
    blocks: &'a [Range<usize>],
    next_block: usize,
    /// Whether a short line without 。 is a sentence of its own (plain text, where nothing
    /// else marks a headline or a title); in a block of a document (a Markdown paragraph)
    /// its lines join, as Markdown and textlint read them.
    lines_stand_alone: bool,
}

impl<'a> Iterator for Sentences<'a> {
    type Item = Sentence<'a>;

    fn next(&mut self) -> Option<Sentence<'a>> {
        // Blocks without a sentence are passed over in this loop.
        let line_breaks = loop {
            let text = self.text;
            let bytes = &text.as_bytes()[..self.end];
            // Leading whitespace; a blank line in it starts a new paragraph.
            let mut line_breaks = 0;
            while self.pos < bytes.len() {
                match whitespace_len(&bytes[self.pos..]) {
                    0 => break,
                    n => {
                        if bytes[self.pos] == b'\n' {
                            line_breaks += 1;
                        }
                        self.pos += n;
                    }
                }
            }
            if self.pos >= bytes.len() {
                let block = self.blocks.get(self.next_block)?.clone();
                self.next_block += 1;
                if self.started {
                    self.paragraph += 1;
                    self.started = false;
                }
                let start = block.start.max(self.pos);
                let end = block.end.clamp(start, self.text.len());
                if self.text.is_char_boundary(start) && self.text.is_char_boundary(end) {
                    // A block that does not fall on character boundaries is left out.
                    self.pos = start;
                    self.end = end;
                }
                continue;
            }
            break line_breaks;
        };
        if line_breaks >= 2 && self.started {
            self.paragraph += 1;
        }
        self.started = true;
        let start = self.pos;
        let (end, next) = sentence_end(&self.text[..self.end], start, self.lines_stand_alone);
        self.pos = next;
        let paragraph = self.paragraph;
        let text = self.text[start..end].trim_end_matches(is_whitespace);
        Some(Sentence {
            text,
            start,
            paragraph,
        })
    }
}

/// Whitespace between sentences: ASCII whitespace, the ideographic space and the BOM.
fn is_whitespace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\u{3000}' | '\u{feff}' | '\u{a0}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}'
    )
}

/// The length in bytes of the whitespace character at the start of `bytes`, 0 if it is not one.
fn whitespace_len(bytes: &[u8]) -> usize {
    match bytes {
        [b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c, ..] => 1,
        [0xc2, 0xa0, ..] => 2,
        [0xe3, 0x80, 0x80, ..]
        | [0xef, 0xbb, 0xbf, ..]
        | [0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf, ..]
        | [0xe2, 0x81, 0x9f, ..] => 3,
        // Invisible characters (controls, zero-width characters, soft hyphens, stray BOMs:
        // those `invisible-character` removes) are blank too. A line of them reads as a blank
        // line, and deleting them must not join or split paragraphs.
        [b, ..] if *b < 0x20 || *b == 0x7f => 1,
        [0xc2, 0x80..=0x9f | 0xad, ..] => 2,
        [0xe1 | 0xe2, ..] => {
            let (c, n) = decode_u32(bytes, 0);
            if char::from_u32(c).is_some_and(is_invisible) {
                n
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// Whether a line ends with a colon: it introduces what follows (a list, an example, code)
/// and ends its sentence there, as a period would.
fn ends_with_colon(line: &str) -> bool {
    line.trim_end_matches([' ', '\t', '\r'])
        .ends_with([':', '：'])
}

/// Whether a line ends with a closing quote: a line of dialogue, whose sentence ends with it
/// (`「行くよ……」` then the narration on the next line).
fn ends_with_quote(line: &str) -> bool {
    line.trim_end_matches([' ', '\t', '\r'])
        .ends_with(['」', '』'])
}

/// Lines at most this many columns wide (a kana or kanji takes two) are short: a headline, a
/// title, a name, a line of a list or a poem. Hard-wrapped prose is wrapped at 70 to 100.
const SHORT_LINE: usize = 50;

/// Whether the last line of the sentence `start..end` (`end` is a line break) is a line of
/// its own though it has no 。: a short line (`SHORT_LINE`) that does
/// not end with a 読点 or an opening bracket, and that ends in a kanji, a katakana, a letter or
/// a symbol, or in hiragana other than a particle that leaves its clause open (`…一時150円台に`)
/// when the next line is short too. Headlines,
/// titles and lists of short lines then read as one sentence each, not as one run-on
/// sentence; the lines of hard-wrapped prose are wider and keep joining, and so does a short
/// line cut in mid-clause before a wide one (`設定を` then the rest of the sentence).
fn line_stands_alone(text: &str, start: usize, end: usize) -> bool {
    const BLANKS: [char; 4] = [' ', '\t', '\r', '\u{3000}'];
    let width =
        |line: &str| -> usize { line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum() };
    let line_start = text[..end].rfind('\n').map_or(0, |at| at + 1);
    // A line on which an earlier sentence ended is prose, however short.
    if line_start < start && !text[line_start..start].trim_matches(BLANKS).is_empty() {
        return false;
    }
    let rest = &text[end + 1..];
    let line = text[line_start..end].trim_matches(BLANKS);
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    if width(line) > SHORT_LINE || is_opening(last) || is_touten(last) || last == ',' {
        return false;
    }
    if !is_hiragana(last) {
        return true;
    }
    // A particle that never ends a headline leaves its clause open (`一行目が`); に, へ, か
    // and the endings of verbs and adjectives may end one (`一時150円台に`, `来日へ`).
    if matches!(
        last,
        'が' | 'を' | 'は' | 'の' | 'で' | 'と' | 'も' | 'や' | 'て' | 'し'
    ) {
        return false;
    }
    let next = rest[..rest.find('\n').unwrap_or(rest.len())].trim_matches(BLANKS);
    width(next) <= SHORT_LINE
}

/// Whether `c` at `at` (its byte offset in `text`) ends a sentence.
fn is_terminator(text: &str, at: usize, c: char) -> bool {
    match c {
        '。' | '！' | '？' | '｡' => true,
        '．' => {
            let before = char_before(text, at);
            let after = char_at(text, at + c.len_utf8());
            !(before.is_some_and(is_digit) && after.is_some_and(is_digit))
        }
        // An English sentence inside a Japanese document (an untranslated paragraph): a
        // period after a lowercase word, then a space and a capital letter.
        '.' => {
            let before = char_before(text, at);
            let rest = &text.as_bytes()[at + 1..];
            before.is_some_and(|b| b.is_ascii_lowercase())
                && rest.first() == Some(&b' ')
                && rest.get(1).is_some_and(u8::is_ascii_uppercase)
        }
        '!' | '?' => {
            // `!` and `?` end a sentence when something other than ASCII follows: `Yahoo!` in
            // a URL or `?a=1` do not.
            let after = text.as_bytes().get(at + 1).copied();
            match after {
                None => true,
                Some(b) => !b.is_ascii_graphic() || matches!(b, b'!' | b'?' | b')' | b'"'),
            }
        }
        _ => false,
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Where the sentence starting at `start` ends (after its last character) and where the
/// search for the next one starts.
fn sentence_end(text: &str, start: usize, lines_stand_alone: bool) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = start;
    // The end the sentence has if the open brackets never close: after the first sentence end
    // met inside them. A bracket left open (a stray `(`, troff's `\*(AK`, a typo) must not
    // make the rest of the paragraph one sentence; nor may the search for its closer run on:
    // it stops `UNCLOSED_LOOKAHEAD` bytes past that end, which keeps the splitter linear.
    // With the depth of that sentence end: when its bracket closes, the end is no longer one.
    let mut unclosed_end: Option<(usize, usize)> = None;
    // Whether the previous character (not counting closers) ended a sentence inside brackets.
    let mut quote_ended = false;
    // Whether an ASCII double quote is open (they open and close alike, so by parity).
    let mut in_ascii_quote = false;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some((end, _)) = unclosed_end {
            if i.saturating_sub(end) > UNCLOSED_LOOKAHEAD {
                return (end, end);
            }
        }
        if b == b'\n' {
            if line_is_followed_by_blank(bytes, i + 1)
                || starts_block(text, i + 1)
                || (depth == 0 && ends_with_colon(&text[start..i]))
                || (depth == 0 && ends_with_quote(&text[start..i]))
                || (lines_stand_alone && depth == 0 && line_stands_alone(text, start, i))
            {
                return unclosed_end.map_or((i, i), |(end, _)| (end, end));
            }
            quote_ended = false;
            i += 1;
            continue;
        }
        // Only a few ASCII bytes matter; skip the rest quickly.
        if b == b'"' {
            in_ascii_quote = !in_ascii_quote;
        }
        if b < 0x80 && !matches!(b, b'(' | b')' | b'!' | b'?' | b'.') {
            quote_ended = false;
            i += 1;
            continue;
        }
        // So do kana and kanji, most of Japanese text: the marks that matter are in U+2000–
        // U+206F (E2 80–81 ..), U+3000–U+303F (E3 80 ..) and U+FF00–U+FFEF (EF BC–BF ..).
        if (0xE3..=0xE9).contains(&b) && !(b == 0xE3 && bytes[i + 1] == 0x80) {
            quote_ended = false;
            i += 3;
            continue;
        }
        let c = text[i..].chars().next().expect("i is on a char boundary");
        let len = c.len_utf8();
        if is_opening(c) {
            depth += 1;
            quote_ended = false;
        } else if is_closing(c) {
            if depth > 0 {
                depth -= 1;
                if unclosed_end.is_some_and(|(_, at)| depth < at) {
                    unclosed_end = None;
                }
                if depth == 0 && quote_ended {
                    // 「行く。」: the sentence ends here if the next thing starts a new one.
                    let after = i + len;
                    if starts_new_sentence(text, after) {
                        let end = take_closers(text, after);
                        return (end, end);
                    }
                }
            }
            // A closer keeps `quote_ended` as it was: 「（行く。）」.
        } else if is_terminator(text, i, c) {
            if depth == 0 {
                let after = take_terminators(text, i);
                // An ASCII quote closing right after the period (彼は"やめて!"と言った): the
                // sentence goes on unless what follows starts a new one. (A quote that opens
                // after the period, 。"次の文", belongs to the next sentence.)
                let closes_quote = in_ascii_quote && text[after..].starts_with('"');
                if closes_quote && !starts_new_sentence(text, after + 1) {
                    in_ascii_quote = false;
                    i = after + 1;
                    quote_ended = false;
                    continue;
                }
                let after = if closes_quote { after + 1 } else { after };
                let end = take_closers(text, after);
                return (end, end);
            }
            if unclosed_end.is_none() {
                unclosed_end = Some((take_closers(text, take_terminators(text, i)), depth));
            }
            quote_ended = true;
        } else {
            quote_ended = false;
        }
        i += len;
    }
    unclosed_end.map_or((bytes.len(), bytes.len()), |(end, _)| (end, end))
}

/// How far past a sentence end inside brackets the splitter looks for the closing bracket
/// before taking the bracket as left open: about 500 kana or kanji, more than a quotation or
/// a parenthesis of technical prose holds.
const UNCLOSED_LOOKAHEAD: usize = 1500;

/// The end of the run of terminators starting at `at`.
fn take_terminators(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(text, at) {
        // `!?.` after 。 as in 本当。.. but not the dot of `.NET` starting the next sentence.
        let dots = c == '.'
            && !text[at + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_alphanumeric());
        if is_terminator(text, at, c) || dots {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

/// The end of the run of closing brackets and quotes starting at `at`.
fn take_closers(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(text, at) {
        if is_closing(c) {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

/// Whether the text at `at` begins a new sentence after a quote that ended with a period.
fn starts_new_sentence(text: &str, at: usize) -> bool {
    match char_at(text, at) {
        None => true,
        Some(c) => is_whitespace(c) || is_opening(c),
    }
}

/// Whether the line starting at `at` starts a list item or a heading rather than continuing
/// a hard-wrapped line: a bullet (・, ●, ■, -, * …) or a number (1. 1) （1） ① 第1章) followed by a
/// space or text, or a Markdown heading or quote mark.
fn starts_block(text: &str, at: usize) -> bool {
    let line = text[at..].trim_start_matches([' ', '\t', '\u{3000}']);
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let second = chars.next();
    match first {
        // A bullet, unless doubled: ○○さん is a placeholder.
        '・' | '•' | '●' | '○' | '◎' | '◆' | '◇' | '■' | '□' | '▪' | '▶' | '►' | '※' | '☆'
        | '★' => second != Some(first),
        '-' | '*' | '+' | '#' | '>' | '|' => second.is_none_or(|c| c == ' ' || c == first),
        '①'..='⑳' | '⑴'..='⒇' | '⒈'..='⒛' | '❶'..='❿' => true,
        // 第2章, 第三節: a number and a counter of parts, not 第三者 or 第一に.
        '第' => {
            let rest = &line['第'.len_utf8()..];
            let number = rest
                .find(|c: char| !(is_digit(c) || "一二三四五六七八九十百".contains(c)))
                .unwrap_or(rest.len());
            number > 0
                && rest[number..]
                    .starts_with(['章', '節', '部', '条', '項', '編', '回', '話', '巻', '幕'])
        }
        '(' | '（' => {
            let after = &line[first.len_utf8()..];
            let inner = &after[..after.find([')', '）']).unwrap_or(after.len())];
            !inner.is_empty()
                && inner.chars().count() <= 3
                && inner
                    .chars()
                    .all(|c| is_digit(c) || c.is_ascii_alphabetic())
        }
        _ if is_digit(first) || first.is_ascii_alphabetic() => {
            // 1. 2) A.1. 10．: an enumerator of digits (or one letter) and dots, then a space or
            // a closing mark.
            let head = &line[..line
                .find(|c: char| {
                    !(is_digit(c) || c.is_ascii_alphabetic() || matches!(c, '.' | '．'))
                })
                .unwrap_or(line.len())];
            let letters = head.chars().filter(|c| c.is_ascii_alphabetic()).count();
            let rest = &line[head.len()..];
            let marked = head.ends_with(['.', '．']) || rest.starts_with([')', '）']);
            marked
                && letters <= 1
                && head.chars().any(|c| is_digit(c) || c.is_ascii_alphabetic())
                && rest
                    .trim_start_matches([')', '）'])
                    .chars()
                    .next()
                    .is_none_or(|c| c == ' ' || c == '\u{3000}' || !c.is_ascii())
        }
        _ => false,
    }
}

/// Whether the line starting at `at` is blank (only whitespace) or there is none.
fn line_is_followed_by_blank(bytes: &[u8], mut at: usize) -> bool {
    loop {
        if at >= bytes.len() {
            return true;
        }
        if bytes[at] == b'\n' {
            return true;
        }
        match whitespace_len(&bytes[at..]) {
            0 => return false,
            n => at += n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sentences;

    fn split(text: &str) -> Vec<(&str, usize)> {
        let out: Vec<_> = sentences(text)
            .map(|s| {
                assert_eq!(&text[s.range()], s.text());
                (s.text(), s.paragraph())
            })
            .collect();
        out
    }

    #[test]
    fn cases() {
        let cases: &[(&str, &[(&str, usize)])] = &[
            ("", &[]),
            ("  \n\n ", &[]),
            // A line of invisible characters is a blank line (deleting them changes nothing).
            ("『前\n\0\n後』", &[("『前", 0), ("後』", 1)]),
            ("前\n\u{200b}\u{feff}\n後", &[("前", 0), ("後", 1)]),
            ("前\u{200b}後", &[("前\u{200b}後", 0)]),
            (
                "今日は晴れ。明日は雨。",
                &[("今日は晴れ。", 0), ("明日は雨。", 0)],
            ),
            ("本当？　はい！", &[("本当？", 0), ("はい！", 0)]),
            ("本当！？うん", &[("本当！？", 0), ("うん", 0)]),
            ("「行く。」と言った。", &[("「行く。」と言った。", 0)]),
            (
                "彼は「行く。」\n次。",
                &[("彼は「行く。」", 0), ("次。", 0)],
            ),
            (
                "「行く。」「来る。」",
                &[("「行く。」", 0), ("「来る。」", 0)],
            ),
            ("そうした。」と彼。", &[("そうした。」", 0), ("と彼。", 0)]),
            (
                "（注：詳しくは後述。）本文。",
                &[("（注：詳しくは後述。）本文。", 0)],
            ),
            (
                "(最近は問題ない。)\n次の文。",
                &[("(最近は問題ない。)", 0), ("次の文。", 0)],
            ),
            (
                "一行目が\n続いて終わる。次。",
                &[("一行目が\n続いて終わる。", 0), ("次。", 0)],
            ),
            (
                "段落一。\n\n段落二。\n\n\n段落三",
                &[("段落一。", 0), ("段落二。", 1), ("段落三", 2)],
            ),
            ("見出し\n\n本文。", &[("見出し", 0), ("本文。", 1)]),
            (
                "開いた「括弧\n\n次の段落。",
                &[("開いた「括弧", 0), ("次の段落。", 1)],
            ),
            (
                "１．５倍です．次です．",
                &[("１．５倍です．", 0), ("次です．", 0)],
            ),
            ("Yahoo!ニュース", &[("Yahoo!", 0), ("ニュース", 0)]),
            ("URL は a.cgi?x=1 です。", &[("URL は a.cgi?x=1 です。", 0)]),
            ("v1.2 を使う。", &[("v1.2 を使う。", 0)]),
            ("本当?! そうか", &[("本当?!", 0), ("そうか", 0)]),
            ("CRLF。\r\n\r\n次。", &[("CRLF。", 0), ("次。", 1)]),
            ("空白\n　\n段落。", &[("空白", 0), ("段落。", 1)]),
            (
                "閉じ括弧だけ）。次。",
                &[("閉じ括弧だけ）。", 0), ("次。", 0)],
            ),
            // A list item or a heading starts its own sentence even without a blank line.
            (
                "手順\n1. 開く\n2) 閉じる",
                &[("手順", 0), ("1. 開く", 0), ("2) 閉じる", 0)],
            ),
            (
                "目次\nA.1. Debian 迷路\n・項目",
                &[("目次", 0), ("A.1. Debian 迷路", 0), ("・項目", 0)],
            ),
            (
                "概要\n# 見出し\n- 項目\n（1）一つ目\n第2章 次",
                &[
                    ("概要", 0),
                    ("# 見出し", 0),
                    ("- 項目", 0),
                    ("（1）一つ目", 0),
                    ("第2章 次", 0),
                ],
            ),
            // A short line without 。 is a line of its own (headlines, a title over its
            // text), unless it ends in mid-clause; wider lines are hard-wrapped prose.
            (
                "政府が新たな経済対策を発表\n円相場、一時150円台に\n明日の天気は晴れ",
                &[
                    ("政府が新たな経済対策を発表", 0),
                    ("円相場、一時150円台に", 0),
                    ("明日の天気は晴れ", 0),
                ],
            ),
            (
                "インストール手順\nまず設定ファイルを開いてください。",
                &[
                    ("インストール手順", 0),
                    ("まず設定ファイルを開いてください。", 0),
                ],
            ),
            (
                "この節では設定ファイルの書き方と読み込まれる順序を説明し、よくある間違い\nとその直し方を示す。",
                &[(
                    "この節では設定ファイルの書き方と読み込まれる順序を説明し、よくある間違い\nとその直し方を示す。",
                    0,
                )],
            ),
            (
                "設定を\n開いて、一覧から対象のファイルを選び、保存ボタンを押してください。",
                &[(
                    "設定を\n開いて、一覧から対象のファイルを選び、保存ボタンを押してください。",
                    0,
                )],
            ),
            ("設定、\n開く。", &[("設定、\n開く。", 0)]),
            // A wrapped line that begins with a number is not a list item.
            ("全部で\n10 個ある。", &[("全部で\n10 個ある。", 0)]),
            ("値は\n3.5 です。", &[("値は\n3.5 です。", 0)]),
        ];
        for (text, expected) in cases {
            assert_eq!(split(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn joined_lines_map_back() {
        // Lines as wide as hard-wrapped prose's, or cut in mid-clause, keep joining.
        let text = "設定を書き換えてから再起動するまでの間に使っていたコンピュー\n  タを\r\nLinux kernel で動くように設定を書き換えてから、もう一度だけ起動してみる";
        let sentence = sentences(text).next().unwrap();
        let joined = super::Joined::new(&sentence);
        assert_eq!(
            joined.text(),
            "設定を書き換えてから再起動するまでの間に使っていたコンピュータをLinux kernel で動くように設定を書き換えてから、もう一度だけ起動してみる"
        );
        for (offset, c) in joined.text().char_indices().filter(|(_, c)| *c != ' ') {
            let original = joined.to_original(offset);
            assert_eq!(text[original..].chars().next(), Some(c), "{offset}");
        }
    }

    #[test]
    fn ranges_cover_all_non_whitespace() {
        let text = "　前置き。\n\n「あ。」い\nう。えお";
        let mut covered = 0;
        for s in sentences(text) {
            covered += s
                .text()
                .chars()
                .filter(|c| !super::is_whitespace(*c))
                .count();
        }
        assert_eq!(
            covered,
            text.chars().filter(|c| !super::is_whitespace(*c)).count()
        );
    }
}
