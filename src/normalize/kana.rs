//! Katakana segments: the long vowel mark, kana typos and small kana, decided with the
//! neighbouring characters of a word.
//!
//! A segment is a run of katakana letters (full or half width, with their voiced marks), long
//! vowel marks and the characters typed by mistake for them (dashes and 一 for ー; hiragana
//! へ べ ぺ り; kanji 力 工 口 二 八 夕 卜 才 千 三). Invisible characters inside it are
//! transparent. Each look-alike is judged from its neighbours, where a look-alike counts as
//! the katakana it may stand for and a chain of dashes counts as ー only when it is converted.
//! Because a fix turns a character into exactly the class it was already judged as, a second
//! pass sees the same neighbours and decides the same way: normalizing is idempotent.
//!
//! Every decision is made twice, once with safe fixes only and once with unsafe fixes too; the
//! difference between the two is what is suggested.

use smallvec::SmallVec;

use super::chars::{
    halfwidth_to_full, is_alnum, is_halfwidth_kana, is_invisible, is_katakana_letter,
    is_phrase_boundary, is_small_katakana, is_space, is_symbol, voiced_mark,
};
use super::scan::{self, decode_at, decode_before};
use super::voiced::compose;
use super::{Normalizer, Sink};
use crate::rule::{Rule, Safety};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A katakana letter.
    Letter,
    /// ー, or ｰ.
    Prolonged,
    /// A dash or 一 that may stand for ー.
    LongVowelLookAlike,
    /// Hiragana へ べ ぺ り.
    Hiragana,
    /// Kanji 力 工 口 二 八 夕 卜 才 千 三.
    Kanji,
    /// Transparent to the rules; removed by `invisible-character`.
    Invisible,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Out {
    Char(char),
    Delete,
}

#[derive(Debug, Clone, Copy)]
struct Fix {
    out: Out,
    rule: Rule,
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    orig: char,
    /// After width and voiced-mark mapping.
    mapped: char,
    map_rule: Option<Rule>,
    kind: Kind,
    /// The fix with safe fixes only, and with unsafe fixes too.
    fix: [Option<Fix>; 2],
    /// A kanji look-alike right before a voiced mark (夕゛): left as it is, since the katakana
    /// it stands for would take the mark on a second pass (ダ).
    before_mark: bool,
    /// A katakana this look-alike may stand for where the rules suggest nothing, because the
    /// neighbours make a real word as likely (よりスムーズ, 外部へアクセス, バイト数 with 卜):
    /// only the dictionary, reading the words around it, can make it a fix.
    probe: Option<char>,
}

/// What precedes a segment, for hiragana that may be a particle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    /// Start of text, a line break, clause punctuation or an opening bracket.
    Boundary,
    /// A space, or the particle の (after which へ is hardly a particle): a suggestion.
    Weak,
    /// A kanji: a kanji look-alike after it is most likely part of a compound (入力, 加工).
    Kanji,
    Other,
}

/// The class of a neighbour inside a segment, in one mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A katakana letter or a look-alike that may stand for one.
    Letter { small: bool },
    /// ー (or a dash converted to it in this mode).
    Prolonged,
    /// A dash that stays a dash, or nothing (the segment's edge).
    Other,
}

impl Class {
    fn is_letter(self) -> bool {
        matches!(self, Class::Letter { .. })
    }
    fn is_kana(self) -> bool {
        self != Class::Other
    }
    /// A word cannot start with this: the look-alike before it belongs to the word.
    fn is_tight(self) -> bool {
        matches!(self, Class::Prolonged | Class::Letter { small: true })
    }
}

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

