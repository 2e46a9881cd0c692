//! Compares seisho's jReadability and Tateishi scores with reference values computed by
//! independent implementations (PyPI jreadability 1.1.5 with UniDic; the paper-style Tateishi
//! recomputation), passage by passage.
//!
//! ```sh
//! cargo run --release --example reference_eval -- ../shared/reference
//! cargo run --release --example reference_eval -- ../shared/reference --variables
//! ```
//!
//! The directory holds `reference_values.json` and `passages/*.txt` (see its README). Prints
//! a Markdown table and the summary: mean absolute difference and the share of passages on
//! the same jReadability level. With `--check`, exits with 1 when the mean absolute difference
//! is over 0.30 or fewer than 75% of the passages get the same level (issue 4's targets).

use std::path::PathBuf;

use seisho::score::{JReadabilityLevel, Scorer};
use serde_json::Value;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "../shared/reference".into()));
    let rest: Vec<String> = args.collect();
    let variables = rest.iter().any(|a| a == "--variables");
    let check = rest.iter().any(|a| a == "--check");
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("reference_values.json"))
            .expect("reading reference_values.json"),
    )
    .expect("parsing reference_values.json");
    let results = json["results"].as_object().expect("results");
    let scorer = Scorer::default();

    println!(
        "| passage | chars | jReadability ref | seisho | diff | level ref | seisho | Tateishi RS′ (paper-style ref) | seisho | diff |"
    );
    println!("|---|---:|---:|---:|---:|---|---|---:|---:|---:|");
    let (mut n, mut sum_abs, mut same_level, mut t_sum_abs) = (0usize, 0.0, 0usize, 0.0);
    let mut rows = Vec::new();
    for (name, result) in results {
        let path = dir.join("passages").join(name);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(_) => continue, // the README examples have no file
        };
        let report = scorer.score(&text);
        let j = report.jreadability.as_ref().expect("analyzed");
        let reference = result["package"]["jreadability"].as_f64().expect("score");
        let ref_level = JReadabilityLevel::of(reference);
        let t_ref = result["alt_tateishi_paper_style"]["RS_prime"]
            .as_f64()
            .expect("RS'");
        let t = report.tateishi.as_ref().expect("sentences");
        let diff = j.score - reference;
        n += 1;
        sum_abs += diff.abs();
        t_sum_abs += (t.score - t_ref).abs();
        if j.level == ref_level {
            same_level += 1;
        }
        println!(
            "| {} | {} | {:.3} | {:.3} | {:+.3} | {} | {} | {:.2} | {:.2} | {:+.2} |",
            name.trim_end_matches(".txt"),
            text.chars().count(),
            reference,
            j.score,
            diff,
            ref_level.label(),
            j.level.label(),
            t_ref,
            t.score,
            t.score - t_ref
        );
        let f = &result["features"]["jreadability"];
        rows.push(format!(
            "| {} | {}/{} | {}/{} | {:.1}/{:.1} | {:.1}/{:.1} | {:.1}/{:.1} | {:.1}/{:.1} |",
            name.trim_end_matches(".txt"),
            f["tokens"],
            j.words,
            f["sentences"],
            j.sentences,
            f["pct_kango"].as_f64().unwrap_or(0.0),
            j.kango_percent,
            f["pct_wago"].as_f64().unwrap_or(0.0),
            j.wago_percent,
            f["pct_verbs"].as_f64().unwrap_or(0.0),
            j.verb_percent,
            f["pct_particles"].as_f64().unwrap_or(0.0),
            j.particle_percent,
        ));
    }
    println!();
    println!(
        "jReadability: {n} passages, mean absolute difference {:.3}, same level {same_level}/{n} ({:.0}%)",
        sum_abs / n as f64,
        100.0 * same_level as f64 / n as f64
    );
    println!(
        "Tateishi RS′: mean absolute difference from the paper-style recomputation {:.2}",
        t_sum_abs / n as f64
    );
    let mad = sum_abs / n as f64;
    let same = same_level as f64 / n as f64;
    if check && (n == 0 || mad > 0.30 || same < 0.75) {
        eprintln!("reference check failed: mean absolute difference {mad:.3} (at most 0.30), same level {:.0}% (at least 75%)", 100.0 * same);
        std::process::exit(1);
    }
    if variables {
        println!();
        println!("Variables, reference/seisho:");
        println!();
        println!("| passage | words | sentences | 漢語% | 和語% | 動詞% | 助詞% |");
        println!("|---|---:|---:|---:|---:|---:|---:|");
        for row in rows {
            println!("{row}");
        }
    }
}
