//! Throughput of the readability scorer on real Japanese text: the character-level report
//! (no analyzer) and the full report with morphological analysis and jReadability.
//!
//! The input is the file named by `SEISHO_CORPUS`, or else the small sample committed in
//! `benches/data/sample.txt`. One thread:
//!
//! ```text
//! SEISHO_CORPUS=../shared/corpus/ja-docs.txt cargo bench --bench score
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use seisho::score::Scorer;

mod common;
use common::input;

fn score(c: &mut Criterion) {
    let (text, source) = input();
    let characters = Scorer::builder().analyzer(false).build();
    let full = Scorer::builder().analyzer(true).build();
    let report = full.score(&text);
    eprintln!(
        "input: {source}, {} bytes, {} sentences, jReadability {:?}",
        text.len(),
        report.sentence_length.count,
        report.jreadability.as_ref().map(|j| j.score)
    );

    let mut group = c.benchmark_group("score");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("characters", |b| {
        b.iter(|| characters.score(black_box(&text)).characters)
    });
    group.bench_function("sentences_only", |b| {
        b.iter(|| seisho::sentences(black_box(&text)).count())
    });
    group.bench_function("full", |b| {
        b.iter(|| full.score(black_box(&text)).characters)
    });
    group.finish();
}

criterion_group!(benches, score);
criterion_main!(benches);
