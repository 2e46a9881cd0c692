#!/usr/bin/env bash
# The WebAssembly package (crates/seisho-wasm): installs what it needs, builds the web and
# nodejs packages, reports their size, and runs every test: node --test against the Rust API,
# wasm-bindgen-test in headless Chromium, and the page's end-to-end test with playwright-core.
# Idempotent; a second run reinstalls nothing and rebuilds only what changed.
#
# Environment: CARGO_TARGET_DIR (the wasm build goes to $CARGO_TARGET_DIR/seisho-wasm, so that
# its profile settings do not rebuild the native targets), SEISHO_WASM_SIZE_BUDGET (bytes of
# gzip -9 of the core package's wasm, without Markdown and the dictionary; fail above it when
# set), SEISHO_WASM_SKIP_BROWSER=1 (node tests only),
# SEISHO_WASM_MORPHOLOGY=0 (no morphology build and no dictionary tests; the page then has
# the small build only, and its dictionary button says why it is off).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"
crate="$repo/crates/seisho-wasm"

section() {
    printf '\n==== %s ====\n' "$*"
}

section "Toolchain"
if ! command -v cargo >/dev/null 2>&1 && [[ -f "$HOME/.cargo/env" ]]; then
    # shellcheck disable=SC1091
    source "$HOME/.cargo/env"
fi
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be the exact version of the wasm-bindgen crate in Cargo.lock.
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
if [[ -z "$bindgen_version" ]]; then
    echo "wasm-bindgen is not in Cargo.lock" >&2
    exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen_version" ]]; then
    cargo install wasm-bindgen-cli --version "$bindgen_version"
fi
wasm-bindgen --version

need_apt=()
[[ -x /usr/bin/chromium ]] || need_apt+=(chromium)
[[ -x /usr/bin/chromedriver ]] || need_apt+=(chromium-driver)
[[ -d /usr/share/fonts/opentype/ipafont-gothic ]] || need_apt+=(fonts-ipafont-gothic)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
if ((${#need_apt[@]})); then
    if [[ "$(id -u)" != 0 ]]; then
        echo "missing ${need_apt[*]}: run as root or install them" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi
node --version

section "npm install (binaryen for wasm-opt, playwright-core, typescript)"
(cd "$crate" && npm install --no-audit --no-fund --loglevel=error)
wasm_opt="$crate/node_modules/.bin/wasm-opt"
"$wasm_opt" --version

section "Build: cargo build -p seisho-wasm --target wasm32-unknown-unknown --release"
# Size settings for this build only (the workspace's release profile keeps debug info for
# the benches): LTO, one codegen unit, opt-level z, no debug info. Not `strip`: wasm-bindgen
# needs the custom sections, and strips what it does not need itself.
target_dir="${CARGO_TARGET_DIR:-$repo/target}/seisho-wasm"
build() {
    CARGO_TARGET_DIR="$target_dir" \
        CARGO_PROFILE_RELEASE_LTO=true \
        CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
        CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
        CARGO_PROFILE_RELEASE_DEBUG=0 \
        CARGO_PROFILE_RELEASE_PANIC=abort \
        cargo build -p seisho-wasm --target wasm32-unknown-unknown --release "$@"
}
build
# Each build overwrites release/seisho_wasm.wasm: keep a copy.
wasm="$target_dir/seisho_wasm-markdown.wasm"
cp "$target_dir/wasm32-unknown-unknown/release/seisho_wasm.wasm" "$wasm"

section "Core build (no Markdown): cargo build -p seisho-wasm --no-default-features"
# The size budget applies to it: pulldown-cmark alone is about 68 KB of gzip. Same target
# directory: the dependencies are shared, and cargo keeps both feature sets' artifacts.
build --no-default-features
wasm_core="$target_dir/seisho_wasm-core.wasm"
cp "$target_dir/wasm32-unknown-unknown/release/seisho_wasm.wasm" "$wasm_core"

section "Packages: wasm-bindgen --target web / nodejs, wasm-opt -Oz"
# The features rustc enables by default for wasm32-unknown-unknown (not --all-features:
# wasm-opt would then use ones such as stringref that Node.js and browsers do not have).
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
    --enable-mutable-globals --enable-reference-types --enable-multivalue)
# --converge repeats -Oz while it still shrinks the module (about 0.5% more).
wasm_opt_flags=(-Oz --converge --strip-producers "${wasm_features[@]}")
# pkg/web and pkg/node: the default features (Markdown); pkg/web-core and pkg/node-core:
# without Markdown.
for build_kind in "" -core; do
    input="$wasm"
    [[ -z "$build_kind" ]] || input="$wasm_core"
    for target in web nodejs; do
        out="$crate/pkg/${target/nodejs/node}$build_kind"
        rm -rf "$out"
        wasm-bindgen --target "$target" --out-dir "$out" --out-name seisho_wasm "$input"
        "$wasm_opt" "${wasm_opt_flags[@]}" "$out/seisho_wasm_bg.wasm" -o "$out/seisho_wasm_bg.wasm"
        node "$crate/scripts/package-json.mjs" "$out" "$target" "seisho-wasm$build_kind"
    done
done
for build_kind in "" -core; do
    file="$crate/pkg/web$build_kind/seisho_wasm_bg.wasm"
    raw=$(wc -c <"$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    what="with Markdown"
    [[ -z "$build_kind" ]] || what="core, without Markdown"
    echo "pkg/web$build_kind/seisho_wasm_bg.wasm ($what, without the dictionary): $raw bytes, $gz bytes gzip -9"
    core_gz=$gz
done
if [[ -n "${SEISHO_WASM_SIZE_BUDGET:-}" ]]; then
    if ((core_gz > SEISHO_WASM_SIZE_BUDGET)); then
        echo "the core package is over the size budget of $SEISHO_WASM_SIZE_BUDGET bytes gzip -9" >&2
        exit 1
    fi
    echo "the core package is within the size budget of $SEISHO_WASM_SIZE_BUDGET bytes gzip -9"
fi

section "TypeScript: the generated declarations type-check (tsc --strict)"
(cd "$crate" && node_modules/.bin/tsc --noEmit --strict --target es2022 --module es2022 \
    --moduleResolution bundler --lib es2022,dom tests/types/usage.ts)

dict="$crate/www/dict"
if [[ "${SEISHO_WASM_MORPHOLOGY:-1}" == 1 ]]; then
    section "The morphology build: cargo build ... --features morphology (no dictionary linked)"
    build --features morphology --target-dir "$target_dir-morphology"
    for target in web nodejs; do
        out="$crate/pkg/${target/nodejs/node}-morphology"
        rm -rf "$out"
        wasm-bindgen --target "$target" --out-dir "$out" \
            "$target_dir-morphology/wasm32-unknown-unknown/release/seisho_wasm.wasm"
        "$wasm_opt" -Oz "${wasm_features[@]}" "$out/seisho_wasm_bg.wasm" -o "$out/seisho_wasm_bg.wasm"
        node "$crate/scripts/package-json.mjs" "$out" "$target"
    done
    raw=$(wc -c <"$crate/pkg/web-morphology/seisho_wasm_bg.wasm")
    gz=$(gzip -9 -c "$crate/pkg/web-morphology/seisho_wasm_bg.wasm" | wc -c)
    echo "seisho_wasm_bg.wasm with morphology (the dictionary is fetched at run time): $raw bytes, $gz bytes gzip -9"

    section "The dictionary for the page: seisho dict export www/dict"
    # The page fetches these files (and IPADIC's licence, COPYING, which must go with them)
    # from dict/ beside it; they are not committed (49 MB).
    CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}" \
        cargo run -q -p seisho-cli -- dict export "$dict"
    CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}" \
        cargo run -q -p seisho-wasm --features morphology --example expected -- \
        "$dict" >"$crate/pkg/expected-morphology.json"
else
    rm -rf "$dict" "$crate/pkg/"{web,node}-morphology "$crate/pkg/expected-morphology.json"
fi

section "node --test: the nodejs packages against the Rust API"
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}" \
    cargo run -q -p seisho-wasm --example expected >"$crate/pkg/expected.json"
