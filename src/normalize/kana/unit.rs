//! Units: a character of a segment with the voiced marks it takes, the look-alikes a unit may
//! stand for, and where a katakana word starts.

use smallvec::SmallVec;

use super::*;
use crate::rule::Rule;
use crate::text::class::{is_halfwidth_kana, is_invisible, is_katakana_letter, voiced_mark};
use crate::text::kana::{compose, halfwidth_to_full};
use crate::text::utf8::{decode_at, decode_before, three_byte_at, visible_after};

/// A katakana word with nothing for the katakana rules: no ーー and no large vowel where a
/// small one may belong.
pub(crate) fn is_plain_katakana_word(word: &str) -> bool {
    let chars: SmallVec<[char; 32]> = word.chars().collect();
    chars
        .windows(2)
        .all(|w| !(w[0] == 'ー' && w[1] == 'ー') && small_form(w[0], w[1]).is_none())
}

/// A dash or 一 that may stand for ー in a katakana word.
pub(crate) fn long_vowel_look_alike(c: char) -> bool {
    matches!(
        c,
        '一' | '－' | '‐' | '‑' | '–' | '—' | '―' | '−' | '─' | '━' | '﹣'
    )
}

pub(super) fn kanji_look_alike(c: char) -> Option<char> {
    Some(match c {
        '力' => 'カ',
        '工' => 'エ',
        '口' => 'ロ',
        '二' => 'ニ',
        '八' => 'ハ',
        '夕' => 'タ',
        '卜' => 'ト',
        '才' => 'オ',
        '千' => 'チ',
        '三' => 'ミ',
        _ => return None,
    })
}

pub(super) fn hiragana_look_alike(c: char) -> Option<char> {
    Some(match c {
        'へ' => 'ヘ',
        'べ' => 'ベ',
        'ぺ' => 'ペ',
        'り' => 'リ',
        _ => return None,
    })
}

/// A large kana after `prev` that a loanword writes small: フアイル → ファイル.
pub(super) fn small_form(prev: char, c: char) -> Option<char> {
    let small = match c {
        'ア' => 'ァ',
        'イ' => 'ィ',
        'エ' => 'ェ',
        'オ' => 'ォ',
        'ユ' => 'ュ',
        _ => return None,
    };
    let fits = match prev {
        'フ' | 'ヴ' => matches!(c, 'ア' | 'イ' | 'エ' | 'オ'),
        'シ' | 'ジ' | 'チ' => c == 'エ',
        'テ' | 'デ' => c == 'ユ',
        _ => false,
    };
    fits.then_some(small)
}

/// A large ツ ヤ ユ ヨ after `prev` (and before `next`, for ツ) that a loanword may write
/// small: パツケージ → パッケージ, キヤンセル → キャンセル. As often a word as written (スポーツカー,
/// キヤノン, ダイヤ), so only the dictionary makes it a fix: a probe, never a suggestion.
pub(super) fn small_probe(prev: char, c: char, next: Option<char>) -> Option<char> {
    match c {
        // ッ between a letter and one that can be doubled (k, s, t, h, p, g, z, d, b, v).
        'ツ' => {
            let doubles = |n: char| {
                matches!(n, 'カ'..='ド' | 'ハ'..='ポ' | 'ヴ') && !matches!(n, 'ッ' | 'ツ')
            };
            let letter = is_katakana_letter(prev) && !matches!(prev, 'ッ' | 'ン' | 'ツ');
            (letter && next.is_some_and(doubles)).then_some('ッ')
        }
        // ャ ュ ョ after a letter of the i column.
        'ヤ' | 'ユ' | 'ヨ' => {
            let i_column = matches!(
                prev,
                'キ' | 'ギ' | 'シ' | 'ジ' | 'チ' | 'ヂ' | 'ニ' | 'ヒ' | 'ビ' | 'ピ' | 'ミ' | 'リ'
            );
            i_column.then_some(match c {
                'ヤ' => 'ャ',
                'ユ' => 'ュ',
                _ => 'ョ',
            })
        }
        _ => None,
    }
}

pub(super) type Units = SmallVec<[Unit; 32]>;

