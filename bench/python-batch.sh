#!/usr/bin/env bash
# The Python package's throughput beside neologdn, NFKC, mojimoji and jaconv (bench/python_batch.py),
# with the wheel built from this checkout (maturin, release) into a virtual environment in the
# target directory. Records the wheel's size.
#
#     bench/python-batch.sh [CORPUS]     (default: $SEISHO_CORPUS, else benches/data/sample.txt)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

corpus="${1:-${SEISHO_CORPUS:-benches/data/sample.txt}}"
python="$(python_venv "$target_dir/bench-venv")"
venv="$(dirname "$python")"
"$venv/pip" install --quiet --disable-pip-version-check maturin >&2
rm -rf "$target_dir/bench-wheels"
(cd crates/seisho-py && "$venv/maturin" build --release --out "$target_dir/bench-wheels" >&2)
wheel="$(ls "$target_dir/bench-wheels/"*.whl)"
"$venv/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel" >&2
printf 'wheel: %s, %s bytes; commit %s\n' "$(basename "$wheel")" "$(stat -c %s "$wheel")" \
    "$(git rev-parse --short HEAD)"
"$python" bench/python_batch.py "$corpus"
