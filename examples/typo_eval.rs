//! Kana typo evaluation: injects one typo of each class into clean real text and reports, per
//! class, how often the normalizer restores it (recall) and how often a safe fix is wrong
//! (precision), with the dictionary check (the default normalizer) and without it.
//!
//! ```sh
//! cargo run --release --example typo_eval -- PATH [--seed N] [--trials N] [--examples N] [--misses N] [--dump FILE]
//! ```
//!
//! Each line of PATH (any UTF-8 file) is first normalized with the default normalizer: that
//! is the clean text. Katakana words are the maximal runs of katakana letters (U+30A1..U+30FA)
//! and ー of three characters or more in it. For each class, the eligible positions of the
//! whole file are collected and up to `--trials` (default 2000) of them are drawn at random
//! with `--seed` (default 1); each trial puts one typo into its line. The injected line is
//! normalized by each normalizer, and its edits are judged against the clean line:
//!
//! - an applied (safe) edit that covers the typo and replaces it with exactly the clean text
//!   restores it; every other safe edit that the clean line does not get is a wrong fix;
//! - a trial is restored when safe edits restore every changed character, suggested when
//!   suggestions (with the safe edits) would, and missed otherwise.
//!
//! `--examples N` (default 10) is how many examples of each kind the report shows, and
//! `--misses N` (default: as many) how many misses of each class and mode, with their context.
//! For the classes broken down by character, the misses and suggestions are also counted by
//! what is next to the typo: the character before the word for a typo at its start, the one
//! after it at its end (the neighbour decides whether a look-alike may be a word of its own).
//!
//! `--dump FILE` writes every miss, every typo left as a suggestion and every wrong fix (and
//! the safe edits of the kana typo rules on the raw text) as tab-separated lines.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::process::ExitCode;
use std::time::Instant;

use seisho::{Edit, Normalizer, Rule};
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Hiragana,
    Kanji,
    LongVowelKanji,
    LongVowelDash,
    SmallKana,
    SmallSokuonYoon,
    Halfwidth,
    Voiced,
}

const CLASSES: [Class; 8] = [
    Class::Hiragana,
    Class::Kanji,
    Class::LongVowelKanji,
    Class::LongVowelDash,
    Class::SmallKana,
    Class::SmallSokuonYoon,
    Class::Halfwidth,
    Class::Voiced,
];

impl Class {
    fn name(self) -> &'static str {
        match self {
            Class::Hiragana => "hiragana-in-katakana",
            Class::Kanji => "kanji-in-katakana",
            Class::LongVowelKanji => "long-vowel-mark ー→一",
            Class::LongVowelDash => "long-vowel-mark ー→－",
            Class::SmallKana => "small-kana",
            Class::SmallSokuonYoon => "small-kana (ッ ャ ュ ョ)",
            Class::Halfwidth => "halfwidth-kana (word)",
            Class::Voiced => "voiced-sound-mark (゛ ゜)",
        }
    }

    /// Whether the class is broken down by the character injected.
    fn by_char(self) -> bool {
        matches!(
            self,
            Class::Hiragana | Class::Kanji | Class::SmallKana | Class::SmallSokuonYoon
        )
    }
}

fn hiragana_typo(c: char) -> Option<char> {
    Some(match c {
        'ヘ' => 'へ',
        'ベ' => 'べ',
        'ペ' => 'ぺ',
        'リ' => 'り',
        _ => return None,
    })
}

fn kanji_typo(c: char) -> Option<char> {
    Some(match c {
        'カ' => '力',
        'エ' => '工',
        'ロ' => '口',
        'ニ' => '二',
        'ハ' => '八',
        'タ' => '夕',
        'ト' => '卜',
        'オ' => '才',
        'チ' => '千',
        'ミ' => '三',
        _ => return None,
    })
}

/// The large kana for a small one after `prev`, where the rules write it small (as
/// `small_form` in `src/normalize/kana.rs`): ファ → フア, シェ → シエ, テュ → テユ.
fn small_kana_typo(prev: char, c: char) -> Option<char> {
    let large = match c {
        'ァ' => 'ア',
        'ィ' => 'イ',
        'ェ' => 'エ',
        'ォ' => 'オ',
        'ュ' => 'ユ',
        _ => return None,
    };
    let fits = match prev {
        'フ' | 'ヴ' => matches!(large, 'ア' | 'イ' | 'エ' | 'オ'),
        'シ' | 'ジ' | 'チ' => large == 'エ',
        'テ' | 'デ' => large == 'ユ',
        _ => false,
    };
    fits.then_some(large)
}

