#!/usr/bin/env bash
# Generates src/text/unicode_table.rs: the NFKC of the single characters that the `compatibility`
# and `kangxi-radical` rules change, and the canonical compositions with a combining mark
# that `no-nfd` makes (see src/text/unicode.rs).
#
#     scripts/unicode_table.sh            # rewrites src/text/unicode_table.rs
#     scripts/unicode_table.sh --check    # exits 1 if the committed file is stale
#
# The data is unicode-normalization's (the core's dev-dependency, so the version in
# Cargo.lock pins the Unicode version): the generator is the test
# `text::unicode::tests::table_is_generated`, which also runs with every `cargo test -p seisho`.
# (Python's unicodedata lags behind: 14.0 on Debian bookworm, where unicode-normalization
# 0.1.26 has 18.0.) Builds without the default features, to leave IPADIC out.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${1:-}" in
"") export SEISHO_REGENERATE=1 ;;
--check) unset SEISHO_REGENERATE ;;
*)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac
cargo test -q -p seisho --no-default-features --lib -- --exact text::unicode::tests::table_is_generated
