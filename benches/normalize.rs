//! Throughput of the normalizer on real Japanese text, against NFKC as the baseline.
//!
//! The input is the file named by `SEISHO_CORPUS` (for example the 11 MB corpus of Japanese
//! technical documentation kept beside the repository), or else the small sample committed in
//! `benches/data/sample.txt`, so that the bench also runs on a fresh clone.
//!
//! ```text
//! SEISHO_CORPUS=../shared/corpus/ja-docs.txt cargo bench --bench normalize
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use unicode_normalization::UnicodeNormalization;

mod common;
use common::input;

fn normalize(c: &mut Criterion) {
    let (text, source) = input();
    let first = seisho::normalize(&text);
    // Text that needs no change: the fast path most real text should take.
    let normalized = first.text().to_owned();
    eprintln!(
        "input: {source}, {} bytes, {} edits, {} suggestions",
        text.len(),
        first.edits().len(),
        first.suggestions().len()
    );
    drop(first);
    assert!(
        seisho::is_normalized(&normalized),
        "normalizing is not idempotent on the bench input"
    );

    let mut group = c.benchmark_group("normalize");
    // An iteration over the full corpus takes tens of milliseconds: flat sampling keeps the
    // run short without criterion asking for more time.
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("normalize", |b| {
        b.iter(|| seisho::normalize(black_box(&text)).into_text().len())
    });
    group.bench_function("is_normalized", |b| {
        b.iter(|| seisho::is_normalized(black_box(&text)))
    });
    // The character rules alone: what the dictionary check of kana typos adds is the
    // difference from `normalize` (only katakana runs with a suggestion are analyzed).
    let characters = seisho::Normalizer::builder().dictionary(false).build();
    group.bench_function("normalize_without_dictionary", |b| {
        b.iter(|| characters.normalize(black_box(&text)).into_text().len())
    });
    group.bench_function("nfkc", |b| {
        b.iter(|| black_box(&text).nfkc().collect::<String>().len())
    });
    group.throughput(Throughput::Bytes(normalized.len() as u64));
    group.bench_function("normalize_no_change", |b| {
        b.iter(|| seisho::normalize(black_box(&normalized)).into_text().len())
    });
    // A full scan that finds nothing: is_normalized on the input above may stop early.
    group.bench_function("is_normalized_no_change", |b| {
        b.iter(|| seisho::is_normalized(black_box(&normalized)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5));
    targets = normalize
}
criterion_main!(benches);