(cd "$crate" && node --test tests/node/)
# The core package too (its Markdown entry points throw).
(cd "$crate" && SEISHO_WASM_NODE_PKG=node-core node --test tests/node/api.test.mjs)

if [[ "${SEISHO_WASM_SKIP_BROWSER:-}" == 1 ]]; then
    exit 0
fi

section "wasm-bindgen-test in headless Chromium"
# wasm-bindgen-test-runner drives Chromium through chromedriver.
CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_TIMEOUT=120 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CARGO_TARGET_DIR="$target_dir" \
    cargo test -p seisho-wasm --target wasm32-unknown-unknown --tests

section "Page: end-to-end test with playwright-core and Chromium"
# The page starts with the small build (pkg/web, with Markdown) in www/pkg/; the morphology
# build, when there is one, goes to www/pkg/morphology/, which the page imports with
# www/dict/ only when its dictionary button is pressed. www/pkg/builds.json tells the page
# which builds it has, and how many bytes the button downloads.
rm -rf "$crate/www/pkg"
mkdir -p "$crate/www/pkg"
cp "$crate/pkg/web/"seisho_wasm{.js,_bg.wasm} "$crate/www/pkg/"
if [[ -d "$crate/pkg/web-morphology" ]]; then
    mkdir -p "$crate/www/pkg/morphology"
    cp "$crate/pkg/web-morphology/"seisho_wasm{.js,_bg.wasm} "$crate/www/pkg/morphology/"
    # The bytes its dictionary button downloads, which the button says: the morphology build
    # and the dictionary's files (IPADIC's licence, COPYING, is only linked).
    download=$(find "$crate/www/pkg/morphology" "$dict" -type f ! -name COPYING -printf '%s\n' |
        awk '{ n += $1 } END { print n }')
    echo "{ \"morphology\": \"morphology/\", \"download\": $download }" >"$crate/www/pkg/builds.json"
else
    echo '{}' >"$crate/www/pkg/builds.json"
fi
(cd "$crate" && node --test tests/e2e/)
