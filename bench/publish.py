#!/usr/bin/env python3
"""Puts a bench's Markdown output into its section of BENCHMARKS.md.

usage: python3 bench/publish.py [--check] [--doc BENCHMARKS.md] NAME FILE
       python3 bench/publish.py --tables [--doc BENCHMARKS.md]

Each table of BENCHMARKS.md sits between two HTML comments, which GitHub does not show:

    <!-- begin: NAME -->

    (what the bench wrote: a line naming the run, the table)

    <!-- end: NAME -->

`publish.py NAME FILE` replaces what is between the markers NAME with the contents of FILE (a
Markdown file a bench script wrote; `-` reads standard input), with one blank line on each side,
and leaves the rest of the document as it is. The bench scripts that write Markdown call it
themselves when the environment has SEISHO_PUBLISH=1.

--check writes nothing: exits with 1 (and says so) when the document differs from what
`publish.py NAME FILE` would write, 0 when it is the same.

--tables checks the document alone: every begin marker has its end marker, and every table
renders on GitHub (its second line is a delimiter row, and the header, the delimiter row and
each row have the same number of columns). The same check is made on FILE before it is
published: a table that would not render is refused.

Exit status: 0 done (or nothing differs), 1 --check found a difference or --tables a problem,
2 a usage error, a marker missing or out of order, a file not readable, or a table in FILE that
would not render. Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MARKER = re.compile(r"^<!-- (begin|end): ([^ ]+) -->$", re.MULTILINE)
DELIMITER_CELL = re.compile(r"^:?-+:?$")
FENCE = re.compile(r"^ {0,3}(```|~~~)")


class Problem(Exception):
    """A marker or a table that is not as it should be."""


def begin(name: str) -> str:
    return f"<!-- begin: {name} -->"


def end(name: str) -> str:
    return f"<!-- end: {name} -->"


def region(doc: str, name: str, where: str) -> tuple[int, int]:
    """The span of `doc` between the markers NAME: from the end of the begin line to the start
    of the end line."""
    found = {"begin": [], "end": []}
    for m in MARKER.finditer(doc):
        if m.group(2) == name:
            found[m.group(1)].append(m)
    if not found["begin"]:
        raise Problem(f"{where}: no marker {begin(name)} (put it and {end(name)} around the section)")
    if not found["end"]:
        raise Problem(f"{where}: {begin(name)} has no {end(name)}")
    if len(found["begin"]) > 1 or len(found["end"]) > 1:
        raise Problem(f"{where}: the markers of {name} appear more than once")
    b, e = found["begin"][0], found["end"][0]
    if e.start() < b.end():
        raise Problem(f"{where}: {end(name)} comes before {begin(name)}")
    return b.end(), e.start()


def replaced(doc: str, name: str, content: str, where: str) -> str:
    """`doc` with the section NAME holding `content`, a blank line on each side."""
    start, stop = region(doc, name, where)
    body = content.strip("\n")
    inner = f"\n\n{body}\n\n" if body.strip() else "\n\n"
    return doc[:start] + inner + doc[stop:]


def cells(line: str) -> list[str]:
    """The cells of a table row: split at the pipes that are not escaped."""
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)]


def table_problems(text: str, where: str) -> list[str]:
    """What would keep a table of `text` from rendering, one message per problem (GitHub's
    tables: header row, delimiter row, rows, each line starting with a pipe here)."""
    problems = []
    lines = text.split("\n")
    fenced = False
    i = 0
    while i < len(lines):
        if FENCE.match(lines[i]):
            fenced = not fenced
        if fenced or not lines[i].lstrip().startswith("|"):
            i += 1
            continue
        first = i
        while i < len(lines) and lines[i].lstrip().startswith("|"):
            i += 1
        block = lines[first:i]
        header = cells(block[0])
        at = f"{where}:{first + 1}"
        if len(block) < 2 or not all(DELIMITER_CELL.match(c) for c in cells(block[1])):
            problems.append(f"{at}: a table without a delimiter row (|---|…) under its header")
            continue
        if len(cells(block[1])) != len(header):
            problems.append(
                f"{at}: the header has {len(header)} columns, the delimiter row {len(cells(block[1]))}"
            )
        for k, row in enumerate(block[2:], start=first + 3):
            if len(cells(row)) != len(header):
                problems.append(f"{where}:{k}: {len(cells(row))} columns in a table of {len(header)}")
    return problems


def marker_problems(doc: str, where: str) -> list[str]:
    problems = []
    names = []
    for m in MARKER.finditer(doc):
        if m.group(2) not in names:
            names.append(m.group(2))
    for name in names:
        try:
            region(doc, name, where)
        except Problem as e:
            problems.append(str(e))
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="bench/publish.py",
        description="Replace the text between <!-- begin: NAME --> and <!-- end: NAME --> in "
        "BENCHMARKS.md with the Markdown a bench wrote.",
        epilog="Example: bench/scaling.sh > out.md && python3 bench/publish.py scaling out.md",
    )
    ap.add_argument("name", nargs="?", metavar="NAME", help="the section's marker name")
    ap.add_argument("file", nargs="?", metavar="FILE", help="the Markdown to put there (- for standard input)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if the document would change")
    ap.add_argument("--tables", action="store_true", help="check the document's markers and tables only")
    ap.add_argument("--doc", type=Path, default=DOC, help="the document (default: BENCHMARKS.md of this checkout)")
    args = ap.parse_args(argv)

    try:
        doc = args.doc.read_text(encoding="utf-8")
    except OSError as e:
        print(f"publish.py: {args.doc}: {e.strerror}", file=sys.stderr)
        return 2

    if args.tables:
        if args.name or args.file or args.check:
            ap.error("--tables takes no NAME, FILE or --check")
        problems = marker_problems(doc, str(args.doc)) + table_problems(doc, str(args.doc))
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0

    if not args.name or not args.file:
        ap.error("NAME and FILE are needed (or --tables)")
    if not NAME.match(args.name):
        ap.error(f"NAME {args.name!r}: letters, digits, '.', '_' and '-' only")
    try:
        if args.file == "-":
            content = sys.stdin.read()
        else:
            content = Path(args.file).read_text(encoding="utf-8")
    except OSError as e:
        print(f"publish.py: {args.file}: {e.strerror}", file=sys.stderr)
        return 2

    problems = table_problems(content, "<stdin>" if args.file == "-" else args.file)
    if MARKER.search(content):
        problems.append(f"{args.file}: holds a begin/end marker itself")
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print(f"publish.py: {args.name} not published", file=sys.stderr)
        return 2
    try:
        new = replaced(doc, args.name, content, str(args.doc))
    except Problem as e:
        print(f"publish.py: {e}", file=sys.stderr)
        return 2

    if args.check:
        if new != doc:
            print(f"{args.doc}: the section {args.name} differs from {args.file}", file=sys.stderr)
            return 1
        return 0
    if new != doc:
        args.doc.write_text(new, encoding="utf-8")
        print(f"{args.doc}: section {args.name} updated", file=sys.stderr)
    else:
        print(f"{args.doc}: section {args.name} unchanged", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
