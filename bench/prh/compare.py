#!/usr/bin/env python3
"""seisho's prh rule beside npm prh on the same files: every match of each, compared.

    (cd bench/prh && npm install) && python3 bench/prh/compare.py [--split dev|test]
        [--dictionary FILE]... [--binary target/release/seisho]

The files are bench/eval's corpus (bench/eval/split.tsv, the split asked for), each read as
plain text by both (seisho `--syntax text`, so that its prose is the whole file, as prh reads
it). Default dictionaries: prh/rules' WEB+DB PRESS and TechBooster (checked in under
tests/data/prh-rules). Prints the counts (against prh's change set as it is, and against prh's own matches with
overlaps resolved as seisho resolves them: prh compares each match with the one before it,
kept or not, and so can keep two that overlap), the matches found by one only in the second
comparison, and writes them to bench/prh/results/compare-SPLIT.json.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench", "eval"))
import evallib  # noqa: E402

RULES = os.path.join(ROOT, "tests", "data", "prh-rules")
DEFAULT = [os.path.join(RULES, "media", "WEB+DB_PRESS.yml"), os.path.join(RULES, "media", "techbooster.yml")]


def utf16_index(text, byte_offset):
    prefix = text.encode("utf-8")[:byte_offset].decode("utf-8")
    return len(prefix.encode("utf-16-le")) // 2


def prh_matches(dictionaries, paths):
    out = subprocess.run(
        ["node", os.path.join(HERE, "compare.js"), *dictionaries, "--", *paths],
        check=True, capture_output=True, text=True, cwd=HERE,
    ).stdout
    result, kept = {}, {}
    for line in out.splitlines():
        record = json.loads(line)
        result[record["path"]] = {tuple(d) for d in record["diffs"]}
        kept[record["path"]] = {tuple(d) for d in record["kept"]}
    return result, kept


def seisho_matches(binary, dictionaries, paths):
    result = {}
    ids = subprocess.run([binary, "--lang", "en", "rules"], check=True, capture_output=True,
                         text=True).stdout.split("\n")
    ids = [line.split()[0] for line in ids if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "seisho.toml")
        with open(config, "w", encoding="utf-8") as f:
            # Only the rule prh: every other rule off.
            f.write("[rules]\n")
            for rule in ids:
                if rule != "prh":
                    f.write(f"{rule} = false\n")
            f.write("[rules.prh]\nrule-paths = %s\n" % json.dumps(dictionaries))
        for start in range(0, len(paths), 200):
            batch = paths[start:start + 200]
            run = subprocess.run(
                [binary, "lint", "--config", config, "--syntax", "text", "--format", "json", *batch],
                capture_output=True, text=True,
            )
            if run.returncode not in (0, 1):
                raise SystemExit(run.stderr)
            for record in json.loads(run.stdout)["files"]:
                path = record["path"]
                text = open(path, encoding="utf-8").read()
                data = text.encode("utf-8")
                found = set()
                for d in (d for d in record["diagnostics"] if d["rule"] == "prh"):
                    start_b, end_b = d["range"]["start"], d["range"]["end"]
                    matched = data[start_b:end_b].decode("utf-8")
                    fix = d["fix"]["edits"][0]["replacement"] if d["fix"] else None
                    found.add((utf16_index(text, start_b), matched, fix))
                result[path] = found
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["dev", "test"])
    parser.add_argument("--dictionary", action="append")
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "seisho"))
    args = parser.parse_args()
    dictionaries = [os.path.abspath(d) for d in (args.dictionary or DEFAULT)]
    entries = evallib.load_split(args.split)
    paths = [str(e.file) for e in entries if e.file.exists()]
    started = time.monotonic()
    theirs, theirs_kept = prh_matches(dictionaries, paths)
    prh_seconds = time.monotonic() - started
    started = time.monotonic()
    ours = seisho_matches(args.binary, dictionaries, paths)
    seisho_seconds = time.monotonic() - started
    both = only_prh = only_seisho = 0
    kept_both = kept_only_prh = kept_only_seisho = 0
    differ = []
    for path in paths:
        a, b = theirs.get(path, set()), ours.get(path, set())
        both += len(a & b)
        only_prh += len(a - b)
        only_seisho += len(b - a)
        k = theirs_kept.get(path, set())
        kept_both += len(k & b)
        kept_only_prh += len(k - b)
        kept_only_seisho += len(b - k)
        for d in sorted(k - b):
            differ.append({"path": os.path.relpath(path, ROOT), "only": "prh", "diff": d})
        for d in sorted(b - k):
            differ.append({"path": os.path.relpath(path, ROOT), "only": "seisho", "diff": d})
    # seisho leaves what `textlint-disable` / `seisho-disable` comments cover; prh reads it.
    def has_ignore_comments(path):
        text = open(os.path.join(ROOT, path), encoding="utf-8").read()
        return "textlint-disable" in text or "seisho-disable" in text
    in_ignored = sum(1 for d in differ if d["only"] == "prh" and has_ignore_comments(d["path"]))
    summary = {
        "split": args.split, "files": len(paths),
        "bytes": sum(os.path.getsize(p) for p in paths),
        "dictionaries": [os.path.relpath(d, ROOT) for d in dictionaries],
        # Wall time of each side as run here (prh: one node process; seisho: `seisho lint` in
        # batches of 200 files, with the offsets counted again in Python).
        "seconds": {"prh": round(prh_seconds, 2), "seisho": round(seisho_seconds, 2)},
        "prh_change_set": {"both": both, "only_prh": only_prh, "only_seisho": only_seisho},
        "prh_overlaps_resolved_as_seisho": {
            "both": kept_both, "only_prh": kept_only_prh, "only_seisho": kept_only_seisho,
            "only_prh_in_files_with_ignore_comments": in_ignored,
        },
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    for d in differ[:40]:
        print(json.dumps(d, ensure_ascii=False))
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", f"compare-{args.split}.json"), "w", encoding="utf-8") as f:
        json.dump({"summary": summary, "differ": differ}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
