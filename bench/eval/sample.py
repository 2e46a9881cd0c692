#!/usr/bin/env python3
"""Labelling sheets: a seeded sample of diagnostics, stratified by rule, for human judges.

  sample.py draw [--split dev] [--run baseline] [--k 25] [--seed 1] [--name NAME]
      Draws up to K diagnostics of each rule (all of a rule that has fewer) from
      /work/eval/runs/RUN/lint-SPLIT.jsonl, a simple random sample within each rule (seeded; the
      estimate of a rule's precision is unbiased over the split). Writes, outside the repository:
        /work/eval/sheets/NAME.jsonl   one item a line, with its context, `label` and `reason`
                                       empty for the judge to fill
        /work/eval/sheets/NAME.md      the same items to read (guidelines first)
      NAME defaults to RUN-SPLIT.

  sample.py export SHEET.jsonl LABELS.jsonl
      Keeps the references of a labelled sheet, for the repository (bench/eval/labels/): id,
      source, path, commit, byte range, rule, label, reason, and the flagged span itself only
      when it is shorter than 30 characters. No other text of the documents is copied.

An item's id is sha1(source, path, byte range, rule) cut to 12 hex digits, so labels join to the
diagnostics of a later run where the same report is made again (precision before and after).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from evallib import CORPUS, EVAL_ROOT, read_jsonl, source_map, write_jsonl

LABELS = ("correct", "debatable", "wrong")
CLIP = 200  # characters of context kept each side of the span
SPAN_CLIP = 1200  # characters of a long span kept (its start and its end)
SPAN_KEPT_BELOW = 30  # characters of the flagged span that may go into the committed label file

GUIDELINES = """\
# Labelling sheet {name}

Each item is one report of `seisho lint` (default configuration) on a real document. Read the
context: the flagged span is between ⟦ and ⟧, with the line before and the line after (long lines
are clipped, marked …). Where the report has a fix, `fixed` shows the same stretch as the fix
would leave it, the new text between ⟦ and ⟧.

Give each item a `label` and a one-line `reason`:

- **correct**: a careful editor of this kind of document would want this report: the problem is
  real, the message says what it is, and the fix (if any) is right and changes nothing else.
- **debatable**: style-dependent or arguable: some editors or style guides would accept the
  report, others would not (say which convention decides).
- **wrong**: a false positive (the text is fine, or the rule misread it: code, markup, a word
  boundary, a particle taken for another), or the fix would damage the text.

Judge the report, not the rule's design: a sentence-length report on a sentence that is long
by the rule's own measure but reads well to you is "debatable", not "wrong"; a report that
counts something that is not in the sentence (code, a heading, the next paragraph) is "wrong".
"""


def item_id(d: dict) -> str:
    key = f"{d['source']}\0{d['path']}\0{d['range'][0]}\0{d['range'][1]}\0{d['rule']}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def apply_edits(data: bytes, edits: list[dict]) -> bytes:
    out = data
    for e in sorted(edits, key=lambda e: e["range"]["start"], reverse=True):
        out = out[: e["range"]["start"]] + e["replacement"].encode() + out[e["range"]["end"] :]
    return out


def clip_left(s: str, n: int) -> str:
    return s if len(s) <= n else "…" + s[-n:]


def clip_right(s: str, n: int) -> str:
    return s if len(s) <= n else s[:n] + "…"


def clip_mid(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n // 2] + f" […{len(s) - n} characters…] " + s[-n // 2 :]


def context(data: bytes, start: int, end: int, edits: list[dict] | None) -> tuple[str, str | None, str]:
    """The line(s) of [start, end) with the span marked ⟦…⟧ and the lines before and after; the
    same stretch as the fix would leave it (the replaced text marked); the span. Long lines are
    clipped: CLIP characters each side of the span, SPAN_CLIP of the span itself."""
    ls = data.rfind(b"\n", 0, start) + 1  # start of the span's first line
    le = data.find(b"\n", end)  # end of the span's last line
    le = len(data) if le < 0 else le
    dec = lambda b: b.decode("utf-8", errors="replace")  # noqa: E731
    prev = dec(data[data.rfind(b"\n", 0, ls - 1) + 1 : ls - 1]) if ls > 0 else None
    if le < len(data):
        nx = data.find(b"\n", le + 1)
        nxt = dec(data[le + 1 : len(data) if nx < 0 else nx])
    else:
        nxt = None
    span = dec(data[start:end])
    core = clip_left(dec(data[ls:start]), CLIP) + "⟦" + clip_mid(span, SPAN_CLIP) + "⟧" + clip_right(dec(data[end:le]), CLIP)
    parts = ([clip_left(prev, CLIP)] if prev is not None else []) + [core] + ([clip_right(nxt, CLIP)] if nxt is not None else [])
    text = "\n".join(parts)
    fixed = None
    if edits:
        first = min(e["range"]["start"] for e in edits)
        last = max(e["range"]["end"] for e in edits)
        lo, hi = min(ls, first), max(le, last)
        shifted = [
            {"range": {"start": e["range"]["start"] - lo, "end": e["range"]["end"] - lo}, "replacement": e["replacement"]}
            for e in edits
        ]
        f = dec(apply_edits(data[lo:hi], shifted))
        p0 = len(dec(data[lo:first]))
        p1 = len(f) - len(dec(data[last:hi]))
        fixed = clip_left(f[:p0], CLIP) + "⟦" + clip_mid(f[p0:p1], SPAN_CLIP) + "⟧" + clip_right(f[p1:], CLIP)
    return text, fixed, span


def fenced(text: str) -> str:
    """A Markdown code block holding text, its fence longer than any run of backticks in it."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}\n"


