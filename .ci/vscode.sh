#!/usr/bin/env bash
# The VS Code extension (editors/vscode): installs its npm packages, runs its tests (against
# fakes of VS Code's API, and starting the real `seisho lsp` with the command it builds), and
# packages it as a .vsix with @vscode/vsce, checking what the package holds. What needs a
# running VS Code is not tested (there is none here); the protocol is tested in
# crates/seisho-cli/tests/lsp.rs, with Neovim's client too.
#
# Environment: CARGO_TARGET_DIR (the .vsix goes to $CARGO_TARGET_DIR/seisho.vsix).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"
ext="$repo/editors/vscode"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"

printf '\n==== %s ====\n' "VS Code extension: npm ci, npm test, vsce package"
cargo build -q -p seisho-cli
(cd "$ext" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$ext" && SEISHO="$target_dir/debug/seisho" npm test)
vsix="$target_dir/seisho.vsix"
(cd "$ext" && npx vsce package --allow-missing-repository --out "$vsix")
# A .vsix is a zip: the extension's code, manifest, README, licence and its runtime
# dependency, and not its tests.
python3 - "$vsix" <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = ["extension/package.json", "extension/extension.js", "extension/readme.md",
        "extension/LICENSE.txt", "extension/node_modules/vscode-languageclient/package.json"]
missing = [n for n in need if n not in names and n.lower() not in {x.lower() for x in names}]
tests = [n for n in names if n.startswith("extension/test/")]
if missing or tests:
    sys.exit(f"{sys.argv[1]}: missing {missing}, tests packaged {tests}")
print(f"{sys.argv[1]}: {len(names)} files, the extension and vscode-languageclient in it")
PY
