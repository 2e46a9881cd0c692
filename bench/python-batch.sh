#!/usr/bin/env bash
# The Python package's throughput beside neologdn, NFKC, mojimoji and jaconv (bench/python_batch.py),
# with the wheel built from this checkout into a virtual environment in the target directory.
#
#     bench/python-batch.sh [CORPUS]     (default: $SEISHO_CORPUS, else benches/data/sample.txt)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

corpus="${1:-${SEISHO_CORPUS:-benches/data/sample.txt}}"
python="$(python_with_seisho "$target_dir/bench-venv")"
"$python" bench/python_batch.py "$corpus"
