//! Decisions, unit by unit and in both modes: chains of dashes, look-alikes by their
//! neighbours, and small kana.

use smallvec::SmallVec;

use super::*;
use crate::normalize::Normalizer;
use crate::rule::{Rule, Safety};
use crate::text::class::{is_katakana_letter, is_small_katakana};

/// The class of unit `u` in `mode` (0: safe fixes, 1: unsafe fixes too).
pub(super) fn class_of(u: &Unit, mode: usize) -> Class {
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
pub(super) fn visible(units: &[Unit]) -> impl Iterator<Item = usize> + '_ {
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.kind != Kind::Invisible)
        .map(|(i, _)| i)
}

pub(super) fn is_chain(k: Kind) -> bool {
    matches!(k, Kind::Prolonged | Kind::LongVowelLookAlike)
}

/// Decides the chains of ー and its look-alikes in `mode`.
pub(super) fn decide_chains(n: &Normalizer, units: &mut [Unit], mode: usize, after_word_end: bool) {
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
pub(super) fn first_dead_chain(units: &[Unit]) -> Option<usize> {
    units
        .iter()
        .position(|u| u.kind == Kind::LongVowelLookAlike && u.fix[1].is_none())
}

/// Decides the hiragana and kanji look-alikes in `mode`.
pub(super) fn decide_look_alikes(
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
        let (rule, to) = if u.kind == Kind::Hiragana {
            let Some(to) = hiragana_look_alike(u.mapped) else {
                continue;
            };
            (Rule::HiraganaInKatakana, to)
        } else {
            let Some(to) = kanji_look_alike(u.orig) else {
                continue;
            };
            (Rule::KanjiInKatakana, to)
        };
        let numeral = u.kind == Kind::Kanji && matches!(u.orig, '二' | '三' | '八' | '千');
        // 二三カ月, 八ヶ所: numerals before a counter are numerals.
        if numeral && counter_follows(units, &idx[k + 1..], mode) {
            continue;
        }
        // Between kana or at a word's start, by kind; at a word's end (never both), the same
        // for both: a suggestion, or a probe before a kanji.
        let decision = if u.kind == Kind::Hiragana {
            // A look-alike and a lone ッ is an interjection in hiragana with a katakana
            // sokuon (`「へッ、`, like きゃッ, おやッ), as likely as a katakana word.
            let lone_sokuon = idx.len() == k + 2 && units[idx[k + 1]].mapped == 'ッ';
            hiragana_decision(
                u,
                between,
                at_start && left.is_none(),
                right,
                before,
                lone_sokuon,
            )
        } else {
            let next = idx.get(k + 1).map(|&j| units[j].mapped);
            let kuchikomi = || is_kuchikomi(units, &idx[k + 1..]);
            kanji_decision(
                u,
                numeral,
                between,
                at_start,
                (left, right, next),
                before,
                kuchikomi,
            )
        };
        let end = if at_end {
            Some((Safety::Unsafe, false))
        } else if at_end_before_kanji {
            Some((Safety::Unsafe, true))
        } else {
            None
        };
        let Some((safety, probe)) = decision.or(end) else {
            continue;
        };
        let rule_on = n.is_enabled(rule);
        if probe {
            if rule_on && mode == 1 && n.probes() {
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

/// How a hiragana look-alike between kana or at a word's start is fixed: its safety and
/// whether it is a probe; `None` elsewhere.
fn hiragana_decision(
    u: Unit,
    between: bool,
    at_start: bool,
    right: Class,
    before: Before,
    lone_sokuon: bool,
) -> Option<(Safety, bool)> {
    if between {
        // へ is also the particle: サーバーへアクセス, 東京へドライブ.
        let particle = u.mapped == 'へ' && !right.is_tight();
        Some((
            if particle {
                Safety::Unsafe
            } else {
                Safety::Safe
            },
            false,
        ))
    } else if at_start {
        Some(match before {
            Before::Boundary if lone_sokuon => (Safety::Unsafe, false),
            Before::Boundary => (Safety::Safe, false),
            Before::Weak => (Safety::Unsafe, false),
            // The end of a word before it (より, かなり, 東京へ): a probe.
            Before::Kanji | Before::Other => (Safety::Unsafe, true),
        })
    } else {
        None
    }
}

/// How a kanji look-alike between kana or at a word's start is fixed: its safety and whether
/// it is a probe; `None` elsewhere or where it is no look-alike (`(left, right, next)`: the
/// classes around it and the next unit's character; `kuchikomi`: whether 口 starts 口コミ).
fn kanji_decision(
    u: Unit,
    numeral: bool,
    between: bool,
    at_start: bool,
    (left, right, next): (Option<Class>, Class, Option<char>),
    before: Before,
    kuchikomi: impl FnOnce() -> bool,
) -> Option<(Safety, bool)> {
    if between {
        // チーム力アップ, ネット口コミ: a kanji suffix before a katakana word. A numeral
        // between katakana is as often a number before a unit (シリング八ペンス,
        // 二千メートル): only the dictionary can make it a fix (ア二メ → アニメ).
        let suffix = matches!(u.orig, '力' | '口') && !right.is_tight();
        return Some((
            if suffix || numeral {
                Safety::Unsafe
            } else {
                Safety::Safe
            },
            false,
        ));
    }
    if !at_start {
        return None;
    }
    if numeral {
        // 二メートル, 三ヶ月, 三ッ矢: numerals before katakana are counters, but no counter
        // starts with ー or a small vowel (八ードウェア, 二ュース). Else the words around decide
        // for 二 and 八 (二ックネーム, 八ッシュ値): a probe; not before ツ (八ツ橋, 二ツ目) nor
        // for 三 and 千 (三ツ星).
        return match (right, next) {
            (Class::Prolonged, _) => Some((Safety::Safe, false)),
            (Class::Letter { small: true }, Some(c)) if c != 'ッ' => Some((Safety::Safe, false)),
            (_, Some(c)) if matches!(u.orig, '二' | '八') && c != 'ツ' => {
                Some((Safety::Unsafe, true))
            }
            _ => None,
        };
    }
    if right.is_tight() {
        Some((Safety::Safe, false))
    } else if u.orig == '口' && kuchikomi() {
        None
    } else {
        // 入力フォーム, 加工メーカー (after a kanji, at a segment's start): a probe.
        Some((Safety::Unsafe, left.is_none() && before == Before::Kanji))
    }
}

/// Whether the rest of a segment is kanji numerals (二三, as the look-alikes are) and then one
/// counter, カ, ケ, ヵ or ヶ, and nothing more: `二三カ月` is "two or three months". Read as
/// a second pass reads them in `mode`: ｶ as カ, a 一 made ー as ー (`二一カ` is `二ーカ`).
pub(super) fn counter_follows(units: &[Unit], rest: &[usize], mode: usize) -> bool {
    let read = |u: &Unit| match u.fix[mode] {
        Some(Fix {
            out: Out::Char(c), ..
        }) if u.kind == Kind::LongVowelLookAlike => c,
        _ => u.mapped,
    };
    let mut it = rest.iter().map(|&j| read(&units[j])).skip_while(|&c| {
        matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千'
        )
    });
    matches!(it.next(), Some('カ' | 'ケ' | 'ヵ' | 'ヶ')) && it.next().is_none()
}

/// 口コミ (word of mouth) starts with the kanji 口. A look-alike counts as the katakana it
/// may stand for (口コ三), as a second pass, where it is fixed, reads it.
pub(super) fn is_kuchikomi(units: &[Unit], rest: &[usize]) -> bool {
    let mut it = rest
        .iter()
        .map(|&j| kanji_look_alike(units[j].mapped).unwrap_or(units[j].mapped));
    it.next() == Some('コ') && it.next() == Some('ミ')
}

/// Large kana after フ ヴ シ ジ チ テ デ, judged on what the letters are with every fix made
/// (a look-alike made katakana counts), so that a second pass decides the same way. With
/// `probes` (the dictionary is on), a large ツ ヤ ユ ヨ that may be small is a probe.
pub(super) fn decide_small_kana(units: &mut [Unit], probes: bool) {
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
    if !probes {
        return;
    }
    for (k, &i) in idx.iter().enumerate() {
        let u = &units[i];
        if u.kind != Kind::Letter || u.fix[1].is_some() || u.map_rule == Some(Rule::VoicedSoundMark)
        {
            continue;
        }
        let Some(prev) = k.checked_sub(1).and_then(|j| letter(&units[idx[j]])) else {
            continue;
        };
        let next = idx.get(k + 1).and_then(|&j| letter(&units[j]));
        if let Some(small) = small_probe(prev, u.mapped, next) {
            units[i].probe = Some(small);
        }
    }
}
