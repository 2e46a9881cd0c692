#!/usr/bin/env bash
# seisho lint against textlint 15 with textlint-rule-preset-ja-technical-writing, on the same
# Markdown text: wall time, throughput and peak memory, side by side.
#
#   bench/lint-vs-textlint.sh [CORPUS] [BYTES]
#
# CORPUS defaults to ../shared/corpus/ja-docs.txt beside the checkout; BYTES (default 200000)
# is the size of the slice textlint gets (it is slow: about 15 KB/s). seisho also lints the
# whole corpus. Needs Node (npm) and Rust; textlint is installed from npm into
# cargo's target directory (bench-textlint) on first use, at the versions pinned in
# bench/common.sh. Prints a Markdown table and writes it to $target_dir/bench-textlint/results.md;
# with SEISHO_PUBLISH=1, puts it into BENCHMARKS.md too (bench/publish.py).
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

corpus="${1:-../shared/corpus/ja-docs.txt}"
bytes="${2:-200000}"
work="$target_dir/bench-textlint"
install_textlint "$work"
build_seisho

# A Markdown slice of the corpus, cut at a line end; and the whole corpus as Markdown.
corpus_slice "$corpus" "$bytes" "$work/slice.md"
cp "$corpus" "$work/corpus.md"
slice_bytes=$(wc -c <"$work/slice.md")
corpus_bytes=$(wc -c <"$work/corpus.md")
printf '%s\n' "テストです。" >"$work/small.md"

# Diagnostics are exit code 1 for both tools: not a failure here.
run_textlint() { (cd "$work" && ./node_modules/.bin/textlint --config .textlintrc.json "$1"); }

read -r tl_slice_s tl_slice_kib _ < <(measure bash -c "cd $work && ./node_modules/.bin/textlint --config .textlintrc.json slice.md; true")
read -r tl_small_s _ < <(measure bash -c "cd $work && ./node_modules/.bin/textlint --config .textlintrc.json small.md; true")
read -r se_slice_s se_slice_kib _ < <(measure bash -c "$seisho lint $work/slice.md; true")
read -r se_small_s _ < <(measure bash -c "$seisho lint $work/small.md; true")
read -r se_all_s se_all_kib _ < <(measure bash -c "$seisho lint $work/corpus.md; true")

tl_findings=$(run_textlint slice.md 2>/dev/null | grep -cE '^ +[0-9]+:[0-9]+' || true)
se_findings=$("$seisho" lint --format json "$work/slice.md" 2>/dev/null | grep -c '"rule"' || true)

rate() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.01; printf "%.1f", b / s / 1000 }'; }
results="$work/results.md"
echo
{
    echo "$(machine); commit $(git rev-parse --short HEAD); textlint $textlint_version, preset $textlint_preset_version; slice $slice_bytes bytes, corpus $corpus_bytes bytes"
    echo
    echo "| run | textlint | seisho | ratio |"
    echo "|---|---:|---:|---:|"
    echo "| slice: wall s | $tl_slice_s | $se_slice_s | $(awk -v a="$tl_slice_s" -v b="$se_slice_s" 'BEGIN { if (b <= 0) b = 0.01; printf "%.0f×", a / b }') |"
    echo "| slice: KB/s | $(rate "$slice_bytes" "$tl_slice_s") | $(rate "$slice_bytes" "$se_slice_s") | |"
    echo "| slice: peak RSS MiB | $((tl_slice_kib / 1024)) | $((se_slice_kib / 1024)) | |"
    echo "| slice: diagnostics | $tl_findings | $se_findings | |"
    echo "| one-line file: wall s | $tl_small_s | $se_small_s | |"
    echo "| whole corpus: wall s | (not run) | $se_all_s | |"
    echo "| whole corpus: peak RSS MiB | | $((se_all_kib / 1024)) | |"
} | tee "$results"

# SEISHO_PUBLISH=1: the table goes into its section of BENCHMARKS.md.
if [[ "${SEISHO_PUBLISH:-}" == 1 ]]; then
    python3 bench/publish.py lint-vs-textlint "$results"
fi
