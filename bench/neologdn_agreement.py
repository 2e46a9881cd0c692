"""Line by line, does `seisho.normalize(line, preset="neologdn", **options)` give
`neologdn.normalize(line, **options)`? For each file and each set of options: lines, lines
identical, and the first differing lines (with both outputs) to read.

    python bench/neologdn_agreement.py FILE...
"""

import sys

import neologdn

import seisho

OPTIONS = [
    {},
    {"repeat": 2},
    {"repeat": 1, "max_repeat_substr_length": 0},
    {"remove_space": False, "tilde": "normalize_zenkaku"},
    {"tilde": "ignore"},
]


def main():
    files = sys.argv[1:]
    print(f"neologdn {neologdn.__version__}, seisho {seisho.__version__}")
    print()
    print("| file | options | lines | identical | % |")
    print("|---|---|---:|---:|---:|")
    shown = []
    for path in files:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            lines = [s.encode("utf-8", "replace").decode("utf-8") for s in f.read().split("\n")]
        for options in OPTIONS:
            ours = seisho.Normalizer(preset="neologdn", **options).normalize_batch(lines)
            same = 0
            for line, a in zip(lines, ours):
                b = neologdn.normalize(line, **options)
                if a == b:
                    same += 1
                elif len(shown) < 20:
                    shown.append((path, options, line, b, a))
            pct = 100.0 * same / max(len(lines), 1)
            print(f"| {path} | {options or 'defaults'} | {len(lines)} | {same} | {pct:.3f} |")
    for path, options, line, theirs, ours in shown:
        print(f"\n{path} {options}\n  input    {line!r}\n  neologdn {theirs!r}\n  seisho   {ours!r}")


if __name__ == "__main__":
    main()
