//! The dictionary's word on the kana typo rules' suggestions: a fix is made safe where the
//! fixed segment reads as known words and the segment as written does not.

use smallvec::SmallVec;

use super::*;
use crate::rule::Rule;
use crate::text::class::{is_invisible, is_katakana_letter, voiced_mark};
use crate::text::kana::compose;
use crate::text::utf8::{decode_at, decode_before, visible_after};

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
/// Where the segment as written reads as known words and nothing confirmed a suggestion, the
/// suggestions are withdrawn: `データベースへアクセス` suggests nothing with the dictionary.
///
/// A second pass sees the same segment with the same suggestions taken, so it decides the
/// same way: confirmed fixes are made, and what stayed a suggestion stays one.
#[cfg(feature = "morphology")]
pub(super) fn confirm_with_dictionary(
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
    let candidate = |u: &Unit| {
        (u.fix[1].is_some_and(|f| RULES.contains(&f.rule)) || is_letter_probe(u))
            && value(u, 0) != value(u, 1)
    };
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
        // Withdrawn together: every suggestion of the segment.
        // With unsafe fixes every suggestion is taken, as asked (the rules decide some
        // look-alikes by what the other suggestions make of their neighbours, so withdrawing
        // there would not be stable from one pass to the next).
        let withdraw = |units: &mut [Unit]| {
            if !unsafe_fixes {
                for u in units.iter_mut() {
                    u.fix[1] = u.fix[0];
                }
            }
        };
        if !analyzer.has_unknown_word(&safe) {
            // As written the segment reads as known words (`サービスへエラー` is サービス + へ
            // + エラー, `サーチエンジン` is サーチ + エンジン), and no reading confirmed the
            // suggestions: they would be noise. But IPADIC reads a word it lacks in pieces
            // of a character (`りポジトリ`): UniDic's words may still confirm them.
            if confirm_by_words(analyzer, units, unsafe_fixes, &all, &at, candidate) {
                continue;
            }
            withdraw(units);
            return;
        }
        // A large ツ ヤ ユ ヨ only by the whole run's words (not ド + ネック in ドネツク).
        let suggested = |u: &Unit| candidate(u) && !is_letter_probe(u);
        if !confirm_segment(analyzer, units, &safe, &all, &at, suggested) {
            if confirm_by_words(analyzer, units, unsafe_fixes, &all, &at, candidate) {
                continue;
            }
            // Not confirmed: the suggestions stay, unless the analyzer reads the hiragana as
            // the particle へ (`プロパティへアクセス`, with プロパティ unknown to IPADIC). Path
            // costs do not decide here: a long run of katakana unknown to IPADIC is one
            // unknown word, which can cost less than a typo fixed inside it.
            let particle = analyzer.analyze(&safe).iter().any(|t| {
                t.surface() == "へ"
                    && t.part_of_speech() == crate::morphology::PartOfSpeech::Particle
            });
            if particle {
                withdraw(units);
            }
            return;
        }
    }
}

/// Where each unit is in the spellings of [`spell`]: its start as written, and its range
/// with every suggestion taken.
#[cfg(feature = "morphology")]
pub(super) type Spots = SmallVec<[(usize, usize, usize); 32]>;

/// The segment as written (with the safe fixes) and with every suggestion taken, and where
/// each unit is in both.
#[cfg(feature = "morphology")]
pub(super) fn spell(units: &[Unit]) -> (String, String, Spots) {
    let (mut safe, mut all) = (String::new(), String::new());
    let mut at = Spots::new();
    for u in units.iter() {
        if u.kind == Kind::Invisible {
            at.push((safe.len(), all.len(), all.len()));
            continue;
        }
        let start = (safe.len(), all.len());
        safe.extend(value(u, 0));
        // A probe is no suggestion: it is read as written until the context confirms it;
        // but a large ツ ヤ ユ ヨ is read small, since the words it may make are in the
        // segment itself (セツトアツプ, チエツクアウト with a suggestion).
        all.extend(if u.is_bare_probe() && !is_letter_probe(u) {
            value(u, 0)
        } else {
            value(u, 1)
        });
        at.push((start.0, start.1, all.len()));
    }
    (safe, all, at)
}

