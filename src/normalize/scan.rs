//! The scanner: one pass over the text that skips what needs no change and hands the rest to
//! the rule that owns it.

use super::chars::{
    self, ascii_is_control, flags, F_COMPAT, F_JOINS_SEGMENT, F_OTHER, F_SEGMENT, F_WORD_CHECK,
};
use super::invisible::{invisible, invisible_safety};
use super::{kana, CompatClass, Normalizer, Sink};
use crate::rule::{Rule, Safety};
use crate::text::class::{
    fullwidth_to_ascii, is_alnum, is_halfwidth_kana, is_hiragana, is_invisible, is_kanji,
    is_katakana_letter, is_space, is_symbol, voiced_mark,
};
use crate::text::kana::{compose, halfwidth_to_full, hiragana_to_katakana};
use crate::text::utf8::{
    decode_at, decode_before, decode_u32, three_byte_at, visible_after, visible_before,
};

/// Runs every enabled rule over `text`, reporting edits to `sink`.
///
/// Most text needs no change, so the loop is built around skipping: a character without a
/// flag costs one table lookup, and the common flagged cases (a katakana word with nothing to
/// fix, a lone look-alike, a lone 、 or 。, a quiet full-width symbol) are told from the bytes
/// that follow, before any handler runs. (A plain loop over characters measured faster here
/// than reading eight ASCII bytes or two kana per load.)
pub(crate) fn scan(n: &Normalizer, text: &str, sink: &mut Sink<'_>) {
    if n.is_enabled(Rule::Leader) {
        scan_with::<true>(n, text, sink)
    } else {
        scan_with::<false>(n, text, sink)
    }
}

