//! Time to load the dictionary: embedded (no copy), from a directory (memory-mapped) and from
//! bytes in memory (the files as a browser would fetch them).
//!
//! ```text
//! cargo bench -p seisho-ipadic --bench load
//! ```

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use seisho_ipadic::{DictionaryParts, FILE_NAMES};

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    seisho_ipadic::write_to_dir(dir.path()).expect("write the dictionary");
    let files: Vec<(&str, Vec<u8>)> = FILE_NAMES
        .iter()
        .map(|&name| (name, std::fs::read(dir.path().join(name)).expect("read")))
        .collect();

    let mut group = c.benchmark_group("load");
    group.bench_function("embedded", |b| {
        b.iter(|| seisho_ipadic::load_embedded().expect("load").word_count())
    });
    group.bench_function("dir_mmap", |b| {
        b.iter(|| {
            seisho_ipadic::load_from_dir(black_box(dir.path()))
                .expect("load")
                .word_count()
        })
    });
    // The copy of the files into owned buffers is part of what is measured, as a browser
    // hands over freshly fetched buffers.
    group.bench_function("parts_owned", |b| {
        b.iter(|| {
            let mut parts = DictionaryParts::new();
            for (name, bytes) in &files {
                parts.insert(name, bytes.clone()).expect("name");
            }
            seisho_ipadic::load_from_parts(parts)
                .expect("load")
                .word_count()
        })
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
