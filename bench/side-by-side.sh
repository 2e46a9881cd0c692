#!/usr/bin/env bash
# seisho side by side with the tools people use today, on the same input bytes (issue 7):
# normalization (neologdn, mojimoji, jaconv, Python's NFKC, unicode-normalization's NFKC),
# readability (PyPI jreadability) and linting (textlint with preset-ja-technical-writing).
#
#   bench/side-by-side.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to ../shared/corpus beside the checkout; its ja-docs.txt is the input.
# Environment: REPEAT (default 3) in-process runs, the best is kept; TEXTLINT_BYTES (default
# 200000) the size of the Markdown slice both linters get (textlint does about 5 KB/s);
# PASSAGE_CHARS (default 800) the size of the readability passages.
#
# Installs into cargo's target directory, reused on later runs: a Python virtual environment
# with the pinned PyPI packages (bench/common.sh) and textlint from npm. Needs python3 with
# venv, Node with npm, Rust, /usr/bin/time. Takes about 8 minutes at load 11 on 2 cores, most
# of it jreadability and textlint (run twice: timed, then for its diagnostics). Prints Markdown
# tables and writes them to $target_dir/bench-side-by-side/results.md; with SEISHO_PUBLISH=1,
# puts them into BENCHMARKS.md too (bench/publish.py).
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

corpus="${1:-../shared/corpus}/ja-docs.txt"
repeat="${REPEAT:-3}"
textlint_bytes="${TEXTLINT_BYTES:-200000}"
passage_chars="${PASSAGE_CHARS:-800}"
require_corpus "$corpus" "usage: bench/side-by-side.sh [CORPUS_DIR]"

work="$target_dir/bench-side-by-side"
textlint_dir="$target_dir/bench-textlint"
mkdir -p "$work"
python="$(python_venv "$work/venv")"
install_textlint "$textlint_dir"
require_gnu_time
build_seisho
cargo build -q --release --example throughput
throughput="$target_dir/release/examples/throughput"
harness="$PWD/bench/side_by_side.py"

