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
//!
//! The modules: [`options`] (the command line), [`typos`] (the classes and where each can be
//! injected), [`inject`] (a line with a typo), [`baseline`] (the raw text and the clean
//! lines), [`trials`] (injecting and judging) and [`report`] (the tables).

mod baseline;
mod inject;
mod options;
mod report;
mod trials;
mod typos;

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use seisho::Normalizer;

/// A normalizer under test, by the name the report gives it.
pub struct Mode {
    name: &'static str,
    normalizer: Normalizer,
}

fn main() -> ExitCode {
    let o = match options::parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("typo_eval: {e}");
            eprintln!("{}", options::USAGE);
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

    let t = Instant::now();
    let raw = baseline::raw_text(&text, &modes, o.examples);
    let t_clean = t.elapsed();

    let t = Instant::now();
    let half = typos::Halfwidth::new();
    let sites = typos::find_sites(&raw.lines, &half);
    let t_sites = t.elapsed();

    // The clean lines themselves: every safe edit there is a change to normalized text.
    let t = Instant::now();
    let (checks, clean_examples) = baseline::check_clean(&modes, &raw.lines, o.examples);
    let t_clean_check = t.elapsed();

    let t = Instant::now();
    let trials = trials::run(&o, &modes, &raw.lines, &sites, &half);
    let t_trials = t.elapsed();

    let mut out = String::new();
    report::header(&mut out, &o, &text, raw.lines.len());
    report::raw_text(&mut out, &raw, &modes);
    report::clean_lines(&mut out, raw.lines.len(), &checks, &clean_examples);
    report::results(&mut out, &trials.reports, &modes, &sites);
    report::breakdowns(&mut out, &trials.reports, &modes);
    report::by_neighbour(&mut out, &trials.reports, &modes);
    report::examples(&mut out, &trials.reports, &modes);
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

    if let (Some(path), Some(mut d)) = (&o.dump, trials.dump) {
        d.push_str(&raw.dump);
        if let Err(e) = std::fs::write(path, d) {
            eprintln!("typo_eval: {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
