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
//!
//! The parts: [`unit`] reads a segment's characters into units and finds where segments start;
//! [`segment`] cuts a segment, judges its surroundings and emits the edits; [`decide`] decides
//! each unit; [`confirm`] asks the dictionary about the suggestions (feature `morphology`).

#[cfg(feature = "morphology")]
mod confirm;
mod decide;
mod segment;
mod unit;

use crate::rule::Rule;

// The parts call each other; each sees the others' items through `use super::*`.
#[cfg(feature = "morphology")]
use confirm::*;
use decide::*;
#[cfg(feature = "morphology")]
use segment::*;
use unit::*;

pub(crate) use segment::segment;
pub(crate) use unit::{
    is_plain_katakana_word, lone_look_alike, long_vowel_look_alike, look_alike_ending_word,
    needs_word, word_start,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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
pub(super) enum Out {
    Char(char),
    Delete,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Fix {
    pub(super) out: Out,
    pub(super) rule: Rule,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) orig: char,
    /// After width and voiced-mark mapping.
    pub(super) mapped: char,
    pub(super) map_rule: Option<Rule>,
    pub(super) kind: Kind,
    /// The fix with safe fixes only, and with unsafe fixes too.
    pub(super) fix: [Option<Fix>; 2],
    /// A kanji look-alike right before a voiced mark (夕゛): left as it is, since the katakana
    /// it stands for would take the mark on a second pass (ダ).
    pub(super) before_mark: bool,
    /// A katakana this look-alike may stand for where the rules suggest nothing, because the
    /// neighbours make a real word as likely (よりスムーズ, 外部へアクセス, バイト数 with 卜):
    /// only the dictionary, reading the words around it, can make it a fix.
    pub(super) probe: Option<char>,
}

impl Unit {
    /// A probe that no rule has made a suggestion of: it reads as written until the dictionary
    /// confirms it.
    #[cfg(feature = "morphology")]
    pub(super) fn is_bare_probe(&self) -> bool {
        self.fix[1].is_none() && self.probe.is_some()
    }
}

/// What precedes a segment, for hiragana that may be a particle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Before {
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
pub(super) enum Class {
    /// A katakana letter or a look-alike that may stand for one.
    Letter { small: bool },
    /// ー (or a dash converted to it in this mode).
    Prolonged,
    /// A dash that stays a dash, or nothing (the segment's edge).
    Other,
}

impl Class {
    pub(super) fn is_letter(self) -> bool {
        matches!(self, Class::Letter { .. })
    }
    pub(super) fn is_kana(self) -> bool {
        self != Class::Other
    }
    /// A word cannot start with this: the look-alike before it belongs to the word.
    pub(super) fn is_tight(self) -> bool {
        matches!(self, Class::Prolonged | Class::Letter { small: true })
    }
}