/// A unit as the output shows it, with unsafe fixes on in `mode` 1: with its suggestion
/// made then, but never as its probe (only the dictionary makes a probe a fix).
#[cfg(feature = "morphology")]
fn shown(u: &Unit, mode: usize) -> Option<char> {
    value(u, if u.is_bare_probe() { 0 } else { mode })
}

/// The value of a unit in `mode` (0: safe fixes, 1: every suggestion and probe taken).
#[cfg(feature = "morphology")]
pub(super) fn value(u: &Unit, mode: usize) -> Option<char> {
    match u.fix[mode] {
        Some(Fix {
            out: Out::Char(c), ..
        }) => Some(c),
        Some(Fix {
            out: Out::Delete, ..
        }) => None,
        None if mode == 1 && u.is_bare_probe() => u.probe,
        None => Some(if u.map_rule.is_some() {
            u.mapped
        } else {
            u.orig
        }),
    }
}

#[cfg(feature = "morphology")]
pub(super) fn confirm_segment(
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
                let fix = units[i].fix[1].or_else(|| probe_fix(&units[i]));
                units[i].fix = [fix, fix];
                confirmed = true;
            }
        }
    }
    confirmed
}

/// The third way, for the words IPADIC does not have (アセット, キャプチャ, ブログ): a run
/// of katakana that, with the suggestions of the segment taken, splits into fewer known
/// katakana words of two characters or more (IPADIC's entries or UniDic's katakana words)
/// than as written, where the word holding each suggestion has three characters or more.
/// The suggestions of the run are made.
#[cfg(feature = "morphology")]
pub(super) fn confirm_by_words(
    analyzer: &crate::morphology::Analyzer,
    units: &mut [Unit],
    unsafe_fixes: bool,
    all: &str,
    at: &[(usize, usize, usize)],
    candidate: impl Fn(&Unit) -> bool,
) -> bool {
    let is_kana = |c: char| c == 'ー' || is_katakana_letter(c);
    let mut confirmed = false;
    let mut run_start = None;
    for (p, c) in all.char_indices().chain(std::iter::once((all.len(), ' '))) {
        match (is_kana(c), run_start) {
            (true, None) => run_start = Some(p),
            (false, Some(rs)) => {
                run_start = None;
                confirmed |= confirm_run(analyzer, units, unsafe_fixes, at, &candidate, rs..p);
            }
            _ => {}
        }
    }
    confirmed
}

