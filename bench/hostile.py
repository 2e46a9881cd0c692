#!/usr/bin/env python3
"""Writes a hostile or large input of about SIZE bytes for bench/scaling.sh (issue 7).

    python3 bench/hostile.py KIND SIZE OUT [CORPUS]

SIZE takes a K or M suffix (powers of 1024 are not used: 1M = 1,000,000 bytes, so that
MB/s figures read plainly). Each kind is valid UTF-8 (except `invalid-utf8`) and is cut at a
character boundary at or below SIZE:

  corpus       the corpus (CORPUS, default /work/shared/corpus/ja-docs.txt) repeated
  one-line     the corpus repeated with every line break turned into a space: one line
  no-break     Japanese with no line break, no 。 and no 、: one sentence of SIZE bytes
  combining    か then U+3099 (combining voiced mark) and e then U+0301, one run each
  nested       （ repeated, a word, then ） repeated: brackets nested SIZE/6 deep
  mismatched   ( repeated then 」 repeated: every closer has no opener of its kind
  controls     NUL and every C0/C1 control, DEL and U+FEFF between Japanese words
  code-points  every Unicode scalar value once, in order, then again
  whitespace   spaces, tabs, U+3000, NBSP and line breaks, nothing else
"""

import sys

CORPUS = "/work/shared/corpus/ja-docs.txt"


def parse_size(s):
    factor = {"K": 1000, "M": 1000 * 1000}.get(s[-1].upper(), 1)
    return int(s.rstrip("kKmM")) * factor


def repeat_to(unit, size):
    """`unit` (bytes) repeated to `size` bytes, cut back to a UTF-8 character boundary."""
    if not unit:
        return b""
    out = (unit * (size // len(unit) + 1))[:size]
    try:
        out.decode("utf-8")
    except UnicodeDecodeError as e:
        out = out[: e.start]  # the cut character, at the end
    return out


def generate(kind, size, corpus):
    if kind == "corpus":
        return repeat_to(open(corpus, "rb").read(), size)
    if kind == "one-line":
        text = open(corpus, "rb").read().replace(b"\r", b"").replace(b"\n", b" ")
        return repeat_to(text, size)
    if kind == "no-break":
        unit = "データベースの設定を確認してからサーバを再起動する手順を説明する".encode()
        return repeat_to(unit, size)
    if kind == "combining":
        half = size // 2
        a = ("か" + "\u3099" * (half // 3)).encode()[:half]
        b = ("e" + "\u0301" * (half // 2)).encode()
        return repeat_to(a, half) + repeat_to(b, size - half)
    if kind == "nested":
        depth = max(1, (size - 3) // 6)
        return ("（" * depth + "語" + "）" * depth).encode()
    if kind == "mismatched":
        n = max(1, size // 4)
        return b"(" * n + "」".encode() * n
    if kind == "controls":
        controls = "".join(map(chr, list(range(0x00, 0x20)) + [0x7F] + list(range(0x80, 0xA0))))
        return repeat_to(("設定" + controls + "\ufeff確認").encode(), size)
    if kind == "code-points":
        scalars = "".join(
            chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF
        ).encode()
        return repeat_to(scalars, size)
    if kind == "whitespace":
        return repeat_to(" \t\u3000\u00a0 \n\r\n".encode(), size)
    if kind == "invalid-utf8":
        text = repeat_to(open(corpus, "rb").read(), size - 1)
        return text + b"\xff"
    raise SystemExit(f"unknown kind {kind!r}")


def main():
    if len(sys.argv) not in (4, 5):
        raise SystemExit(__doc__)
    kind, size, out = sys.argv[1], parse_size(sys.argv[2]), sys.argv[3]
    corpus = sys.argv[4] if len(sys.argv) == 5 else CORPUS
    data = generate(kind, size, corpus)
    if kind != "invalid-utf8":
        data.decode("utf-8")  # fails loudly if a generator cut a character
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
