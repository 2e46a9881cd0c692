#!/usr/bin/env python3
"""Lines of prose from the corpus, per kind of text and split, for typo injection (issue 14) and
normalizer agreement (issue 16).

usage: lines.py [--min-ja 10]      (with a Python that has markdown-it-py: requirements.txt)

Writes /work/eval/lines/KIND-SPLIT.txt (KIND: the manifest's kinds; SPLIT: dev, test), one
line of the documents a line, in corpus order, each line once per file (exact repeats within
a KIND-SPLIT file dropped), kept when it has at least --min-ja Japanese characters:

- Markdown: the lines of paragraphs, headings, list items and block quotes, as markdown-it-py
  parses them; never code blocks, HTML blocks, front matter, math or tables. On a kept line,
  block markers (#, >, list markers) go; a link or image reference [text](dest) keeps its
  text (an image goes whole); inline HTML tags, HTML comments, autolinks and bare URLs go;
  ** and __ go, and heading ids {#id}; lines that look like fences (``` ~~~ :::) go; inline code keeps its content without backticks when it is one line of at most
  30 characters, else the line is dropped. Hard-wrapped paragraphs stay one line per source
  line (a line can hold part of a sentence).
- Plain text: each non-empty line as it is (trailing spaces removed).

Also writes /work/eval/lines/README.txt with the counts.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict

import mdregions
from evallib import EVAL_ROOT, ja_chars, load_split, source_map, syntax_of

BLOCK_MARKER = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?(?:#{1,6}[ \t]+)?")
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\((?:<[^>]*>|[^()\s]*(?:\([^()]*\))?[^()\s]*)(?:\s+\"[^\"]*\")?\)")
REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
HEADING_ID = re.compile(r"[ \t]*\{#[^{}]*\}[ \t]*$")
FENCE_LIKE = re.compile(r"^[ \t]*(?:`{3,}|~{3,}|:::)")
STRONG = re.compile(r"\*\*|__")
MAX_CODE = 30


def markdown_lines(text: str) -> list[str]:
    offs = mdregions.line_offsets(text)
    keep, drop = set(), set()
    in_table = False
    for tok in mdregions.parser().parse(text):
        if tok.type == "table_open":
            in_table = True
        elif tok.type == "table_close":
            in_table = False
        if not tok.map:
            continue
        if in_table:
            drop.update(range(*tok.map))
        elif tok.type == "inline":
            keep.update(range(*tok.map))
    regs = mdregions.regions(text)
    out = []
    for ln in sorted(keep - drop):
        a, b = offs[ln], offs[ln + 1]
        line = text[a:b].rstrip("\n")
        if FENCE_LIKE.match(line):
            continue  # a fence CommonMark does not take (a backtick in its info string), a container
        edits = []  # (start, end, replacement) within the line
        ok = True
        for x, y, cat in regs:
            if not (x < b and a < y):
                continue
            if cat == "inline code":
                inner = text[x:y].strip("`").strip()
                if x < a or y > b or "\n" in text[x:y] or len(inner) > MAX_CODE:
                    ok = False
                    break
                edits.append((x - a, y - a, inner))
            elif cat in ("inline HTML", "HTML comment", "URL"):
                edits.append((max(x, a) - a, min(y, b) - a, ""))
            elif cat == "link destination":
                pass  # LINK below removes the whole (dest)
            else:
                ok = False
                break
        if not ok:
            continue
        for x, y, rep in sorted(edits, reverse=True):
            line = line[:x] + rep + line[y:]
        line = BLOCK_MARKER.sub("", line, count=1)
        line = CLOSING_HASHES.sub("", line)
        line = HEADING_ID.sub("", line)
        line = IMAGE.sub("", line)
        line = LINK.sub(r"\1", line)
        line = REF_LINK.sub(r"\1", line)
        line = FOOTNOTE.sub("", line)
        line = STRONG.sub("", line)
        out.append(line.strip())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-ja", type=int, default=10)
    args = ap.parse_args()
    srcs = source_map()
    out_dir = EVAL_ROOT / "lines"
    out_dir.mkdir(parents=True, exist_ok=True)
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    seen: dict[tuple[str, str], set] = defaultdict(set)
    for e in load_split():
        text = e.file.read_bytes().decode("utf-8", errors="replace")
        if syntax_of(e.path) == "markdown":
            lines = markdown_lines(text)
        else:
            lines = [l.rstrip() for l in text.split("\n") if l.strip()]
        key = (srcs[e.source].kind, e.split)
        for l in lines:
            if ja_chars(l) >= args.min_ja and l not in seen[key]:
                seen[key].add(l)
                buckets[key].append(l)
    report = ["kind\tsplit\tlines\tbytes"]
    for (kind, split), lines in sorted(buckets.items()):
        path = out_dir / f"{kind}-{split}.txt"
        data = "\n".join(lines) + "\n"
        path.write_text(data, encoding="utf-8")
        report.append(f"{kind}\t{split}\t{len(lines)}\t{len(data.encode())}")
    (out_dir / "README.txt").write_text(
        "Prose lines of the seisho evaluation corpus (bench/eval/lines.py), one per line, >= "
        f"{args.min_ja} Japanese characters.\n\n" + "\n".join(report) + "\n",
        encoding="utf-8",
    )
    print("\n".join(report))


if __name__ == "__main__":
    main()
