//! Throughput of the morphological analyzer (lindera over IPADIC) on real Japanese text.
//!
//! The input is the file named by `SEISHO_CORPUS`, or else the small sample committed in
//! `benches/data/sample.txt`. One thread:
//!
//! ```text
//! SEISHO_CORPUS=../shared/corpus/ja-docs.txt cargo bench --bench analyze
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use seisho::morphology::Analyzer;

mod common;
use common::input;

fn analyze(c: &mut Criterion) {
    let (text, source) = input();
    let analyzer = Analyzer::new();
    let mut tokens = Vec::new();
    analyzer.analyze_into(&text, &mut tokens);
    let unknown = tokens.iter().filter(|t| t.is_unknown()).count();
    eprintln!(
        "input: {source}, {} bytes, {} tokens, {unknown} unknown",
        text.len(),
        tokens.len()
    );
    drop(tokens);

    let mut group = c.benchmark_group("analyze");
    // An iteration over the full corpus takes about a second: flat sampling, few samples.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(text.len() as u64));
    // The whole text in one call, into a vector kept between iterations.
    let mut tokens = Vec::new();
    group.bench_function("analyze_into", |b| {
        b.iter(|| {
            analyzer.analyze_into(black_box(&text), &mut tokens);
            tokens.len()
        })
    });
    // Line by line, as a linter calls it.
    group.bench_function("analyze_into_lines", |b| {
        b.iter(|| {
            let mut count = 0;
            for line in black_box(&text).lines() {
                analyzer.analyze_into(line, &mut tokens);
                count += tokens.len();
            }
            count
        })
    });
    // Baseline: lindera's own segmenter over the same dictionary, which returns a new vector
    // of tokens per call.
    let segmenter = lindera::segmenter::Segmenter::new(
        lindera::mode::Mode::Normal,
        analyzer.dictionary().as_lindera().clone(),
        None,
    );
    group.bench_function("lindera_segment", |b| {
        b.iter(|| {
            segmenter
                .segment(std::borrow::Cow::Borrowed(black_box(&text)))
                .expect("lindera segments the text")
                .len()
        })
    });
    group.bench_function("has_unknown_word_lines", |b| {
        b.iter(|| {
            black_box(&text)
                .lines()
                .filter(|line| analyzer.has_unknown_word(line))
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
