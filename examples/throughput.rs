//! The Rust side of `bench/side-by-side.sh`: seisho's normalizer, unicode-normalization's NFKC
//! and seisho's jReadability timed in process on the same input as the Python tools, and the
//! score differences from PyPI jreadability.
//!
//! ```sh
//! cargo run --release --example throughput -- normalize FILE REPEAT
//! cargo run --release --example throughput -- score PASSAGE_DIR REPEAT SCORES
//! cargo run --release --example throughput -- compare SCORES REFERENCE_SCORES
//! ```
//!
//! `normalize` and `score` print one line per measurement, `tool<TAB>unit<TAB>bytes<TAB>best
//! seconds`: the best of REPEAT runs over text already in memory, the result built as a user
//! would get it. `score` scores each `*.txt` of PASSAGE_DIR (sorted by name) with one
//! [`Scorer`] and writes `name<TAB>jReadability<TAB>same sentences (1 or 0)` per passage to SCORES.
//! `compare` reads it and jreadability's scores (`name<TAB>score`) and prints the differences
//! (mean and median absolute, largest, share on the same level), over all passages and over
//! those that both cut into the same number of sentences.

use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use seisho::score::{JReadabilityLevel, Scorer};
use unicode_normalization::UnicodeNormalization;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["normalize", file, repeat] => normalize(Path::new(file), parse_repeat(repeat)),
        ["score", dir, repeat, scores] => {
            score(Path::new(dir), parse_repeat(repeat), Path::new(scores))
        }
        ["compare", scores, reference] => compare(Path::new(scores), Path::new(reference)),
        _ => {
            eprintln!("usage: throughput normalize FILE REPEAT | score PASSAGE_DIR REPEAT SCORES | compare SCORES REFERENCE_SCORES");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

fn parse_repeat(repeat: &str) -> usize {
    match repeat.parse() {
        Ok(n) if n > 0 => n,
        _ => panic!("REPEAT must be a positive number, not {repeat:?}"),
    }
}

/// The shortest of `repeat` runs of `f`.
fn best_of<T>(repeat: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..repeat)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .expect("repeat > 0")
}

fn row(tool: &str, unit: &str, bytes: usize, time: Duration) {
    println!("{tool}\t{unit}\t{bytes}\t{:.6}", time.as_secs_f64());
}

fn normalize(file: &Path, repeat: usize) {
    let text = std::fs::read_to_string(file).expect("reading the input");
    let once = seisho::normalize(&text);
    eprintln!(
        "seisho normalize: {} edits, {} suggestions",
        once.edits().len(),
        once.suggestions().len()
    );
    drop(once);
    // What a caller gets: the text (the edits are recorded either way).
    let whole = best_of(repeat, || seisho::normalize(&text).into_text().len());
    row("seisho normalize (whole text)", "whole", text.len(), whole);
    // The unit neologdn is called on, for a like-for-like comparison.
    let lines = best_of(repeat, || {
        let mut out = String::with_capacity(text.len());
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&seisho::normalize(line).into_text());
        }
        out
    });
    row("seisho normalize (line by line)", "line", text.len(), lines);
    let nfkc = best_of(repeat, || text.nfkc().collect::<String>());
    row("unicode-normalization NFKC", "whole", text.len(), nfkc);
}

/// The `*.txt` files of `dir`, sorted by name, with their text.
fn passages(dir: &Path) -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("reading the passage directory")
        .map(|entry| entry.expect("reading the passage directory").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .expect("a file")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("reading a passage");
            (name, text)
        })
        .collect()
}

