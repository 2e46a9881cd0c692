//! Parsing any `seisho.toml`: see `seisho_fuzz::config`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| seisho_fuzz::config(data));
