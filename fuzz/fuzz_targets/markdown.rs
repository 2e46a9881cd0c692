//! Any Markdown document's prose, lint and score: see `seisho_fuzz::markdown`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| seisho_fuzz::markdown(data));