fn score(dir: &Path, repeat: usize, scores_path: &Path) {
    let items = passages(dir);
    let bytes = items.iter().map(|(_, text)| text.len()).sum();
    let scorer = Scorer::default();
    let mut scores = Vec::new();
    let time = best_of(repeat, || {
        scores = items
            .iter()
            .map(|(_, text)| {
                let report = scorer.score(text);
                let sentences = report.sentence_length.count;
                report.jreadability.map(|j| (j.score, sentences))
            })
            .collect();
    });
    let mut out = String::new();
    for ((name, text), score) in items.iter().zip(&scores) {
        // A passage without words has no score; jreadability fails on it too.
        if let Some((score, sentences)) = score {
            let same = same_sentences(text, *sentences);
            out.push_str(&format!("{name}\t{score:.6}\t{}\n", u8::from(same)));
        }
    }
    std::fs::write(scores_path, out).expect("writing the scores");
    row("seisho jReadability (full report)", "passage", bytes, time);
}

/// Whether seisho cuts `text` into as many sentences as jreadability does (at each 。？！．,
/// the rest one more): there the scores can be compared word for word. Elsewhere (tables of
/// contents, option lists, lines without 。) jreadability takes everything up to the next 。
/// for one sentence and seisho cuts at line breaks and brackets, and the scores part by design.
fn same_sentences(text: &str, seisho_sentences: usize) -> bool {
    let ends = ['。', '？', '！', '．'];
    let cut = text.chars().filter(|c| ends.contains(c)).count();
    let rest = text.rfind(ends).map_or(text, |i| {
        &text[i + text[i..].chars().next().map_or(0, char::len_utf8)..]
    });
    cut + usize::from(!rest.trim().is_empty()) == seisho_sentences
}

/// Scores by passage name, and whether both scorers see the same sentences (third column).
fn read_scores(path: &Path) -> HashMap<String, (f64, bool)> {
    std::fs::read_to_string(path)
        .expect("reading scores")
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next()?;
            let score = fields.next()?.parse().expect("a score");
            let same = fields.next() == Some("1");
            Some((name.to_owned(), (score, same)))
        })
        .collect()
}

fn compare(scores_path: &Path, reference_path: &Path) {
    let scores = read_scores(scores_path);
    let reference = read_scores(reference_path);
    let mut names: Vec<&String> = reference
        .keys()
        .filter(|n| scores.contains_key(*n))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no passage has both scores");
    print!(
        "{} passages scored by both ({} by seisho only, {} by jreadability only): ",
        names.len(),
        scores.len() - names.len(),
        reference.len() - names.len()
    );
    let pairs = |same_only: bool| -> Vec<(&str, f64, f64)> {
        names
            .iter()
            .filter(|n| !same_only || scores[**n].1)
            .map(|n| (n.as_str(), scores[*n].0, reference[*n].0))
            .collect()
    };
    println!("{}", differences(&pairs(false)));
    println!(
        "the passages that both cut into the same number of sentences: {}",
        differences(&pairs(true))
    );
}

/// Mean absolute, median absolute, mean and largest difference, and the share on the same
/// level, of (name, seisho, reference) triples.
fn differences(pairs: &[(&str, f64, f64)]) -> String {
    if pairs.is_empty() {
        return "none".into();
    }
    let mut abs: Vec<f64> = pairs.iter().map(|(_, a, b)| (a - b).abs()).collect();
    abs.sort_by(f64::total_cmp);
    let n = pairs.len() as f64;
    let mean_abs = abs.iter().sum::<f64>() / n;
    let mean = pairs.iter().map(|(_, a, b)| a - b).sum::<f64>() / n;
    let (name, a, b) = pairs
        .iter()
        .max_by(|x, y| (x.1 - x.2).abs().total_cmp(&(y.1 - y.2).abs()))
        .expect("not empty");
    let same_level = pairs
        .iter()
        .filter(|(_, a, b)| JReadabilityLevel::of(*a) == JReadabilityLevel::of(*b))
        .count();
    format!(
        "{} passages, mean absolute difference {mean_abs:.3}, median {:.3}, mean {mean:+.3}, \
         largest {:+.3} ({name}: {a:.2} against {b:.2}), same level on {same_level} ({:.1} %)",
        pairs.len(),
        abs[abs.len() / 2],
        a - b,
        100.0 * same_level as f64 / n
    )
}