/// The scan, compiled once with the full stop as a trigger (for `leader`) and once without.
fn scan_with<const LEADERS: bool>(n: &Normalizer, text: &str, sink: &mut Sink<'_>) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    // Where the last katakana segment ended: a later one never looks back past it.
    let mut floor = 0;
    while i < len {
        let b = bytes[i];
        if b < 0x80 {
            // Control characters and CR carry a flag in the table; the full stop is looked at
            // only for `leader`.
            if chars::TABLE[b as usize] == 0 && !(LEADERS && b == b'.') {
                i += 1;
                while let Some(&b) = bytes.get(i) {
                    if b >= 0x80 || chars::TABLE[b as usize] != 0 || (LEADERS && b == b'.') {
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            if ascii_is_control(b) {
                // Invisible, so part of a katakana word's segment when it stands in one.
                if let Some(start) = kana::word_start(text, i, floor) {
                    i = kana::segment(n, text, start, sink);
                    floor = i;
                    if sink.done() {
                        return;
                    }
                    continue;
                }
                invisible(text, i, b as char, sink);
            } else if b == b'\r' {
                if bytes.get(i + 1) != Some(&b'\n') {
                    sink.push(i..i + 1, "\n", Rule::InvisibleCharacter, Safety::Unsafe);
                }
            } else if LEADERS && b == b'.' {
                i = ascii_leader(text, i, sink);
                if sink.done() {
                    return;
                }
                continue;
            }
            i += 1;
            continue;
        }
        let (u, w) = decode_u32(bytes, i);
        let f = if u < 0x10000 {
            chars::TABLE[u as usize]
        } else {
            chars::supplementary_flags(u)
        };
        if f == 0 {
            i += w;
            continue;
        }
        // Katakana letters carry no flag. A flagged character in or after a katakana word
        // looks back for the word's start, which its segment starts at: ー and the large
        // vowels only when the letter before them asks for it (ーー, フア).
        if f & (F_SEGMENT | F_JOINS_SEGMENT | F_WORD_CHECK) != 0 {
            let checked = u == 0x30FC || f & F_WORD_CHECK != 0;
            if checked && !kana::needs_word(bytes, i, u, n.probes()) {
                i += w;
                continue;
            }
            if let Some(start) = kana::word_start(text, i, floor) {
                if !checked {
                    if let Some(end) = kana::look_alike_ending_word(text, i) {
                        i = end;
                        continue;
                    }
                }
                i = kana::segment(n, text, start, sink);
                floor = i;
                if sink.done() {
                    return;
                }
                continue;
            }
            if checked {
                i += w;
                continue;
            }
        }
        if f & F_SEGMENT != 0 {
            if let Some(end) = kana::lone_look_alike(text, i) {
                i = end;
                continue;
            }
        } else if (u == 0x3001 || u == 0x3002) && !may_continue_punctuation(bytes, i + 3)
            || needs_nothing::<LEADERS>(n, bytes, i, u as usize)
        {
            i += w;
            continue;
        }
        let c = char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER);
        i = if f & F_SEGMENT != 0 {
            let end = kana::segment(n, text, i, sink);
            floor = end;
            end
        } else if f & F_OTHER != 0 {
            other(n, text, i, c, w, sink)
        } else if f & F_COMPAT != 0 {
            compat(n, i, c, w, sink);
            i + w
        } else {
            i + w
        };
        if sink.done() {
            return;
        }
    }
}

/// Common flagged characters that need nothing where they stand, told without the handler:
/// ・ (when `leader` is off: a half-width ･ after it is handled on its own), U+3000 (when
/// `ideographic-space` is off), and a full-width symbol between two characters that are
/// neither letters, digits, spaces nor symbols (（注）, 注意！と): such a run converts nothing,
/// pairs no bracket with ASCII and repeats nothing.
#[inline(always)]
fn needs_nothing<const LEADERS: bool>(n: &Normalizer, b: &[u8], i: usize, u: usize) -> bool {
    match u {
        0x30FB => !LEADERS,
        0x3000 => !n.is_enabled(Rule::IdeographicSpace),
        0xFF01..=0xFF5D if !matches!(u, 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A) => {
            i >= 3 && quiet_three_byte(b, i - 3) && quiet_three_byte(b, i + 3)
        }
        _ => false,
    }
}

/// A three-byte character at `p` with no flag that is not a leader (… ‥, symbol-run members).
#[inline(always)]
fn quiet_three_byte(b: &[u8], p: usize) -> bool {
    three_byte_at(b, p).is_some_and(|u| chars::TABLE[u as usize] == 0 && u != 0x2025 && u != 0x2026)
}

/// Whether the character at `p` may be a voiced mark or an invisible character (which a mark
/// after it would be looked for across). Cheap and conservative: `true` sends the caller to
/// the exact handler.
#[inline(always)]
fn may_attach(b: &[u8], p: usize) -> bool {
    match b.get(p..p + 3) {
        Some(&[0xE3, 0x82, x]) => (0x99..=0x9C).contains(&x),
        Some(&[0xE2, 0x80 | 0x81, _]) | Some(&[0xEF, 0xBB | 0xBE, _]) | Some(&[0xE1, _, _]) => true,
        Some(&[x, _, _]) => ascii_is_control(x) || x == 0xC2,
        _ => b.get(p).is_some_and(|&x| ascii_is_control(x) || x == 0xC2),
    }
}

/// Whether the character at `p` may continue a run of 、 and 。 (another one, a half-width
/// one, or an invisible character).
#[inline(always)]
fn may_continue_punctuation(b: &[u8], p: usize) -> bool {
    match b.get(p..p + 3) {
        Some(&[0xE3, 0x80, 0x81 | 0x82]) | Some(&[0xEF, 0xBD, 0xA1 | 0xA4]) => true,
        _ => may_attach(b, p),
    }
}

/// A voiced mark that no katakana took: composed with the hiragana before it (across
/// invisible characters, whose edits it takes over: か゛ → が), or else left as it is, except
/// that a half-width one becomes full width.
fn voiced_mark_after(text: &str, i: usize, c: char, w: usize, sink: &mut Sink<'_>) {
    let semi = voiced_mark(c) == Some(true);
    let mut p = i;
    while p > 0 {
        let (prev, pw) = decode_before(text, p);
        p -= pw;
        if is_invisible(prev) {
            continue;
        }
        if sink.enabled(Rule::VoicedSoundMark) && is_hiragana(prev) {
            if let Some(composed) = compose(prev, semi) {
                sink.retract_from(p);
                sink.push_char(p..i + w, composed, Rule::VoicedSoundMark, Safety::Safe);
                return;
            }
        }
        break;
    }
    if matches!(c, 'ﾞ' | 'ﾟ') {
        sink.push_char(
            i..i + w,
            halfwidth_to_full(c),
            Rule::HalfwidthKana,
            Safety::Safe,
        );
    }
}

/// Characters that need the general handler.
fn other(n: &Normalizer, text: &str, i: usize, c: char, w: usize, sink: &mut Sink<'_>) -> usize {
    let range = i..i + w;
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            if !n.applies_unsafe_fixes() && is_input_leftover(text, i, c, w) {
                return i + w;
            }
            sink.push_char(
                range,
                fullwidth_to_ascii(c),
                Rule::FullwidthAscii,
                Safety::Safe,
            );
        }
        '～' | '〜' => sink.push_char(range, n.wave_dash.char(), Rule::WaveDash, Safety::Safe),
        '\u{FF01}'..='\u{FF5D}' => return symbol_run(n, text, i, sink),
        '、' | '。' | '｡' | '､' => return punctuation_run(text, i, sink),
        '・' | '･' => return middle_dots(text, i, sink),
        'ﾞ' | 'ﾟ' | '\u{3099}'..='\u{309C}' => voiced_mark_after(text, i, c, w, sink),
        '｢' | '｣' | 'ｰ' => {
            sink.push_char(
                range,
                halfwidth_to_full(c),
                Rule::HalfwidthKana,
                Safety::Safe,
            );
        }
        '\u{3000}' => sink.push(range, " ", Rule::IdeographicSpace, Safety::Safe),
        'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'ゔ' => hiragana_loanword(n, text, i, c, w, sink),
        // NFKC leaves the few that are not radicals (`None`).
        '\u{2E80}'..='\u{2FDF}' => {
            if let Some(nfkc) = crate::text::unicode::nfkc(c) {
                sink.push_first_pass(range, nfkc, Rule::KangxiRadical);
            }
        }
        _ if is_invisible(c) => invisible(text, i, c, sink),
        _ => {
            if flags(c) & F_COMPAT != 0 {
                compat(n, i, c, w, sink);
            }
        }
    }
    i + w
}

