#!/usr/bin/env python3
"""The user dictionary on real text: a writer who is told that a word of theirs is a typo adds
it to `words.csv` and lints again. What must hold: nothing is reported inside those words any
more; what else changes is the effect of reading them as one word (counted per rule, and every
change outside the words listed for reading).

usage: user_dictionary_eval.py [--split dev|test] [--out DIR]

The words: for each diagnostic of a rule that judges how a word is spelt (the kana and width
rules, no-spelling-variants, no-successive-word) in the split, the word as written around it
(the run of katakana, kanji, letters and digits, with ー and ・, that holds the report). Each
becomes a row `word,名詞,` of a simple-format dictionary; the split is linted with the defaults
and then with `[dictionary] user` naming it (`seisho lint --config`).

  SEISHO=path/to/seisho   the binary (default target/release/seisho)
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from evallib import CORPUS, EVAL_ROOT, git_head, load_split, seisho_binary
from lint_corpus import lint

SPELLING_RULES = {
    "fullwidth-ascii", "halfwidth-kana", "voiced-sound-mark", "long-vowel-mark",
    "hiragana-in-katakana", "kanji-in-katakana", "small-kana", "hiragana-loanword",
    "kangxi-radical", "no-spelling-variants", "no-successive-word",
}
WORD_CHAR = re.compile(r"[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff10-\uff5a\uff66-\uff9fA-Za-z0-9ー・々\u3099-\u309c]")


def word_around(text: str, start: int, end: int) -> str | None:
    """The word as written around the characters [start, end) (character offsets)."""
    a, b = start, end
    while a > 0 and WORD_CHAR.match(text[a - 1]):
        a -= 1
    while b < len(text) and WORD_CHAR.match(text[b]):
        b += 1
    word = text[a:b]
    # A word has letters: a flagged bracket or mark alone is not one.
    if len(word) < 2 or len(word) > 40 or "\n" in word or not all(WORD_CHAR.match(c) for c in word):
        return None
    return word


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--out", type=Path, default=EVAL_ROOT / "runs" / "user-dictionary")
    args = ap.parse_args()
    binary = seisho_binary()
    entries = load_split(args.split)
    before, failed = lint(binary, entries)
    if failed:
        sys.exit(f"files failed: {failed[:3]}")
    texts: dict[tuple[str, str], str] = {}
    words: Counter[str] = Counter()
    for d in before:
        if d["rule"] not in SPELLING_RULES:
            continue
        key = (d["source"], d["path"])
        if key not in texts:
            texts[key] = (CORPUS / d["source"] / d["path"]).read_text(encoding="utf-8-sig")
        raw = texts[key].encode("utf-8")
        s = len(raw[: d["range"][0]].decode("utf-8", errors="ignore"))
        e = len(raw[: d["range"][1]].decode("utf-8", errors="ignore"))
        w = word_around(texts[key], s, e)
        if w and "," not in w and '"' not in w:
            words[w] += 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="seisho-ud-") as tmp:
        tmp = Path(tmp)
        with open(tmp / "words.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            for word in sorted(words):
                w.writerow([word, "名詞", ""])
        (tmp / "seisho.toml").write_text('[dictionary]\nuser = "words.csv"\n', encoding="utf-8")
        (args.out / f"words-{args.split}.csv").write_text((tmp / "words.csv").read_text(encoding="utf-8"))
        after, failed = lint(binary, entries, extra_args=("--config", str(tmp / "seisho.toml")))
    if failed:
        sys.exit(f"files failed with the dictionary: {failed[:3]}")

    def key(d):
        return (d["source"], d["path"], d["range"][0], d["range"][1], d["rule"])

    def inside_a_word(d) -> bool:
        text = texts.get((d["source"], d["path"]))
        if text is None:
            text = (CORPUS / d["source"] / d["path"]).read_text(encoding="utf-8-sig")
            texts[(d["source"], d["path"])] = text
        raw = text.encode("utf-8")
        s = len(raw[: d["range"][0]].decode("utf-8", errors="ignore"))
        e = len(raw[: d["range"][1]].decode("utf-8", errors="ignore"))
        w = word_around(text, s, e)
        return w in words

    b, a = {key(d): d for d in before}, {key(d): d for d in after}
    gone = [b[k] for k in b.keys() - a.keys()]
    new = [a[k] for k in a.keys() - b.keys()]
    # Reported before and after, but saying another thing (a sentence's length).
    changed = [a[k] for k in a.keys() & b.keys() if a[k]["message"] != b[k]["message"]]
    left_inside = [d for d in after if d["rule"] in SPELLING_RULES and d["rule"] != "prh" and inside_a_word(d)]
    gone_spelling = [d for d in gone if d["rule"] in SPELLING_RULES]
    gone_other = [d for d in gone if d["rule"] not in SPELLING_RULES]
    summary = {
        "split": args.split,
        "files": len(entries),
        "bytes": sum(e.bytes for e in entries),
        "commit": git_head(),
        "words": len(words),
        "diagnostics_before": len(before),
        "diagnostics_after": len(after),
        "spelling_reports_before": sum(d["rule"] in SPELLING_RULES for d in before),
        "spelling_reports_left_in_the_words": len(left_inside),
        "gone_by_rule": dict(Counter(d["rule"] for d in gone).most_common()),
        "new_by_rule": dict(Counter(d["rule"] for d in new).most_common()),
        "changed_by_rule": dict(Counter(d["rule"] for d in changed).most_common()),
    }
    (args.out / f"summary-{args.split}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    with open(args.out / f"changes-{args.split}.jsonl", "w", encoding="utf-8") as f:
        for what, ds in (("gone", gone_other), ("new", new), ("changed", changed), ("left-inside", left_inside)):
            for d in ds:
                f.write(json.dumps({"change": what, **d}, ensure_ascii=False) + "\n")
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    print(f"spelling reports gone: {len(gone_spelling)}; other reports gone: {len(gone_other)}; "
          f"new: {len(new)}; changed: {len(changed)}")
    for d in (gone_other + new)[:40]:
        text = texts.get((d["source"], d["path"])) or (CORPUS / d["source"] / d["path"]).read_text(encoding="utf-8-sig")
        line = text.splitlines()[d["line"] - 1] if d["line"] - 1 < len(text.splitlines()) else ""
        print(f"  {'+' if d in new else '-'} {d['rule']} {d['source']}/{d['path']}:{d['line']}:{d['column']} {d['message'][:60]} | {line.strip()[:80]}")


if __name__ == "__main__":
    main()
