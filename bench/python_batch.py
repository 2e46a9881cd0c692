"""The Python package side by side with what NLP pipelines call today, on the same lines in one
process: neologdn, unicodedata's NFKC, mojimoji and jaconv, one line at a time (as they are
called), beside seisho's `normalize` per line and `Normalizer.normalize_batch` on 1 and on every
thread, with seisho's own rules and with the neologdn preset. Best of --runs runs each.

    python bench/python_batch.py CORPUS [--runs 3] [--lines N]

Prints a Markdown table: lines/s, MB/s (UTF-8 input bytes) and the ratio to neologdn.
"""

import argparse
import os
import platform
import time
import unicodedata

import jaconv
import mojimoji
import neologdn

import seisho


def best(f, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--lines", type=int, default=0, help="the first N lines only (0: all)")
    a = p.parse_args()
    with open(a.corpus, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if a.lines:
        lines = lines[: a.lines]
    mb = sum(len(s.encode("utf-8")) for s in lines) / 1e6
    cores = os.cpu_count() or 1
    ours = seisho.Normalizer()
    preset = seisho.Normalizer(preset="neologdn")
    cases = [
        ("neologdn.normalize, per line", lambda: [neologdn.normalize(s) for s in lines]),
        ("unicodedata.normalize NFKC, per line", lambda: [unicodedata.normalize("NFKC", s) for s in lines]),
        ("mojimoji.zen_to_han (kana=False), per line", lambda: [mojimoji.zen_to_han(s, kana=False) for s in lines]),
        ("jaconv.normalize, per line", lambda: [jaconv.normalize(s) for s in lines]),
        ("seisho.normalize, per line", lambda: [seisho.normalize(s) for s in lines]),
        ("Normalizer().normalize_batch, 1 thread", lambda: ours.normalize_batch(lines, threads=1)),
        (f"Normalizer().normalize_batch, {cores} threads", lambda: ours.normalize_batch(lines)),
        ("Normalizer(preset='neologdn'), per line", lambda: [preset.normalize(s) for s in lines]),
        ("Normalizer(preset='neologdn').normalize_batch, 1 thread", lambda: preset.normalize_batch(lines, threads=1)),
        (f"Normalizer(preset='neologdn').normalize_batch, {cores} threads", lambda: preset.normalize_batch(lines)),
    ]
    print(f"{len(lines)} lines, {mb:.1f} MB; {platform.python_implementation()} {platform.python_version()}, "
          f"{cores} cores, load {os.getloadavg()[0]:.2f}; seisho {seisho.__version__}, neologdn {neologdn.__version__}")
    print()
    print("| call | lines/s | MB/s | × neologdn |")
    print("|---|---:|---:|---:|")
    base = None
    for name, f in cases:
        t = best(f, a.runs)
        if base is None:
            base = t
        print(f"| {name} | {len(lines) / t:,.0f} | {mb / t:.1f} | {base / t:.1f} |")
    assert preset.normalize_batch(lines) == [neologdn.normalize(s) for s in lines]


if __name__ == "__main__":
    main()
