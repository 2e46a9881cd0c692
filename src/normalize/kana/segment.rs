//! A segment from its start: cut into chunks, decided, confirmed, and emitted as edits; and
//! what stands around it.

use smallvec::SmallVec;

use super::*;
use crate::normalize::invisible::invisible;
use crate::normalize::{Normalizer, Sink};
use crate::rule::{Rule, Safety};
use crate::text::class::{
    is_alnum, is_invisible, is_kanji, is_phrase_boundary, is_space, is_symbol,
};
use crate::text::utf8::{decode_before, visible_after};

/// Segments longer than this many units are decided in chunks, each cut between plain
/// letters where no decision looks across the cut, so memory stays bounded on any input.
pub(super) const CHUNK: usize = 256;

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
            needs_work |= small_pair_ends_at(&units, u.mapped, n.probes());
        }
        if u.kind != Kind::Invisible {
            prev_kind = Some(u.kind);
        }
        pos = u.end;
        units.push(u);
        if units.len() >= CHUNK && ends_in_plain_letters(&units, n.probes()) {
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

/// Whether letter `c`, pushed after `units`, makes a pair for the small kana rule with the
/// letter before it, or (with `probes`) a probe there: ツ before it, ヤ ユ ヨ at it.
pub(super) fn small_pair_ends_at(units: &[Unit], c: char, probes: bool) -> bool {
    let letter = |k: usize| {
        units
            .len()
            .checked_sub(k)
            .map(|i| &units[i])
            .filter(|u| u.kind == Kind::Letter)
            .map(|u| u.mapped)
    };
    let Some(prev) = letter(1) else {
        return false;
    };
    small_form(prev, c).is_some()
        || (probes
            && (small_probe(prev, c, None).is_some()
                || letter(2).is_some_and(|pp| small_probe(pp, prev, Some(c)).is_some())))
}

/// The last three units are letters with no small-kana pair or probe between them.
pub(super) fn ends_in_plain_letters(units: &[Unit], probes: bool) -> bool {
    let t = &units[units.len() - 3..];
    t.iter().all(|u| u.kind == Kind::Letter)
        && !small_pair_ends_at(&units[..units.len() - 1], t[2].mapped, probes)
        && !small_pair_ends_at(&units[..units.len() - 2], t[1].mapped, probes)
}

/// Emits the first `keep` units (less trailing invisible ones) and returns where they end.
pub(super) fn finish(
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
pub(super) fn decide(
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
    let kanji_follows = visible_after(text, end_of(units)).is_some_and(is_kanji);
    for mode in 0..2 {
        decide_look_alikes(n, units, mode, before, kanji_follows);
    }
    if n.is_enabled(Rule::SmallKana) {
        decide_small_kana(units, n.probes());
    }
    #[cfg(feature = "morphology")]
    if whole && n.check_words {
        if let Some(analyzer) = crate::normalize::words::analyzer(n) {
            confirm_with_dictionary(analyzer, text, units, n.unsafe_fixes);
        }
    }
    #[cfg(not(feature = "morphology"))]
    let _ = whole;
    keep
}

pub(super) fn end_of(units: &[Unit]) -> usize {
    units
        .iter()
        .rev()
        .find(|u| u.kind != Kind::Invisible)
        .map_or(0, |u| u.end)
}

pub(super) fn before_class(text: &str, start: usize) -> Before {
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
        } else if is_kanji(c) {
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
pub(super) fn line_break_class(text: &str, mut p: usize) -> Before {
    while p > 0 {
        let (c, w) = decode_before(text, p);
        p -= w;
        if is_invisible(c) || c == '\r' || is_space(c) {
            continue;
        }
        // A run of commas and full stops counts by its first mark: the normalizer drops the
        // repeats (`。､` becomes `。`), and the class must not change with them.
        let c = first_of_punctuation_run(text, p, c);
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

/// The mark that stands for the run of 、。，． (either width) that ends with `c` just
/// before `end`: 。 if the run has one (the normalizer keeps the first 。 of a run of 、 and
/// 。, so `、。` becomes `。`), else its first mark.
fn first_of_punctuation_run(text: &str, mut end: usize, mut c: char) -> char {
    let mark = |c: char| matches!(c, '、' | '､' | '。' | '｡' | '，' | '．');
    if !mark(c) {
        return c;
    }
    let mut stop = matches!(c, '。' | '｡');
    while end > 0 {
        let (d, w) = decode_before(text, end);
        if !mark(d) {
            break;
        }
        stop |= matches!(d, '。' | '｡');
        c = d;
        end -= w;
    }
    if stop {
        '。'
    } else {
        c
    }
}

/// Whether what follows `end` ends a word: not an ASCII letter, digit or symbol.
pub(super) fn after_is_word_end(text: &str, end: usize) -> bool {
    visible_after(text, end).is_none_or(|c| !(is_alnum(c) || is_symbol(c)))
}

/// Reports the decided units as edits: each unit's fix with unsafe fixes too, as a safe fix
/// where it is one in both modes and as a suggestion otherwise.
pub(super) fn emit(n: &Normalizer, text: &str, units: &[Unit], sink: &mut Sink<'_>) {
    for u in units {
        let range = u.start..u.end;
        if u.kind == Kind::Invisible {
            invisible(text, u.start, u.orig, sink);
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