/// [`confirm_by_words`] on the katakana run `run` of `all`. Only the suggestions the run
/// needs are made: one whose undoing leaves as few known words or fewer is dropped (in
/// `ト口ツキー`, 口 is a typo but ツ is not, since トロツキー is a word; `カツカレー` is カツ +
/// カレー as written and would be no fewer words with ッ).
#[cfg(feature = "morphology")]
fn confirm_run(
    analyzer: &crate::morphology::Analyzer,
    units: &mut [Unit],
    unsafe_fixes: bool,
    at: &[(usize, usize, usize)],
    candidate: &impl Fn(&Unit) -> bool,
    run: std::ops::Range<usize>,
) -> bool {
    let inside: SmallVec<[usize; 32]> = (0..units.len())
        .filter(|&i| at[i].1 >= run.start && at[i].2 <= run.end && at[i].1 < at[i].2)
        .collect();
    if inside.len() > 32 {
        return false;
    }
    // The run with the suggestions in `fixes` taken, as characters; the other units as the
    // output shows them (a second pass reads that output): with unsafe fixes on, every
    // suggestion is made, but no probe.
    let mode = usize::from(unsafe_fixes);
    let spell_with = |fixes: &[usize], part: std::ops::Range<usize>| -> SmallVec<[char; 32]> {
        inside[part]
            .iter()
            .filter_map(|&i| {
                let u = &units[i];
                if fixes.contains(&i) {
                    value(u, 1)
                } else {
                    shown(u, mode)
                }
            })
            .collect()
    };
    let all_of = 0..inside.len();
    let word_or_nothing = |chars: &[char]| {
        chars.is_empty() || split_into_words(analyzer, chars).is_some_and(|w| w.len() == 1)
    };
    // A hiragana or kanji look-alike with a known word (or nothing) on each side as written
    // may be a word of its own: the particle in ページへリダイレクト, the kanji in リス卜.
    let mut fixes: SmallVec<[usize; 4]> = SmallVec::new();
    for (k, &i) in inside.iter().enumerate() {
        if !candidate(&units[i]) {
            continue;
        }
        let alone = units[i].kind != Kind::Letter
            && inside.len() > 1
            && word_or_nothing(&spell_with(&[], 0..k))
            && word_or_nothing(&spell_with(&[], k + 1..inside.len()));
        if !alone {
            fixes.push(i);
        }
    }
    if fixes.is_empty() {
        return false;
    }
    loop {
        let fixed = spell_with(&fixes, all_of.clone());
        let Some(lengths) = split_into_words(analyzer, &fixed) else {
            // A large ツ ヤ ユ ヨ is only a guess: the run may read without it (ト口ツキー,
            // where トロッキー is no word).
            let before = fixes.len();
            fixes.retain(|&mut i| !is_letter_probe(&units[i]));
            if fixes.is_empty() || fixes.len() == before {
                return false;
            }
            continue;
        };
        // A fix is needed when the run without it splits into more words, or none: ト口ツキー
        // needs 口 but not ツ (トロツキー is a word), クリツク needs ツ (クリ + ツク are two).
        let unneeded = fixes.iter().position(|&i| {
            let rest: SmallVec<[usize; 4]> = fixes.iter().copied().filter(|&j| j != i).collect();
            split_into_words(analyzer, &spell_with(&rest, all_of.clone()))
                .is_some_and(|w| w.len() <= lengths.len())
        });
        match unneeded {
            Some(k) => {
                fixes.remove(k);
                if fixes.is_empty() {
                    return false;
                }
            }
            None => {
                // Each fix in a word of three characters or more.
                // Its position in the run as `fixed` spells it.
                let position = |i: usize| {
                    let k = inside.iter().position(|&j| j == i).unwrap_or(inside.len());
                    spell_with(&fixes, 0..k).len()
                };
                let word_len = |p: usize| {
                    let mut start = 0;
                    for &n in &lengths {
                        if p < start + n {
                            return n;
                        }
                        start += n;
                    }
                    0
                };
                if fixes.iter().any(|&i| word_len(position(i)) < 3) {
                    return false;
                }
                for &i in &fixes {
                    let fix = units[i].fix[1].or_else(|| probe_fix(&units[i]));
                    units[i].fix = [fix, fix];
                }
                return true;
            }
        }
    }
}

/// The split of `chars` (katakana) into the fewest known words of two characters or more
/// (IPADIC's entries, or UniDic's katakana words of three characters or more), as their
/// lengths; `None` when there is none.
#[cfg(feature = "morphology")]
fn split_into_words(
    analyzer: &crate::morphology::Analyzer,
    chars: &[char],
) -> Option<SmallVec<[usize; 8]>> {
    /// Longer runs are not split (the search is quadratic).
    const MAX_CHARS: usize = 32;
    if chars.len() > MAX_CHARS || chars.len() < 2 {
        return None;
    }
    // fewest[k]: the fewest words chars[k..] splits into, and the first word's length.
    let mut fewest = [(usize::MAX, 0usize); MAX_CHARS + 1];
    fewest[chars.len()] = (0, 0);
    let mut word = String::with_capacity(3 * MAX_CHARS);
    for k in (0..chars.len()).rev() {
        word.clear();
        word.push(chars[k]);
        for n in 2..=chars.len() - k {
            word.push(chars[k + n - 1]);
            let rest = fewest[k + n].0;
            // UniDic's katakana words of two characters are mostly names (アセ, ツト): a
            // word of two must be IPADIC's.
            let known = |w: &str| {
                if n == 2 {
                    analyzer.is_known_word(w)
                } else {
                    analyzer.is_known_or_unidic_word(w)
                }
            };
            if rest != usize::MAX && rest + 1 < fewest[k].0 && known(&word) {
                fewest[k] = (rest + 1, n);
            }
        }
    }
    if fewest[0].0 == usize::MAX {
        return None;
    }
    let mut lengths = SmallVec::new();
    let mut k = 0;
    while k < chars.len() {
        let n = fewest[k].1;
        lengths.push(n);
        k += n;
    }
    Some(lengths)
}

