//! A clean line with one typo injected, and how the normalizer's edits of it relate to the
//! clean line.

use std::ops::Range;

use seisho::Edit;

use crate::report::around;
use crate::typos::{
    hiragana_typo, kanji_typo, small_kana_typo, sokuon_yoon_typo, voiced_typo, Class, Halfwidth,
    Site,
};

/// One changed character: its range in the clean line and in the injected line.
#[derive(Debug, Clone)]
struct Chunk {
    clean: Range<usize>,
    typo: Range<usize>,
}

/// A line with one typo.
pub struct Injected {
    /// The injected line.
    pub text: String,
    chunks: Vec<Chunk>,
    /// The typo's characters in the clean line.
    pub clean_span: Range<usize>,
    /// The typo in the injected line.
    pub typo_span: Range<usize>,
}

impl Injected {
    /// `clean` with a typo of `class` at `site`.
    pub fn new(class: Class, clean: &str, site: &Site, half: &Halfwidth) -> Injected {
        let at = site.at.0..site.at.1;
        let target = &clean[at.clone()];
        let mut pieces: Vec<(Range<usize>, String)> = Vec::new();
        let c = target.chars().next().unwrap();
        match class {
            Class::Hiragana => pieces.push((at.clone(), hiragana_typo(c).unwrap().to_string())),
            Class::Kanji => pieces.push((at.clone(), kanji_typo(c).unwrap().to_string())),
            Class::LongVowelKanji => pieces.push((at.clone(), "一".into())),
            Class::LongVowelDash => pieces.push((at.clone(), "－".into())),
            Class::SmallKana => {
                let prev = clean[..at.start].chars().next_back().unwrap();
                pieces.push((at.clone(), small_kana_typo(prev, c).unwrap().to_string()));
            }
            Class::SmallSokuonYoon => {
                let prev = clean[..at.start].chars().next_back().unwrap();
                let next = clean[at.end..].chars().next();
                let large = sokuon_yoon_typo(prev, c, next).unwrap();
                pieces.push((at.clone(), large.to_string()));
            }
            Class::Voiced => pieces.push((at.clone(), voiced_typo(c).unwrap())),
            Class::Halfwidth => {
                for (i, c) in target.char_indices() {
                    let r = at.start + i..at.start + i + c.len_utf8();
                    pieces.push((r, half.of(c).unwrap().to_owned()));
                }
            }
        }
        let mut text = String::with_capacity(clean.len() + 16);
        text.push_str(&clean[..at.start]);
        let mut chunks = Vec::with_capacity(pieces.len());
        for (r, typo) in pieces {
            let start = text.len();
            text.push_str(&typo);
            chunks.push(Chunk {
                clean: r,
                typo: start..text.len(),
            });
        }
        let typo_end = text.len();
        text.push_str(&clean[at.end..]);
        Injected {
            text,
            chunks,
            typo_span: at.start..typo_end,
            clean_span: at,
        }
    }

    /// The offset in the clean line of offset `x` of the injected line, if `x` is not inside a
    /// changed character.
    fn to_clean(&self, x: usize) -> Option<usize> {
        if x <= self.typo_span.start {
            Some(x)
        } else if x >= self.typo_span.end {
            Some(x - self.typo_span.end + self.clean_span.end)
        } else {
            self.chunks
                .iter()
                .find(|c| c.typo.start == x)
                .map(|c| c.clean.start)
        }
    }

    /// Whether range `r` of the injected line overlaps a changed character.
    fn overlaps_typo(&self, r: &Range<usize>) -> bool {
        self.chunks
            .iter()
            .any(|c| c.typo.start < r.end && r.start < c.typo.end)
    }

    /// Whether edit `e` (over the injected line) replaces what it covers with the clean text.
    pub fn restores(&self, clean: &str, e: &Edit<'_>) -> bool {
        let r = e.range();
        if !self.overlaps_typo(&r) {
            return false;
        }
        match (self.to_clean(r.start), self.to_clean(r.end)) {
            (Some(a), Some(b)) => a <= b && clean[a..b] == *e.replacement(),
            _ => false,
        }
    }

    /// Whether edit `e` (over the injected line) is one the clean line gets too: away from the
    /// typo, and among `base` (the clean line's edits) over the same text with the same
    /// replacement.
    pub fn in_clean(&self, e: &Edit<'_>, base: &[Edit<'_>]) -> bool {
        !self.overlaps_typo(&e.range())
            && match (self.to_clean(e.range().start), self.to_clean(e.range().end)) {
                (Some(a), Some(b)) => base
                    .iter()
                    .any(|b0| b0.range() == (a..b) && b0.replacement() == e.replacement()),
                _ => false,
            }
    }

    /// Whether range `r` of the injected line is within six bytes of the typo.
    pub fn is_near(&self, r: &Range<usize>) -> bool {
        r.start <= self.typo_span.end + 6 && self.typo_span.start <= r.end + 6
    }

    /// Whether every changed character is covered by one of `edits`.
    pub fn covered(&self, edits: &[&Edit<'_>]) -> bool {
        self.chunks.iter().all(|c| {
            edits
                .iter()
                .any(|e| e.range().start <= c.typo.start && c.typo.end <= e.range().end)
        })
    }

    /// The injected line around the typo, marked ⟦…⟧.
    pub fn context(&self, width: usize) -> String {
        around(&self.text, self.typo_span.clone(), width)
    }
}
