#!/usr/bin/env python3
"""Generates src/text/kanji_table.rs from KANJIDIC2.

The readability scorer needs two facts about a kanji: the band it is taught or listed in
(学年別漢字配当表 for grades 1-6, the rest of 常用漢字表, 人名用漢字) and its on'yomi
(音読み). Both come from KANJIDIC2, which Debian ships as the kanjidic-xml package:

    apt-get install kanjidic-xml
    python3 scripts/kanji_table.py            # rewrites src/text/kanji_table.rs
    python3 scripts/kanji_table.py --check    # exits 1 if the committed file is stale

The output depends only on the XML, so the same KANJIDIC2 version always gives the same
bytes. It is laid out the way rustfmt lays it out, so `cargo fmt --check` leaves it alone.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

DEFAULT_XML = Path("/usr/share/edict/kanjidic2.xml.gz")
REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "src" / "text" / "kanji_table.rs"

# How many kanji KANJIDIC2 gives each <grade>: 1-6 are the school grades of the 2020
# 学年別漢字配当表 (1,026 kanji), 8 the rest of the 2010 常用漢字表 (2,136 in all), 9 the
# 人名用漢字 and 10 the 人名用漢字 that are variants of 常用漢字. These lists are fixed by
# law, so a different count means the XML is not what the table was designed for.
EXPECTED_GRADE_COUNTS = {1: 80, 2: 160, 3: 200, 4: 202, 5: 193, 6: 191, 8: 1110, 9: 651, 10: 212}

# The 常用漢字表 lists 𠮟 塡 剝 頰 but allows (許容字体) the forms that JIS X 0208 encodes
# and that nearly all Japanese text uses; KANJIDIC2 gives those forms no grade. Each gets the
# band of its listed form. (The other 許容字体, 遡 遜 謎 餌 餅 箋 with one dot or two, share
# their code point with the listed form.)
ACCEPTED_FORMS = {"叱": "𠮟", "填": "塡", "剥": "剝", "頬": "頰"}

ATTRIBUTION = (
    "KANJIDIC2, Electronic Dictionary Research and Development Group, CC BY-SA 4.0, "
    "https://www.edrdg.org/edrdg/licence.html"
)

MAX_WIDTH = 100  # rustfmt's default max_width; the repository has no rustfmt.toml
INDENT = "    "


class DataError(Exception):
    """The XML is not the KANJIDIC2 the table was designed for."""


@dataclass
class Kanjidic:
    database_version: str
    date_of_creation: str
    grades: dict[int, int]  # code point -> KANJIDIC2 grade (1-6, 8, 9, 10)
    on_readings: dict[int, list[str]]  # code point -> on'yomi, in KANJIDIC2's order


def read_kanjidic(path: Path) -> Kanjidic:
    header: dict[str, str] = {}
    grades: dict[int, int] = {}
    on_readings: dict[int, list[str]] = {}
    with gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb") as xml:
        # iterparse and clear each <character> when done: the tree would hold 13k entries
        # with all their meanings in memory for nothing.
        for _, element in ET.iterparse(xml, events=("end",)):
            if element.tag in ("file_version", "database_version", "date_of_creation"):
                header[element.tag] = (element.text or "").strip()
            elif element.tag == "character":
                literal = element.findtext("literal") or ""
                if len(literal) != 1:
                    raise DataError(f"<literal> {literal!r} is not one character")
                code_point = ord(literal)
                if code_point in grades or code_point in on_readings:
                    raise DataError(f"{literal} U+{code_point:04X} is listed twice")
                grade = element.findtext("misc/grade")
                if grade is not None:
                    grades[code_point] = int(grade)
                readings: list[str] = []
                for reading in element.iter("reading"):
                    if reading.get("r_type") != "ja_on":
                        continue
                    # '-' marks a reading used only inside a word, as in 因縁 (いんねん)
                    # for -ネン: the reading itself is what matters here.
                    text = (reading.text or "").replace("-", "").strip()
                    if not text or any(not "\u30a1" <= c <= "\u30fc" for c in text):
                        raise DataError(f"{literal}: on'yomi {reading.text!r} is not katakana")
                    if text not in readings:
                        readings.append(text)
                if readings:
                    on_readings[code_point] = readings
                element.clear()
    for field in ("database_version", "date_of_creation"):
        if not header.get(field):
            raise DataError(f"the XML header has no <{field}>")
    return Kanjidic(header["database_version"], header["date_of_creation"], grades, on_readings)


def check_grade_counts(grades: dict[int, int]) -> None:
    counts = {grade: 0 for grade in EXPECTED_GRADE_COUNTS}
    for code_point, grade in grades.items():
        if grade not in counts:
            raise DataError(f"{chr(code_point)} U+{code_point:04X} has unknown grade {grade}")
        counts[grade] += 1
    if counts != EXPECTED_GRADE_COUNTS:
        wrong = ", ".join(
            f"grade {g}: {counts[g]} (expected {n})"
            for g, n in EXPECTED_GRADE_COUNTS.items()
            if counts[g] != n
        )
        raise DataError(f"KANJIDIC2 grade counts are not the expected ones: {wrong}")


def with_accepted_forms(grades: dict[int, int]) -> dict[int, int]:
    banded = dict(grades)
    for accepted, listed in ACCEPTED_FORMS.items():
        if ord(accepted) in grades:
            raise DataError(f"{accepted} now has a grade of its own: drop it from ACCEPTED_FORMS")
        if grades.get(ord(listed)) != 8:
            raise DataError(f"{listed}, listed form of {accepted}, is not grade 8")
        banded[ord(accepted)] = grades[ord(listed)]
    return banded


def fill(items: list[str], indent: str = INDENT) -> list[str]:
    """Lines of `items, ...,` filled the way rustfmt fills an array of short literals (up to
    one column short of MAX_WIDTH, it keeps room for a separator), so that it leaves them be."""
    lines: list[str] = []
    line = ""
    for item in items:
        candidate = f"{line} {item}," if line else f"{indent}{item},"
        if line and len(candidate) >= MAX_WIDTH:
            lines.append(line)
            line = f"{indent}{item},"
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def array(doc: list[str], attrs: list[str], name: str, ty: str, items: list[str]) -> list[str]:
    out = [f"/// {d}" if d else "///" for d in doc]
    out += attrs
    out.append(f"pub(crate) static {name}: [{ty}; {len(items)}] = [")
    out += fill(items)
    out.append("];")
    return out


def string_literal(items: list[str], separator: str) -> list[str]:
    """The items joined by `separator`, as the lines of a string literal wrapped with `\\`
    continuations (the next line's indentation is not part of the string)."""

    def columns(text: str) -> int:
        # As editors and rustfmt count them: kana are two columns wide.
        return sum(2 if c >= "\u3000" else 1 for c in text)

    lines = []
    line = INDENT
    for i, item in enumerate(items):
        piece = item + (separator if i + 1 < len(items) else "")
        # Keep room for the closing `\\` or `";`.
        if line != INDENT and columns(line + piece) + 2 > MAX_WIDTH:
            lines.append(line + "\\")
            line = INDENT
        line += piece
    lines.append(line + '";')
    return lines


def generate(data: Kanjidic) -> str:
    grades = with_accepted_forms(data.grades)
    graded = sorted(grades)
    on_kanji = sorted(data.on_readings)
    # Each distinct on'yomi is stored once (there are a few hundred, against 21k readings);
    # a kanji lists the byte offsets of its readings in ON_TEXT.
    distinct = sorted({r for readings in data.on_readings.values() for r in readings})
    separator = " "
    offsets: dict[str, int] = {}
    at = 0
    for reading in distinct:
        offsets[reading] = at
        at += len(reading.encode()) + len(separator)
    on_at: list[int] = []
    on_first: list[int] = []
    for code_point in on_kanji:
        on_first.append(len(on_at))
        on_at.extend(offsets[r] for r in data.on_readings[code_point])
    on_first.append(len(on_at))
    if on_first[-1] > 0xFFFF or at > 0xFFFF:
        raise DataError("the on'yomi tables outgrew u16 offsets")

    morphology = ['#[cfg(feature = "morphology")]']
    out = [
        "// Generated by scripts/kanji_table.py from KANJIDIC2 "
        f"(database_version {data.database_version}); do not edit.",
        f"// {ATTRIBUTION}",
        f"// KANJIDIC2 database_version {data.database_version}, "
        f"date_of_creation {data.date_of_creation}.",
        "// The tables below are adapted from KANJIDIC2 and are under its licence, CC BY-SA 4.0.",
        "// Regenerate: apt-get install kanjidic-xml && python3 scripts/kanji_table.py",
        "",
    ]
    accepted = " ".join(f"{a} (as {b})" for a, b in ACCEPTED_FORMS.items())
    tables = [
        (
            [
                f"The {len(data.grades)} kanji that KANJIDIC2 gives a grade and the 許容字体 "
                "(accepted",
                f"forms) {accepted}, sorted by code point.",
            ],
            [],
            "GRADED_KANJI",
            "u32",
            [f"0x{c:04X}" for c in graded],
        ),
        (
            [
                "The KANJIDIC2 grade of each of [`GRADED_KANJI`]: 1-6 school grade, 8 other 常用,",
                "9 人名用, 10 人名用 variant of a 常用 kanji.",
            ],
            [],
            "GRADES",
            "u8",
            [str(grades[c]) for c in graded],
        ),
        (
            [f"The {len(on_kanji)} kanji that have an on'yomi in KANJIDIC2, sorted by code point."],
            morphology,
            "ON_KANJI",
            "u32",
            [f"0x{c:04X}" for c in on_kanji],
        ),
        (
            ["The readings of `ON_KANJI[i]` are `ON_AT[ON_FIRST[i]..ON_FIRST[i + 1]]`."],
            morphology,
            "ON_FIRST",
            "u16",
            [str(i) for i in on_first],
        ),
        (
            ["Byte offsets in [`ON_TEXT`] where each reading starts, in KANJIDIC2's order."],
            morphology,
            "ON_AT",
            "u16",
            [str(i) for i in on_at],
        ),
    ]
    for doc, attributes, name, kind, values in tables:
        out += array(doc, attributes, name, kind, values)
        out.append("")
    out += [
        f"/// The {len(distinct)} distinct on'yomi, in katakana, separated by spaces.",
        *morphology,
        'pub(crate) static ON_TEXT: &str = "\\',
        *string_literal(distinct, separator),
    ]
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("xml", nargs="?", type=Path, default=DEFAULT_XML,
                        help=f"KANJIDIC2 XML, gzipped or not (default: {DEFAULT_XML})")
    parser.add_argument("--check", action="store_true",
                        help=f"do not write: exit 1 if {OUTPUT.relative_to(REPO)} is not "
                             "what this script generates")
    args = parser.parse_args()

    if not args.xml.is_file():
        print(f"kanji_table.py: {args.xml} not found: install kanjidic-xml "
              "(apt-get install kanjidic-xml) or pass the path to kanjidic2.xml(.gz)",
              file=sys.stderr)
        return 2
    try:
        data = read_kanjidic(args.xml)
        check_grade_counts(data.grades)
        text = generate(data)
    except (DataError, ET.ParseError) as error:
        print(f"kanji_table.py: {args.xml}: {error}", file=sys.stderr)
        return 1

    relative = OUTPUT.relative_to(REPO)
    if args.check:
        committed = OUTPUT.read_text(encoding="utf-8") if OUTPUT.is_file() else None
        if committed != text:
            state = "is missing" if committed is None else "differs from what it generates"
            print(f"kanji_table.py --check: {relative} {state} (KANJIDIC2 "
                  f"{data.database_version}); run python3 scripts/kanji_table.py",
                  file=sys.stderr)
            return 1
        print(f"{relative} is up to date (KANJIDIC2 {data.database_version})")
        return 0

    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {relative}: {len(data.grades) + len(ACCEPTED_FORMS)} graded kanji, "
          f"{len(data.on_readings)} with on'yomi (KANJIDIC2 {data.database_version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
