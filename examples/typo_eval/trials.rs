//! The trials: each draws an eligible site, injects a typo there, normalizes the line in each
//! mode and judges the edits against the clean line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use seisho::{Edit, Normalized};

use crate::inject::Injected;
use crate::options::Options;
use crate::report::describe;
use crate::typos::{Class, Halfwidth, Place, Site, CLASSES};
use crate::Mode;

/// How a trial went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Restored,
    Suggested,
    Missed,
}

impl Outcome {
    /// The outcome as the report and the dump name it (not for `Restored`).
    fn name(self) -> &'static str {
        if self == Outcome::Missed {
            "missed"
        } else {
            "suggested"
        }
    }
}

/// The trials of a class and mode (or of part of them), and what their safe edits did.
#[derive(Default, Clone)]
pub struct Counts {
    pub injected: usize,
    pub restored: usize,
    pub suggested: usize,
    pub missed: usize,
    /// Safe edits that restore a typo.
    pub right_edits: usize,
    /// Safe edits the clean line does not get and that do not restore the typo.
    pub wrong_edits: usize,
    /// Trials with at least one wrong edit.
    pub wrong_trials: usize,
}

impl Counts {
    /// Counts a trial with its `outcome` and its `right` and `wrong` safe edits.
    pub fn add(&mut self, outcome: Outcome, right: usize, wrong: usize) {
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

    /// The share of the safe edits that restore a typo.
    pub fn precision(&self) -> Option<f64> {
        let all = self.right_edits + self.wrong_edits;
        (all > 0).then(|| self.right_edits as f64 / all as f64)
    }

    /// The share of the trials restored by safe edits.
    pub fn recall_safe(&self) -> Option<f64> {
        (self.injected > 0).then(|| self.restored as f64 / self.injected as f64)
    }

    /// The share of the trials restored by safe edits or left as a suggestion.
    pub fn recall_any(&self) -> Option<f64> {
        (self.injected > 0).then(|| (self.restored + self.suggested) as f64 / self.injected as f64)
    }
}

/// The trials of one class in one mode.
#[derive(Default)]
pub struct Report {
    /// Over all the trials.
    pub counts: Counts,
    /// By where the typo is in its word.
    pub by_place: BTreeMap<Place, Counts>,
    /// By what was injected (`clean→typo`), for the classes broken down by character.
    pub by_char: BTreeMap<String, Counts>,
    /// Trials not restored, by place, outcome and neighbour.
    pub by_neighbour: BTreeMap<(Place, &'static str, &'static str), usize>,
    /// The first misses, with their context.
    pub misses: Vec<String>,
    /// The first wrong safe fixes, with their context.
    pub wrongs: Vec<String>,
}

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

/// SplitMix64: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    /// The next number.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
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

/// A report per class and mode (the mode's index).
pub type Reports = BTreeMap<(Class, usize), Report>;

/// What the trials found.
pub struct Trials {
    /// A report per class and mode.
    pub reports: Reports,
    /// With `--dump`: its header, and a line per miss, typo left as a suggestion and wrong fix.
    pub dump: Option<String>,
}

/// Runs up to `o.trials` trials of each class, drawn from its `sites` in the clean `lines`,
/// each judged in every mode.
pub fn run(
    o: &Options,
    modes: &[Mode],
    lines: &[String],
    sites: &BTreeMap<Class, Vec<Site>>,
    half: &Halfwidth,
) -> Trials {
    let mut dump = o.dump.as_ref().map(|_| {
        String::from("class\tmode\tplace\tinjected\toutcome\tcontext\tclean word\tdetail\n")
    });
    let mut reports: Reports = CLASSES
        .iter()
        .flat_map(|&c| (0..modes.len()).map(move |mi| ((c, mi), Report::default())))
        .collect();
    for (ci, &class) in CLASSES.iter().enumerate() {
        let mut rng = Rng(o.seed ^ (ci as u64 + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93));
        for site in &sample(&sites[&class], o.trials, &mut rng) {
            let trial = Trial::new(class, &lines[site.line], site, half);
            for (mi, m) in modes.iter().enumerate() {
                let r = reports.entry((class, mi)).or_default();
                trial.judge(m, o, r, dump.as_mut());
            }
        }
    }
    Trials { reports, dump }
}

/// One typo injected into a clean line.
struct Trial<'a> {
    class: Class,
    site: &'a Site,
    clean: &'a str,
    inj: Injected,
    /// The clean word the typo is in.
    word: &'a str,
    /// What was injected: `clean→typo`.
    key: String,
}

impl<'a> Trial<'a> {
    /// A typo of `class` at `site` of the line `clean`.
    fn new(class: Class, clean: &'a str, site: &'a Site, half: &Halfwidth) -> Self {
        let inj = Injected::new(class, clean, site, half);
        let key = format!(
            "{}→{}",
            &clean[inj.clean_span.clone()],
            &inj.text[inj.typo_span.clone()]
        );
        Trial {
            class,
            site,
            clean,
            word: &clean[site.word.0..site.word.1],
            inj,
            key,
        }
    }