/// A lone full-width letter right after hiragana and before no word (`かもしれませｎ。`): a
/// keystroke the input method did not convert (ん typed as n), not a word. Making it ASCII would keep the typo and
/// hide it; it is left for the writer.
fn is_input_leftover(text: &str, i: usize, c: char, w: usize) -> bool {
    // Right before it, a hiragana letter that no rule changes (a look-alike or a small vowel
    // may become katakana), and right after it the end of a phrase: the decision must not
    // depend on what other rules change, so that a second pass decides the same way.
    let before = (i > 0).then(|| decode_before(text, i).0).is_some_and(|b| {
        matches!(b, 'ぁ'..='ゖ')
            && !matches!(
                b,
                'へ' | 'べ' | 'ぺ' | 'り' | 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'ゔ'
            )
    });
    // (Invisible characters are passed over: one pass may delete a 、 before a joiner that
    // stays, and the next pass must see the same end.)
    let phrase_ends = visible_after(text, i + w).is_none_or(|a| {
        matches!(
            a,
            '。' | '、'
                | '｡'
                | '､'
                | '．'
                | '，'
                | '.'
                | ','
                | '！'
                | '？'
                | '!'
                | '?'
                | '」'
                | '』'
                | '）'
                | ')'
                | '\n'
                | '\r'
                | ' '
                | '\u{3000}'
        )
    });
    !matches!(c, '\u{FF10}'..='\u{FF19}') && before && phrase_ends
}

