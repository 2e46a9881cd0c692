#!/usr/bin/env python3
"""Tests of bench/publish.py, and a check that BENCHMARKS.md's markers and tables are sound.

    python3 bench/test_publish.py        (or python3 -m pytest bench/test_publish.py)

Python 3.11 standard library only.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import publish  # noqa: E402

DOC = """# Benchmarks

## One

Text above, kept.

<!-- begin: one -->

old line

| a | b |
|---|---:|
| 1 | 2 |

<!-- end: one -->

## Two

<!-- begin: two -->
<!-- end: two -->

Text below, kept.
"""

TABLE = """run: now

| a | b |
|---|---:|
| 3 | 4 |
"""


class PublishTest(unittest.TestCase):
    def setUp(self) -> None:
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.doc = Path(self.dir.name) / "BENCHMARKS.md"
        self.doc.write_text(DOC, encoding="utf-8")
        self.table = Path(self.dir.name) / "out.md"
        self.table.write_text(TABLE, encoding="utf-8")

    def run_main(self, *args: str, stdin: str | None = None) -> tuple[int, str]:
        err = io.StringIO()
        old_stdin = sys.stdin
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        try:
            with contextlib.redirect_stderr(err):
                code = publish.main(["--doc", str(self.doc), *args])
        finally:
            sys.stdin = old_stdin
        return code, err.getvalue()

    def test_replaces_only_the_section(self) -> None:
        code, _ = self.run_main("one", str(self.table))
        self.assertEqual(code, 0)
        text = self.doc.read_text(encoding="utf-8")
        self.assertEqual(
            text,
            DOC.replace("old line\n\n| a | b |\n|---|---:|\n| 1 | 2 |", TABLE.strip("\n")),
        )
        self.assertIn("<!-- begin: one -->\n\nrun: now\n", text)
        self.assertIn("| 3 | 4 |\n\n<!-- end: one -->", text)

    def test_empty_section_and_idempotence(self) -> None:
        self.assertEqual(self.run_main("two", str(self.table))[0], 0)
        once = self.doc.read_text(encoding="utf-8")
        self.assertIn("<!-- begin: two -->\n\nrun: now", once)
        self.assertEqual(self.run_main("two", str(self.table))[0], 0)
        self.assertEqual(self.doc.read_text(encoding="utf-8"), once)

    def test_check(self) -> None:
        code, err = self.run_main("--check", "one", str(self.table))
        self.assertEqual(code, 1)
        self.assertIn("section one differs", err)
        self.assertEqual(self.doc.read_text(encoding="utf-8"), DOC, "--check wrote the document")
        self.run_main("one", str(self.table))
        self.assertEqual(self.run_main("--check", "one", str(self.table))[0], 0)

    def test_standard_input(self) -> None:
        self.assertEqual(self.run_main("one", "-", stdin=TABLE)[0], 0)
        self.assertIn("| 3 | 4 |", self.doc.read_text(encoding="utf-8"))

    def test_missing_marker_is_named(self) -> None:
        code, err = self.run_main("three", str(self.table))
        self.assertEqual(code, 2)
        self.assertIn("<!-- begin: three -->", err)
        self.assertEqual(self.doc.read_text(encoding="utf-8"), DOC)

    def test_missing_end_marker(self) -> None:
        self.doc.write_text(DOC.replace("<!-- end: two -->\n", ""), encoding="utf-8")
        code, err = self.run_main("two", str(self.table))
        self.assertEqual(code, 2)
        self.assertIn("has no <!-- end: two -->", err)

    def test_table_that_would_not_render_is_refused(self) -> None:
        self.table.write_text("| a | b |\n| 1 | 2 |\n", encoding="utf-8")
        code, err = self.run_main("one", str(self.table))
        self.assertEqual(code, 2)
        self.assertIn("delimiter row", err)
        self.table.write_text("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", encoding="utf-8")
        code, err = self.run_main("one", str(self.table))
        self.assertEqual(code, 2)
        self.assertIn("3 columns in a table of 2", err)
        self.assertEqual(self.doc.read_text(encoding="utf-8"), DOC)

    def test_tables(self) -> None:
        self.assertEqual(self.run_main("--tables")[0], 0)
        self.doc.write_text(DOC.replace("|---|---:|\n", ""), encoding="utf-8")
        code, err = self.run_main("--tables")
        self.assertEqual(code, 1)
        self.assertIn("BENCHMARKS.md:11:", err)

    def test_escaped_pipes_and_code_fences(self) -> None:
        self.assertEqual(publish.cells(r"| mean \|d\| | x |"), [r"mean \|d\|", "x"])
        self.assertEqual(publish.table_problems("```\n| not | a table\n```\n", "t"), [])


class BenchmarksTest(unittest.TestCase):
    def test_benchmarks_md_markers_and_tables(self) -> None:
        doc = Path(publish.DOC).read_text(encoding="utf-8")
        self.assertEqual(publish.marker_problems(doc, "BENCHMARKS.md"), [])
        self.assertEqual(publish.table_problems(doc, "BENCHMARKS.md"), [])


if __name__ == "__main__":
    unittest.main()