/// Decodes the unit at `pos`: one character with the voiced marks it composes with.
pub(super) fn unit_at(text: &str, pos: usize, first: bool, voiced: bool) -> Option<Unit> {
    let (c, w) = decode_at(text, pos);
    let mut u = Unit {
        start: pos,
        end: pos + w,
        orig: c,
        mapped: c,
        map_rule: None,
        kind: Kind::Letter,
        fix: [None, None],
        before_mark: false,
        probe: None,
    };
    if is_invisible(c) {
        u.kind = Kind::Invisible;
        return (!first).then_some(u);
    }
    if c == 'ｰ' {
        u.mapped = 'ー';
        u.map_rule = Some(Rule::HalfwidthKana);
        u.kind = Kind::Prolonged;
        return (!first).then_some(u);
    }
    if c == 'ー' {
        u.kind = Kind::Prolonged;
        return (!first).then_some(u);
    }
    if long_vowel_look_alike(c) {
        u.kind = Kind::LongVowelLookAlike;
        return (!first).then_some(u);
    }
    if kanji_look_alike(c).is_some() {
        u.kind = Kind::Kanji;
        u.before_mark = visible_after(text, u.end).is_some_and(|m| voiced_mark(m).is_some());
        return Some(u);
    }
    let base = if is_halfwidth_kana(c) && c != 'ﾞ' && c != 'ﾟ' && !matches!(c, '｡'..='･') {
        u.map_rule = Some(Rule::HalfwidthKana);
        halfwidth_to_full(c)
    } else if is_katakana_letter(c) || hiragana_look_alike(c).is_some() {
        c
    } else {
        return None;
    };
    u.mapped = base;
    // A voiced mark after the base, across invisible characters.
    let mut p = u.end;
    while p < text.len() {
        let (m, mw) = decode_at(text, p);
        if is_invisible(m) {
            p += mw;
            continue;
        }
        if let Some(semi) = voiced_mark(m) {
            let both_half = is_halfwidth_kana(c) && is_halfwidth_kana(m);
            // With `voiced-sound-mark` off, only ｶﾞ (a width variant of ガ) composes.
            if let Some(composed) = compose(base, semi).filter(|_| voiced || both_half) {
                u.mapped = composed;
                u.end = p + mw;
                u.map_rule = Some(if both_half {
                    Rule::HalfwidthKana
                } else {
                    Rule::VoicedSoundMark
                });
            }
        }
        break;
    }
    u.kind = if hiragana_look_alike(u.mapped).is_some() {
        Kind::Hiragana
    } else {
        Kind::Letter
    };
    Some(u)
}

/// A look-alike at `i` that ends a katakana word and that nothing after it joins: decided as
/// nothing (ファイルへ, ページ一覧, チーム力). Returns where it ends.
pub(crate) fn look_alike_ending_word(text: &str, i: usize) -> Option<usize> {
    let (c, w) = decode_at(text, i);
    // The ones with no rule at the end of a word (see `decide_look_alikes`).
    let ends_word = matches!(
        c,
        'へ' | 'べ' | 'ぺ' | '力' | '工' | '二' | '八' | '三' | '一'
    );
    (ends_word && joins_nothing_at(text, i + w)).then_some(i + w)
}

/// A hiragana or kanji look-alike at `i` that no katakana is next to: it starts a segment of
/// one, in which nothing can be decided. (A katakana before it would have taken it in.)
pub(crate) fn lone_look_alike(text: &str, i: usize) -> Option<usize> {
    let (c, w) = decode_at(text, i);
    let alone = !is_katakana_letter(c) && !is_halfwidth_kana(c) && joins_nothing_at(text, i + w);
    alone.then_some(i + w)
}

/// Whether the character at `p` (if any) cannot join a katakana segment before it.
#[inline]
pub(super) fn joins_nothing_at(text: &str, p: usize) -> bool {
    use crate::normalize::chars::{ascii_is_control, flags, F_JOINS_SEGMENT, F_SEGMENT, TABLE};
    let b = text.as_bytes();
    let (f, c) = match three_byte_at(b, p) {
        Some(u) => (
            TABLE[u as usize],
            char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER),
        ),
        None => match b.get(p) {
            None => return true,
            Some(&x) if x < 0x80 => return !ascii_is_control(x),
            Some(_) => {
                let c = decode_at(text, p).0;
                (flags(c), c)
            }
        },
    };
    f & (F_SEGMENT | F_JOINS_SEGMENT) == 0 && !is_katakana_letter(c)
}

/// The start of the katakana word that ends before `i`: the first letter of the run of
/// katakana letters, ー and invisible characters before `i`, not looking back past `floor`
/// (where the last segment ended). `None` when there is no letter.
pub(crate) fn word_start(text: &str, i: usize, floor: usize) -> Option<usize> {
    let mut p = i;
    let mut first = None;
    while p > floor {
        let (c, w) = decode_before(text, p);
        if is_katakana_letter(c) {
            first = Some(p - w);
        } else if !(c == 'ー' || is_invisible(c)) {
            break;
        }
        p -= w;
    }
    first
}

/// Whether the katakana word needs a look because of the ー or large kana `u` at byte `i`:
/// ーー, a vowel that may belong small after the letter before it, or (with the dictionary,
/// `probes`) a ツ ヤ ユ ヨ that may (see [`small_probe`]). Reads the three bytes before `i`
/// (and after it, for ツ): both are katakana, E3 82 xx or E3 83 xx, when it matters.
#[inline]
pub(crate) fn needs_word(b: &[u8], i: usize, u: u32, probes: bool) -> bool {
    let kana_at = |s: usize| match b.get(s..s + 3) {
        Some(&[0xE3, p1, p2]) => Some(0x3000 | ((p1 as u32 & 0x3F) << 6) | (p2 as u32 & 0x3F)),
        _ => None,
    };
    let Some(prev) = i.checked_sub(3).and_then(kana_at) else {
        return false;
    };
    if u == 0x30FC {
        return prev == 0x30FC;
    }
    let as_char = |u: u32| char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER);
    let (prev, c) = (as_char(prev), as_char(u));
    small_form(prev, c).is_some()
        || (probes && small_probe(prev, c, kana_at(i + 3).map(as_char)).is_some())
}
