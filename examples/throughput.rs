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
//! [`Scorer`] and writes `name<TAB>jReadability` per passage to SCORES. `compare` reads two
//! such files and prints the differences: mean absolute, largest, share on the same level.

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
            .map(|(_, text)| scorer.score(text).jreadability.map(|j| j.score))
            .collect();
    });
    let mut out = String::new();
    for ((name, _), score) in items.iter().zip(&scores) {
        // A passage without words has no score; jreadability fails on it too.
        if let Some(score) = score {
            out.push_str(&format!("{name}\t{score:.6}\n"));
        }
    }
    std::fs::write(scores_path, out).expect("writing the scores");
    row("seisho jReadability (full report)", "passage", bytes, time);
}

fn read_scores(path: &Path) -> HashMap<String, f64> {
    std::fs::read_to_string(path)
        .expect("reading scores")
        .lines()
        .filter_map(|line| {
            let (name, score) = line.split_once('\t')?;
            Some((name.to_owned(), score.parse().expect("a score")))
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
    let (mut sum_abs, mut sum, mut same_level) = (0.0, 0.0, 0usize);
    let mut largest = (0.0f64, names[0]);
    for name in &names {
        let (ours, theirs) = (scores[*name], reference[*name]);
        let diff = ours - theirs;
        sum += diff;
        sum_abs += diff.abs();
        if diff.abs() > largest.0.abs() {
            largest = (diff, name);
        }
        if JReadabilityLevel::of(ours) == JReadabilityLevel::of(theirs) {
            same_level += 1;
        }
    }
    let n = names.len() as f64;
    println!(
        "{} passages scored by both ({} by seisho only, {} by the reference only); \
         mean absolute difference {:.3}, mean difference {:+.3}, largest {:+.3} ({}); \
         same level on {} ({:.1} %)",
        names.len(),
        scores.len() - names.len(),
        reference.len() - names.len(),
        sum_abs / n,
        sum / n,
        largest.0,
        largest.1,
        same_level,
        100.0 * same_level as f64 / n
    );
}
