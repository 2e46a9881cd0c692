//! The text as it is: the clean lines the typos are injected into, what the normalizer does
//! to the raw input, and what it still does to the clean lines.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use seisho::Rule;

use crate::report::{around, describe};
use crate::Mode;

/// The rules that fix kana typos: their safe edits on real text may be wrong.
const TYPO_RULES: [Rule; 4] = [
    Rule::HiraganaInKatakana,
    Rule::KanjiInKatakana,
    Rule::LongVowelMark,
    Rule::SmallKana,
];

/// The raw input, normalized in every mode.
pub struct RawText {
    /// The clean lines: the input normalized by the first mode (the default normalizer).
    pub lines: Vec<String>,
    /// The safe edits and the suggestions, by rule and mode (the mode's index).
    pub counts: BTreeMap<(Rule, usize), (usize, usize)>,
    /// The first safe edits of the kana typo rules, described.
    pub edits: Vec<String>,
    /// A dump line per safe edit of the kana typo rules.
    pub dump: String,
}

/// Normalizes each line of `text` in every mode: the first makes the clean baseline, and
/// what the kana typo rules change is either a typo of the input or a wrong fix (judge by eye).
pub fn raw_text(text: &str, modes: &[Mode], examples: usize) -> RawText {
    let mut raw = RawText {
        lines: Vec::new(),
        counts: BTreeMap::new(),
        edits: Vec::new(),
        dump: String::new(),
    };
    for (mi, m) in modes.iter().enumerate() {
        for line in text.lines() {
            let n = m.normalizer.normalize(line);
            for e in n.edits().iter().chain(n.suggestions()) {
                let c = raw.counts.entry((e.rule(), mi)).or_default();
                if e.is_safe() {
                    c.0 += 1;
                } else {
                    c.1 += 1;
                }
                if !e.is_safe() || !TYPO_RULES.contains(&e.rule()) {
                    continue;
                }
                let (ctx, what) = (around(line, e.range(), 12), describe(e));
                if raw.edits.len() < 4 * examples {
                    raw.edits.push(format!("{}: `{ctx}` {what}", m.name));
                }
                let _ = writeln!(
                    raw.dump,
                    "raw text\t{}\t\t\tsafe edit\t{ctx}\t\t{what}",
                    m.name
                );
            }
            if mi == 0 {
                raw.lines.push(n.into_text().into_owned());
            }
        }
    }
    raw
}

/// What a mode does to the clean lines: every safe edit there is a change to normalized text.
pub struct CleanCheck {
    /// The mode's name.
    pub mode: &'static str,
    /// Lines it changes.
    pub changed: usize,
    /// Its safe edits.
    pub edits: usize,
    /// Its suggestions.
    pub suggestions: usize,
}

/// Normalizes the clean `lines` again in every mode; also returns the first `examples` safe
/// edits, described.
pub fn check_clean(
    modes: &[Mode],
    lines: &[String],
    examples: usize,
) -> (Vec<CleanCheck>, Vec<String>) {
    let mut described = Vec::new();
    let checks = modes
        .iter()
        .map(|m| {
            let mut check = CleanCheck {
                mode: m.name,
                changed: 0,
                edits: 0,
                suggestions: 0,
            };
            for line in lines {
                let n = m.normalizer.normalize(line);
                check.changed += usize::from(n.is_changed());
                check.edits += n.edits().len();
                check.suggestions += n.suggestions().len();
                for e in n.edits() {
                    if described.len() < examples {
                        described.push(format!("{}: {} in {line}", m.name, describe(e)));
                    }
                }
            }
            check
        })
        .collect();
    (checks, described)
}