/// A small vowel (or ゔ) that makes a sound only loanwords have (ふぁ, てぃ, でぃ, うぃ, しぇ,
/// ゔ…): the hiragana word around it is suggested in katakana (でぃぷしーく → ディプシーク).
/// The word is the run of hiragana and ー around it; with the dictionary, only the unknown
/// words of that run next to the sound (so a particle after it stays hiragana). Nothing is
/// suggested when the run holds a voiced mark or an invisible character (their own rules edit
/// inside it), or when the dictionary knows the word as written.
fn hiragana_loanword(n: &Normalizer, text: &str, i: usize, c: char, w: usize, sink: &mut Sink<'_>) {
    if !sink.enabled(Rule::HiraganaLoanword) {
        return;
    }
    // The kana before the vowel as it will read: across invisible characters, and composed
    // with a voiced mark (う゛ぁ is ゔぁ).
    let prev = visible_before(text, i).map(|p| match voiced_mark(p) {
        Some(semi) => {
            let at = text[..i].rfind(p).unwrap_or(0);
            visible_before(text, at)
                .and_then(|base| compose(base, semi))
                .unwrap_or(p)
        }
        None => p,
    });
    let loan_sound = c != 'ゔ'
        && prev.is_some_and(|p| match c {
            'ぁ' => matches!(p, 'ふ' | 'つ' | 'ゔ'),
            'ぃ' => matches!(p, 'ふ' | 'て' | 'で' | 'う' | 'つ' | 'ゔ'),
            'ぅ' => matches!(p, 'と' | 'ど' | 'ゔ'),
            'ぇ' => matches!(p, 'ふ' | 'う' | 'し' | 'じ' | 'ち' | 'つ' | 'い' | 'ゔ'),
            _ => matches!(p, 'ふ' | 'う' | 'つ' | 'ゔ'),
        });
    if !loan_sound {
        return;
    }
    let in_word = |c: char| matches!(c, '\u{3041}'..='\u{3096}' | 'ー');
    // Marks and invisible characters in the word are fixed by their own rules first: the
    // word is judged after them, in a late pass (see `Normalizer::normalize`).
    let fixed_first = |c: char| voiced_mark(c).is_some() || is_invisible(c) || c == 'ｰ';
    let near = |c: char| in_word(c) || fixed_first(c);
    let (mut a, mut b) = (i, i + w);
    while a > 0 && near(decode_before(text, a).0) {
        a -= decode_before(text, a).1;
    }
    while b < text.len() && near(decode_at(text, b).0) {
        b += decode_at(text, b).1;
    }
    if text[a..b].chars().any(fixed_first) {
        sink.needs_late_pass = true;
        return;
    }
    let mut start = i;
    while start > 0 {
        let (p, pw) = decode_before(text, start);
        if !in_word(p) {
            break;
        }
        start -= pw;
    }
    let mut end = i + w;
    while end < text.len() {
        let (p, pw) = decode_at(text, end);
        if !in_word(p) {
            break;
        }
        end += pw;
    }
    let sound = (i > 0)
        .then(|| decode_before(text, i))
        .map_or(i, |(_, pw)| i - pw)..i + w;
    #[cfg(feature = "morphology")]
    let analyzer = n.check_words.then(|| super::words::analyzer(n)).flatten();
    #[cfg(feature = "morphology")]
    let (start, end) = if let Some(analyzer) = analyzer {
        let run = start..end;
        let local = sound.start - run.start..sound.end - run.start;
        match super::words::loanword_span(analyzer, &text[run.clone()], local) {
            Some(span) => without_trailing_particle(
                text,
                sound.end,
                run.start + span.start,
                run.start + span.end,
            ),
            None => return,
        }
    } else {
        without_trailing_particle(text, sound.end, start, end)
    };
    #[cfg(not(feature = "morphology"))]
    let (start, end) = {
        let _ = n;
        without_trailing_particle(text, sound.end, start, end)
    };
    if !sink.free_from(start) {
        return;
    }
    let katakana = hiragana_to_katakana(&text[start..end]);
    // The katakana word must be one the katakana rules leave alone, next to nothing they look
    // at, so that taking the suggestion leaves nothing for a second pass.
    // (ASCII `-` counts like the － that `fullwidth-ascii` may make it.)
    let quiet = |c: Option<char>| {
        c.is_none_or(|c| {
            c != '-'
                && flags(c) & (F_SEGMENT | chars::F_JOINS_SEGMENT) == 0
                && !is_katakana_letter(c)
                && !kana::long_vowel_look_alike(c)
        })
    };
    let edges_quiet = quiet((start > 0).then(|| decode_before(text, start).0))
        && quiet((end < text.len()).then(|| decode_at(text, end).0));
    if !edges_quiet || !kana::is_plain_katakana_word(&katakana) {
        return;
    }
    sink.push(
        start..end,
        &katakana,
        Rule::HiraganaLoanword,
        Safety::Unsafe,
    );
}

