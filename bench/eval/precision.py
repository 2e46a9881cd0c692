#!/usr/bin/env python3
"""Per-rule precision from judged labels, as a Markdown table.

usage: precision.py [--run baseline] [--split dev] [--diagnostics FILE.jsonl] LABELS.jsonl...

LABELS are labelled sheets (/work/eval/sheets/*.jsonl) or exported label files
(bench/eval/labels/*.jsonl); items without a label are skipped. They are joined by id to the
diagnostics of a run (default /work/eval/runs/RUN/lint-SPLIT.jsonl): a label counts where the
run still makes the same report (same source, path, byte range and rule). Labels whose report
the run no longer makes are counted apart, by label (`gone`): after a change to a rule, gone
"wrong" items are false positives removed, gone "correct" ones are true reports lost.

Columns: reports in the split, judged, correct / debatable / wrong, precision = correct / judged,
lenient = (correct + debatable) / judged, the 95% Wilson interval of precision, and the gone
counts. The last lines give the overall figures: over the judged items as sampled (each rule up
to K), and weighted by each rule's reports in the split (an estimate of the share of all
reports that are correct).
"""

from __future__ import annotations

import argparse
import math
from collections import Counter, defaultdict
from pathlib import Path

from evallib import EVAL_ROOT, read_jsonl
from sample import LABELS, item_id


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    den = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return (max(0.0, mid - half), min(1.0, mid + half))


def pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", default="baseline")
    ap.add_argument("--split", default="dev", choices=["dev", "test", "validation"])
    ap.add_argument("--diagnostics", type=Path)
    ap.add_argument("labels", type=Path, nargs="+")
    args = ap.parse_args()

    diag_file = args.diagnostics or EVAL_ROOT / "runs" / args.run / f"lint-{args.split}.jsonl"
    diags = list(read_jsonl(diag_file))
    reports = Counter(d["rule"] for d in diags)
    ids = {item_id(d) for d in diags}

    judged = defaultdict(Counter)
    gone = defaultdict(Counter)
    seen = set()
    for f in args.labels:
        for it in read_jsonl(f):
            label = it.get("label")
            if label is None or it["id"] in seen:
                continue
            if label not in LABELS:
                raise SystemExit(f"{f}: {it['id']}: label {label!r} is not one of {LABELS}")
            if it.get("split", args.split) != args.split:
                continue
            seen.add(it["id"])
            (judged if it["id"] in ids else gone)[it["rule"]][label] += 1

    rules = sorted(set(reports) | set(judged) | set(gone), key=lambda r: (-reports[r], r))
    any_gone = any(gone.values())
    head = "| rule | reports | judged | correct | debatable | wrong | precision | lenient | 95% CI |"
    sep = "|---|--:|--:|--:|--:|--:|--:|--:|---|"
    if any_gone:
        head += " gone (c/d/w) |"
        sep += "---|"
    print(f"Precision on {args.split} ({diag_file.name}: {len(diags)} reports)\n")
    print(head)
    print(sep)
    tot = Counter()
    weighted_c = weighted_l = weighted_n = 0.0
    for r in rules:
        c = judged[r]
        n = sum(c.values())
        tot.update(c)
        if n:
            lo, hi = wilson(c["correct"], n)
            prec, len_ = c["correct"] / n, (c["correct"] + c["debatable"]) / n
            cells = [pct(prec), pct(len_), f"{pct(lo)}–{pct(hi)}"]
            weighted_c += reports[r] * prec
            weighted_l += reports[r] * len_
            weighted_n += reports[r]
        else:
            cells = ["-", "-", "-"]
        line = f"| {r} | {reports[r]} | {n} | {c['correct']} | {c['debatable']} | {c['wrong']} | " + " | ".join(cells) + " |"
        if any_gone:
            g = gone[r]
            line += f" {g['correct']}/{g['debatable']}/{g['wrong']} |" if g else " |"
        print(line)
    n = sum(tot.values())
    if n:
        lo, hi = wilson(tot["correct"], n)
        line = (f"| **all (as sampled)** | {sum(reports.values())} | {n} | {tot['correct']} | {tot['debatable']} | "
                f"{tot['wrong']} | {pct(tot['correct'] / n)} | {pct((tot['correct'] + tot['debatable']) / n)} | "
                f"{pct(lo)}–{pct(hi)} |")
        if any_gone:
            g = Counter()
            for c in gone.values():
                g.update(c)
            line += f" {g['correct']}/{g['debatable']}/{g['wrong']} |"
        print(line)
    if weighted_n:
        print(f"\nWeighted by reports (rules with judged items, {int(weighted_n)} reports): "
              f"precision {pct(weighted_c / weighted_n)}, lenient {pct(weighted_l / weighted_n)}")


if __name__ == "__main__":
    main()
