//! Scoring any text: see `seisho_fuzz::score`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| seisho_fuzz::score(data));