/// The run less one particle (or the な of a 形容動詞) at its end (ふぁいるを → ふぁいる,
/// あでぃしょなるな → あでぃしょなる).
fn without_trailing_particle(text: &str, after: usize, start: usize, end: usize) -> (usize, usize) {
    match text[after..end].chars().next_back() {
        Some(p @ ('を' | 'は' | 'が' | 'に' | 'で' | 'と' | 'の' | 'へ' | 'も' | 'や' | 'な')) => {
            (start, end - p.len_utf8())
        }
        _ => (start, end),
    }
}

/// NFKC for a compatibility character of an enabled class.
fn compat(n: &Normalizer, i: usize, c: char, w: usize, sink: &mut Sink<'_>) {
    if CompatClass::of(c).is_some_and(|class| n.compat_enabled(class)) {
        // `None` when NFKC leaves `c` as it is.
        if let Some(nfkc) = crate::text::unicode::nfkc(c) {
            sink.push_first_pass(i..i + w, nfkc, Rule::Compatibility);
        }
    }
}

/// The class of a symbol run's neighbour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Alnum,
    /// Whitespace, a line break or the edge of the text.
    Space,
    Other,
}

fn side_of(c: Option<char>) -> Side {
    match c {
        None => Side::Space,
        Some(c) if is_alnum(c) => Side::Alnum,
        Some(c) if is_space(c) || c == '\n' || c == '\r' => Side::Space,
        Some(_) => Side::Other,
    }
}

/// A run of ASCII punctuation and full-width symbols, starting at the full-width symbol at `i`.
///
/// Full-width symbols become ASCII by the run's neighbours, so that a run is decided as one:
/// symbols that only ASCII uses (＃ ％ ＆ ＠ － ／ …) when a letter or digit is next to the run
/// (１００％ → 100%, ＡＢＣ－１２３ → ABC-123, but ＃タグ stays); the ones Japanese writes in
/// full width (！ ？ （ ） ： ； ， ． ［ ］ ｛ ｝) only when the run sits between letters or
/// digits and spaces (ｆ（ｘ） → f(x), but 変数（ｘ）を keeps its brackets).
fn symbol_run(n: &Normalizer, text: &str, i: usize, sink: &mut Sink<'_>) -> usize {
    let member = |c: char| is_symbol(c) || is_invisible(c);
    let mut p = i;
    let left = loop {
        if p == 0 {
            break None;
        }
        let (c, w) = decode_before(text, p);
        if !member(c) {
            break Some(c);
        }
        p -= w;
    };
    let mut end = i;
    let right = loop {
        if end >= text.len() {
            break None;
        }
        let (c, w) = decode_at(text, end);
        if !member(c) {
            break Some(c);
        }
        end += w;
    };
    let (l, r) = (side_of(left), side_of(right));
    let ascii_only = l == Side::Alnum || r == Side::Alnum;
    let japanese = ascii_only && l != Side::Other && r != Side::Other;
    let mut prev_kept: Option<char> = None;
    let mut p = i;
    while p < end {
        let (c, w) = decode_at(text, p);
        let range = p..p + w;
        p += w;
        if is_invisible(c) {
            invisible(text, range.start, c, sink);
            continue;
        }
        if c.is_ascii() {
            prev_kept = None;
            if c == '.' && sink.enabled(Rule::Leader) {
                p = ascii_leader(text, range.start, sink);
            }
            continue;
        }
        if matches!(c, '・' | '･') {
            prev_kept = None;
            p = middle_dots(text, range.start, sink);
            continue;
        }
        if !matches!(c, '\u{FF01}'..='\u{FF5D}') {
            prev_kept = None;
            continue;
        }
        let convert = if matches!(c, '（' | '）' | '［' | '］' | '｛' | '｝') {
            sink.partner(range.start)
                .is_some_and(|partner| bracket_pair(text, range.start, partner))
        } else if matches!(c, '！' | '？' | '：' | '；' | '，' | '．') {
            japanese
        } else {
            ascii_only
        };
        if convert && sink.enabled(Rule::FullwidthAscii) {
            sink.push_char(
                range,
                fullwidth_to_ascii(c),
                Rule::FullwidthAscii,
                Safety::Safe,
            );
            prev_kept = None;
            continue;
        }
        let duplicate = prev_kept == Some(c)
            && (matches!(c, '，' | '．') || (n.collapse_exclamations && matches!(c, '！' | '？')));
        if duplicate {
            sink.push(range, "", Rule::DuplicatedPunctuation, Safety::Safe);
        } else {
            prev_kept = Some(c);
        }
    }
    end
}

