#!/usr/bin/env python3
"""Damage check of `seisho fix` (safe fixes) and `seisho fmt -w` on real files (issue 13, item 3).

usage: fix_audit.py [--split dev|test|all] [--run baseline] [--examples 10]
       (run with a Python that has markdown-it-py: see bench/eval/requirements.txt)

Copies the split twice into a temporary directory; runs `seisho fix` (safe fixes only, the
Markdown files with --syntax markdown, the .txt files with --syntax text) on one copy and
`seisho fmt -w` on the other; then compares each file with the original:

- per-rule diagnostic counts of `seisho lint` before and after (a safe fix must never increase
  any rule's count, in any file), unmatched-pair before and after;
- every changed stretch of text (a diff hunk, found by difflib on lines then characters), the
  rule that made it (from the safe fixes `lint` reported before, or from `fmt --diff`), and
  whether it lies in a part of the document that is not prose: code (fenced, indented, inline),
  URLs, HTML (blocks, inline, comments), front matter, math blocks or link destinations. Those
  parts are found by an independent Markdown parser (mdregions.py: markdown-it-py, with the
  inline constructs located on the lines); in plain text only URLs are protected.

Prints a Markdown report and writes every hunk to /work/eval/runs/RUN/fix-audit-SPLIT.json.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import mdregions
from evallib import EVAL_ROOT, git_head, load_split, seisho_binary, seisho_version, syntax_of
from lint_corpus import CHUNK, lint

FMT_DIFF = re.compile(r'^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+):\s+(?P<rule>\S+)\s+(?P<before>".*") → (?P<after>".*")$')


def char_offsets(data: bytes) -> dict[int, int]:
    """byte offset → character offset, at every character boundary (and the end)."""
    out = {}
    b = c = 0
    for ch in data.decode("utf-8", errors="surrogateescape"):
        out[b] = c
        b += len(ch.encode("utf-8", errors="surrogateescape"))
        c += 1
    out[b] = c
    return out


def hunks(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """Changed stretches (a_start, a_end, b_start, b_end) in characters: lines, then characters."""
    al, bl = a.splitlines(keepends=True), b.splitlines(keepends=True)
    aoff = [0]
    for x in al:
        aoff.append(aoff[-1] + len(x))
    boff = [0]
    for x in bl:
        boff.append(boff[-1] + len(x))
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, al, bl, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        sa, sb = a[aoff[i1] : aoff[i2]], b[boff[j1] : boff[j2]]
        for op2, x1, x2, y1, y2 in difflib.SequenceMatcher(None, sa, sb, autojunk=False).get_opcodes():
            if op2 != "equal":
                out.append((aoff[i1] + x1, aoff[i1] + x2, boff[j1] + y1, boff[j1] + y2))
    return out


def overlaps(a: int, b: int, x: int, y: int) -> bool:
    """Does the change [a, b) touch the edit [x, y), ends included? (difflib may place a deletion
    of one of two equal characters on the other one: 、、 → 、)"""
    return a <= y and x <= b


def inside(a: int, b: int, x: int, y: int) -> bool:
    """Does the change [a, b) alter the protected region [x, y)? An insertion must be strictly inside."""
    if a == b:
        return x < a < y
    return a < y and x < b


def line_of(text: str, off: int) -> int:
    return text.count("\n", 0, off) + 1


def run_chunks(binary: Path, args: list[str], files: list[Path], cwd: str) -> str:
    out = []
    for i in range(0, len(files), CHUNK):
        r = subprocess.run([str(binary), *args, *map(str, files[i : i + CHUNK])], cwd=cwd, capture_output=True)
        if r.returncode not in (0, 1):
            sys.stderr.write(r.stderr.decode(errors="replace"))
        out.append(r.stdout.decode(errors="replace"))
    return "".join(out)


def count_by(diags: list[dict]) -> tuple[Counter, dict[tuple[str, str], Counter]]:
    total = Counter(d["rule"] for d in diags)
    per_file: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for d in diags:
        per_file[(d["source"], d["path"])][d["rule"]] += 1
    return total, per_file


def excerpt(text: str, a: int, b: int, width: int = 30) -> str:
    lo, hi = max(0, a - width), min(len(text), b + width)
    s = text[lo:a] + "⟦" + text[a:b] + "⟧" + text[b:hi]
    return s.replace("\n", "⏎")


def audit(kind: str, entries, orig_root: Path, new_root: Path, attributions) -> list[dict]:
    """Every hunk of every changed file, with its rule(s) and the protected region it touches."""
    out = []
    for e in entries:
        a_bytes = (orig_root / e.source / e.path).read_bytes()
        b_bytes = (new_root / e.source / e.path).read_bytes()
        if a_bytes == b_bytes:
            continue
        a = a_bytes.decode("utf-8", errors="surrogateescape")
        b = b_bytes.decode("utf-8", errors="surrogateescape")
        regs = mdregions.regions(a, markdown=syntax_of(e.path) == "markdown")
        attrs = attributions.get((e.source, e.path), [])
        for a0, a1, b0, b1 in hunks(a, b):
            rules = sorted({r for x, y, r in attrs if overlaps(a0, a1, x, y)}) or ["(unattributed)"]
            cats = sorted({c for x, y, c in regs if inside(a0, a1, x, y)}, key=mdregions.CATEGORIES.index)
            out.append(
                {
                    "tool": kind,
                    "source": e.source,
                    "path": e.path,
                    "line": line_of(a, a0),
                    "range": [a0, a1],
                    "rules": rules,
                    "protected": cats,
                    "before": a[a0:a1],
                    "after": b[b0:b1],
                    "context": excerpt(a, a0, a1),
                }
            )
    return out


def new_pairs(before: list[dict], after: list[dict], new_root: Path, n: int) -> list[str]:
    """Up to n unmatched-pair reports made after and not before (by file, line and message),
    with their line in the changed file."""
    old = Counter((d["source"], d["path"], d["message"]) for d in before if d["rule"] == "unmatched-pair")
    out = []
    for d in after:
        if d["rule"] != "unmatched-pair":
            continue
        key = (d["source"], d["path"], d["message"])
        if old[key] > 0:
            old[key] -= 1
            continue
        text = (new_root / d["source"] / d["path"]).read_bytes()
        a = text.rfind(b"\n", 0, d["range"][0]) + 1
        b = text.find(b"\n", d["range"][1])
        b = len(text) if b < 0 else b
        line = (text[a : d["range"][0]] + "⟦".encode() + text[d["range"][0] : d["range"][1]] + "⟧".encode()
                + text[d["range"][1] : b]).decode("utf-8", errors="replace")
        i = line.index("⟦")
        out.append(f"- `{d['source']}/{d['path']}:{d['line']}` {d['message']}: `{line[max(0, i - 40) : i + 40]}`")
    return out[:n]


def report(kind: str, hs: list[dict], before: list[dict], after: list[dict], n_examples: int, files: int,
           new_root: Path) -> None:
    changed_files = len({(h["source"], h["path"]) for h in hs})
    print(f"\n### `{kind}`\n")
    print(f"{changed_files} of {files} files changed, {len(hs)} edits (diff hunks).\n")
    tb, pfb = count_by(before)
    ta, pfa = count_by(after)
    rules = sorted(set(tb) | set(ta), key=lambda r: (-tb[r], r))
    print("| rule | reports before | after | change |")
    print("|---|--:|--:|--:|")
    for r in rules:
        d = ta[r] - tb[r]
        mark = " **↑**" if d > 0 else ""
        print(f"| {r} | {tb[r]} | {ta[r]} | {d:+d}{mark} |")
    rises = []
    for key in set(pfb) | set(pfa):
        for r in set(pfb.get(key, {})) | set(pfa.get(key, {})):
            nb, na = pfb.get(key, Counter())[r], pfa.get(key, Counter())[r]
            if na > nb:
                rises.append((key, r, nb, na))
    print(f"\nFiles where a rule's count rose: {len(rises)} (file, rule) pairs", end="")
    by_rule_rise = Counter(r for _k, r, _b, _a in rises)
    print(": " + ", ".join(f"{r} in {n}" for r, n in by_rule_rise.most_common()) if rises else ".")
    for key, r, nb, na in sorted(rises):
        print(f"- {key}: {r} {nb} → {na}")
    print(f"\n`unmatched-pair`: {tb['unmatched-pair']} before, {ta['unmatched-pair']} after.\n")
    np_ = new_pairs(before, after, new_root, n_examples)
    if np_:
        print("New unmatched-pair reports after it (examples):\n")
        print("\n".join(np_) + "\n")

    edits = Counter()
    damaged = Counter()
    for h in hs:
        for r in h["rules"]:
            edits[r] += 1
            if h["protected"]:
                damaged[r] += 1
    print("| rule | edits | edits in code, URLs, HTML, front matter, math or link destinations |")
    print("|---|--:|--:|")
    for r, n in edits.most_common():
        print(f"| {r} | {n} | {damaged[r]} |")
    bad = [h for h in hs if h["protected"]]
    print(f"| **all** | {len(hs)} | {len(bad)} |\n")
    if bad:
        cats = Counter(h["protected"][0] for h in bad)
        print("| where | damaged edits | by rule |")
        print("|---|--:|---|")
        for c, n in cats.most_common():
            rc = Counter(r for h in bad if h["protected"][0] == c for r in h["rules"])
            print(f"| {c} | {n} | " + ", ".join(f"{r} {k}" for r, k in rc.most_common()) + " |")
        print(f"\nExamples ({min(n_examples, len(bad))} of {len(bad)}, spread over sources and places):\n")
        seen = Counter()
        picked = []
        for h in sorted(bad, key=lambda h: (h["source"], h["path"], h["range"][0])):
            key = (h["source"], h["protected"][0])
            if seen[key] == 0:
                picked.append(h)
            seen[key] += 1
        picked = picked[:n_examples]
        if len(picked) < n_examples:
            rest = [h for h in bad if h not in picked]
            picked += rest[: n_examples - len(picked)]
        for h in picked:
            print(f"- `{h['source']}/{h['path']}:{h['line']}` {h['protected'][0]}, {'/'.join(h['rules'])}: "
                  f"{json.dumps(h['before'], ensure_ascii=False)} → {json.dumps(h['after'], ensure_ascii=False)} "
                  f"in `{h['context'][:90]}`")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "test", "validation", "all"])
    ap.add_argument("--run", default="baseline")
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--keep", action="store_true", help="keep the temporary copies (their path is printed)")
    args = ap.parse_args()

    binary = seisho_binary()
    entries = load_split(args.split)
    tmp = Path(tempfile.mkdtemp(prefix="seisho-fix-audit-"))
    cwd = tmp / "cwd"
    cwd.mkdir()
    roots = {k: tmp / k for k in ("orig", "fix", "fmt")}
    for e in entries:
        for root in roots.values():
            d = root / e.source / e.path
            d.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(e.file, d)

    before, failed = lint(binary, entries, roots["orig"])
    # fix: safe fixes only, per syntax
    for syntax in ("markdown", "text"):
        files = [roots["fix"] / e.source / e.path for e in entries if syntax_of(e.path) == syntax]
        run_chunks(binary, ["fix", "--color", "never", "--format", "json", "--syntax", syntax], files, str(cwd))
    after_fix, _ = lint(binary, entries, roots["fix"])
    # fmt: what it would do, then do it
    all_fmt = [roots["fmt"] / e.source / e.path for e in entries]
    diff_out = run_chunks(binary, ["fmt", "--diff", "--color", "never"], all_fmt, str(cwd))
    run_chunks(binary, ["fmt", "-w", "--color", "never"], all_fmt, str(cwd))
    after_fmt, _ = lint(binary, entries, roots["fmt"])

    # attributions: char intervals of each file with the rule that edits them
    fix_attr: dict[tuple[str, str], list] = defaultdict(list)
    offs_cache: dict[tuple[str, str], dict[int, int]] = {}
    for d in before:
        if not d["fix"] or d["fix"]["safety"] != "safe":
            continue
        key = (d["source"], d["path"])
        if key not in offs_cache:
            offs_cache[key] = char_offsets((roots["orig"] / d["source"] / d["path"]).read_bytes())
        co = offs_cache[key]
        for ed in d["fix"]["edits"]:
            fix_attr[key].append((co[ed["range"]["start"]], co[ed["range"]["end"]], d["rule"]))
    fmt_attr: dict[tuple[str, str], list] = defaultdict(list)
    prefix = str(roots["fmt"]) + "/"
    line_offs: dict[tuple[str, str], list[int]] = {}
    for line in diff_out.splitlines():
        m = FMT_DIFF.match(line)
        if not m or not m["path"].startswith(prefix):
            continue
        src, path = m["path"][len(prefix) :].split("/", 1)
        key = (src, path)
        if key not in line_offs:
            text = (roots["orig"] / src / path).read_bytes().decode("utf-8", errors="surrogateescape")
            line_offs[key] = mdregions.line_offsets(text)
        try:
            before_s = json.loads(m["before"])
        except json.JSONDecodeError:
            before_s = m["before"][1:-1]
        start = line_offs[key][int(m["line"]) - 1] + int(m["col"]) - 1
        fmt_attr[key].append((start, start + len(before_s), m["rule"]))

    fix_h = audit("seisho fix", entries, roots["orig"], roots["fix"], fix_attr)
    fmt_h = audit("seisho fmt -w", entries, roots["orig"], roots["fmt"], fmt_attr)

    total_bytes = sum(e.bytes for e in entries)
    print(f"## fix_audit: {args.split} split, {len(entries)} files, {total_bytes:,} bytes")
    print(f"\n{seisho_version(binary)}, repository at {git_head()[:12]}; protected regions by markdown-it-py.")
    for f in failed:
        print(f"- failed: {f}")
    report("seisho fix", fix_h, before, after_fix, args.examples, len(entries), roots["fix"])
    report("seisho fmt -w", fmt_h, before, after_fmt, args.examples, len(entries), roots["fmt"])

    out = EVAL_ROOT / "runs" / args.run / f"fix-audit-{args.split}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"fix": fix_h, "fmt": fmt_h}, ensure_ascii=False, indent=1) + "\n")
    print(f"\nAll hunks: {out}")
    if args.keep:
        print(f"copies kept in {tmp}")
    else:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