/// The large kana for a small ッ ャ ュ ョ inside a katakana word (パッケージ → パツケージ,
/// キャンセル → キヤンセル), where `small_kana_typo` does not cover it: ッ between two letters,
/// ャ ュ ョ after a letter.
fn sokuon_yoon_typo(prev: char, c: char, next: Option<char>) -> Option<char> {
    if small_kana_typo(prev, c).is_some() || !is_katakana_letter(prev) {
        return None;
    }
    match c {
        'ッ' if next.is_some_and(is_katakana_letter) => Some('ツ'),
        'ャ' => Some('ヤ'),
        'ュ' => Some('ユ'),
        'ョ' => Some('ヨ'),
        _ => None,
    }
}

fn is_katakana_letter(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}')
}

/// A voiced or semi-voiced katakana written as its base and a spacing mark: ガ → カ゛.
fn voiced_typo(c: char) -> Option<String> {
    let mut d = std::iter::once(c).nfd();
    let (base, mark) = (d.next()?, d.next()?);
    let spacing = match mark {
        '\u{3099}' => '゛',
        '\u{309A}' => '゜',
        _ => return None,
    };
    (d.next().is_none() && base != c).then(|| format!("{base}{spacing}"))
}

/// Full-width katakana to half-width (with ﾞ ﾟ for voiced ones), from the NFKC mapping of the
/// half-width block.
struct Halfwidth(BTreeMap<char, String>);

impl Halfwidth {
    fn new() -> Self {
        let mut map = BTreeMap::new();
        for h in '\u{FF66}'..='\u{FF9D}' {
            let full: String = std::iter::once(h).nfkc().collect();
            let mut it = full.chars();
            if let (Some(f), None) = (it.next(), it.next()) {
                map.insert(f, h.to_string());
            }
        }
        let bases: Vec<(char, String)> = map.iter().map(|(k, v)| (*k, v.clone())).collect();
        for (full, half) in bases {
            for (mark, half_mark) in [('\u{3099}', 'ﾞ'), ('\u{309A}', 'ﾟ')] {
                let composed: String = [full, mark].into_iter().nfc().collect();
                let mut it = composed.chars();
                if let (Some(c), None) = (it.next(), it.next()) {
                    map.entry(c).or_insert_with(|| format!("{half}{half_mark}"));
                }
            }
        }
        Halfwidth(map)
    }

    fn of(&self, c: char) -> Option<&str> {
        self.0.get(&c).map(String::as_str)
    }
}

fn is_word_char(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// Where the typo is in its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Start,
    Middle,
    End,
    Word,
}

impl Place {
    fn name(self) -> &'static str {
        match self {
            Place::Start => "word start",
            Place::Middle => "inside",
            Place::End => "word end",
            Place::Word => "whole word",
        }
    }
}

/// An eligible position: the character (or, for `Halfwidth`, the word) at `at` of line `line`.
#[derive(Debug, Clone, Copy)]
struct Site {
    line: usize,
    word: (usize, usize),
    at: (usize, usize),
    place: Place,
}

