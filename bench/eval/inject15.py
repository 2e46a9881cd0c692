#!/usr/bin/env python3
"""Recall of issue 15's rules on slips injected into real text of the evaluation corpus.

usage: inject15.py [--split test] [--n 200] [--seed 15]

  SEISHO=path/to/seisho   the binary (default target/release/seisho)

no-successive-word: prose lines of the split (bench/eval/lines.py writes them to
/work/eval/lines/KIND-SPLIT.txt) get one doubled unit each, of three kinds:
  particle   a particle after a kanji or katakana doubled (ファイルの一覧 → ファイルのの一覧)
  te-form    して before another verb form doubled (しています → してしています)
  auxiliary  ています → ていています, ました → ましました
Each kind draws up to N lines (seeded) that have a place for it and no report of the rule in the
original; all lines are linted as plain text, one paragraph each. A slip is found when a report of
the rule covers the injected copy and its fix deletes one copy.

no-spelling-variants: documents of the split where a katakana word (three letters or more, or
two with a ー inside) appears at least three times in one spelling and in no other get one
occurrence respelled: a final ー dropped (サーバー → サーバ) or added after a letter that
loanwords end in without one (パラメータ → パラメーター). The occurrence is on a prose line (for
Markdown: outside fences, not indented, no backquote on the line). Found when a report of the
rule covers that occurrence with the document's spelling as its fix.

Prints a Markdown table: kind, injected, found, recall (95% Wilson interval).
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evallib  # noqa: E402

KANJI_OR_KATAKANA = r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]"
KINDS = {
    # (pattern, group to double): the doubled text is the match's group 1.
    "particle": re.compile(KANJI_OR_KATAKANA + r"([のがをにでと])(?![のがをにでと])[\u3040-\u30ff\u4e00-\u9fff]"),
    "te-form": re.compile(r"(して)(?=[いおまくみあ])"),
    "auxiliary": re.compile(r"(てい)(?=ます|る|た)|(まし)(?=た)"),
}


def wilson(k: int, n: int) -> str:
    if n == 0:
        return "–"
    z = 1.96
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return f"{100 * max(0, c - h):.0f}%–{100 * min(1, c + h):.0f}%"


def lint(seisho: str, text: str, syntax: str, rule: str) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("input.md" if syntax == "markdown" else "input.txt")
        path.write_text(text, encoding="utf-8")
        out = subprocess.run(
            [seisho, "lint", "--format", "json", "--syntax", syntax, "--select", rule, str(path)],
            capture_output=True,
            cwd=tmp,
        )
    report = json.loads(out.stdout)
    return report["files"][0]["diagnostics"]


def line_of(offsets: list[int], at: int) -> int:
    """The index of the line (of `offsets`, their byte starts) that byte `at` is in."""
    return bisect.bisect_right(offsets, at) - 1


def print_misses(kind: str, injected: list[str], spans: list[tuple[int, int]], hits: set[int],
                 wants: list[str] | None = None) -> None:
    """With INJECT15_MISSES set, each slip not found, marked in its line, to stderr."""
    if not os.environ.get("INJECT15_MISSES"):
        return
    for k, line in enumerate(injected):
        if k in hits:
            continue
        s0, s1 = spans[k]
        b = line.encode()
        want = f" ({wants[k]})" if wants else ""
        print(f"MISS {kind}: {b[max(0, s0 - 24):s0].decode(errors='ignore')}⟦{b[s0:s1].decode()}⟧"
              f"{b[s1:s1 + 15].decode(errors='ignore')}{want}", file=sys.stderr)


def byte_offsets(lines: list[str]) -> list[int]:
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line.encode()) + 2
    return offsets


def successive_word(seisho: str, split: str, n: int, seed: int) -> list[tuple[str, int, int]]:
    lines: list[str] = []
    for f in sorted(evallib.EVAL_ROOT.joinpath("lines").glob(f"*-{split}.txt")):
        lines += [l for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
    rule = "no-successive-word"
    # Lines with a report of their own are left out: a slip there would not be told apart.
    own = lint(seisho, "\n\n".join(lines) + "\n", "text", rule)
    offsets = byte_offsets(lines)
    reported = {line_of(offsets, d["range"]["start"]) for d in own}
    rows = []
    for kind, pattern in KINDS.items():
        rng = random.Random(f"{seed}:{kind}")
        candidates = [i for i, l in enumerate(lines) if i not in reported and pattern.search(l)]
        picked = rng.sample(candidates, min(n, len(candidates)))
        injected, spans = [], []
        for i in picked:
            line = lines[i]
            matches = list(pattern.finditer(line))
            m = rng.choice(matches)
            g = 1 if m.group(1) is not None else 2
            start, end = m.start(g), m.end(g)
            unit = m.group(g)
            new = line[:end] + unit + line[end:]
            b0 = len(new[:end].encode())
            spans.append((b0, b0 + len(unit.encode())))
            injected.append(new)
        found = 0
        diags = lint(seisho, "\n\n".join(injected) + "\n", "text", rule)
        offsets = byte_offsets(injected)
        hits = set()
        for d in diags:
            k = line_of(offsets, d["range"]["start"])
            a, b = d["range"]["start"] - offsets[k], d["range"]["end"] - offsets[k]
            s0, s1 = spans[k]
            fix = d.get("fix") or {}
            edits = fix.get("edits") or []
            deletes = any(e["replacement"] == "" for e in edits)
            if a <= s0 and s1 <= b and deletes:
                hits.add(k)
        found = len(hits)
        print_misses(kind, injected, spans, hits)
        rows.append((f"no-successive-word: {kind}", len(picked), found))
    return rows


def rule_expressions() -> list[str]:
    """The set expressions of no-dropped-kana, as its source declares them."""
    src = (evallib.REPO / "src/lint/rules/no_dropped_kana.rs").read_text(encoding="utf-8")
    block = src[src.index("const EXPRESSIONS"):src.index("const RIGHT_AS_THEY_ARE")]
    return sorted(set(re.findall(r'"([^"]+)"', block)))


def dropped_kana(seisho: str, split: str, n: int, seed: int) -> list[tuple[str, int, int]]:
    """One hiragana (two for an expression of six characters or more, at random) dropped
    from a set expression in a prose line; found when a report of no-dropped-kana overlaps the
    broken spelling and its fix gives the line back as it was."""
    lines: list[str] = []
    for f in sorted(evallib.EVAL_ROOT.joinpath("lines").glob(f"*-{split}.txt")):
        lines += [l for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
    rng = random.Random(f"{seed}:dropped")
    candidates = [(i, e) for i, l in enumerate(lines) for e in rule_expressions() if e in l]
    picked = rng.sample(candidates, min(n, len(candidates)))
    injected, spans, wants, originals = [], [], [], []
    for i, e in picked:
        line = lines[i]
        at = line.index(e)
        k = 2 if len(e) >= 6 and rng.random() < 0.3 else 1
        hira = [j for j in range(len(e) - k + 1) if all("\u3041" <= c <= "\u309f" for c in e[j:j + k])]
        j = rng.choice(hira)
        broken = e[:j] + e[j + k:]
        new = line[:at] + broken + line[at + len(e):]
        b0 = len(new[:at].encode())
        spans.append((b0, b0 + len(broken.encode())))
        injected.append(new)
        wants.append(e)
        originals.append(line)
    diags = lint(seisho, "\n\n".join(injected) + "\n", "text", "no-dropped-kana")
    offsets = byte_offsets(injected)
    hits = set()
    for d in diags:
        k = line_of(offsets, d["range"]["start"])
        a, b = d["range"]["start"] - offsets[k], d["range"]["end"] - offsets[k]
        edits = (d.get("fix") or {}).get("edits") or []
        line = injected[k].encode()
        restored = any(
            line[: e["range"]["start"] - offsets[k]] + e["replacement"].encode() + line[e["range"]["end"] - offsets[k]:]
            == originals[k].encode()
            for e in edits
        )
        if a < spans[k][1] and spans[k][0] < b and restored:
            hits.add(k)
    print_misses("dropped", injected, spans, hits, wants)
    return [("no-dropped-kana: a hiragana (or two) dropped from one of its set expressions", len(picked), len(hits))]


LOANWORD_ENDS = set("タダザサラパバカガマナャュョァィゥェォ")


def spelling_variants(seisho: str, split: str, seed: int, n: int) -> list[tuple[str, int, int]]:
    rng = random.Random(f"{seed}:spelling")
    files = [(e.source, e.path) for e in evallib.load_split(split)]
    rng.shuffle(files)
    injected = found = 0
    run = re.compile(r"[\u30a1-\u30fa\u30fc\u30fb]+")
    for source, path in files:
        if injected >= n:
            break
        full = evallib.CORPUS / source / path
        text = full.read_text(encoding="utf-8")
        markdown = path.endswith(".md")
        # Prose lines: for Markdown, outside fences, not indented, without a backquote.
        prose_lines, fence = set(), False
        for i, line in enumerate(text.split("\n")):
            if line.lstrip().startswith(("```", "~~~")):
                fence = not fence
                continue
            if not markdown or (not fence and not line.startswith(("    ", "\t")) and "`" not in line
                                and "<" not in line and "](" not in line and not line.startswith(("---", "|"))):
                prose_lines.add(i)
        forms: dict[str, list[tuple[int, int, int]]] = {}
        starts = [0]
        for line in text.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        for m in run.finditer(text):
            w = m.group(0).strip("・")
            line_no = text.count("\n", 0, m.start())
            forms.setdefault(w, []).append((m.start(), m.end(), line_no))
        letters = lambda w: w.replace("ー", "").replace("・", "")
        by_key: dict[str, set[str]] = {}
        for w in forms:
            by_key.setdefault(letters(w), set()).add(w)
        choices = []
        for w, occ in forms.items():
            key = letters(w)
            if len(occ) < 3 or len(by_key[key]) > 1 or "・" in w:
                continue
            inner = "ー" in w.rstrip("ー")
            if not (len(key) >= 3 or inner):
                continue
            if w.endswith("ー") and not w.endswith("ーー"):
                new = w[:-1]
            elif w[-1] in LOANWORD_ENDS and len(key) >= 3:
                new = w + "ー"
            else:
                continue
            at = [o for o in occ if o[2] in prose_lines]
            if at:
                choices.append((w, new, at))
        if not choices:
            continue
        w, new, at = rng.choice(choices)
        s, e, _ = rng.choice(at)
        changed = text[:s] + new + text[e:]
        b0 = len(changed[:s].encode())
        b1 = b0 + len(new.encode())
        diags = lint(seisho, changed, "markdown" if markdown else "text", "no-spelling-variants")
        injected += 1
        for d in diags:
            if d["range"]["start"] == b0 and d["range"]["end"] == b1:
                edits = (d.get("fix") or {}).get("edits") or []
                if any(e["replacement"] == w for e in edits):
                    found += 1
                    break
    return [("no-spelling-variants: final ー dropped or added", injected, found)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    seisho = str(evallib.seisho_binary())
    rows = successive_word(seisho, args.split, args.n, args.seed)
    rows += dropped_kana(seisho, args.split, args.n, args.seed)
    rows += spelling_variants(seisho, args.split, args.seed, args.n)
    print(f"### Recall on injected slips ({args.split}, seed {args.seed})\n")
    print("| kind | injected | found | recall | 95% interval |")
    print("|---|---|---|---|---|")
    for kind, n, k in rows:
        r = f"{100 * k / n:.1f}%" if n else "–"
        print(f"| {kind} | {n} | {k} | {r} | {wilson(k, n)} |")


if __name__ == "__main__":
    main()