/// Whether the full-width bracket at `pos`, paired with the bracket at `partner` (either
/// width), becomes ASCII. A pair is one unit: both brackets are decided by the same test, so
/// both change or neither does. They do when the pair holds only letters, digits, symbols and
/// spaces, on one line, and what stands outside it is a letter or digit on one side and a
/// letter, digit, space or symbol on the other: `ｆ（ｘ）` → `f(x)`, but `（１）はじめに`,
/// `変数（ｘ）を` and `Rollup（Vite が使う）` keep both brackets. A bracket without a partner
/// is left as it is: changing it could not make a pair, only break one the reader sees.
fn bracket_pair(text: &str, pos: usize, partner: usize) -> bool {
    /// A pair's content is looked at up to this many bytes: a longer one is not code.
    const MAX_CONTENT: usize = 256;
    let (open, close) = (pos.min(partner), pos.max(partner));
    let close_end = close + decode_at(text, close).1;
    let open_end = open + decode_at(text, open).1;
    if close - open_end > MAX_CONTENT {
        return false;
    }
    let content = |c: char| is_alnum(c) || is_symbol(c) || is_space(c) || is_invisible(c);
    let inside = &text[open_end..close];
    if !inside.chars().all(content) {
        return false;
    }
    // Words of a language, not code: a gloss (`DOM（Document Object Model）`) keeps the
    // brackets the Japanese text around it uses.
    let words = inside
        .split(|c: char| is_space(c) || c == ',' || c == '，')
        .filter(|w| {
            w.chars()
                .filter(|&c| is_alnum(c) && !c.is_ascii_digit())
                .count()
                >= 2
        })
        .count();
    if words >= 2 {
        return false;
    }
    let side = |x: Option<char>| match x {
        None => Side::Space,
        Some(x) if is_alnum(x) => Side::Alnum,
        Some(x) if is_space(x) || x == '\n' || x == '\r' || is_symbol(x) => Side::Space,
        Some(_) => Side::Other,
    };
    let (l, r) = (
        side(visible_before(text, open)),
        side(visible_after(text, close_end)),
    );
    l != Side::Other && r != Side::Other && (l == Side::Alnum || r == Side::Alnum)
}

