//! The building blocks of the property tests' strategies for text (`tests/properties.rs`,
//! `tests/score_properties.rs`, `tests/lint_properties.rs`): pieces of text that concatenate
//! into structured Japanese.

// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use std::ops::Range;

use proptest::prelude::*;

/// One of `items`.
pub fn pick(items: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(items).prop_map(str::to_owned).boxed()
}

/// One character from `lo` to `hi`.
pub fn char_range(lo: char, hi: char) -> BoxedStrategy<String> {
    proptest::char::range(lo, hi).prop_map(String::from).boxed()
}

/// A run of `len` (a number in the range) of `items`.
pub fn run(items: &'static [&'static str], len: Range<usize>) -> BoxedStrategy<String> {
    prop::collection::vec(prop::sample::select(items), len)
        .prop_map(|v| v.concat())
        .boxed()
}
