"""The Python side of bench/side-by-side.sh: the PyPI tools people use today, timed in process
and run as commands.

    python side_by_side.py normalize FILE REPEAT
        In-process throughput of each normalizer on FILE: prints one line per tool,
        "tool<TAB>unit<TAB>bytes<TAB>best seconds" (best of REPEAT, text already in memory).
    python side_by_side.py score PASSAGE_DIR REPEAT SCORES
        jreadability over the passages (PASSAGE_DIR/*.txt, sorted by name), one call per
        passage with one fugashi tagger: prints the same kind of line and writes
        "name<TAB>score" per passage to SCORES.
    python side_by_side.py split FILE PASSAGE_DIR CHARS
        Cuts FILE at line ends into passages of at least CHARS characters (the last may be
        shorter), written as PASSAGE_DIR/00000.txt, 00001.txt…, for both scorers to read.
    python side_by_side.py run TOOL FILE...
        What a user's script does: reads the files and writes the result to standard output,
        to be timed as a whole command (interpreter start-up and imports included).

Run by the virtual environment that side-by-side.sh creates (pinned versions in
bench/common.sh).
"""

import sys
import time
import unicodedata
from pathlib import Path

import jaconv
import mojimoji
import neologdn


def neologdn_lines(text):
    # neologdn is made for sentences and lines (its README and the NEologd tooling call it line
    # by line); on a whole text it would also touch the spaces around line breaks.
    return "\n".join(neologdn.normalize(line) for line in text.split("\n"))


def neologdn_whole(text):
    return neologdn.normalize(text)


def mojimoji_width(text):
    # The width half of normalizing: full-width ASCII letters and digits to half-width, then
    # half-width katakana to full-width (two passes, as mojimoji's API needs).
    return mojimoji.han_to_zen(mojimoji.zen_to_han(text, kana=False), ascii=False, digit=False)


def jaconv_normalize(text):
    return jaconv.normalize(text)


def nfkc(text):
    return unicodedata.normalize("NFKC", text)


NORMALIZERS = {
    "neologdn 0.5.6 (line by line)": ("line", neologdn_lines),
    "neologdn 0.5.6 (whole text)": ("whole", neologdn_whole),
    "mojimoji (zen_to_han + han_to_zen)": ("whole", mojimoji_width),
    "jaconv.normalize": ("whole", jaconv_normalize),
    "Python unicodedata NFKC": ("whole", nfkc),
}

COMMANDS = {
    "neologdn": neologdn_lines,
    "mojimoji": mojimoji_width,
    "jaconv": jaconv_normalize,
    "nfkc": nfkc,
}


def best_of(repeat, f):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - start)
    return best


def passages(directory):
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(directory).glob("*.txt"))]


def main(argv):
    mode = argv[1]
    if mode == "normalize":
        text = Path(argv[2]).read_text(encoding="utf-8")
        size = len(text.encode("utf-8"))
        repeat = int(argv[3])
        for name, (unit, f) in NORMALIZERS.items():
            seconds = best_of(repeat, lambda f=f: f(text))
            print(f"{name}\t{unit}\t{size}\t{seconds:.6f}", flush=True)
    elif mode == "score":
        from fugashi import Tagger
        from jreadability import compute_readability

        items = passages(argv[2])
        size = sum(len(t.encode("utf-8")) for _, t in items)
        repeat = int(argv[3])
        tagger = Tagger()
        scores = []

        def readability(text):
            try:
                return compute_readability(text, tagger)
            except ZeroDivisionError:  # no word at all
                return None

        def run():
            scores[:] = [readability(t) for _, t in items]

        seconds = best_of(repeat, run)
        with open(argv[4], "w", encoding="utf-8") as out:
            for (name, _), score in zip(items, scores):
                if score is not None:
                    out.write(f"{name}\t{score:.6f}\n")
        print(f"jreadability 1.1.5 (fugashi, unidic-lite)\tpassage\t{size}\t{seconds:.6f}")
    elif mode == "split":
        lines = Path(argv[2]).read_text(encoding="utf-8").split("\n")
        directory = Path(argv[3])
        chars = int(argv[4])
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("*.txt"):
            old.unlink()
        count, passage, length = 0, [], 0

        def flush():
            nonlocal count, passage, length
            (directory / f"{count:05}.txt").write_text("\n".join(passage) + "\n", encoding="utf-8")
            count, passage, length = count + 1, [], 0

        for line in lines:
            if line:
                passage.append(line)
                length += len(line)
            if length >= chars:
                flush()
        if passage:
            flush()
        print(count)
    elif mode == "run":
        tool = argv[2]
        out = sys.stdout
        if tool == "jreadability":
            from fugashi import Tagger
            from jreadability import compute_readability

            tagger = Tagger()
            for path in argv[3:]:
                text = Path(path).read_text(encoding="utf-8")
                out.write(f"{path}\t{compute_readability(text, tagger):.6f}\n")
        else:
            f = COMMANDS[tool]
            for path in argv[3:]:
                out.write(f(Path(path).read_text(encoding="utf-8")))
    else:
        sys.exit(f"unknown mode {mode!r}: see the docstring")


if __name__ == "__main__":
    main(sys.argv)