/// A run of 、 and 。 (full or half width, across invisible characters): one is kept, the
/// first 。 if there is one, else the first 、. Three or more of one mark are an ellipsis, and
/// are left alone.
fn punctuation_run(text: &str, i: usize, sink: &mut Sink<'_>) -> usize {
    let is_mark = |c: char| matches!(c, '、' | '。' | '｡' | '､');
    let mut end = i;
    let mut p = i;
    let mut keep = None;
    let mut first_stop = None;
    // The marks of the run, folded to full width, and whether they are all the same.
    let fold = |c: char| {
        if matches!(c, '。' | '｡') {
            '。'
        } else {
            '、'
        }
    };
    let (mut marks, mut first_mark, mut same) = (0usize, None, true);
    while p < text.len() {
        let (c, w) = decode_at(text, p);
        if is_mark(c) {
            marks += 1;
            same &= *first_mark.get_or_insert(fold(c)) == fold(c);
            keep.get_or_insert(p);
            if first_stop.is_none() && matches!(c, '。' | '｡') {
                first_stop = Some(p);
            }
            end = p + w;
        } else if !is_invisible(c) {
            break;
        }
        p += w;
    }
    // Three or more of one mark (。。。, 、、、) are an ellipsis written on purpose, not a
    // keystroke typed twice.
    let dedupe = sink.enabled(Rule::DuplicatedPunctuation) && !(same && marks >= 3);
    let keep = first_stop.or(keep).unwrap_or(i);
    let mut p = i;
    while p < end {
        let (c, w) = decode_at(text, p);
        let range = p..p + w;
        if is_invisible(c) {
            invisible(text, p, c, sink);
        } else if p == keep || !dedupe {
            if matches!(c, '｡' | '､') {
                sink.push_char(
                    range,
                    halfwidth_to_full(c),
                    Rule::HalfwidthKana,
                    Safety::Safe,
                );
            }
        } else {
            sink.push(range, "", Rule::DuplicatedPunctuation, Safety::Safe);
        }
        p += w;
    }
    end
}

/// ・ and ･: half-width ones to full width, and with `leader` on, three or more in a row
/// suggested as …….
fn middle_dots(text: &str, i: usize, sink: &mut Sink<'_>) -> usize {
    let (end, count) = dot_run(text, i, |c| matches!(c, '・' | '･'));
    leader_run(text, i, end, count >= 3, sink)
}

/// Three or more ASCII full stops next to Japanese text, suggested as …….
fn ascii_leader(text: &str, i: usize, sink: &mut Sink<'_>) -> usize {
    let (end, count) = dot_run(text, i, |c| c == '.');
    // Classes that normalizing does not change, so a second pass decides the same way.
    let japanese = |c: Option<char>| {
        c.is_some_and(|c| {
            is_hiragana(c)
                || is_kanji(c)
                || is_katakana_letter(c)
                || is_halfwidth_kana(c)
                || matches!(c, 'ー' | '、' | '。' | '「' | '」')
        })
    };
    let beside_japanese = japanese(visible_before(text, i)) || japanese(visible_after(text, end));
    leader_run(text, i, end, count >= 3 && beside_japanese, sink)
}

/// The end of a run of dots starting at `i` (across invisible characters, ending on a dot)
/// and the number of dots in it.
fn dot_run(text: &str, i: usize, is_dot: impl Fn(char) -> bool) -> (usize, usize) {
    let (mut p, mut end, mut count) = (i, i, 0);
    while p < text.len() {
        let (c, w) = decode_at(text, p);
        p += w;
        if is_dot(c) {
            count += 1;
            end = p;
        } else if !is_invisible(c) {
            break;
        }
    }
    (end, count)
}

/// The dots in `i..end`: a leader suggestion when `leader`, else (or when not taken) the
/// half-width ones to full width and the invisible characters among them removed.
fn leader_run(text: &str, i: usize, end: usize, leader: bool, sink: &mut Sink<'_>) -> usize {
    let suggested = leader && sink.enabled(Rule::Leader);
    if suggested {
        sink.push(i..end, "……", Rule::Leader, Safety::Unsafe);
        if sink.applies(Safety::Unsafe) {
            return end;
        }
    }
    let mut p = i;
    while p < end {
        let (c, w) = decode_at(text, p);
        if c == '･' {
            sink.push_char(p..p + w, '・', Rule::HalfwidthKana, Safety::Safe);
        } else if is_invisible(c) {
            // Suggestions never overlap: inside the leader's, only safe removals.
            match invisible_safety(text, p, c) {
                Some(Safety::Unsafe) if suggested => {}
                Some(safety) => sink.push(p..p + w, "", Rule::InvisibleCharacter, safety),
                None => {}
            }
        }
        p += w;
    }
    end
}
