#!/usr/bin/env bash
# The Python package (crates/seisho-py): makes a virtual environment in the target directory
# (kept between runs), installs the test tools and the engines the tests compare with from PyPI
# (pytest, hypothesis, neologdn 0.5.6, pyspark with pandas and pyarrow), builds the wheel with
# maturin, installs it, and runs pytest. Spark needs Java 17 or later: Debian's
# openjdk-17-jre-headless is installed when missing (as root).
# Idempotent; a second run reinstalls nothing and rebuilds only what changed.
#
# Environment: CARGO_TARGET_DIR; SEISHO_PY_SKIP_SPARK=1 (no pyspark: the Spark test is
# skipped); PYTHON (the interpreter to make the environment with, python3 by default).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"
crate="$repo/crates/seisho-py"
target="${CARGO_TARGET_DIR:-$repo/target}"

section() {
    printf '\n==== %s ====\n' "$*"
}

section "Python environment: $target/py-venv"
python="${PYTHON:-python3}"
"$python" --version
if [[ ! -x "$target/py-venv/bin/python" ]]; then
    "$python" -m venv "$target/py-venv"
fi
venv="$target/py-venv/bin"
packages=(maturin pytest hypothesis mypy typing_extensions "neologdn==0.5.6")
if [[ "${SEISHO_PY_SKIP_SPARK:-0}" != 1 ]]; then
    packages+=("pyspark>=4,<5" "pandas<3" pyarrow)
    if ! command -v java >/dev/null 2>&1; then
        if [[ "$(id -u)" != 0 ]]; then
            echo "Java is missing (Spark needs 17 or later): run as root or install it" >&2
            exit 1
        fi
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
    fi
    java -version 2>&1 | head -n 1
fi
"$venv/pip" install --quiet --disable-pip-version-check "${packages[@]}"

section "Build: maturin build --release (crates/seisho-py)"
rm -rf "$target/wheels/seisho-"*.whl
(cd "$crate" && "$venv/maturin" build --release --out "$target/wheels" 2>&1 | tail -n 3)
wheel="$(ls "$target/wheels/seisho-"*.whl)"
printf 'wheel: %s (%s bytes)\n' "$(basename "$wheel")" "$(stat -c %s "$wheel")"
"$venv/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"

section "Tests: pytest crates/seisho-py/tests"
# From the repository root, not the crate: `import seisho` must be the installed wheel.
"$venv/python" -m pytest -q -p no:cacheprovider crates/seisho-py/tests