# The same bytes for every tool: the corpus, its passages, and a Markdown slice for the linters.
cp "$corpus" "$work/input.txt"
passages=$("$python" "$harness" split "$work/input.txt" "$work/passages" "$passage_chars")
corpus_slice "$work/input.txt" "$textlint_bytes" "$textlint_dir/slice.md"
cp "$work/input.txt" "$textlint_dir/corpus.md"
printf '%s\n' "テストです。" >"$textlint_dir/small.md"
input_bytes=$(wc -c <"$work/input.txt")
slice_bytes=$(wc -c <"$textlint_dir/slice.md")
small_bytes=$(wc -c <"$textlint_dir/small.md")
passage_files=("$work"/passages/*.txt)
passage_bytes=$(cat "${passage_files[@]}" | wc -c)

# One row per measurement, tab-separated: key, tool, input, bytes, seconds, peak KiB (or -),
# CPU seconds (or -), the key of the seisho row it is compared with (or -), the target ratio
# (or -).
rows="$work/rows.tsv"
: >"$rows"
add() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$rows"; }
# in_process KEY_PREFIX REF TARGET...: turns "tool, unit, bytes, seconds" lines into rows.
in_process() {
    local prefix="$1" i=0 tool unit bytes seconds
    while IFS=$'\t' read -r tool unit bytes seconds; do
        add "$prefix$i" "$tool" "corpus, $unit" "$bytes" "$seconds" - - "$2" "$3"
        i=$((i + 1))
    done
}
# timed KEY TOOL INPUT BYTES REF TARGET COMMAND...: a whole command under /usr/bin/time, run
# up to REPEAT times while less than 10 s have been spent on it (so the slow tools run once);
# the fastest run is kept.
timed() {
    local key="$1" tool="$2" input="$3" bytes="$4" ref="$5" target="$6"
    local seconds kib cpu best="" best_kib best_cpu spent=0 runs=0
    shift 6
    while ((runs < repeat)) && awk -v s="$spent" 'BEGIN { exit !(s < 10) }'; do
        read -r seconds kib cpu < <(measure "$@")
        if [[ -z "$best" ]] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best="$seconds" best_kib="$kib" best_cpu="$cpu"
        fi
        spent=$(awk -v s="$spent" -v t="$seconds" 'BEGIN { print s + t }')
        runs=$((runs + 1))
    done
    add "$key" "$tool" "$input" "$bytes" "$best" "$best_kib" "$best_cpu" "$ref" "$target"
}
load() { cut -d' ' -f1 /proc/loadavg; }

echo "normalization…" >&2
load_normalize=$(load)
"$throughput" normalize "$work/input.txt" "$repeat" >"$work/seisho-normalize.tsv"
in_process ip.seisho - - < <(head -n 2 "$work/seisho-normalize.tsv")
in_process ip.nfkc ip.seisho0 5 < <(tail -n +3 "$work/seisho-normalize.tsv")
"$python" "$harness" normalize "$work/input.txt" "$repeat" >"$work/python-normalize.tsv"
in_process ip.neologdn ip.seisho0 50 < <(grep '^neologdn' "$work/python-normalize.tsv")
in_process ip.py ip.seisho0 - < <(grep -v '^neologdn' "$work/python-normalize.tsv")
timed cli.seisho.fmt "seisho fmt" "corpus" "$input_bytes" - - "$seisho" fmt "$work/input.txt"
for tool in neologdn mojimoji jaconv nfkc; do
    timed "cli.$tool" "python: $tool" "corpus" "$input_bytes" cli.seisho.fmt \
        "$([[ $tool == neologdn ]] && echo 50 || echo -)" \
        "$python" "$harness" run "$tool" "$work/input.txt"
done

echo "readability ($passages passages)…" >&2
load_score=$(load)
"$throughput" score "$work/passages" "$repeat" "$work/seisho-scores.tsv" |
    in_process ip.seisho.score - -
"$python" "$harness" score "$work/passages" "$repeat" "$work/jreadability-scores.tsv" |
    in_process ip.jreadability ip.seisho.score0 3
score_diff=$("$throughput" compare "$work/seisho-scores.tsv" "$work/jreadability-scores.tsv")
timed cli.seisho.score "seisho score --format json" "$passages passages" "$passage_bytes" - - \
    "$seisho" score --format json "${passage_files[@]}"
timed cli.jreadability "python: jreadability" "$passages passages" "$passage_bytes" \
    cli.seisho.score 3 "$python" "$harness" run jreadability "${passage_files[@]}"

echo "linting…" >&2
load_lint=$(load)
# shellcheck disable=SC2016 # expanded by the inner bash
textlint_cmd=(bash -c 'cd "$1" && ./node_modules/.bin/textlint --config .textlintrc.json "$2"' - "$textlint_dir")
timed cli.seisho.lint "seisho lint" "slice.md" "$slice_bytes" - - "$seisho" lint "$textlint_dir/slice.md"
timed cli.seisho.lint1 "seisho lint, one thread" "slice.md" "$slice_bytes" - - \
    env RAYON_NUM_THREADS=1 "$seisho" lint "$textlint_dir/slice.md"
timed cli.seisho.lintall "seisho lint" "corpus.md" "$input_bytes" - - \
    "$seisho" lint "$textlint_dir/corpus.md"
timed cli.seisho.lintsmall "seisho lint" "one line" "$small_bytes" - - \
    "$seisho" lint "$textlint_dir/small.md"
timed cli.textlint "textlint $textlint_version" "slice.md" "$slice_bytes" cli.seisho.lint 100 \
    "${textlint_cmd[@]}" slice.md
timed cli.textlintsmall "textlint $textlint_version" "one line" "$small_bytes" - - \
    "${textlint_cmd[@]}" small.md
# textlint's throughput without its start-up: the slice's time less the one-line file's.
read -r tl_slice_s tl_small_s < <(awk -F'\t' '$1 == "cli.textlint" { a = $5 } $1 == "cli.textlintsmall" { b = $5 } END { print a, b }' "$rows")
add cli.textlintnet "textlint, less its one-line time" "slice.md" "$slice_bytes" \
    "$(awk -v a="$tl_slice_s" -v b="$tl_small_s" 'BEGIN { printf "%.2f", a - b }')" - - cli.seisho.lint -
tl_findings=$("${textlint_cmd[@]}" slice.md 2>/dev/null | grep -cE '^ +[0-9]+:[0-9]+' || true)
se_findings=$("$seisho" lint --format json "$textlint_dir/slice.md" 2>/dev/null | grep -c '"rule"' || true)

# The table: MB/s from bytes and seconds; the ratio is the seisho row's MB/s over this row's.
table() {
    awk -F'\t' -v want="$1" '
        # /usr/bin/time (whole commands: CPU time known) counts hundredths of a second: a run
        # it reports as 0 took at most 0.01 s.
        function rate(b, s, command) { if (command && s < 0.01) s = 0.01; return s > 0 ? b / s / 1e6 : 0 }
        function num(x) { return x >= 100 ? sprintf("%.0f", x) : sprintf("%.3g", x) }
        function times(x) { return x >= 100 ? sprintf("%.0f×", x) : x >= 10 ? sprintf("%.1f×", x) : sprintf("%.2f×", x) }
        { key[NR] = $1; tool[NR] = $2; input[NR] = $3; bytes[NR] = $4; secs[NR] = $5
          kib[NR] = $6; cpu[NR] = $7; ref[NR] = $8; target[NR] = $9; mbps[$1] = rate($4, $5, $7 != "-") }
        END {
            print "| tool | input | MB | wall s | CPU s | MB/s | peak RSS MiB | seisho ÷ tool | target | met? |"
            print "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
            for (i = 1; i <= NR; i++) {
                if (index(key[i], want) != 1) continue
                ratio = "—"; met = ""
                if (ref[i] != "-" && mbps[key[i]] > 0) {
                    r = mbps[ref[i]] / mbps[key[i]]; ratio = times(r)
                    if (target[i] != "-") met = r >= target[i] ? "yes" : "**no**"
                }
                printf "| %s | %s | %.3f | %s | %s | %s | %s | %s | %s | %s |\n", tool[i], input[i],
                    bytes[i] / 1e6, num(secs[i]), cpu[i] == "-" ? "—" : cpu[i], bytes[i] < 1000 ? "—" : num(mbps[key[i]]), kib[i] == "-" ? "—" : sprintf("%.0f", kib[i] / 1024),
                    ratio, target[i] == "-" ? "" : "≥ " target[i] "×", met
            }
        }' "$rows"
}

results="$work/results.md"
{
    echo "$(machine); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src crates || echo ' (modified)')"
    echo
    echo "Load average (1 min) at the start of each part: normalization $load_normalize, readability $load_score, linting $load_lint."
    echo "Versions: $("$python" --version), $("$python" -m pip freeze --disable-pip-version-check | grep -E '^(neologdn|mojimoji|jaconv|jreadability|fugashi|unidic-lite)==' | tr '\n' ' ')node $(node --version), textlint $textlint_version with preset-ja-technical-writing $textlint_preset_version, $(rustc --version | cut -d' ' -f1-2)."
    echo "Input: $corpus ($input_bytes bytes); $passages passages of at least $passage_chars characters cut at line ends ($passage_bytes bytes); a Markdown slice of $slice_bytes bytes for the linters."
    echo
    echo "In process, best of $repeat runs, the text already in memory (no start-up, no I/O):"
    echo
    table ip.
    echo
    echo "Whole commands (\`/usr/bin/time\`: start-up, reading and writing included), best of up to $repeat runs within 10 s (ratios of wall time; CPU s is user + system):"
    echo
    table cli.
    echo
    echo "jReadability, seisho against jreadability 1.1.5 on the same passages:"
    echo
    while IFS= read -r line; do echo "- $line"; done <<<"$score_diff"
    echo
    echo "Diagnostics on the slice: textlint $tl_findings, seisho $se_findings (different rule sets)."
} | tee "$results"
echo >&2
echo "written to $results" >&2

# SEISHO_PUBLISH=1: the tables go into their section of BENCHMARKS.md.
if [[ "${SEISHO_PUBLISH:-}" == 1 ]]; then
    python3 bench/publish.py side-by-side "$results"
fi