fn kanji_look_alike(c: char) -> Option<char> {
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

fn hiragana_look_alike(c: char) -> Option<char> {
    Some(match c {
        'へ' => 'ヘ',
        'べ' => 'ベ',
        'ぺ' => 'ペ',
        'り' => 'リ',
        _ => return None,
    })
}

/// A large kana after `prev` that a loanword writes small: フアイル → ファイル.
fn small_form(prev: char, c: char) -> Option<char> {
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

type Units = SmallVec<[Unit; 32]>;

/// Decodes the unit at `pos`: one character with the voiced marks it composes with.
fn unit_at(text: &str, pos: usize, first: bool, voiced: bool) -> Option<Unit> {
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
        u.before_mark = scan::visible_after(text, u.end).is_some_and(|m| voiced_mark(m).is_some());
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
fn joins_nothing_at(text: &str, p: usize) -> bool {
    use super::chars::{ascii_is_control, flags, F_JOINS_SEGMENT, F_SEGMENT, TABLE};
    let b = text.as_bytes();
    let (f, c) = match b.get(p..p + 3) {
        Some(&[b0 @ 0xE0..=0xEF, b1, b2]) => {
            let u = ((b0 as u32 & 0x0F) << 12) | ((b1 as u32 & 0x3F) << 6) | (b2 as u32 & 0x3F);
            (
                TABLE[u as usize],
                char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER),
            )
        }
        _ => match b.get(p) {
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

/// Whether the katakana word needs a look because of the ー or large vowel `u` at byte `i`:
/// ーー, or a vowel that may belong small after the letter before it. Reads the three bytes
/// before `i`: both are katakana, E3 82 xx or E3 83 xx, when it matters.
#[inline]
pub(crate) fn needs_word(b: &[u8], i: usize, u: u32) -> bool {
    let Some(&[0xE3, p1, p2]) = i.checked_sub(3).and_then(|s| b.get(s..i)) else {
        return false;
    };
    let prev = 0x3000 | ((p1 as u32 & 0x3F) << 6) | (p2 as u32 & 0x3F);
    if u == 0x30FC {
        prev == 0x30FC
    } else {
        let as_char = |u: u32| char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER);
        small_form(as_char(prev), as_char(u)).is_some()
    }
}

/// Segments longer than this many units are decided in chunks, each cut between plain
/// letters where no decision looks across the cut, so memory stays bounded on any input.
const CHUNK: usize = 256;

/// Handles the segment starting at `start` and returns where it ends.
pub(crate) fn segment(n: &Normalizer, text: &str, start: usize, sink: &mut Sink<'_>) -> usize {
    let mut units: Units = SmallVec::new();
    let voiced = n.is_enabled(Rule::VoicedSoundMark);
    let mut pos = start;
    let mut needs_work = false;
    let mut has_letter = false;
    let mut prev_kind = None;
    let mut before = None;
    while pos < text.len() {
        let Some(u) = unit_at(text, pos, units.is_empty(), voiced) else {
            break;
        };
        needs_work |= u.map_rule.is_some()
            || matches!(
                u.kind,
                Kind::LongVowelLookAlike | Kind::Hiragana | Kind::Kanji | Kind::Invisible
            )
            || (u.kind == Kind::Prolonged && prev_kind == Some(Kind::Prolonged));
        if u.kind == Kind::Letter {
            has_letter = true;
            if let Some(prev) = units.last() {
                needs_work |=
                    prev.kind == Kind::Letter && small_form(prev.mapped, u.mapped).is_some();
            }
        }
        if u.kind != Kind::Invisible {
            prev_kind = Some(u.kind);
        }
        pos = u.end;
        units.push(u);
        if units.len() >= CHUNK && ends_in_plain_letters(&units) {
            // Units before `m` are decided and emitted; `m` is their right neighbour here
            // and is decided with the next chunk.
            let m = units.len() - 2;
            let before = *before.get_or_insert_with(|| before_class(text, start));
            if needs_work {
                let keep = decide(n, text, &mut units[..=m], true, before, false);
                if keep <= m {
                    return finish(n, text, &mut units, keep, sink);
                }
                emit(n, text, &units[..m], sink);
            }
            units.drain(..m);
            for u in units.iter_mut() {
                u.fix = [None, None];
                u.probe = None;
            }
            needs_work = units.iter().any(|u| u.map_rule.is_some());
        }
    }
    while units.last().is_some_and(|u| u.kind == Kind::Invisible) {
        units.pop();
    }
    if !needs_work {
        return units.last().map_or(start, |u| u.end);
    }
    let before = before.unwrap_or_else(|| before_class(text, start));
    let keep = decide(n, text, &mut units, has_letter, before, true);
    finish(n, text, &mut units, keep, sink)
}

/// The last three units are letters with no small-kana pair between them.
fn ends_in_plain_letters(units: &[Unit]) -> bool {
    let t = &units[units.len() - 3..];
    t.iter().all(|u| u.kind == Kind::Letter)
        && small_form(t[0].mapped, t[1].mapped).is_none()
        && small_form(t[1].mapped, t[2].mapped).is_none()
}

/// Emits the first `keep` units (less trailing invisible ones) and returns where they end.
fn finish(
    n: &Normalizer,
    text: &str,
    units: &mut Units,
    keep: usize,
    sink: &mut Sink<'_>,
) -> usize {
    units.truncate(keep);
    while units.last().is_some_and(|u| u.kind == Kind::Invisible) {
        units.pop();
    }
    emit(n, text, units, sink);
    units.last().map_or(0, |u| u.end)
}

/// Decides every unit in both modes and returns how many units belong to the segment: it
/// ends before a chain of look-alikes that stays as it is even with unsafe fixes.
fn decide(
    n: &Normalizer,
    text: &str,
    units: &mut [Unit],
    has_letter: bool,
    before: Before,
    whole: bool,
) -> usize {
    if !has_letter {
        return units.len();
    }
    let end = units.last().map_or(0, |u| u.end);
    decide_chains(n, units, 1, after_is_word_end(text, end));
    let keep = match first_dead_chain(units) {
        Some(cut) => {
            for u in units.iter_mut() {
                u.fix = [None, None];
                u.probe = None;
            }
            let mut last = cut;
            while last > 0 && units[last - 1].kind == Kind::Invisible {
                last -= 1;
            }
            let end = units[last - 1].end;
            let units = &mut units[..cut];
            decide_chains(n, units, 1, after_is_word_end(text, end));
            cut
        }
        None => units.len(),
    };
    let units = &mut units[..keep];
    decide_chains(n, units, 0, after_is_word_end(text, end_of(units)));
    // A look-alike that ends the segment before a kanji starts a kanji compound (口語, 夕食).
    let kanji_follows =
        scan::visible_after(text, end_of(units)).is_some_and(super::chars::is_kanji);
    for mode in 0..2 {
        decide_look_alikes(n, units, mode, before, kanji_follows);
    }
    if n.is_enabled(Rule::SmallKana) {
        decide_small_kana(units);
    }
    #[cfg(feature = "morphology")]
    if whole && n.check_words {
        if let Some(analyzer) = super::words::analyzer(n) {
            confirm_with_dictionary(analyzer, text, units, n.unsafe_fixes);
        }
    }
    #[cfg(not(feature = "morphology"))]
    let _ = whole;
    keep
}

/// Makes suggestions of the kana typo rules safe where the dictionary confirms them, in two
/// ways.
///
/// Across the segment: with every suggestion taken the segment reads as known words, as
/// written it does not, and the word that holds the fix is a katakana word of two characters
/// or more that is not itself a word as written. `力メラ` → `カメラ`, `オンラインへルプ` →
/// `オンラインヘルプ`; but `データベースへアクセス` reads as words as written, and
/// `チームカアップ` would need a one-letter word.
///
/// Look-alike by look-alike, with the words around the segment (see [`confirm_in_context`]):
/// this also decides the probes, and the typos that read as words (`リス卜` is リス + 卜) or
/// that sit in a compound with an unknown word.
///
/// A second pass sees the same segment with the same suggestions taken, so it decides the
/// same way: confirmed fixes are made, and what stayed a suggestion stays one.
#[cfg(feature = "morphology")]
fn confirm_with_dictionary(
    analyzer: &crate::morphology::Analyzer,
    text: &str,
    units: &mut [Unit],
    unsafe_fixes: bool,
) {
    const RULES: [Rule; 3] = [
        Rule::HiraganaInKatakana,
        Rule::KanjiInKatakana,
        Rule::SmallKana,
    ];
    /// Longer runs are not words; the check is for the typos inside one.
    const MAX_UNITS: usize = 64;
    let candidate =
        |u: &Unit| u.fix[1].is_some_and(|f| RULES.contains(&f.rule)) && value(u, 0) != value(u, 1);
    let probed = |u: &Unit| candidate(u) || u.probe.is_some();
    if !units.iter().any(probed) || visible(units).count() > MAX_UNITS {
        return;
    }
    // Until neither way confirms more: a second pass finds every confirmed fix made, so the
    // last round must have read the segment that way too.
    loop {
        confirm_in_context(analyzer, text, units, unsafe_fixes);
        if !units.iter().any(candidate) {
            return;
        }
        let (safe, all, at) = spell(units);
        if !analyzer.has_unknown_word(&safe)
            || !confirm_segment(analyzer, units, &safe, &all, &at, candidate)
        {
            return;
        }
    }
}

/// Where each unit is in the spellings of [`spell`]: its start as written, and its range
/// with every suggestion taken.
#[cfg(feature = "morphology")]
type Spots = SmallVec<[(usize, usize, usize); 32]>;

/// The segment as written (with the safe fixes) and with every suggestion taken, and where
/// each unit is in both.
#[cfg(feature = "morphology")]
fn spell(units: &[Unit]) -> (String, String, Spots) {
    let (mut safe, mut all) = (String::new(), String::new());
    let mut at = Spots::new();
    for u in units.iter() {
        if u.kind == Kind::Invisible {
            at.push((safe.len(), all.len(), all.len()));
            continue;
        }
        let start = (safe.len(), all.len());
        safe.extend(value(u, 0));
        // A probe is no suggestion: it is read as written until the context confirms it.
        all.extend(if u.fix[1].is_none() && u.probe.is_some() {
            value(u, 0)
        } else {
            value(u, 1)
        });
        at.push((start.0, start.1, all.len()));
    }
    (safe, all, at)
}

/// The value of a unit in `mode` (0: safe fixes, 1: every suggestion and probe taken).
#[cfg(feature = "morphology")]
fn value(u: &Unit, mode: usize) -> Option<char> {
    match u.fix[mode] {
        Some(Fix {
            out: Out::Char(c), ..
        }) => Some(c),
        Some(Fix {
            out: Out::Delete, ..
        }) => None,
        None if mode == 1 && u.probe.is_some() => u.probe,
        None => Some(if u.map_rule.is_some() {
            u.mapped
        } else {
            u.orig
        }),
    }
}

#[cfg(feature = "morphology")]
fn confirm_segment(
    analyzer: &crate::morphology::Analyzer,
    units: &mut [Unit],
    safe: &str,
    all: &str,
    at: &[(usize, usize, usize)],
    candidate: impl Fn(&Unit) -> bool,
) -> bool {
    let tokens = analyzer.analyze(all);
    if tokens.iter().any(|t| t.is_unknown()) {
        return false;
    }
    let mut confirmed = false;
    for token in &tokens {
        let range = token.range();
        let katakana = token
            .surface()
            .chars()
            .all(|c| c == 'ー' || is_katakana_letter(c));
        if token.surface().chars().nth(1).is_none() || !katakana {
            continue;
        }
        let inside: SmallVec<[usize; 16]> = (0..units.len())
            .filter(|&i| at[i].1 >= range.start && at[i].2 <= range.end && at[i].1 < at[i].2)
            .collect();
        let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
            continue;
        };
        let as_written =
            &safe[at[first].0..at[last].0 + value(&units[last], 0).map_or(0, char::len_utf8)];
        if !inside.iter().any(|&i| candidate(&units[i])) || analyzer.is_known_word(as_written) {
            continue;
        }
        for &i in &inside {
            if candidate(&units[i]) {
                units[i].fix[0] = units[i].fix[1];
                confirmed = true;
            }
        }
    }
    confirmed
}

/// How much cheaper (in IPADIC's costs) the passage must read with a look-alike made katakana
/// than as written for the fix to be made. Injected typos read thousands cheaper once fixed;
/// a particle or a kanji that belongs where it is reads dearer or barely cheaper.
#[cfg(feature = "morphology")]
const CONTEXT_GAIN: i64 = 2000;

/// Characters of context read on each side of the segment.
#[cfg(feature = "morphology")]
const CONTEXT_CHARS: usize = 4;

/// Confirms each suggested or probed hiragana or kanji look-alike by the words around it: the
/// segment with the hiragana and kanji next to it is read as written (with the safe fixes),
/// and with this one look-alike made katakana. The fix is made when the katakana word that
/// holds it is a known word of two characters or more that is no word as written, that word
/// starts and ends where words start and end as written (not ヘリ in `へリダイレクト`, which
/// reads as へ + リダイレクト), and the passage reads much cheaper fixed ([`CONTEXT_GAIN`]).
/// `のりスト` → `のリスト`, `バイ卜数` → `バイト数`; but `よりスムーズ` (リスムーズ is no
/// word), `外部へアクセス` (ヘア + クセス).
///
/// A second pass must read the same passages as the last round: the context is only hiragana
/// and kanji that no rule changes, read with invisible characters skipped and voiced marks
/// composed; the other look-alikes are read as the output shows them (with every suggestion
/// made when unsafe fixes are on); and the look-alikes are judged again with the confirmed
/// ones made katakana until no more is confirmed.
#[cfg(feature = "morphology")]
fn confirm_in_context(
    analyzer: &crate::morphology::Analyzer,
    text: &str,
    units: &mut [Unit],
    unsafe_fixes: bool,
) {
    let open = |u: &Unit| {
        matches!(u.kind, Kind::Hiragana | Kind::Kanji)
            && value(u, 0) != value(u, 1)
            && (u.probe.is_some()
                || u.fix[1].is_some_and(|f| {
                    matches!(f.rule, Rule::HiraganaInKatakana | Rule::KanjiInKatakana)
                }))
    };
    if !units.iter().any(open) {
        return;
    }
    let (mut before, mut after) = (String::new(), String::new());
    context_before(text, units.first().map_or(0, |u| u.start), &mut before);
    context_after(text, end_of(units), &mut after);
    // The other look-alikes as the output has them: with unsafe fixes on, every suggestion
    // is made.
    let mode = usize::from(unsafe_fixes);
    let shown = |u: &Unit| {
        if u.fix[mode].is_none() && u.probe.is_some() {
            value(u, 0)
        } else {
            value(u, mode)
        }
    };
    let mut written = String::with_capacity(before.len() + 3 * units.len() + after.len());
    let mut fixed = String::with_capacity(written.capacity());
    let mut mine = String::with_capacity(written.capacity());
    let (mut fixed_spans, mut mine_spans) = (Vec::new(), Vec::new());
    let mut spans: SmallVec<[std::ops::Range<usize>; 32]> = SmallVec::new();
    loop {
        written.clear();
        spans.clear();
        written.push_str(&before);
        for u in units.iter() {
            let start = written.len();
            if u.kind != Kind::Invisible {
                written.extend(shown(u));
            }
            spans.push(start..written.len());
        }
        written.push_str(&after);
        let mut confirmed = false;
        for i in 0..units.len() {
            if !open(&units[i]) {
                continue;
            }
            let (Some(own), Some(to)) = (value(&units[i], 0), value(&units[i], 1)) else {
                continue;
            };
            let span = spans[i].clone();
            if own.len_utf8() != span.len() || to.len_utf8() != span.len() {
                continue;
            }
            // A kanji probe that makes a word with the kanji beside the segment belongs to
            // that word (入力, 口座): the commonest probes, which need no reading. Not so for
            // hiragana: を + り is no word, but の + り (海苔) is, before リスト too.
            if units[i].probe.is_some() && units[i].kind == Kind::Kanji {
                let pair = |a: Option<char>, b: Option<char>| {
                    a.zip(b)
                        .is_some_and(|(a, b)| analyzer.is_known_word(&format!("{a}{b}")))
                };
                let first = Some(i) == visible(units).next();
                let last = Some(i) == visible(units).last();
                if (first && pair(before.chars().next_back(), Some(own)))
                    || (last && pair(Some(own), after.chars().next()))
                {
                    continue;
                }
            }
            // A probe at the start of the segment: the commonest are hiragana that end a word
            // (かなりランダム), where no known word starts at the fix and ends where the rest
            // of the run starts with one; that needs no reading either.
            if units[i].probe.is_some() && Some(i) == visible(units).next() {
                let run: SmallVec<[char; 32]> = written[span.end..written.len() - after.len()]
                    .chars()
                    .take_while(|&c| c == 'ー' || is_katakana_letter(c))
                    .collect();
                let mut with_fix: SmallVec<[char; 32]> = SmallVec::with_capacity(run.len() + 1);
                with_fix.push(to);
                with_fix.extend_from_slice(&run);
                let starts_word = |chars: &[char]| {
                    chars.is_empty() || analyzer.prefix_lengths(chars).any(|n| n >= 2)
                };
                if !analyzer
                    .prefix_lengths(&with_fix)
                    .any(|n| n >= 2 && starts_word(&with_fix[n..]))
                {
                    continue;
                }
            }
            // This one as written, the others as the output shows them.
            mine.clear();
            mine.push_str(&written[..span.start]);
            mine.push(own);
            mine.push_str(&written[span.end..]);
            fixed.clear();
            fixed.push_str(&written[..span.start]);
            fixed.push(to);
            fixed.push_str(&written[span.end..]);
            let fixed_cost = analyzer.spans_and_cost(&fixed, &mut fixed_spans);
            let Some((range, unknown)) = fixed_spans
                .iter()
                .find(|(r, _)| r.start <= span.start && span.end <= r.end)
                .cloned()
            else {
                continue;
            };
            let word = &fixed[range.clone()];
            let katakana = word.chars().all(|c| c == 'ー' || is_katakana_letter(c));
            if !katakana {
                continue;
            }
            // IPADIC reads a katakana compound with one unknown part as one unknown word
            // (ネゴシエーションプロトコル): the word is then the part holding the fix, if the
            // compound splits into known words.
            let range = if unknown {
                match known_part(analyzer, word, span.start - range.start) {
                    Some(part) => range.start + part.start..range.start + part.end,
                    None => continue,
                }
            } else {
                range
            };
            if fixed[range.clone()].chars().nth(1).is_none()
                || analyzer.is_known_word(&mine[range.clone()])
            {
                continue;
            }
            let mine_cost = analyzer.spans_and_cost(&mine, &mut mine_spans);
            // Inside an unknown word as written is no word boundary to keep (物理ぺージフレーム
            // reads ージフレーム as one), except after the particle へ (へリダイレクト).
            let is_cut = |p: usize| {
                mine_spans.iter().any(|(r, unknown)| {
                    r.start == p
                        || r.end == p
                        || (*unknown && own != 'へ' && r.start < p && p < r.end)
                })
            };
            if (range.start != span.start && !is_cut(range.start))
                || (range.end != span.end && !is_cut(range.end))
                || mine_cost - fixed_cost < CONTEXT_GAIN
            {
                continue;
            }
            let fix = units[i].fix[1].unwrap_or(Fix {
                out: Out::Char(to),
                rule: if units[i].kind == Kind::Hiragana {
                    Rule::HiraganaInKatakana
                } else {
                    Rule::KanjiInKatakana
                },
            });
            units[i].fix = [Some(fix), Some(fix)];
            confirmed = true;
        }
        if !confirmed {
            break;
        }
    }
}

/// The byte range of the word holding byte `at` when `word` (katakana) splits into known
/// words of two characters or more, trying the longest first: プロキシ in プロキシサーバー.
#[cfg(feature = "morphology")]
fn known_part(
    analyzer: &crate::morphology::Analyzer,
    word: &str,
    at: usize,
) -> Option<std::ops::Range<usize>> {
    /// Compounds longer than this are not split (the search is exponential at worst).
    const MAX_CHARS: usize = 32;
    let chars: SmallVec<[char; 32]> = word.chars().collect();
    if chars.len() > MAX_CHARS {
        return None;
    }
    // The longest split of chars[k..] into known words, by its first word's length: 0 for no
    // split, found from the end.
    let mut first = [0usize; MAX_CHARS + 1];
    let mut splits = [false; MAX_CHARS + 1];
    splits[chars.len()] = true;
    for k in (0..chars.len()).rev() {
        let mut lengths: SmallVec<[usize; 8]> = analyzer
            .prefix_lengths(&chars[k..])
            .filter(|&n| n >= 2 && splits[k + n])
            .collect();
        lengths.sort_unstable();
        if let Some(&n) = lengths.last() {
            first[k] = n;
            splits[k] = true;
        }
    }
    if !splits[0] {
        return None;
    }
    let (mut k, mut byte) = (0, 0);
    while k < chars.len() {
        let n = first[k];
        let len: usize = chars[k..k + n].iter().map(|c| c.len_utf8()).sum();
        if (byte..byte + len).contains(&at) {
            return Some(byte..byte + len);
        }
        byte += len;
        k += n;
    }
    None
}

/// Whether no rule changes `c` and it may be read as context of a katakana segment: hiragana
/// and kanji other than the look-alikes and the small vowels and ゔ of loanwords.
#[cfg(feature = "morphology")]
fn is_stable_context(c: char) -> bool {
    let hiragana = matches!(c, '\u{3041}'..='\u{3096}')
        && hiragana_look_alike(c).is_none()
        && !matches!(c, 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'ゔ');
    let kanji = matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
        && kanji_look_alike(c).is_none()
        && c != '一';
    hiragana || kanji
}

/// A stable context character with the voiced mark after it composed (か゛ is read as が, as
/// `voiced-sound-mark` writes it), if the mark makes a stable character.
#[cfg(feature = "morphology")]
fn with_mark(c: char, mark: Option<char>) -> Option<char> {
    match mark.and_then(voiced_mark) {
        None => Some(c),
        Some(semi) => compose(c, semi).filter(|&v| is_stable_context(v)),
    }
}

/// Up to [`CONTEXT_CHARS`] stable characters before byte `i`, read as a second pass would
/// read them: invisible characters skipped and voiced marks composed.
#[cfg(feature = "morphology")]
fn context_before(text: &str, i: usize, out: &mut String) {
    let mut chars: SmallVec<[char; CONTEXT_CHARS]> = SmallVec::new();
    let mut p = i;
    let mut mark = None;
    while chars.len() < CONTEXT_CHARS && p > 0 {
        let (c, w) = decode_before(text, p);
        p -= w;
        if is_invisible(c) {
            continue;
        }
        if voiced_mark(c).is_some() && mark.is_none() {
            mark = Some(c);
            continue;
        }
        match with_mark(c, mark.take()) {
            Some(v) if is_stable_context(c) => chars.push(v),
            _ => break,
        }
    }
    out.extend(chars.iter().rev());
}

/// Up to [`CONTEXT_CHARS`] stable characters after byte `i`, read as [`context_before`] does.
#[cfg(feature = "morphology")]
fn context_after(text: &str, i: usize, out: &mut String) {
    let mut n = 0;
    let mut p = i;
    while n < CONTEXT_CHARS && p < text.len() {
        let (c, w) = decode_at(text, p);
        p += w;
        if is_invisible(c) {
            continue;
        }
        if !is_stable_context(c) {
            break;
        }
        let next = scan::visible_after(text, p);
        let mark = next.filter(|&m| voiced_mark(m).is_some());
        let Some(v) = with_mark(c, mark) else {
            break;
        };
        if mark.is_some() {
            // Past the mark and the invisible characters before it.
            while p < text.len() {
                let (m, mw) = decode_at(text, p);
                p += mw;
                if !is_invisible(m) {
                    break;
                }
            }
        }
        out.push(v);
        n += 1;
    }
}

fn end_of(units: &[Unit]) -> usize {
    units
        .iter()
        .rev()
        .find(|u| u.kind != Kind::Invisible)
        .map_or(0, |u| u.end)
}

fn before_class(text: &str, start: usize) -> Before {
    let mut p = start;
    while p > 0 {
        let (c, w) = decode_before(text, p);
        if is_invisible(c) {
            p -= w;
            continue;
        }
        return if matches!(c, '\n' | '\r') {
            line_break_class(text, p - w)
        } else if is_phrase_boundary(c) {
            Before::Boundary
        } else if is_space(c) || c == 'の' {
            Before::Weak
        } else if super::chars::is_kanji(c) {
            Before::Kanji
        } else {
            Before::Other
        };
    }
    Before::Boundary
}

/// A line break before a segment starts a phrase only after a blank line, the start of the
/// text or a sentence end: in hard-wrapped text (man pages, mail, Markdown) a line may go on
/// with the particle へ (`…file` / `へリダイレクトする`). Elsewhere it is as weak as a space.
fn line_break_class(text: &str, mut p: usize) -> Before {
    while p > 0 {
        let (c, w) = decode_before(text, p);
        p -= w;
        if is_invisible(c) || c == '\r' || is_space(c) {
            continue;
        }
        return if matches!(
            c,
            '\n' | '。'
                | '｡'
                | '．'
                | '.'
                | '！'
                | '!'
                | '？'
                | '?'
                | '」'
                | '』'
                | '｣'
                | '：'
                | ':'
        ) {
            Before::Boundary
        } else {
            Before::Weak
        };
    }
    Before::Boundary
}

/// Whether what follows `end` ends a word: not an ASCII letter, digit or symbol.
fn after_is_word_end(text: &str, end: usize) -> bool {
    scan::visible_after(text, end).is_none_or(|c| !(is_alnum(c) || is_symbol(c)))
}

/// The class of unit `i` in `mode` (0: safe fixes, 1: unsafe fixes too).
fn class_of(u: &Unit, mode: usize) -> Class {
    match u.kind {
        Kind::Letter => Class::Letter {
            small: is_small_katakana(u.mapped),
        },
        Kind::Hiragana | Kind::Kanji => Class::Letter { small: false },
        Kind::Prolonged => Class::Prolonged,
        Kind::LongVowelLookAlike => match u.fix[mode] {
            Some(Fix {
                out: Out::Char('ー'),
                ..
            })
            | Some(Fix {
                out: Out::Delete, ..
            }) => Class::Prolonged,
            _ => Class::Other,
        },
        Kind::Invisible => Class::Other,
    }
}

/// Indices of the units that are not invisible.
fn visible(units: &[Unit]) -> impl Iterator<Item = usize> + '_ {
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.kind != Kind::Invisible)
        .map(|(i, _)| i)
}

fn is_chain(k: Kind) -> bool {
    matches!(k, Kind::Prolonged | Kind::LongVowelLookAlike)
}

/// Decides the chains of ー and its look-alikes in `mode`.
fn decide_chains(n: &Normalizer, units: &mut [Unit], mode: usize, after_word_end: bool) {
    if !n.is_enabled(Rule::LongVowelMark) {
        return;
    }
    let idx: SmallVec<[usize; 32]> = visible(units).collect();
    let mut k = 0;
    while k < idx.len() {
        if !is_chain(units[idx[k]].kind) {
            k += 1;
            continue;
        }
        let first = k;
        while k < idx.len() && is_chain(units[idx[k]].kind) {
            k += 1;
        }
        let chain = &idx[first..k];
        let p_letter = first > 0 && class_of(&units[idx[first - 1]], mode).is_letter();
        let n_letter = k < idx.len() && class_of(&units[idx[k]], mode).is_letter();
        let at_end = k == idx.len();
        let dashes = chain
            .iter()
            .filter(|&&i| matches!(units[i].orig, '—' | '―'))
            .count();
        let mut all_long = true;
        for &i in chain {
            let u = &mut units[i];
            if u.kind != Kind::LongVowelLookAlike {
                continue;
            }
            let safety = if p_letter && n_letter {
                match u.orig {
                    '—' | '―' if dashes == 1 => Some(Safety::Unsafe),
                    '—' | '―' => None,
                    _ => Some(Safety::Safe),
                }
            } else if p_letter
                && at_end
                && after_word_end
                && matches!(u.orig, '－' | '‐' | '‑' | '﹣' | '−')
            {
                Some(Safety::Unsafe)
            } else {
                None
            };
            match safety {
                Some(s) if mode == 1 || s == Safety::Safe => {
                    u.fix[mode] = Some(Fix {
                        out: Out::Char('ー'),
                        rule: Rule::LongVowelMark,
                    });
                }
                _ => all_long = false,
            }
        }
        // ーー inside a word: suggest one.
        if mode == 1 && p_letter && n_letter && all_long && chain.len() >= 2 {
            for &i in &chain[1..] {
                units[i].fix[1] = Some(Fix {
                    out: Out::Delete,
                    rule: Rule::LongVowelMark,
                });
            }
        }
    }
}

/// The first look-alike of ー that stays as it is even with unsafe fixes: the segment ends
/// there. What comes before it stays in the word (ー, and look-alikes that are converted),
/// as a second pass, where those are ー, would have it: a second pass cuts at the same place.
fn first_dead_chain(units: &[Unit]) -> Option<usize> {
    units
        .iter()
        .position(|u| u.kind == Kind::LongVowelLookAlike && u.fix[1].is_none())
}

/// Decides the hiragana and kanji look-alikes in `mode`.
fn decide_look_alikes(
    n: &Normalizer,
    units: &mut [Unit],
    mode: usize,
    before: Before,
    kanji_follows: bool,
) {
    let idx: SmallVec<[usize; 32]> = visible(units).collect();
    for k in 0..idx.len() {
        let u = units[idx[k]];
        if !matches!(u.kind, Kind::Hiragana | Kind::Kanji) || u.before_mark {
            continue;
        }
        let left = (k > 0).then(|| class_of(&units[idx[k - 1]], mode));
        let right = idx
            .get(k + 1)
            .map_or(Class::Other, |&j| class_of(&units[j], mode));
        let between = left.is_some_and(Class::is_kana) && right.is_kana();
        let at_start = !left.is_some_and(Class::is_kana) && right.is_kana();
        // The end of a katakana word: suggested only for the look-alikes that are no suffix
        // after katakana (ディレクトり, リス卜, パラメー夕, マッ千, マク口, ラジ才), never for
        // へ (the particle), 力 (チーム力), the numerals or 工; the dictionary confirms them.
        let at_end = left.is_some_and(Class::is_kana)
            && !right.is_kana()
            && !(k + 1 == idx.len() && kanji_follows)
            && matches!(u.mapped, 'り' | '卜' | '夕' | '千' | '口' | '才');
        // Before a kanji, the look-alike may start a kanji compound (口語, 夕食) or end a
        // katakana word before a kanji suffix (バイ卜数): a probe.
        let at_end_before_kanji = left.is_some_and(Class::is_kana)
            && !right.is_kana()
            && k + 1 == idx.len()
            && kanji_follows
            && matches!(u.mapped, 'り' | '卜' | '夕' | '千' | '口' | '才');
        let mut probe = false;
        let (safety, rule, to) = if u.kind == Kind::Hiragana {
            let Some(to) = hiragana_look_alike(u.mapped) else {
                continue;
            };
            // へ is also the particle: サーバーへアクセス, 東京へドライブ.
            let s = if between {
                if u.mapped == 'へ' && !right.is_tight() {
                    Safety::Unsafe
                } else {
                    Safety::Safe
                }
            } else if at_start && left.is_none() {
                match before {
                    Before::Boundary => Safety::Safe,
                    Before::Weak => Safety::Unsafe,
                    // The end of a word before it (より, かなり, 東京へ): a probe.
                    Before::Kanji | Before::Other => {
                        probe = true;
                        Safety::Unsafe
                    }
                }
            } else if at_end {
                Safety::Unsafe
            } else if at_end_before_kanji {
                probe = true;
                Safety::Unsafe
            } else {
                continue;
            };
            (s, Rule::HiraganaInKatakana, to)
        } else {
            let Some(to) = kanji_look_alike(u.orig) else {
                continue;
            };
            let numeral = matches!(u.orig, '二' | '三' | '八' | '千');
            let s = if between {
                // チーム力アップ, ネット口コミ: a kanji suffix before a katakana word.
                if matches!(u.orig, '力' | '口') && !right.is_tight() {
                    Safety::Unsafe
                } else {
                    Safety::Safe
                }
            } else if at_start {
                let next = idx.get(k + 1).map(|&j| units[j].mapped);
                if numeral {
                    // 二メートル, 三ヶ月, 三ッ矢: numerals before katakana are counters, but no
                    // counter starts with ー or a small vowel (八ードウェア, 二ュース).
                    match (right, next) {
                        (Class::Prolonged, _) => Safety::Safe,
                        (Class::Letter { small: true }, Some(c)) if c != 'ッ' => Safety::Safe,
                        _ => continue,
                    }
                } else if right.is_tight() {
                    Safety::Safe
                } else if u.orig == '口' && is_kuchikomi(units, &idx[k + 1..]) {
                    continue;
                } else if left.is_none() && before == Before::Kanji {
                    // 入力フォーム, 加工メーカー: a probe.
                    probe = true;
                    Safety::Unsafe
                } else {
                    Safety::Unsafe
                }
            } else if at_end {
                Safety::Unsafe
            } else if at_end_before_kanji {
                probe = true;
                Safety::Unsafe
            } else {
                continue;
            };
            (s, Rule::KanjiInKatakana, to)
        };
        let rule_on = n.is_enabled(rule);
        if probe {
            if rule_on && mode == 1 && n.check_words {
                units[idx[k]].probe = Some(to);
            }
        } else if rule_on && (mode == 1 || safety == Safety::Safe) {
            units[idx[k]].fix[mode] = Some(Fix {
                out: Out::Char(to),
                rule,
            });
        }
    }
}

/// 口コミ (word of mouth) starts with the kanji 口. A look-alike counts as the katakana it
/// may stand for (口コ三), as a second pass, where it is fixed, reads it.
fn is_kuchikomi(units: &[Unit], rest: &[usize]) -> bool {
    let mut it = rest
        .iter()
        .map(|&j| kanji_look_alike(units[j].mapped).unwrap_or(units[j].mapped));
    it.next() == Some('コ') && it.next() == Some('ミ')
}

/// Large kana after フ ヴ シ ジ チ テ デ, judged on what the letters are with every fix made
/// (a look-alike made katakana counts), so that a second pass decides the same way.
fn decide_small_kana(units: &mut [Unit]) {
    let letter = |u: &Unit| match (u.kind, u.fix[1]) {
        (Kind::Letter, None) => Some(u.mapped),
        (
            Kind::Letter | Kind::Hiragana | Kind::Kanji,
            Some(Fix {
                out: Out::Char(c), ..
            }),
        ) => is_katakana_letter(c).then_some(c),
        _ => None,
    };
    let idx: SmallVec<[usize; 32]> = visible(units).collect();
    for w in idx.windows(2) {
        let (Some(a), Some(b)) = (letter(&units[w[0]]), letter(&units[w[1]])) else {
            continue;
        };
        if let Some(small) = small_form(a, b) {
            units[w[1]].fix[1] = Some(Fix {
                out: Out::Char(small),
                rule: Rule::SmallKana,
            });
        }
    }
}

fn emit(n: &Normalizer, text: &str, units: &[Unit], sink: &mut Sink<'_>) {
    for u in units {
        let range = u.start..u.end;
        if u.kind == Kind::Invisible {
            scan::invisible(text, u.start, u.orig, sink);
            continue;
        }
        let base = match u.map_rule {
            Some(rule) if n.is_enabled(rule) => Some(Fix {
                out: Out::Char(u.mapped),
                rule,
            }),
            _ => None,
        };
        let s = u.fix[0].or(base);
        let un = u.fix[1].or(s);
        let push = |sink: &mut Sink<'_>, f: Fix, safety: Safety| match f.out {
            Out::Char(c) => sink.push_char(range.clone(), c, f.rule, safety),
            Out::Delete => sink.push(range.clone(), "", f.rule, safety),
        };
        let same = |a: Option<Fix>, b: Option<Fix>| a.map(|f| f.out) == b.map(|f| f.out);
        if n.unsafe_fixes {
            if let Some(f) = un {
                push(
                    sink,
                    f,
                    if same(un, s) {
                        Safety::Safe
                    } else {
                        Safety::Unsafe
                    },
                );
            }
        } else {
            if let Some(f) = s {
                push(sink, f, Safety::Safe);
            }
            if let Some(f) = un {
                if !same(un, s) {
                    push(sink, f, Safety::Unsafe);
                }
            }
        }
    }
}