    /// Normalizes the injected line in mode `m` and adds how it went to `r` (and to `dump`).
    fn judge(&self, m: &Mode, o: &Options, r: &mut Report, mut dump: Option<&mut String>) {
        let base = m.normalizer.normalize(self.clean);
        let n = m.normalizer.normalize(&self.inj.text);
        let (right, wrong) = self.split_edits(&base, &n);
        let outcome = self.outcome(&right, &n);
        self.count(r, outcome, right.len(), wrong.len());
        let detail = self.nearby(&n);
        let ctx = self.inj.context(12);
        if self.class.by_char() && outcome != Outcome::Restored {
            let side = neighbour(&self.inj.text, self.inj.typo_span.clone(), self.site.place);
            *r.by_neighbour
                .entry((self.site.place, outcome.name(), side))
                .or_default() += 1;
        }
        if outcome == Outcome::Missed && r.misses.len() < o.misses.unwrap_or(o.examples) {
            r.misses.push(self.example(&ctx, &detail));
        }
        if let (Some(d), Outcome::Missed | Outcome::Suggested) = (dump.as_deref_mut(), outcome) {
            self.dump_line(d, m, outcome.name(), &ctx, &detail);
        }
        for e in &wrong {
            let what = describe(e);
            if r.wrongs.len() < o.examples {
                r.wrongs.push(self.example(&ctx, &what));
            }
            if let Some(d) = dump.as_deref_mut() {
                self.dump_line(d, m, "wrong fix", &ctx, &what);
            }
        }
    }

    /// The safe edits of `n` (the injected line normalized) that restore the typo, and the
    /// wrong ones: those that do not, and that the clean line (normalized: `base`) does not get.
    fn split_edits<'n, 't>(
        &self,
        base: &Normalized<'_>,
        n: &'n Normalized<'t>,
    ) -> (Vec<&'n Edit<'t>>, Vec<&'n Edit<'t>>) {
        let (mut right, mut wrong) = (Vec::new(), Vec::new());
        for e in n.edits() {
            if self.inj.restores(self.clean, e) {
                right.push(e);
            } else if !self.inj.in_clean(e, base.edits()) {
                wrong.push(e);
            }
        }
        (right, wrong)
    }

    /// Restored when the `right` safe edits restore every changed character, suggested when
    /// the suggestions of `n` that restore one would (with them), missed otherwise.
    fn outcome(&self, right: &[&Edit<'_>], n: &Normalized<'_>) -> Outcome {
        let offered: Vec<&Edit<'_>> = right
            .iter()
            .copied()
            .chain(
                n.suggestions()
                    .iter()
                    .filter(|s| self.inj.restores(self.clean, s)),
            )
            .collect();
        if self.inj.covered(right) {
            Outcome::Restored
        } else if self.inj.covered(&offered) {
            Outcome::Suggested
        } else {
            Outcome::Missed
        }
    }

    /// Counts the trial in `r`: overall, by place and (for the classes broken down so) by
    /// character.
    fn count(&self, r: &mut Report, outcome: Outcome, right: usize, wrong: usize) {
        r.counts.add(outcome, right, wrong);
        r.by_place
            .entry(self.site.place)
            .or_default()
            .add(outcome, right, wrong);
        if self.class.by_char() {
            r.by_char
                .entry(self.key.clone())
                .or_default()
                .add(outcome, right, wrong);
        }
    }

    /// The edits and suggestions of `n` near the typo, described.
    fn nearby(&self, n: &Normalized<'_>) -> String {
        let nearby: Vec<String> = n
            .edits()
            .iter()
            .chain(n.suggestions())
            .filter(|e| self.inj.is_near(&e.range()))
            .map(describe)
            .collect();
        if nearby.is_empty() {
            "no edit or suggestion near it".to_owned()
        } else {
            nearby.join("; ")
        }
    }

    /// An example for the report: the context `ctx`, where the typo is and `what` happened.
    fn example(&self, ctx: &str, what: &str) -> String {
        format!(
            "`{ctx}` ({}, {}): {what}",
            self.site.place.name(),
            self.word
        )
    }

    /// A line of the dump: the trial, in mode `m`, with its `outcome`, context and `detail`.
    fn dump_line(&self, d: &mut String, m: &Mode, outcome: &str, ctx: &str, detail: &str) {
        let _ = writeln!(
            d,
            "{}\t{}\t{}\t{}\t{outcome}\t{ctx}\t{}\t{detail}",
            self.class.name(),
            m.name,
            self.site.place.name(),
            self.key,
            self.word
        );
    }
}
