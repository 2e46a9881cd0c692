#!/usr/bin/env bash
# Regenerates data/ipadic-2.7.0-utf8.tar.zst and data/COPYING from Debian's mecab-ipadic
# package, byte for byte. See data/PROVENANCE.md for what it does and why.
#
# Usage: scripts/regenerate-source.sh [path/to/mecab-ipadic_2.7.0-20070801+main-3_all.deb]
# Without an argument the package is fetched with `apt-get download` (run `apt-get update`
# first). Needs: dpkg-deb, iconv (glibc), GNU tar >= 1.28, zstd 1.5.x, sha256sum.
set -euo pipefail

readonly PACKAGE=mecab-ipadic
readonly VERSION=2.7.0-20070801+main-3
readonly DEB_SHA256=2a59bb65193b605cec3e5540e69e7d3ce8db4624744f8686f419aa0cf3f327f2
# Fixed metadata for every tar member, so the archive depends only on the file contents.
readonly MTIME='2007-08-01 00:00:00Z'

crate_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work" # apt-get download runs as the _apt user

if [[ $# -ge 1 ]]; then
    deb="$(realpath "$1")"
else
    (cd "$work" && apt-get download "${PACKAGE}=${VERSION}")
    deb="$(ls "$work"/${PACKAGE}_*.deb)"
fi
actual="$(sha256sum "$deb" | cut -d' ' -f1)"
if [[ "$actual" != "$DEB_SHA256" ]]; then
    echo "unexpected $PACKAGE package: sha256 $actual, expected $DEB_SHA256" >&2
    exit 1
fi

dpkg-deb -x "$deb" "$work/root"
src="$work/root/usr/share/mecab/dic/ipadic"
out="$work/ipadic"
mkdir "$out"
# The dictionary sources are EUC-JP; lindera reads them as UTF-8 (metadata.json says so).
# dicrc is MeCab's runtime configuration, not a source of the dictionary: left out.
for path in "$src"/*.csv "$src"/*.def; do
    iconv -f EUC-JP -t UTF-8 "$path" >"$out/$(basename "$path")"
done

(
    cd "$out"
    LC_ALL=C tar --sort=name --format=ustar --mtime="$MTIME" --owner=0 --group=0 \
        --numeric-owner --mode=0644 -cf "$work/ipadic.tar" -- *.csv *.def
)
zstd -19 --single-thread --check -q -f "$work/ipadic.tar" -o "$crate_dir/data/ipadic-2.7.0-utf8.tar.zst"
cp "$work/root/usr/share/doc/$PACKAGE/copyright" "$crate_dir/data/COPYING"

echo "tar:      $(sha256sum "$work/ipadic.tar" | cut -d' ' -f1)"
(cd "$crate_dir/data" && sha256sum ipadic-2.7.0-utf8.tar.zst COPYING)
