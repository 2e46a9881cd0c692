#!/usr/bin/env python3
"""Lint a split of the evaluation corpus with seisho's default configuration; write every
diagnostic to JSONL and the counts per rule and per source (also per 100 KB).

usage: lint_corpus.py [--split dev|test|all] [--run NAME] [--out FILE.jsonl]

  SEISHO=path/to/seisho   the binary (default target/release/seisho; build it with
                          `cargo build --release -p seisho-cli`)

Markdown files (.md) are linted with --syntax markdown, .txt files with --syntax text. seisho
runs in an empty temporary directory; no seisho.toml may be in the corpus or above it, so every
file gets the defaults a new user gets.

Writes (default --run baseline):
  /work/eval/runs/RUN/lint-SPLIT.jsonl         one diagnostic a line: source, path, line, column,
                                               end_line, end_column, range [start, end) in bytes,
                                               rule, severity, message, fix
  /work/eval/runs/RUN/lint-SPLIT.counts.json   counts per rule, per source, per rule and source,
                                               the split's bytes, the seisho version and commit
and prints the counts as Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from evallib import CORPUS, EVAL_ROOT, git_head, load_split, seisho_binary, seisho_version, syntax_of, write_jsonl

CHUNK = 200  # files per seisho invocation


def check_no_config(root: Path) -> None:
    for d in [root, *root.parents]:
        for name in ("seisho.toml", ".seisho.toml"):
            if (d / name).exists():
                sys.exit(f"{d / name} would configure the run: the evaluation uses the defaults")
    found = list(root.rglob("seisho.toml")) + list(root.rglob(".seisho.toml"))
    if found:
        sys.exit(f"{found[0]} would configure the run: the evaluation uses the defaults")


def lint(binary: Path, entries, root: Path = CORPUS, extra_args=()) -> tuple[list[dict], list[str]]:
    """Diagnostics of the entries (dicts in the JSONL layout) and the files that failed; the
    files are read under root (the corpus, or a copy of it)."""
    by_path = {str(root / e.source / e.path): e for e in entries}
    groups = defaultdict(list)
    for e in entries:
        groups[syntax_of(e.path)].append(e)
    diags, failed = [], []
    with tempfile.TemporaryDirectory(prefix="seisho-eval-") as cwd:
        for syntax, group in sorted(groups.items()):
            for i in range(0, len(group), CHUNK):
                chunk = group[i : i + CHUNK]
                cmd = [str(binary), "lint", "--format", "json", "--color", "never", "--syntax", syntax,
                       *extra_args, *(str(root / e.source / e.path) for e in chunk)]
                r = subprocess.run(cmd, cwd=cwd, capture_output=True)
                if r.returncode not in (0, 1):
                    print(r.stderr.decode(errors="replace"), file=sys.stderr)
                doc = json.loads(r.stdout)
                for f in doc["files"]:
                    e = by_path[f["path"]]
                    if f.get("error"):
                        failed.append(f"{e.source}/{e.path}: {f['error']}")
                        continue
                    for d in f["diagnostics"]:
                        diags.append(
                            {
                                "source": e.source,
                                "path": e.path,
                                "line": d["start"]["line"],
                                "column": d["start"]["column"],
                                "end_line": d["end"]["line"],
                                "end_column": d["end"]["column"],
                                "range": [d["range"]["start"], d["range"]["end"]],
                                "rule": d["rule"],
                                "severity": d["severity"],
                                "message": d["message"],
                                "fix": d.get("fix"),
                            }
                        )
    return diags, failed


def counts(diags: list[dict], entries) -> dict:
    bytes_by_source = Counter()
    files_by_source = Counter()
    for e in entries:
        bytes_by_source[e.source] += e.bytes
        files_by_source[e.source] += 1
    by_rule = Counter(d["rule"] for d in diags)
    by_source = Counter(d["source"] for d in diags)
    by_rule_source = defaultdict(Counter)
    severity = {}
    fixes = defaultdict(Counter)
    for d in diags:
        by_rule_source[d["rule"]][d["source"]] += 1
        severity.setdefault(d["rule"], set()).add(d["severity"])
        fixes[d["rule"]][d["fix"]["safety"] if d["fix"] else "none"] += 1
    return {
        "bytes": sum(bytes_by_source.values()),
        "files": sum(files_by_source.values()),
        "bytes_by_source": dict(bytes_by_source),
        "files_by_source": dict(files_by_source),
        "diagnostics": len(diags),
        "by_rule": dict(by_rule.most_common()),
        "by_source": dict(by_source.most_common()),
        "by_rule_source": {r: dict(c) for r, c in by_rule_source.items()},
        "severity": {r: "/".join(sorted(s)) for r, s in severity.items()},
        "fixes": {r: dict(c) for r, c in fixes.items()},
    }


def per100k(n: int, size: int) -> str:
    return f"{n * 100_000 / size:.2f}" if size else "-"


def print_tables(c: dict, split: str) -> None:
    total = c["bytes"]
    srcs = list(c["bytes_by_source"])
    print(f"\n### Diagnostics per rule ({split}: {c['files']} files, {total:,} bytes)\n")
    print("| rule | severity | reports | per 100 KB | safe fix | unsafe fix | " + " | ".join(srcs) + " |")
    print("|---|---|--:|--:|--:|--:|" + "--:|" * len(srcs))
    for rule, n in c["by_rule"].items():
        fx = c["fixes"].get(rule, {})
        cells = [per100k(c["by_rule_source"][rule].get(s, 0), c["bytes_by_source"][s]) for s in srcs]
        print(f"| {rule} | {c['severity'][rule]} | {n} | {per100k(n, total)} | {fx.get('safe', 0)} | "
              f"{fx.get('unsafe', 0)} | " + " | ".join(cells) + " |")
    print(f"| **all** | | {c['diagnostics']} | {per100k(c['diagnostics'], total)} | | | "
          + " | ".join(per100k(c["by_source"].get(s, 0), c["bytes_by_source"][s]) for s in srcs) + " |")
    print("\n(per-source columns: reports per 100 KB of that source)\n")
    print("| source | files | bytes | reports | per 100 KB |")
    print("|---|--:|--:|--:|--:|")
    for s in srcs:
        n = c["by_source"].get(s, 0)
        print(f"| {s} | {c['files_by_source'][s]} | {c['bytes_by_source'][s]:,} | {n} | {per100k(n, c['bytes_by_source'][s])} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "test", "validation", "all"])
    ap.add_argument("--run", default="baseline", help="name of the run (a directory under /work/eval/runs)")
    ap.add_argument("--out", type=Path, help="the JSONL to write (default /work/eval/runs/RUN/lint-SPLIT.jsonl)")
    args = ap.parse_args()

    binary = seisho_binary()
    check_no_config(CORPUS)
    entries = load_split(args.split)
    missing = [e for e in entries if not e.file.exists()]
    if missing:
        sys.exit(f"{len(missing)} files of split.tsv are not in {CORPUS} (first: {missing[0].file}); run bench/eval/corpus.sh")
    diags, failed = lint(binary, entries)
    diags.sort(key=lambda d: (d["source"], d["path"], d["range"][0], d["range"][1], d["rule"]))
    out = args.out or EVAL_ROOT / "runs" / args.run / f"lint-{args.split}.jsonl"
    write_jsonl(out, diags)
    c = counts(diags, entries)
    c["split"] = args.split
    c["seisho"] = seisho_version(binary)
    c["commit"] = git_head()
    c["failed"] = failed
    out.with_suffix(".counts.json").write_text(json.dumps(c, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(diags)} diagnostics in {len(entries)} files → {out}")
    for f in failed:
        print("failed:", f, file=sys.stderr)
    print_tables(c, args.split)


if __name__ == "__main__":
    main()
