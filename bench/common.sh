# shellcheck shell=bash
# Shared by the scripts in bench/ (sourced, not run): where things go, how the tools people use
# today are installed, how a command is timed.
#
# After sourcing: the working directory is the repository root, $target_dir is cargo's target
# directory (CARGO_TARGET_DIR or target/), and the functions below are defined.

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
target_dir="$(realpath -m "${CARGO_TARGET_DIR:-target}")"

# The versions compared in BENCHMARKS.md; change them here and re-run the benches.
textlint_version=15.8.0
textlint_preset_version=12.0.2
python_packages=(
    neologdn==0.5.6
    mojimoji==0.0.13
    jaconv==0.5.0
    jreadability==1.1.5
    fugashi==1.5.2
    unidic-lite==1.0.8
)

# install_textlint DIR: textlint and textlint-rule-preset-ja-technical-writing from npm into
# DIR/node_modules (kept across runs), and DIR/.textlintrc.json enabling the preset.
install_textlint() {
    local dir="$1"
    mkdir -p "$dir"
    local installed=""
    if [[ -f "$dir/node_modules/textlint/package.json" ]]; then
        installed="$(node -p 'require(process.argv[1]).version' \
            "$(realpath "$dir/node_modules/textlint/package.json")")"
    fi
    if [[ "$installed" != "$textlint_version" ]]; then
        echo "installing textlint $textlint_version and textlint-rule-preset-ja-technical-writing $textlint_preset_version from npm…" >&2
        (cd "$dir" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
            npm install --no-audit --no-fund --silent \
                "textlint@$textlint_version" \
                "textlint-rule-preset-ja-technical-writing@$textlint_preset_version" >/dev/null)
    fi
    cat >"$dir/.textlintrc.json" <<'JSON'
{ "rules": { "preset-ja-technical-writing": true } }
JSON
}

# python_venv DIR: a virtual environment in DIR with the pinned PyPI packages (kept across
# runs; reinstalled when the pins change). Prints the path of its python.
python_venv() {
    local dir="$1" stamp="$1/pins.txt"
    if [[ ! -x "$dir/bin/python" ]]; then
        echo "creating a Python virtual environment in $dir…" >&2
        python3 -m venv "$dir"
    fi
    if [[ "$(cat "$stamp" 2>/dev/null)" != "${python_packages[*]}" ]]; then
        echo "installing ${python_packages[*]} from PyPI…" >&2
        "$dir/bin/pip" install --quiet --disable-pip-version-check "${python_packages[@]}" >&2
        printf '%s' "${python_packages[*]}" >"$stamp"
    fi
    echo "$dir/bin/python"
}

# corpus_slice FILE BYTES OUT: the first BYTES of FILE, cut back to the last whole line.
corpus_slice() {
    head -c "$2" "$1" | sed '$d' >"$3"
}

# build_seisho: the release build of the CLI; sets $seisho to its path.
build_seisho() {
    cargo build -q --release -p seisho-cli
    # shellcheck disable=SC2034 # for the caller
    seisho="$target_dir/release/seisho"
}

# require_corpus FILE HINT: exits with 2 and HINT (how to name another) when FILE is missing.
require_corpus() {
    if [[ ! -f "$1" ]]; then
        echo "no corpus at $1 ($2)" >&2
        exit 2
    fi
}

# require_gnu_time: GNU time as /usr/bin/time (measure needs it), installed with apt when
# missing and run as root.
require_gnu_time() {
    [[ -x /usr/bin/time ]] && return
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
    else
        echo "GNU time (/usr/bin/time) is missing: apt-get install time" >&2
        exit 1
    fi
}

# measure COMMAND...: runs it under /usr/bin/time with its output thrown away; prints
# "wall_seconds peak_kib cpu_seconds" (CPU: user + system, which a loaded machine inflates
# less than wall time). A non-zero exit code is not a failure here (linters exit with 1 when
# they find something).
measure() {
    local out
    out="$(mktemp)"
    /usr/bin/time -f '%e %M %U %S' -o "$out" "$@" >/dev/null 2>&1 || true
    awk 'END { printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$out"
    rm -f "$out"
}

# machine: one line describing the machine and its load now (the machine may be shared).
machine() {
    local cpu
    cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    printf '%s; %s cores (%s); load average %s' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" \
        "${cpu:-$(uname -m)}" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# python_with_seisho DIR: python_venv DIR with the seisho wheel of this checkout (maturin,
# release) installed too; prints the path of its python. The wheel's name and size go to
# standard error.
python_with_seisho() {
    local dir="$1" python venv wheel
    python="$(python_venv "$dir")"
    venv="$(dirname "$python")"
    "$venv/pip" install --quiet --disable-pip-version-check maturin >&2
    rm -rf "$dir/wheels"
    (cd crates/seisho-py && "$venv/maturin" build --release --out "$dir/wheels" >&2)
    wheel="$(ls "$dir/wheels/"*.whl)"
    "$venv/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel" >&2
    printf 'wheel: %s, %s bytes; commit %s\n' "$(basename "$wheel")" "$(stat -c %s "$wheel")" \
        "$(git rev-parse --short HEAD)" >&2
    echo "$python"
}