fn find_sites(lines: &[String], half: &Halfwidth) -> BTreeMap<Class, Vec<Site>> {
    let mut sites: BTreeMap<Class, Vec<Site>> = CLASSES.iter().map(|&c| (c, Vec::new())).collect();
    let mut chars: Vec<(usize, char)> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        let mut it = line.char_indices().peekable();
        while let Some(&(start, c)) = it.peek() {
            if !is_word_char(c) {
                it.next();
                continue;
            }
            chars.clear();
            while let Some(&(i, c)) = it.peek() {
                if !is_word_char(c) {
                    break;
                }
                chars.push((i, c));
                it.next();
            }
            if chars.len() < 3 {
                continue;
            }
            let end = chars.last().map_or(start, |&(i, c)| i + c.len_utf8());
            let n = chars.len();
            let site = |k: usize| {
                let (i, c) = chars[k];
                Site {
                    line: li,
                    word: (start, end),
                    at: (i, i + c.len_utf8()),
                    place: match k {
                        0 => Place::Start,
                        k if k + 1 == n => Place::End,
                        _ => Place::Middle,
                    },
                }
            };
            for k in 0..n {
                let c = chars[k].1;
                let mut add = |class: Class| sites.get_mut(&class).unwrap().push(site(k));
                if hiragana_typo(c).is_some() {
                    add(Class::Hiragana);
                }
                if kanji_typo(c).is_some() {
                    add(Class::Kanji);
                }
                if c == 'ー'
                    && k > 0
                    && k + 1 < n
                    && chars[k - 1].1 != 'ー'
                    && chars[k + 1].1 != 'ー'
                {
                    add(Class::LongVowelKanji);
                    add(Class::LongVowelDash);
                }
                if k > 0 && small_kana_typo(chars[k - 1].1, c).is_some() {
                    add(Class::SmallKana);
                }
                let next = chars.get(k + 1).map(|&(_, c)| c);
                if k > 0 && sokuon_yoon_typo(chars[k - 1].1, c, next).is_some() {
                    add(Class::SmallSokuonYoon);
                }
                if voiced_typo(c).is_some() {
                    add(Class::Voiced);
                }
            }
            if chars.iter().all(|&(_, c)| half.of(c).is_some()) {
                sites.get_mut(&Class::Halfwidth).unwrap().push(Site {
                    line: li,
                    word: (start, end),
                    at: (start, end),
                    place: Place::Word,
                });
            }
        }
    }
    sites
}

/// One changed character: its range in the clean line and in the injected line.
#[derive(Debug, Clone)]
struct Chunk {
    clean: Range<usize>,
    typo: Range<usize>,
}

/// A line with one typo.
struct Injected {
    text: String,
    chunks: Vec<Chunk>,
    clean_span: Range<usize>,
    typo_span: Range<usize>,
}

impl Injected {
    fn new(class: Class, clean: &str, site: &Site, half: &Halfwidth) -> Injected {
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

    fn overlaps_typo(&self, r: &Range<usize>) -> bool {
        self.chunks
            .iter()
            .any(|c| c.typo.start < r.end && r.start < c.typo.end)
    }

    /// Whether edit `e` (over the injected line) replaces what it covers with the clean text.
    fn restores(&self, clean: &str, e: &Edit<'_>) -> bool {
        let r = e.range();
        if !self.overlaps_typo(&r) {
            return false;
        }
        match (self.to_clean(r.start), self.to_clean(r.end)) {
            (Some(a), Some(b)) => a <= b && clean[a..b] == *e.replacement(),
            _ => false,
        }
    }

    /// Whether every changed character is covered by one of `edits`.
    fn covered(&self, edits: &[&Edit<'_>]) -> bool {
        self.chunks.iter().all(|c| {
            edits
                .iter()
                .any(|e| e.range().start <= c.typo.start && c.typo.end <= e.range().end)
        })
    }

    /// The injected line around the typo, marked ⟦…⟧.
    fn context(&self, width: usize) -> String {
        around(&self.text, self.typo_span.clone(), width)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Restored,
    Suggested,
    Missed,
}

#[derive(Default, Clone)]
struct Counts {
    injected: usize,
    restored: usize,
    suggested: usize,
    missed: usize,
    /// Safe edits that restore a typo.
    right_edits: usize,
    /// Safe edits the clean line does not get and that do not restore the typo.
    wrong_edits: usize,
    /// Trials with at least one wrong edit.
    wrong_trials: usize,
}

impl Counts {
    fn add(&mut self, outcome: Outcome, right: usize, wrong: usize) {
        self.injected += 1;
        match outcome {
            Outcome::Restored => self.restored += 1,
            Outcome::Suggested => self.suggested += 1,
            Outcome::Missed => self.missed += 1,
        }
        self.right_edits += right;
        self.wrong_edits += wrong;
        self.wrong_trials += usize::from(wrong > 0);
    }

    fn precision(&self) -> Option<f64> {
        let all = self.right_edits + self.wrong_edits;
        (all > 0).then(|| self.right_edits as f64 / all as f64)
    }

    fn recall_safe(&self) -> Option<f64> {
        (self.injected > 0).then(|| self.restored as f64 / self.injected as f64)
    }

    fn recall_any(&self) -> Option<f64> {
        (self.injected > 0).then(|| (self.restored + self.suggested) as f64 / self.injected as f64)
    }
}

fn ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |x| format!("{x:.3}"))
}

/// The rules that fix kana typos: their safe edits on real text may be wrong.
const TYPO_RULES: [Rule; 4] = [
    Rule::HiraganaInKatakana,
    Rule::KanjiInKatakana,
    Rule::LongVowelMark,
    Rule::SmallKana,
];

/// What is next to a typo at `place`: the character before the word for a typo at its start,
/// the one after for a typo at its end.
fn neighbour(text: &str, typo: Range<usize>, place: Place) -> &'static str {
    let c = match place {
        Place::Start => text[..typo.start].chars().next_back(),
        Place::End => text[typo.end..].chars().next(),
        Place::Middle | Place::Word => return "katakana",
    };
    match c {
        None => "line edge",
        Some('の') => "の",
        Some('へ') => "へ",
        Some(c @ '\u{3041}'..='\u{309F}') if c != '\u{3099}' && c != '\u{309A}' => "hiragana",
        Some('\u{30A1}'..='\u{30FA}' | 'ー') => "katakana",
        Some('\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々') => "kanji",
        Some(c) if c.is_whitespace() => "space",
        Some(c) if c.is_ascii_alphanumeric() => "ASCII letter or digit",
        Some(_) => "punctuation or symbol",
    }
}

