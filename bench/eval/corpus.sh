#!/usr/bin/env bash
# Materialize the evaluation corpus of bench/eval/corpus.toml under $SEISHO_EVAL_DIR/corpus
# (default /work/eval/corpus), outside the repository, and write bench/eval/split.tsv.
#
# Each source is read from its git snapshot, /work/.mirror/OWNER+NAME/repo (bring it with the
# search tool's `fetch github:OWNER/NAME`; set SEISHO_MIRRORS for another place), at the
# manifest's commit, with `git archive COMMIT -- PATHS | tar -x` (PATHS: the files of the commit
# that the manifest's include globs match and its exclude globs do not); then converted
# (convert.py) where the manifest says so; then the files with fewer than min_ja_chars Japanese
# characters are left out. Nothing is downloaded.
#
# usage: bench/eval/corpus.sh [NAME...]     (default: every source; split.tsv is rewritten)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
eval_dir="${SEISHO_EVAL_DIR:-/work/eval}"
out="$eval_dir/corpus"
mkdir -p "$out"

want=("$@")
status=0
while IFS=$'\t' read -r name git_dir commit conversion repository paths_line; do
    if ((${#want[@]})) && [[ ! " ${want[*]} " == *" $name "* ]]; then
        continue
    fi
    IFS=$'\t' read -r -a paths <<<"$paths_line"
    if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
        echo "$name: no commit $commit in $git_dir: fetch github:$repository first" >&2
        status=1
        continue
    fi
    stage="$(mktemp -d "$eval_dir/stage.XXXXXX")"
    mkdir -p "$stage/raw" "$stage/out"
    if ((${#paths[@]} == 0)); then
        echo "$name: no file of $commit matches the manifest's include globs" >&2
        status=1
        continue
    fi
    # A snapshot lacks files of 4 MiB and more: git archive names them on stderr even when they
    # are not asked for, so what matters is that every asked-for file arrived (checked below).
    git --git-dir="$git_dir" archive --format=tar "$commit" -- "${paths[@]}" 2>"$stage/archive.err" |
        tar -x -C "$stage/raw"
    missing=0
    for p in "${paths[@]}"; do
        [[ -f "$stage/raw/$p" ]] || { echo "$name: $p did not come out of the snapshot" >&2; missing=1; }
    done
    if ((missing)); then
        cat "$stage/archive.err" >&2
        status=1
        continue
    fi
    case "$conversion" in
        none) rmdir "$stage/out" && mv "$stage/raw" "$stage/out" ;;
        aozora | jsquad) python3 bench/eval/convert.py "$conversion" "$stage/raw" "$stage/out" ;;
        *) echo "$name: unknown conversion $conversion" >&2; exit 2 ;;
    esac
    rm -rf "${out:?}/$name"
    python3 bench/eval/split.py keep "$name" "$stage/out" "$out/$name"
    rm -rf "$stage"
done < <(python3 bench/eval/evallib.py sources)

python3 bench/eval/split.py write
exit "$status"
