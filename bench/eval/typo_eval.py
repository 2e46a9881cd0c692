#!/usr/bin/env python3
"""Kana typo recall and precision per class and kind of text (issue 14), from
`examples/typo_eval/` run on the prose lines of each kind of a split.

usage: typo_eval.py [--split dev|test] [--bin target/release/examples/typo_eval] [--trials 2000]

Reads /work/eval/lines/KIND-SPLIT.txt (made by lines.py), runs typo_eval on each with the
default seed, and prints, for the default normalizer (with the dictionary), one table per
class: per kind, the typos injected, restored by a safe fix, left as a suggestion, missed,
the wrong safe fixes, precision of the safe fixes and recall (safe, and safe or suggested);
then the safe fixes of the kana typo rules on the raw lines, which are all false positives
unless the text has a typo of its own (listed). Build the example first:

    cargo build --release --example typo_eval
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

from evallib import EVAL_ROOT

KINDS = ["manual", "reference", "tutorial", "essay", "encyclopedia", "translated-book", "literature"]
KANA_RULES = {"hiragana-in-katakana", "kanji-in-katakana", "small-kana"}
ROW = re.compile(
    r"^\| (?P<cls>[^|]+?) \| dictionary \| (?P<inj>\d+) \| (?P<res>\d+) \| (?P<sug>\d+) \| (?P<miss>\d+) \| (?P<wrong>\d+) \|"
)


def run(binary: str, path: Path, trials: int) -> tuple[dict[str, dict[str, int]], list[str]]:
    with tempfile.NamedTemporaryFile(suffix=".tsv") as dump:
        out = subprocess.run(
            [binary, str(path), "--examples", "0", "--misses", "0", "--trials", str(trials), "--dump", dump.name],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        raw = []
        for line in Path(dump.name).read_text(encoding="utf-8").splitlines():
            f = line.split("\t")
            if f[0] == "raw text" and f[1] == "dictionary" and any(r in f[-1] for r in KANA_RULES):
                raw.append(f"{f[5]}  {f[-1]}")
    results = {}
    section = None
    for line in out.splitlines():
        if line.startswith("## "):
            section = line[3:]
        m = ROW.match(line)
        if m and section == "Results":
            results[m["cls"]] = {k: int(m[k]) for k in ("inj", "res", "sug", "miss", "wrong")}
    return results, raw


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "—"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--bin", default="target/release/examples/typo_eval")
    ap.add_argument("--trials", type=int, default=2000)
    args = ap.parse_args()
    by_class: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)
    raw_edits: dict[str, list[str]] = {}
    for kind in KINDS:
        path = EVAL_ROOT / "lines" / f"{kind}-{args.split}.txt"
        if not path.exists():
            continue
        results, raw = run(args.bin, path, args.trials)
        for cls, r in results.items():
            by_class[cls][kind] = r
        raw_edits[kind] = raw
    print(f"## Kana typos injected into prose lines, {args.split} split (default normalizer, with the dictionary)\n")
    for cls, kinds in by_class.items():
        print(f"### {cls}\n")
        print("| kind | injected | restored (safe) | suggested | missed | wrong safe fixes | precision (safe) | recall (safe) | recall (safe or suggested) |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        total = defaultdict(int)
        for kind, r in kinds.items():
            for k, v in r.items():
                total[k] += v
            print(
                f"| {kind} | {r['inj']} | {r['res']} | {r['sug']} | {r['miss']} | {r['wrong']} | "
                f"{ratio(r['res'], r['res'] + r['wrong'])} | {ratio(r['res'], r['inj'])} | {ratio(r['res'] + r['sug'], r['inj'])} |"
            )
        t = total
        print(
            f"| **all** | {t['inj']} | {t['res']} | {t['sug']} | {t['miss']} | {t['wrong']} | "
            f"{ratio(t['res'], t['res'] + t['wrong'])} | {ratio(t['res'], t['inj'])} | {ratio(t['res'] + t['sug'], t['inj'])} |\n"
        )
    print("### Safe fixes of the kana typo rules on the lines as written\n")
    for kind, raw in raw_edits.items():
        print(f"- {kind}: {len(raw)}" + "".join(f"\n  - `{r}`" for r in raw))


if __name__ == "__main__":
    main()
