#!/usr/bin/env python3
"""seisho's jReadability score against the reference implementation on the passages of
bench/eval/jread_passages.tsv (a validation set: tune nothing on the test part).

usage: python3 bench/eval/jread_eval.py [--split dev|test] [--seisho PATH] [--json OUT]

Runs `seisho score --format json --syntax text` on every passage of the split (files under
/work/eval/jread/passages/<split>/, made by jread_passages.py; checked against the
manifest's sha256), from an empty temporary directory, and compares its `jreadability`
object with bench/eval/jread_reference.tsv (PyPI jreadability 1.1.5, jread_reference.py).
Prints a Markdown report; d is always seisho − reference:

- n, mean |d| of the score, mean d, same level (jReadability's six levels; the reference's
  level is derived from its score as seisho's JReadabilityLevel::of does:
  floor(score − 0.5) clamped to 0..5), max |d|;
- per variable (mean sentence length in words, % kango, % wago, % verbs, % particles): the
  mean signed and mean absolute difference, and its contribution to the score error,
  coefficient × difference (signed: the mean; the five sum to the mean d of the score;
  absolute: the mean of |coefficient × difference|); words and sentences too (not in the
  formula, but the sentence length comes from them);
- the same per kind of text;
- the 10 passages with the largest |d|.

--json OUT writes one row per passage (reference, seisho, differences). Only the Python 3.11
standard library is needed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PASSAGES = Path(os.environ.get("SEISHO_EVAL_DIR", "/work/eval")) / "jread" / "passages"
MANIFEST_TSV = HERE / "jread_passages.tsv"
REFERENCE_TSV = HERE / "jread_reference.tsv"

# (field, short name, coefficient)
VARS = [
    ("mean_sentence_words", "sentence length (words)", -0.056),
    ("kango_percent", "% kango", -0.126),
    ("wago_percent", "% wago", -0.042),
    ("verb_percent", "% verbs", -0.145),
    ("particle_percent", "% particles", -0.044),
]
LEVELS = ["upper-advanced", "lower-advanced", "upper-intermediate",
          "lower-intermediate", "upper-elementary", "lower-elementary"]
LABELS = dict(zip(LEVELS, ["上級後半", "上級前半", "中級後半", "中級前半", "初級後半", "初級前半"]))
CHUNK = 200  # files per seisho run


def level_of(x: float) -> str:
    return LEVELS[int(min(5.0, max(0.0, math.floor(x - 0.5))))]


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def config_above(path: Path) -> Path | None:
    for d in [path, *path.parents]:
        for name in ("seisho.toml", ".seisho.toml"):
            if (d / name).exists():
                return d / name
    return None


def run_seisho(binary: Path, files: list[Path]) -> dict[Path, dict]:
    out = {}
    with tempfile.TemporaryDirectory(prefix="jread-eval-") as cwd:
        for k in range(0, len(files), CHUNK):
            part = files[k : k + CHUNK]
            r = subprocess.run([str(binary), "score", "--format", "json", "--syntax", "text", "--color", "never",
                                *map(str, part)], capture_output=True, text=True, cwd=cwd)
            if r.returncode != 0:
                sys.exit(f"seisho failed ({r.returncode}): {r.stderr.strip()}")
            data = json.loads(r.stdout)
            if len(part) == 1:
                data = [{"path": str(part[0]), "report": data}]
            for item in data:
                out[Path(item["path"])] = item["report"]
    return out


def mean(xs) -> float:
    xs = list(xs)
    return sum(xs) / len(xs) if xs else float("nan")


def summary_row(rows: list[dict]) -> tuple:
    n = len(rows)
    ad = mean(abs(r["d"]["score"]) for r in rows)
    sd = mean(r["d"]["score"] for r in rows)
    same = 100 * sum(r["ref"]["level"] == r["seisho"]["level"] for r in rows) / n
    worst = max(rows, key=lambda r: abs(r["d"]["score"]))
    return n, ad, sd, same, abs(worst["d"]["score"]), worst["id"]


def var_table(rows: list[dict]) -> list[str]:
    out = ["| variable | coefficient | mean d | mean abs d | contribution (coef × mean d) | mean abs contribution |",
           "|---|---:|---:|---:|---:|---:|"]
    total_c = 0.0
    for field, name, coef in VARS:
        ds = [r["d"][field] for r in rows]
        c = coef * mean(ds)
        total_c += c
        out.append(f"| {name} | {coef} | {mean(ds):+.3f} | {mean(abs(x) for x in ds):.3f} | {c:+.4f} | "
                   f"{mean(abs(coef * x) for x in ds):.4f} |")
    out.append(f"| **score** | | {mean(r['d']['score'] for r in rows):+.4f} | "
               f"{mean(abs(r['d']['score']) for r in rows):.4f} | {total_c:+.4f} (sum) | |")
    for field in ("words", "sentences"):
        ds = [r["d"][field] for r in rows]
        out.append(f"| {field} (count) | – | {mean(ds):+.2f} | {mean(abs(x) for x in ds):.2f} | – | – |")
    return out


def report(rows: list[dict], split: str, binary: Path, version: str) -> str:
    L = [f"## jReadability: seisho vs jreadability 1.1.5, {split} split", ""]
    L.append(f"seisho: `{binary}` ({version}); passages: bench/eval/jread_passages.tsv ({split}); "
             "d = seisho − reference.")
    L.append("")
    n, ad, sd, same, mx, mxid = summary_row(rows)
    L += ["| n | mean abs d | mean d | same level | max abs d |", "|---:|---:|---:|---:|---|",
          f"| {n} | {ad:.3f} | {sd:+.3f} | {same:.1f}% | {mx:.3f} ({mxid}) |", ""]
    sent_diff = sum(r["d"]["sentences"] != 0 for r in rows)
    word_diff = sum(r["d"]["words"] != 0 for r in rows)
    L.append(f"Sentence count differs in {sent_diff} of {n} passages; word count in {word_diff} of {n}.")
    bad_level = [r["id"] for r in rows if r["seisho"]["level"] != level_of(r["seisho"]["score"])]
    if bad_level:
        L.append(f"seisho's level disagrees with its own score in {len(bad_level)} passages: {', '.join(bad_level[:10])}.")
    L += ["", "### Per variable", ""] + var_table(rows) + [""]

    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r)
    L += ["### Per kind", "", "| kind | n | mean abs d | mean d | same level | max abs d |", "|---|---:|---:|---:|---:|---|"]
    for kind in sorted(by_kind):
        n, ad, sd, same, mx, mxid = summary_row(by_kind[kind])
        L.append(f"| {kind} | {n} | {ad:.3f} | {sd:+.3f} | {same:.1f}% | {mx:.3f} ({mxid}) |")
    L += ["", "Per kind and variable: mean d (contribution coef × mean d; mean abs contribution).", ""]
    head = "| kind | " + " | ".join(name for _, name, _ in VARS) + " | sentences d |"
    L += [head, "|---|" + "---:|" * (len(VARS) + 1)]
    for kind in sorted(by_kind):
        rs = by_kind[kind]
        cells = []
        for field, _, coef in VARS:
            m = mean(r["d"][field] for r in rs)
            cells.append(f"{m:+.2f} ({coef * m:+.3f}; {mean(abs(coef * r['d'][field]) for r in rs):.3f})")
        cells.append(f"{mean(r['d']['sentences'] for r in rs):+.2f}")
        L.append(f"| {kind} | " + " | ".join(cells) + " |")

    L += ["", "### The 10 largest abs d", "",
          "| id | ref | seisho | d | levels (ref → seisho) | words ref/seisho | sentences ref/seisho | "
          + " | ".join(f"{name} d (contrib)" for _, name, _ in VARS) + " |",
          "|---|---:|---:|---:|---|---:|---:|" + "---:|" * len(VARS)]
    for r in sorted(rows, key=lambda r: -abs(r["d"]["score"]))[:10]:
        lv = f"{LABELS[r['ref']['level']]} → {LABELS[r['seisho']['level']]}"
        cells = [f"{r['d'][f]:+.2f} ({c * r['d'][f]:+.3f})" for f, _, c in VARS]
        L.append(f"| {r['id']} | {r['ref']['score']:.3f} | {r['seisho']['score']:.3f} | {r['d']['score']:+.3f} | {lv} | "
                 f"{r['ref']['words']}/{r['seisho']['words']} | {r['ref']['sentences']}/{r['seisho']['sentences']} | "
                 + " | ".join(cells) + " |")
    return "\n".join(L) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--seisho", type=Path, default=REPO / "target" / "release" / "seisho")
    ap.add_argument("--json", type=Path, help="write the per-passage rows to this file")
    args = ap.parse_args()
    binary = args.seisho.resolve()
    if not binary.exists():
        sys.exit(f"no seisho binary at {binary}: cargo build --release -p seisho-cli, or --seisho PATH")
    cfg = config_above(PASSAGES)
    if cfg:
        sys.exit(f"{cfg} would change how the passages are scored: move it away")
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()

    manifest = [r for r in read_tsv(MANIFEST_TSV) if r["split"] == args.split]
    ref = {r["id"]: r for r in read_tsv(REFERENCE_TSV)}
    files = []
    for m in manifest:
        f = PASSAGES / m["split"] / f"{m['id']}.txt"
        if not f.exists() or hashlib.sha256(f.read_bytes()).hexdigest() != m["sha256"]:
            sys.exit(f"{f}: missing or not as in the manifest; run jread_passages.py")
        if m["id"] not in ref:
            sys.exit(f"{m['id']}: not in {REFERENCE_TSV.name}; run jread_reference.py")
        files.append(f)
    reports = run_seisho(binary, files)

    rows = []
    fields = ["score", "words", "sentences"] + [f for f, _, _ in VARS]
    for m, f in zip(manifest, files):
        j = reports[f]["jreadability"]
        if j is None:
            sys.exit(f"{f}: seisho gave no jReadability (built without a dictionary?)")
        rr = ref[m["id"]]
        rv = {k: (int(rr[k]) if k in ("words", "sentences") else float(rr[k])) for k in fields}
        rv["level"] = level_of(rv["score"])
        sv = {k: j[k] for k in fields}
        sv["level"] = j["level"]
        rows.append(dict(id=m["id"], split=m["split"], kind=m["kind"], source=m["source"], path=m["path"],
                         chars=int(m["chars"]), ref=rv, seisho=sv, d={k: sv[k] - rv[k] for k in fields}))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(report(rows, args.split, binary, version))


if __name__ == "__main__":
    main()
