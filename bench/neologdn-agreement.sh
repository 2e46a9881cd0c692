#!/usr/bin/env bash
# How often the `neologdn` preset gives neologdn 0.5.6's output, line by line, on each file
# given (bench/neologdn_agreement.py), with the wheel built from this checkout.
#
#     bench/neologdn-agreement.sh FILE...
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

python="$(python_with_seisho "$target_dir/bench-venv")"
"$python" bench/neologdn_agreement.py "$@"
