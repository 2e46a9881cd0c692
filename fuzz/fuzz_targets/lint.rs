//! Linting any text with every rule on, then fixing it: see `seisho_fuzz::lint`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| seisho_fuzz::lint(data));
