#!/usr/bin/env python3
"""Reference jReadability values for the passages of bench/eval/jread_passages.tsv.

usage: target/bench-venv/bin/python bench/eval/jread_reference.py
       (a venv with jreadability==1.1.5 fugashi==1.5.2 unidic-lite==1.0.8, as
       /work/shared/reference/run.sh installs)

Scored as the shared reference (/work/shared/reference/reference.py) scores its passages: each
passage file is read as UTF-8 and passed verbatim (newlines and the final newline included)
to jreadability's `compute_readability`, with its default tagger (fugashi, unidic-lite:
UniDic 2.1.2). The variables are re-derived the way jreadability 1.1.5 computes them
(jreadability/jreadability.py), and the script stops if they do not reproduce the
package's score exactly:

- words: every MeCab token, punctuation (補助記号) and 空白 included; newlines and ASCII spaces
  make no token;
- sentences: a sentence ends after a token whose surface is 。？！ or ．, and what is left
  at the end is one more sentence;
- kango / wago: tokens whose UniDic 語種 (goshu) is 漢 / 和, in % of words;
- verbs: 動詞 tokens whose second POS level is not 非自立可能, in % of words;
- particles: 助詞 tokens, in % of words;
- score = mean sentence length × −0.056 + kango × −0.126 + wago × −0.042 + verbs × −0.145
  + particles × −0.044 + 11.724.

Writes bench/eval/jread_reference.tsv: id, score (the package's output), level (from the
score as seisho's JReadabilityLevel::of: floor(score − 0.5) clamped to 0..5, hardest
first), words, sentences, mean_sentence_words, kango_percent, wago_percent, verb_percent,
particle_percent (Python's repr of the floats).
"""

from __future__ import annotations

import csv
import hashlib
import math
import os
import sys
from importlib.metadata import version
from pathlib import Path

import fugashi
from jreadability import compute_readability

HERE = Path(__file__).resolve().parent
PASSAGES = Path(os.environ.get("SEISHO_EVAL_DIR", "/work/eval")) / "jread" / "passages"
MANIFEST_TSV = HERE / "jread_passages.tsv"
OUT_TSV = HERE / "jread_reference.tsv"

LEVELS = ["upper-advanced", "lower-advanced", "upper-intermediate",
          "lower-intermediate", "upper-elementary", "lower-elementary"]
TAGGER = fugashi.Tagger()  # default: unidic-lite, as jreadability's own default


def level_of(x: float) -> str:
    return LEVELS[int(min(5.0, max(0.0, math.floor(x - 0.5))))]


def jread_features(text: str) -> dict:
    """The shared reference's re-derivation (reference.py, jread_features), unchanged."""
    doc = list(TAGGER(text))
    sents, cur = [], []
    for t in doc:
        cur.append(t)
        if t.surface in ("。", "？", "！", "．"):
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    n = len(doc)
    c = dict(kango=0, wago=0, verbs=0, particles=0)
    for t in doc:
        g, p1, p2 = t.feature.goshu, t.feature.pos1, t.feature.pos2
        if g == "漢":
            c["kango"] += 1
        elif g == "和":
            c["wago"] += 1
        if p1 == "動詞" and p2 != "非自立可能":
            c["verbs"] += 1
        elif p1 == "助詞":
            c["particles"] += 1
    f = dict(words=n, sentences=len(sents), mean_sentence_words=n / len(sents),
             kango_percent=100 * c["kango"] / n, wago_percent=100 * c["wago"] / n,
             verb_percent=100 * c["verbs"] / n, particle_percent=100 * c["particles"] / n)
    f["score"] = (f["mean_sentence_words"] * -0.056 + f["kango_percent"] * -0.126 + f["wago_percent"] * -0.042
                  + f["verb_percent"] * -0.145 + f["particle_percent"] * -0.044 + 11.724)
    return f


def main() -> None:
    want = {"jreadability": "1.1.5", "unidic-lite": "1.0.8"}
    for pkg, v in want.items():
        if version(pkg) != v:
            sys.exit(f"{pkg} {version(pkg)} installed; the reference is {pkg}=={v}")
    with open(MANIFEST_TSV, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    cols = ["id", "score", "level", "words", "sentences", "mean_sentence_words", "kango_percent",
            "wago_percent", "verb_percent", "particle_percent"]
    out = ["\t".join(cols)]
    for r in rows:
        path = PASSAGES / r["split"] / f"{r['id']}.txt"
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != r["sha256"]:
            sys.exit(f"{path} differs from the manifest: rebuild with jread_passages.py")
        text = data.decode("utf-8")
        score = compute_readability(text)
        f = jread_features(text)
        assert f["score"] == score, r["id"]
        f["score"] = score
        f["level"] = level_of(score)
        out.append("\t".join([r["id"]] + [repr(f[c]) if isinstance(f[c], float) else str(f[c]) for c in cols[1:]]))
    OUT_TSV.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(rows)} passages -> {OUT_TSV}")


if __name__ == "__main__":
    main()
