#!/usr/bin/env python3
"""The dev/test split of the evaluation corpus.

  split.py keep NAME SRC DEST   (corpus.sh) move the .md/.markdown/.txt files of SRC with at
                                least the source's min_ja_chars Japanese characters to DEST
  split.py write                list the corpus into bench/eval/split.tsv and print the sizes
  split.py summary              print the sizes of split.tsv as it is (Markdown table)

Each file is `dev` or `test` by the first byte of sha1("SOURCE\\0PATH") (even: dev), decided
before anything is tuned and never changed: tune on dev, report test. A source with `split =
"validation"` in the manifest is all in the validation split: documents gathered after the
test split was judged, to check the changes made after it.
"""

from __future__ import annotations

import shutil
import sys
from collections import defaultdict
from pathlib import Path

from evallib import CORPUS, SPLIT_TSV, ja_chars, load_manifest, load_split, source_map, split_of

TEXT_EXT = (".md", ".markdown", ".txt")


def keep(name: str, src: Path, dest: Path) -> None:
    s = source_map()[name]
    kept = dropped = 0
    for f in sorted(src.rglob("*")):
        if not f.is_file() or not f.name.endswith(TEXT_EXT):
            continue
        text = f.read_bytes().decode("utf-8", errors="replace")
        if ja_chars(text) < s.min_ja_chars:
            dropped += 1
            continue
        d = dest / f.relative_to(src)
        d.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(f, d)
        kept += 1
    print(f"{name}: {kept} files kept, {dropped} with fewer than {s.min_ja_chars} Japanese characters left out")


def write() -> None:
    rows = []
    for s in load_manifest():
        root = CORPUS / s.name
        if not root.is_dir():
            print(f"{s.name}: not materialized ({root}); run bench/eval/corpus.sh", file=sys.stderr)
            continue
        for f in sorted(root.rglob("*")):
            if f.is_file() and f.name.endswith(TEXT_EXT):
                rel = f.relative_to(root).as_posix()
                rows.append((s.name, rel, f.stat().st_size, split_of(s.name, rel)))
    with open(SPLIT_TSV, "w", encoding="utf-8") as out:
        out.write("source\tpath\tbytes\tsplit\n")
        for r in rows:
            out.write("\t".join(map(str, r)) + "\n")
    print(f"wrote {SPLIT_TSV} ({len(rows)} files)")
    summary()


def summary() -> None:
    entries = load_split()
    srcs = source_map()
    agg: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for e in entries:
        for key in ((e.source, e.split), (e.source, "all"), ("TOTAL", e.split), ("TOTAL", "all")):
            agg[key][0] += 1
            agg[key][1] += e.bytes
        syn = srcs[e.source].syntax
        for key in ((f"total {syn}", e.split), (f"total {syn}", "all")):
            agg[key][0] += 1
            agg[key][1] += e.bytes
    names = [s.name for s in load_manifest() if (s.name, "all") in agg]
    print("| source | kind | syntax | dev files | dev bytes | test files | test bytes | validation files | validation bytes | all files | all bytes |")
    print("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for n in names + ["total markdown", "total text", "TOTAL"]:
        if (n, "all") not in agg:
            continue
        kind, syn = (srcs[n].kind, srcs[n].syntax) if n in srcs else ("", "")
        cells = []
        for sp in ("dev", "test", "validation", "all"):
            files, size = agg.get((n, sp), [0, 0])
            cells += [str(files), f"{size:,}"]
        print(f"| {n} | {kind} | {syn} | " + " | ".join(cells) + " |")


def main(argv: list[str]) -> None:
    if len(argv) == 4 and argv[0] == "keep":
        keep(argv[1], Path(argv[2]), Path(argv[3]))
    elif argv == ["write"]:
        write()
    elif argv == ["summary"]:
        summary()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
