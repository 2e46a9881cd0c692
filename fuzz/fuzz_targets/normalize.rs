//! Normalizing any text: see `seisho_fuzz::normalize`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| seisho_fuzz::normalize(data));