/// How much cheaper (in IPADIC's costs) the passage must read with a look-alike made katakana
/// than as written for the fix to be made. Injected typos read thousands cheaper once fixed;
/// a particle or a kanji that belongs where it is reads dearer or barely cheaper.
#[cfg(feature = "morphology")]
pub(super) const CONTEXT_GAIN: i64 = 2000;

/// Characters of context read on each side of the segment.
#[cfg(feature = "morphology")]
pub(super) const CONTEXT_CHARS: usize = 4;

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
pub(super) fn confirm_in_context(
    analyzer: &crate::morphology::Analyzer,
    text: &str,
    units: &mut [Unit],
    unsafe_fixes: bool,
) {
    // Not a large ツ ヤ ユ ヨ: `ドネツク` reads as ド + ネック made small, and the name is
    // ドネツク; [`confirm_by_words`] reads the whole run.
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
    let mut written = String::with_capacity(before.len() + 3 * units.len() + after.len());
    let mut readings = Readings::default();
    let mut spans: SmallVec<[std::ops::Range<usize>; 32]> = SmallVec::new();
    loop {
        written.clear();
        spans.clear();
        written.push_str(&before);
        for u in units.iter() {
            let start = written.len();
            if u.kind != Kind::Invisible {
                written.extend(shown(u, mode));
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
            if units[i].probe.is_some()
                && is_explained_probe(analyzer, units, i, (own, to), &written, &span, &after)
            {
                continue;
            }
            if !reads_as_a_fix(analyzer, &written, &span, (own, to), &mut readings) {
                continue;
            }
            let fix = units[i].fix[1].or_else(|| probe_fix(&units[i]));
            units[i].fix = [fix, fix];
            confirmed = true;
        }
        if !confirmed {
            break;
        }
    }
}

/// A large ツ ヤ ユ ヨ probed small (see `small_probe`).
#[cfg(feature = "morphology")]
pub(super) fn is_letter_probe(u: &Unit) -> bool {
    u.kind == Kind::Letter && u.probe.is_some()
}

/// The fix a probe makes once the dictionary confirms it.
#[cfg(feature = "morphology")]
pub(super) fn probe_fix(u: &Unit) -> Option<Fix> {
    let rule = match u.kind {
        Kind::Hiragana => Rule::HiraganaInKatakana,
        Kind::Kanji => Rule::KanjiInKatakana,
        _ => Rule::SmallKana,
    };
    u.probe.map(|c| Fix {
        out: Out::Char(c),
        rule,
    })
}

/// Whether probe `i` (written `own`, probed as `to`) needs no reading to be left as it is.
///
/// A kanji probe that makes a word with the kanji beside the segment belongs to that word
/// (入力, 口座): the commonest probes. Not so for hiragana: を + り is no word, but の + り (海苔)
/// is, before リスト too. And a probe at the start of the segment whose fix starts no known word
/// that ends where the rest of the run starts with one: most are hiragana that end a word
/// (かなりランダム).
fn is_explained_probe(
    analyzer: &crate::morphology::Analyzer,
    units: &[Unit],
    i: usize,
    (own, to): (char, char),
    written: &str,
    span: &std::ops::Range<usize>,
    after: &str,
) -> bool {
    if units[i].kind == Kind::Letter {
        return false;
    }
    let first = Some(i) == visible(units).next();
    if units[i].kind == Kind::Kanji {
        let pair = |a: Option<char>, b: Option<char>| {
            a.zip(b)
                .is_some_and(|(a, b)| analyzer.is_known_word(&format!("{a}{b}")))
        };
        let last = Some(i) == visible(units).last();
        if (first && pair(written[..span.start].chars().next_back(), Some(own)))
            || (last && pair(Some(own), after.chars().next()))
        {
            return true;
        }
    }
    if first {
        let run: SmallVec<[char; 32]> = written[span.end..written.len() - after.len()]
            .chars()
            .take_while(|&c| c == 'ー' || is_katakana_letter(c))
            .collect();
        let mut with_fix: SmallVec<[char; 32]> = SmallVec::with_capacity(run.len() + 1);
        with_fix.push(to);
        with_fix.extend_from_slice(&run);
        let starts_word =
            |chars: &[char]| chars.is_empty() || analyzer.prefix_lengths(chars).any(|n| n >= 2);
        if !analyzer
            .prefix_lengths(&with_fix)
            .any(|n| n >= 2 && starts_word(&with_fix[n..]))
        {
            return true;
        }
    }
    false
}

/// The passages [`reads_as_a_fix`] reads, kept between calls.
#[derive(Default)]
struct Readings {
    mine: String,
    fixed: String,
    mine_spans: Vec<(std::ops::Range<usize>, bool)>,
    fixed_spans: Vec<(std::ops::Range<usize>, bool)>,
}

/// Whether `written` with the look-alike at `span` made `to` (the others as the output shows
/// them) reads as a fix: the katakana word holding it is a known word of two characters or
/// more that is no word as written, it starts and ends where words start and end as written,
/// and the passage reads [`CONTEXT_GAIN`] cheaper.
fn reads_as_a_fix(
    analyzer: &crate::morphology::Analyzer,
    written: &str,
    span: &std::ops::Range<usize>,
    (own, to): (char, char),
    r: &mut Readings,
) -> bool {
    r.mine.clear();
    r.mine.push_str(&written[..span.start]);
    r.mine.push(own);
    r.mine.push_str(&written[span.end..]);
    r.fixed.clear();
    r.fixed.push_str(&written[..span.start]);
    r.fixed.push(to);
    r.fixed.push_str(&written[span.end..]);
    let fixed_cost = analyzer.spans_and_cost(&r.fixed, &mut r.fixed_spans);
    let Some((range, unknown)) = r
        .fixed_spans
        .iter()
        .find(|(w, _)| w.start <= span.start && span.end <= w.end)
        .cloned()
    else {
        return false;
    };
    let word = &r.fixed[range.clone()];
    if !word.chars().all(|c| c == 'ー' || is_katakana_letter(c)) {
        return false;
    }
    // IPADIC reads a katakana compound with one unknown part as one unknown word
    // (ネゴシエーションプロトコル): the word is then the part holding the fix, if the
    // compound splits into known words.
    let range = if unknown {
        match known_part(analyzer, word, span.start - range.start) {
            Some(part) => range.start + part.start..range.start + part.end,
            None => return false,
        }
    } else {
        range
    };
    if r.fixed[range.clone()].chars().nth(1).is_none()
        || analyzer.is_known_word(&r.mine[range.clone()])
    {
        return false;
    }
    let mine_cost = analyzer.spans_and_cost(&r.mine, &mut r.mine_spans);
    // Inside an unknown word as written is no word boundary to keep (物理ぺージフレーム
    // reads ージフレーム as one), except after the particle へ (へリダイレクト).
    let is_cut = |p: usize| {
        r.mine_spans.iter().any(|(w, unknown)| {
            w.start == p || w.end == p || (*unknown && own != 'へ' && w.start < p && p < w.end)
        })
    };
    (range.start == span.start || is_cut(range.start))
        && (range.end == span.end || is_cut(range.end))
        && mine_cost - fixed_cost >= CONTEXT_GAIN
}

/// The byte range of the word holding byte `at` when `word` (katakana) splits into known
/// words of two characters or more, trying the longest first: プロキシ in プロキシサーバー.
#[cfg(feature = "morphology")]
pub(super) fn known_part(
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
pub(super) fn is_stable_context(c: char) -> bool {
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
pub(super) fn with_mark(c: char, mark: Option<char>) -> Option<char> {
    match mark.and_then(voiced_mark) {
        None => Some(c),
        Some(semi) => compose(c, semi).filter(|&v| is_stable_context(v)),
    }
}

/// Up to [`CONTEXT_CHARS`] stable characters before byte `i`, read as a second pass would
/// read them: invisible characters skipped and voiced marks composed.
#[cfg(feature = "morphology")]
pub(super) fn context_before(text: &str, i: usize, out: &mut String) {
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
pub(super) fn context_after(text: &str, i: usize, out: &mut String) {
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
        let next = visible_after(text, p);
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
