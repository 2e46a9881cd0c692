#!/usr/bin/env bash
# The fuzz targets (fuzz/): installs cargo-fuzz if it is missing, builds every target, then
# replays each target's seeds (fuzz/seeds/TARGET) and committed regressions
# (tests/data/fuzz-regressions/TARGET), every input once. That is what CI runs: it passes or
# fails alike on every machine. Exploring is not: a run bounded by time goes as far as the
# machine's speed allows, and even a fixed number of runs with a fixed seed explored
# differently in CI's fresh clone than here (another path, another order of the seed files)
# and failed CI twice on inputs no local run had reached. So exploring is asked for:
# SEISHO_FUZZ_EXPLORE=1 runs each target a fixed number of inputs with a fixed seed (about
# 25 s each here), SEISHO_FUZZ_SECONDS=N for N seconds, SEISHO_FUZZ_SEED=0 lets libFuzzer pick
# the seed (README, Fuzzing). New inputs go to a temporary directory, never to the
# repository. A crash fails the step; libFuzzer leaves the input in fuzz/artifacts/TARGET/.
#
# cargo-fuzz needs nightly flags: RUSTC_BOOTSTRAP=1 lets the stable toolchain take them. The
# targets are built without a sanitizer (the crates forbid unsafe code; the checks are the
# targets' assertions) and with debug assertions, so that integer overflow is a crash.
# Idempotent; a second run reinstalls nothing and rebuilds nothing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"

if ! command -v cargo >/dev/null 2>&1 && [[ -f "$HOME/.cargo/env" ]]; then
    # shellcheck disable=SC1091
    source "$HOME/.cargo/env"
fi
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export RUSTC_BOOTSTRAP=1
# The fuzz crate builds into fuzz/target (its own workspace), whatever the caller's target dir.
unset CARGO_TARGET_DIR

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install --locked cargo-fuzz
fi
cargo fuzz --version

if ! command -v c++ >/dev/null 2>&1; then
    # libfuzzer-sys compiles libFuzzer's C++ source in its build script.
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++ >/dev/null
    else
        echo "no C++ compiler (c++), and it cannot be installed here (needs root and apt-get)" >&2
        exit 1
    fi
fi

flags=(--sanitizer none --debug-assertions)
seconds="${SEISHO_FUZZ_SECONDS:-}"
explore="${SEISHO_FUZZ_EXPLORE:-}"
seed="${SEISHO_FUZZ_SEED:-1}"
# Runs per target: the targets differ a hundredfold in speed (score ~16,000 inputs a second,
# markdown ~280: it lints and normalizes each input as Markdown and as text).
runs_of() {
    case "$1" in
        config) echo 300000 ;;
        lint) echo 30000 ;;
        markdown) echo 7000 ;;
        normalize) echo 40000 ;;
        score) echo 400000 ;;
        *) echo 20000 ;;
    esac
}
targets="$(cd fuzz && cargo fuzz list)"

cd fuzz
cargo fuzz build "${flags[@]}"
for target in $targets; do
    corpus="$(mktemp -d)"
    dirs=("$corpus")
    for dir in "seeds/$target" "$repo/tests/data/fuzz-regressions/$target"; do
        if [[ -d "$dir" ]]; then
            dirs+=("$dir")
        fi
    done
    # Tokens for libFuzzer to splice in: seisho.toml's keys for config, Japanese characters
    # and words for the text targets.
    dict=normalize.dict
    if [[ $target == config ]]; then
        dict=config.dict
    fi
    inputs=("${dirs[@]}")
    if [[ -n $seconds ]]; then
        limit=(-max_total_time="$seconds")
        printf '\n-- %s: %s s from %s\n' "$target" "$seconds" "${dirs[*]:1}"
    elif [[ -n $explore ]]; then
        limit=(-runs="$(runs_of "$target")")
        printf '\n-- %s: %s runs from %s\n' "$target" "$(runs_of "$target")" "${dirs[*]:1}"
    else
        # Replay: every seed and regression once, as files (libFuzzer runs them and stops).
        inputs=()
        for dir in "${dirs[@]:1}"; do
            for file in "$dir"/*; do
                [[ -f $file ]] && inputs+=("$file")
            done
        done
        limit=()
        printf '\n-- %s: replay of %s inputs from %s\n' "$target" "${#inputs[@]}" "${dirs[*]:1}"
    fi
    status=0
    # -print_final_stats: the execs and corpus at the end; libFuzzer's progress lines go to a
    # log, shown in full only on failure.
    cargo fuzz run "${flags[@]}" "$target" "${inputs[@]}" -- \
        -dict="$dict" "${limit[@]}" -seed="$seed" -print_final_stats=1 >"$corpus.log" 2>&1 || status=$?
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs)' "$corpus.log" || true
    if [[ $status -ne 0 ]]; then
        tail -n 60 "$corpus.log" >&2
        echo "fuzz target $target failed (exit $status); the input is in fuzz/artifacts/$target/" >&2
        exit 1
    fi
    rm -rf "$corpus" "$corpus.log"
done