def draw(args) -> None:
    run_dir = EVAL_ROOT / "runs" / args.run
    diags = list(read_jsonl(run_dir / f"lint-{args.split}.jsonl"))
    srcs = source_map()
    by_rule = defaultdict(list)
    for d in diags:
        by_rule[d["rule"]].append(d)
    items = []
    cache: dict[tuple[str, str], bytes] = {}
    for rule in sorted(by_rule):
        pool = by_rule[rule]
        rng = random.Random(f"{args.seed}:{rule}")
        chosen = pool if len(pool) <= args.k else rng.sample(pool, args.k)
        chosen = sorted(chosen, key=lambda d: (d["source"], d["path"], d["range"][0]))
        for d in chosen:
            key = (d["source"], d["path"])
            if key not in cache:
                cache[key] = (CORPUS / d["source"] / d["path"]).read_bytes()
            edits = d["fix"]["edits"] if d["fix"] else None
            ctx, fixed, span = context(cache[key], d["range"][0], d["range"][1], edits)
            items.append(
                {
                    "id": item_id(d),
                    "split": args.split,
                    "source": d["source"],
                    "kind": srcs[d["source"]].kind,
                    "path": d["path"],
                    "commit": srcs[d["source"]].commit,
                    "line": d["line"],
                    "column": d["column"],
                    "range": d["range"],
                    "rule": rule,
                    "severity": d["severity"],
                    "message": d["message"],
                    "fix": None if not d["fix"] else {"safety": d["fix"]["safety"], "edits": d["fix"]["edits"]},
                    "reports_of_rule": len(pool),
                    "span": span,
                    "context": ctx,
                    "fixed": fixed,
                    "label": None,
                    "reason": "",
                }
            )
    name = args.name or f"{args.run}-{args.split}"
    sheets = EVAL_ROOT / "sheets"
    n = write_jsonl(sheets / f"{name}.jsonl", items)
    with open(sheets / f"{name}.md", "w", encoding="utf-8") as f:
        f.write(GUIDELINES.format(name=name))
        rule = None
        for i, it in enumerate(items, 1):
            if it["rule"] != rule:
                rule = it["rule"]
                f.write(f"\n## {rule} ({it['reports_of_rule']} reports in {args.split}; "
                        f"{sum(x['rule'] == rule for x in items)} here)\n")
            f.write(f"\n### {i}. `{it['id']}` {it['source']}/{it['path']}:{it['line']}:{it['column']} ({it['kind']})\n\n")
            f.write(f"{it['severity']}: {it['message']}\n\n{fenced(it['context'])}")
            if it["fixed"] is not None:
                f.write(f"\nfixed ({it['fix']['safety']}):\n\n{fenced(it['fixed'])}")
    per_rule = defaultdict(int)
    for it in items:
        per_rule[it["rule"]] += 1
    print(f"{n} items ({len(per_rule)} rules, seed {args.seed}, K {args.k}) → {sheets / name}.jsonl and .md")
    for r, c in sorted(per_rule.items()):
        print(f"  {r}: {c} of {len(by_rule[r])}")


def export(sheet: Path, out: Path) -> None:
    rows = []
    for it in read_jsonl(sheet):
        if it.get("label") is None:
            continue
        if it["label"] not in LABELS:
            sys.exit(f"{it['id']}: label {it['label']!r} is not one of {LABELS}")
        row = {
            "id": it["id"],
            "split": it["split"],
            "source": it["source"],
            "path": it["path"],
            "commit": it["commit"],
            "range": it["range"],
            "rule": it["rule"],
            "label": it["label"],
            "reason": it.get("reason", ""),
        }
        if len(it["span"]) < SPAN_KEPT_BELOW:
            row["span"] = it["span"]
        rows.append(row)
    n = write_jsonl(out, rows)
    print(f"{n} labelled items → {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--split", default="dev", choices=["dev", "test", "validation"])
    d.add_argument("--run", default="baseline")
    d.add_argument("--k", type=int, default=25)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--name")
    e = sub.add_parser("export")
    e.add_argument("sheet", type=Path)
    e.add_argument("out", type=Path)
    args = ap.parse_args()
    if args.cmd == "draw":
        draw(args)
    else:
        export(args.sheet, args.out)


if __name__ == "__main__":
    main()
