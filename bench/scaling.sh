#!/usr/bin/env bash
# Scaling of the `seisho` command with the size of its input (issue 7): wall time, throughput
# and peak memory of `fmt`, `lint`, `fix` and `score` (with the embedded IPADIC dictionary and
# with --no-dictionary) on 1, 10 and 100 MB of the corpus, on the corpus as one line with no
# line break, and on the hostile inputs of bench/hostile.py at 10 and 100 MB.
#
#   bench/scaling.sh                       # everything (about an hour on two busy cores)
#   SIZES="1 10" HOSTILE_SIZES=10 bench/scaling.sh
#   KINDS="corpus one-line" bench/scaling.sh
#   OPS="lint score" bench/scaling.sh
#
# Prints a Markdown table (and writes it to WORK/results.md; with SEISHO_PUBLISH=1 it goes into
# BENCHMARKS.md, bench/publish.py): for each input and operation, the time, MB/s, peak RSS and the
# ratios of time and RSS to the same run one size below (linear time is ~10x per 10x size).
# Needs python3, GNU time (/usr/bin/time, installed with apt when missing) and the corpus
# (CORPUS, default /work/shared/corpus/ja-docs.txt). Inputs go to WORK (default
# target/scaling), and are kept for the next run.
set -euo pipefail

# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CORPUS="${CORPUS:-/work/shared/corpus/ja-docs.txt}"
SIZES="${SIZES:-1 10 100}"
HOSTILE_SIZES="${HOSTILE_SIZES:-10 100}"
KINDS="${KINDS:-corpus one-line no-break combining nested mismatched controls code-points whitespace invalid-utf8}"
OPS="${OPS:-fmt lint lint-nodict fix score score-nodict}"
WORK="${WORK:-$target_dir/scaling}"

require_corpus "$CORPUS" "set CORPUS"
require_gnu_time
build_seisho
mkdir -p "$WORK"

# The command line of operation $1 on file $2 (fix works on a copy, as it writes in place).
op_command() {
    case "$1" in
        fmt) echo "$seisho fmt $2" ;;
        lint) echo "$seisho lint --color never $2" ;;
        lint-nodict) echo "$seisho lint --color never --no-dictionary $2" ;;
        fix) echo "$seisho fix --color never $WORK/fix-copy.txt" ;;
        score) echo "$seisho score --format json $2" ;;
        score-nodict) echo "$seisho score --format json --no-dictionary $2" ;;
        *) echo "unknown operation $1" >&2; exit 1 ;;
    esac
}

# The report: a line naming the run, then the table (Markdown).
report() {
    echo "seisho scaling: $(machine); $("$seisho" --version), commit $(git rev-parse --short HEAD)."
    echo
    echo "| input | MB | operation | exit | time (s) | MB/s | peak RSS (MB) | RSS / input | time ratio | RSS ratio |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"

    for kind in $KINDS; do
        if [[ "$kind" == corpus || "$kind" == one-line ]]; then
            sizes="$SIZES"
        else
            sizes="$HOSTILE_SIZES"
        fi
        # invalid-utf8 is refused when read: every operation reads the same way.
        ops="$OPS"
        [[ "$kind" == invalid-utf8 ]] && ops="fmt lint score"
        for op in $ops; do
            previous_time=""
            previous_rss=""
            for mb in $sizes; do
                input="$WORK/$kind-${mb}M.txt"
                if [[ ! -f "$input" ]]; then
                    python3 bench/hostile.py "$kind" "${mb}M" "$input" "$CORPUS"
                fi
                [[ "$op" == fix ]] && cp "$input" "$WORK/fix-copy.txt"
                bytes=$(stat -c %s "$input")
                status=0
                # shellcheck disable=SC2046
                /usr/bin/time -f '%e %M' -o "$WORK/time.txt" $(op_command "$op" "$input") \
                    >/dev/null 2>"$WORK/stderr.txt" || status=$?
                # GNU time puts "Command exited with non-zero status N" first when N is not 0.
                read -r seconds rss_kb < <(tail -n 1 "$WORK/time.txt") || { seconds=0; rss_kb=0; }
                if [[ $status -gt 1 ]] && ! [[ "$kind" == invalid-utf8 && $status == 2 ]]; then
                    echo "  $kind ${mb}M $op exited with $status: $(head -c 300 "$WORK/stderr.txt")" >&2
                fi
                awk -v kind="$kind" -v mb="$mb" -v op="$op" -v status="$status" -v s="$seconds" \
                    -v rss="$rss_kb" -v bytes="$bytes" -v pt="$previous_time" -v pr="$previous_rss" '
                    BEGIN {
                        rss_mb = rss / 1024
                        mbps = s > 0 ? sprintf("%.1f", bytes / 1e6 / s) : "-"
                        tr = (pt != "" && pt > 0) ? sprintf("%.1f", s / pt) : "-"
                        rr = (pr != "" && pr > 0) ? sprintf("%.1f", rss / pr) : "-"
                        printf "| %s | %s | %s | %s | %.2f | %s | %.0f | %.1f | %s | %s |\n",
                            kind, mb, op, status, s, mbps, rss_mb, rss / 1024 / (bytes / 1048576), tr, rr
                    }'
                previous_time="$seconds"
                previous_rss="$rss_kb"
            done
        done
    done
}

results="$WORK/results.md"
report | tee "$results"
rm -f "$WORK/fix-copy.txt" "$WORK/time.txt" "$WORK/stderr.txt"

# SEISHO_PUBLISH=1: the table goes into its section of BENCHMARKS.md.
if [[ "${SEISHO_PUBLISH:-}" == 1 ]]; then
    python3 bench/publish.py scaling "$results"
fi