/// `text` around `range`, the range marked ⟦…⟧.
fn around(text: &str, range: Range<usize>, width: usize) -> String {
    let before: Vec<char> = text[..range.start].chars().rev().take(width).collect();
    let before: String = before.into_iter().rev().collect();
    let after: String = text[range.end..].chars().take(width).collect();
    format!("{before}⟦{}⟧{after}", &text[range]).replace('\t', " ")
}

fn describe(e: &Edit<'_>) -> String {
    format!(
        "{}→{} [{}{}]",
        e.original(),
        e.replacement(),
        e.rule(),
        if e.is_safe() { "" } else { ", suggested" }
    )
}

struct Mode {
    name: &'static str,
    normalizer: Normalizer,
}

#[derive(Default)]
struct Report {
    counts: Counts,
    by_place: BTreeMap<Place, Counts>,
    by_char: BTreeMap<String, Counts>,
    /// Trials not restored, by place, outcome and neighbour.
    by_neighbour: BTreeMap<(Place, &'static str, &'static str), usize>,
    misses: Vec<String>,
    wrongs: Vec<String>,
}

struct Options {
    path: String,
    seed: u64,
    trials: usize,
    examples: usize,
    misses: Option<usize>,
    dump: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut o = Options {
        path: String::new(),
        seed: 1,
        trials: 2000,
        examples: 10,
        misses: None,
        dump: None,
    };
    let mut path = None;
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--seed" => {
                o.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--trials" => {
                o.trials = value("--trials")?
                    .parse()
                    .map_err(|e| format!("--trials: {e}"))?
            }
            "--examples" => {
                o.examples = value("--examples")?
                    .parse()
                    .map_err(|e| format!("--examples: {e}"))?
            }
            "--misses" => {
                o.misses = Some(
                    value("--misses")?
                        .parse()
                        .map_err(|e| format!("--misses: {e}"))?,
                )
            }
            "--dump" => o.dump = Some(value("--dump")?),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ if path.is_none() => path = Some(a),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    o.path = path.ok_or("no input file")?;
    Ok(o)
}

/// SplitMix64: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Draws up to `k` of `sites` without replacement, in random order.
fn sample(sites: &[Site], k: usize, rng: &mut Rng) -> Vec<Site> {
    let mut v = sites.to_vec();
    let k = k.min(v.len());
    for i in 0..k {
        let j = i + rng.below(v.len() - i);
        v.swap(i, j);
    }
    v.truncate(k);
    v
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("typo_eval: {e}");
            eprintln!(
                "usage: cargo run --release --example typo_eval -- PATH [--seed N] [--trials N] \
                 [--examples N] [--misses N] [--dump FILE]"
            );
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(&o.path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("typo_eval: {}: {e}", o.path);
            return ExitCode::FAILURE;
        }
    };
    let t0 = Instant::now();
    let modes = [
        Mode {
            name: "dictionary",
            normalizer: Normalizer::default(),
        },
        Mode {
            name: "no dictionary",
            normalizer: Normalizer::builder().dictionary(false).build(),
        },
    ];
    // Warm the dictionary so its loading is not counted in a phase.
    let _ = modes[0].normalizer.normalize("力メラ");
    let t_load = t0.elapsed();

    // The raw text: the default normalizer makes the clean baseline, and what the kana typo
    // rules change in it is either a typo of the input or a wrong fix (judge by eye).
    let t = Instant::now();
    let mut lines: Vec<String> = Vec::new();
    let mut raw_counts: BTreeMap<(Rule, usize), (usize, usize)> = BTreeMap::new();
    let mut raw_edits: Vec<String> = Vec::new();
    let mut raw_dump = String::new();
    for (mi, m) in modes.iter().enumerate() {
        for raw in text.lines() {
            let n = m.normalizer.normalize(raw);
            for e in n.edits().iter().chain(n.suggestions()) {
                let c = raw_counts.entry((e.rule(), mi)).or_default();
                if e.is_safe() {
                    c.0 += 1;
                } else {
                    c.1 += 1;
                }
                if !e.is_safe() || !TYPO_RULES.contains(&e.rule()) {
                    continue;
                }
                let (ctx, what) = (around(raw, e.range(), 12), describe(e));
                if raw_edits.len() < 4 * o.examples {
                    raw_edits.push(format!("{}: `{ctx}` {what}", m.name));
                }
                let _ = writeln!(
                    raw_dump,
                    "raw text\t{}\t\t\tsafe edit\t{ctx}\t\t{what}",
                    m.name
                );
            }
            if mi == 0 {
                lines.push(n.into_text().into_owned());
            }
        }
    }
    let t_clean = t.elapsed();

    let t = Instant::now();
    let half = Halfwidth::new();
    let sites = find_sites(&lines, &half);
    let t_sites = t.elapsed();

    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Kana typo evaluation\n\ninput: {} ({} bytes, {} lines); seed {}, up to {} trials per class\n",
        o.path,
        text.len(),
        lines.len(),
        o.seed,
        o.trials
    );

    let _ = writeln!(out, "## Raw text\n");
    let _ = writeln!(
        out,
        "What the normalizer does to the input as it is (this makes the clean baseline).\n"
    );
    let _ = writeln!(out, "| Rule | Mode | Safe edits | Suggestions |");
    let _ = writeln!(out, "| --- | --- | ---: | ---: |");
    for (&(rule, mi), &(safe, suggested)) in &raw_counts {
        let _ = writeln!(
            out,
            "| {rule} | {} | {safe} | {suggested} |",
            modes[mi].name
        );
    }
    let total: usize = raw_dump.lines().count();
    if total > 0 {
        let _ = writeln!(
            out,
            "\nSafe edits of the kana typo rules on the raw text (first {} of {total}):\n",
            raw_edits.len()
        );
        for e in &raw_edits {
            let _ = writeln!(out, "- {e}");
        }
    }
    let _ = writeln!(out);

    // The clean lines themselves: every safe edit there is a change to normalized text.
    let t = Instant::now();
    let _ = writeln!(out, "## Clean lines\n");
    let _ = writeln!(
        out,
        "| Mode | Lines | Lines changed | Safe edits | Suggestions |"
    );
    let _ = writeln!(out, "| --- | ---: | ---: | ---: | ---: |");
    let mut clean_examples = Vec::new();
    for m in &modes {
        let (mut changed, mut edits, mut suggestions) = (0, 0, 0);
        for line in &lines {
            let n = m.normalizer.normalize(line);
            changed += usize::from(n.is_changed());
            edits += n.edits().len();
            suggestions += n.suggestions().len();
            for e in n.edits() {
                if clean_examples.len() < o.examples {
                    clean_examples.push(format!("{}: {} in {line}", m.name, describe(e)));
                }
            }
        }
        let _ = writeln!(
            out,
            "| {} | {} | {changed} | {edits} | {suggestions} |",
            m.name,
            lines.len()
        );
    }
    for e in &clean_examples {
        let _ = writeln!(out, "- {e}");
    }
    let t_clean_check = t.elapsed();

    let mut dump = o.dump.as_ref().map(|_| {
        String::from("class\tmode\tplace\tinjected\toutcome\tcontext\tclean word\tdetail\n")
    });
    let t = Instant::now();
    let mut reports: BTreeMap<(Class, usize), Report> = CLASSES
        .iter()
        .flat_map(|&c| (0..modes.len()).map(move |mi| ((c, mi), Report::default())))
        .collect();
    for (ci, &class) in CLASSES.iter().enumerate() {
        let mut rng = Rng(o.seed ^ (ci as u64 + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93));
        let drawn = sample(&sites[&class], o.trials, &mut rng);
        for site in &drawn {
            let clean = &lines[site.line];
            let inj = Injected::new(class, clean, site, &half);
            let word = &clean[site.word.0..site.word.1];
            let injected_chars = inj.text[inj.typo_span.clone()].to_owned();
            let key = format!("{}→{}", &clean[inj.clean_span.clone()], injected_chars);
            for (mi, m) in modes.iter().enumerate() {
                let base = m.normalizer.normalize(clean);
                let n = m.normalizer.normalize(&inj.text);
                let mut right: Vec<&Edit<'_>> = Vec::new();
                let mut wrong: Vec<&Edit<'_>> = Vec::new();
                for e in n.edits() {
                    if inj.restores(clean, e) {
                        right.push(e);
                        continue;
                    }
                    let in_base = !inj.overlaps_typo(&e.range())
                        && match (inj.to_clean(e.range().start), inj.to_clean(e.range().end)) {
                            (Some(a), Some(b)) => base.edits().iter().any(|b0| {
                                b0.range() == (a..b) && b0.replacement() == e.replacement()
                            }),
                            _ => false,
                        };
                    if !in_base {
                        wrong.push(e);
                    }
                }
                let offered: Vec<&Edit<'_>> = right
                    .iter()
                    .copied()
                    .chain(n.suggestions().iter().filter(|s| inj.restores(clean, s)))
                    .collect();
                let outcome = if inj.covered(&right) {
                    Outcome::Restored
                } else if inj.covered(&offered) {
                    Outcome::Suggested
                } else {
                    Outcome::Missed
                };
                let r = reports.entry((class, mi)).or_default();
                r.counts.add(outcome, right.len(), wrong.len());
                r.by_place
                    .entry(site.place)
                    .or_default()
                    .add(outcome, right.len(), wrong.len());
                if class.by_char() {
                    r.by_char.entry(key.clone()).or_default().add(
                        outcome,
                        right.len(),
                        wrong.len(),
                    );
                }
                let near = |e: &&Edit<'_>| {
                    let er = e.range();
                    er.start <= inj.typo_span.end + 6 && inj.typo_span.start <= er.end + 6
                };
                let nearby: Vec<String> = n
                    .edits()
                    .iter()
                    .chain(n.suggestions())
                    .filter(near)
                    .map(describe)
                    .collect();
                let detail = if nearby.is_empty() {
                    "no edit or suggestion near it".to_owned()
                } else {
                    nearby.join("; ")
                };
                let ctx = inj.context(12);
                if class.by_char() && outcome != Outcome::Restored {
                    let what = if outcome == Outcome::Missed {
                        "missed"
                    } else {
                        "suggested"
                    };
                    let side = neighbour(&inj.text, inj.typo_span.clone(), site.place);
                    *r.by_neighbour.entry((site.place, what, side)).or_default() += 1;
                }
                if outcome == Outcome::Missed && r.misses.len() < o.misses.unwrap_or(o.examples) {
                    r.misses
                        .push(format!("`{ctx}` ({}, {word}): {detail}", site.place.name()));
                }
                if let (Some(d), Outcome::Missed | Outcome::Suggested) = (dump.as_mut(), outcome) {
                    let _ = writeln!(
                        d,
                        "{}\t{}\t{}\t{key}\t{}\t{ctx}\t{word}\t{detail}",
                        class.name(),
                        m.name,
                        site.place.name(),
                        if outcome == Outcome::Missed {
                            "missed"
                        } else {
                            "suggested"
                        }
                    );
                }
                for e in &wrong {
                    let what = describe(e);
                    if r.wrongs.len() < o.examples {
                        r.wrongs
                            .push(format!("`{ctx}` ({}, {word}): {what}", site.place.name()));
                    }
                    if let Some(d) = dump.as_mut() {
                        let _ = writeln!(
                            d,
                            "{}\t{}\t{}\t{key}\twrong fix\t{ctx}\t{word}\t{what}",
                            class.name(),
                            m.name,
                            site.place.name()
                        );
                    }
                }
            }
        }
    }
    let t_trials = t.elapsed();

    let _ = writeln!(out, "\n## Results\n");
    let _ = writeln!(
        out,
        "| Class | Mode | Injected | Restored (safe) | Suggested | Missed | Wrong safe fixes | precision_safe | recall_safe | recall_any |"
    );
    let _ = writeln!(
        out,
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for (&(class, mi), r) in &reports {
        let c = &r.counts;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            class.name(),
            modes[mi].name,
            c.injected,
            c.restored,
            c.suggested,
            c.missed,
            c.wrong_edits,
            ratio(c.precision()),
            ratio(c.recall_safe()),
            ratio(c.recall_any())
        );
    }
    let _ = writeln!(
        out,
        "\nEligible positions in the clean text: {}",
        CLASSES
            .iter()
            .map(|c| format!("{} {}", c.name(), sites[c].len()))
            .collect::<Vec<_>>()
            .join(", ")
    );

    let _ = writeln!(out, "\n## By place in the word\n");
    let _ = writeln!(
        out,
        "| Class | Place | Mode | Injected | Restored | Suggested | Missed | Wrong safe fixes |"
    );
    let _ = writeln!(
        out,
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
    );
    for (&(class, mi), r) in &reports {
        for (place, c) in &r.by_place {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                class.name(),
                place.name(),
                modes[mi].name,
                c.injected,
                c.restored,
                c.suggested,
                c.missed,
                c.wrong_edits
            );
        }
    }

    let _ = writeln!(out, "\n## By character injected\n");
    let _ = writeln!(
        out,
        "| Class | Typo | Mode | Injected | Restored | Suggested | Missed | Wrong safe fixes |"
    );
    let _ = writeln!(
        out,
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
    );
    for (&(class, mi), r) in &reports {
        for (key, c) in &r.by_char {
            let _ = writeln!(
                out,
                "| {} | {key} | {} | {} | {} | {} | {} | {} |",
                class.name(),
                modes[mi].name,
                c.injected,
                c.restored,
                c.suggested,
                c.missed,
                c.wrong_edits
            );
        }
    }

    let _ = writeln!(out, "\n## Not restored, by neighbour\n");
    let _ = writeln!(
        out,
        "The character before the word for a typo at its start, after it at its end.\n"
    );
    let _ = writeln!(
        out,
        "| Class | Mode | Place | Outcome | Neighbour | Trials |"
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- | ---: |");
    for (&(class, mi), r) in &reports {
        let mut rows: Vec<(&(Place, &str, &str), &usize)> = r.by_neighbour.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for ((place, what, side), n) in rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {what} | {side} | {n} |",
                class.name(),
                modes[mi].name,
                place.name()
            );
        }
    }

    let _ = writeln!(out, "\n## Examples\n");
    for (&(class, mi), r) in &reports {
        if r.misses.is_empty() && r.wrongs.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}, {}\n", class.name(), modes[mi].name);
        if !r.misses.is_empty() {
            let _ = writeln!(
                out,
                "Misses (first {} of {}):\n",
                r.misses.len(),
                r.counts.missed
            );
            for m in &r.misses {
                let _ = writeln!(out, "- {m}");
            }
            let _ = writeln!(out);
        }
        if !r.wrongs.is_empty() {
            let _ = writeln!(
                out,
                "Wrong safe fixes (first {} of {}):\n",
                r.wrongs.len(),
                r.counts.wrong_edits
            );
            for m in &r.wrongs {
                let _ = writeln!(out, "- {m}");
            }
            let _ = writeln!(out);
        }
    }

    let _ = writeln!(
        out,
        "## Time\n\ndictionary load {:.2} s, raw text in both modes (makes the baseline) {:.2} s, sites {:.2} s, clean-line check {:.2} s, trials {:.2} s, total {:.2} s",
        t_load.as_secs_f64(),
        t_clean.as_secs_f64(),
        t_sites.as_secs_f64(),
        t_clean_check.as_secs_f64(),
        t_trials.as_secs_f64(),
        t0.elapsed().as_secs_f64()
    );
    print!("{out}");

    if let (Some(path), Some(mut d)) = (&o.dump, dump) {
        d.push_str(&raw_dump);
        if let Err(e) = std::fs::write(path, d) {
            eprintln!("typo_eval: {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
