#!/usr/bin/env python3
"""Passages of real prose for checking seisho's jReadability score against the reference
implementation (PyPI jreadability 1.1.5): a validation set nobody tunes on.

usage: /work/eval/venv/bin/python bench/eval/jread_passages.py [--seed 1] [--check]
       (a Python with markdown-it-py and mdit-py-plugins: bench/eval/requirements.txt)

A passage is a run of consecutive prose paragraphs of one document, about 300–800
characters, as plain text: its paragraphs joined with "\\n", and a final "\\n" (the shape of
the shared reference passages in /work/shared/reference, which this set does not use).

Paragraphs:
- Aozora Bunko (literature): each non-empty line is a paragraph, its indentation (　) removed.
  A prose paragraph ends with 。！？!?」』）) or …, and holds no ［＃ note; other lines (chapter
  numbers, titles, blank lines) end a run.
- JSQuAD Wikipedia paragraphs (encyclopedia): each block between blank lines is a paragraph
  (the title, first, is not prose: it has no final 。).
- Markdown (the technical sources): the top-level paragraphs markdown-it-py finds (CommonMark,
  tables, front matter, $ math), rendered to plain text: link and emphasis markup go (a link
  keeps its text), images, inline HTML, footnote marks and template tags ({{…}}, {% %},
  Hugo shortcodes) go, inline code keeps its content without backticks, inline math keeps
  its content when it is short, lines of a paragraph are joined without a space (with one
  between two ASCII letters or digits). Headings, code blocks, lists, tables, block
  quotes, HTML blocks (not comments: Rust by Example keeps its English in HTML comments
  between the Japanese paragraphs), math blocks, front matter and non-prose paragraphs end a
  run.
- A paragraph is prose when it is not a definition list item (a line starting with ": "), and it ends with 。！？!?」』）) (Markdown: 。！？!?」』), has at
  least 20 Japanese characters (kana, kanji) and they make at least 60% of its non-space
  characters, has no inline code over 30 characters, inline code makes at most 25% of it,
  and it is at most 800 characters long.

Cutting: each run of prose paragraphs is cut from its start into passages: from a paragraph,
paragraphs are added while the passage stays within 800 characters and is shorter than a
target drawn from 300–700 (seeded per document); a passage of at least 300 characters is
kept and the next passage starts after it; otherwise the start moves one paragraph on.

Selection (seeded, deterministic): per source and split, a quota of passages is drawn
round-robin over the split's documents in a seeded order, one random passage of a document
per round, so that many documents are used before any gives two. The split is the one
bench/eval/split.tsv gives each file. The two sources of the `validation` split
(polars-docs-ja, typescript-book-jp: never looked at while tuning) go to the test part. vite
and uttk-zenn-contents are not used.

Writes /work/eval/jread/passages/<split>/<kind>-<source>-<NNN>.txt (outside the repository:
the texts are other projects' work) and bench/eval/jread_passages.tsv: id, split, kind,
source, path (within /work/eval/corpus/<source>/), chars (characters of the passage, the
newlines between paragraphs included, the final one not), lines (the line range in the
corpus file, 1-based, inclusive), sha256 (of the passage file). --check rebuilds the texts
and compares them with the manifest without writing anything.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import sys
from collections import defaultdict
from dataclasses import dataclass

from evallib import EVAL_ROOT, HERE, ja_chars, load_split

OUT_DIR = EVAL_ROOT / "jread" / "passages"
MANIFEST_TSV = HERE / "jread_passages.tsv"

# source -> (kind, syntax, quota per split); validation sources go to the test part whole.
SOURCES = {
    "aozora": ("literature", "text", {"dev": 40, "test": 40}),
    "jsquad-wikipedia": ("encyclopedia", "text", {"dev": 40, "test": 40}),
    "hugo": ("reference", "markdown", {"dev": 20, "test": 20}),
    "otel-spec": ("reference", "markdown", {"dev": 25, "test": 25}),
    "polars-docs-ja": ("reference", "markdown", {"test": 20}),
    "js-primer": ("tutorial", "markdown", {"dev": 20, "test": 20}),
    "javascript-info": ("tutorial", "markdown", {"dev": 20, "test": 20}),
    "rust-by-example": ("tutorial", "markdown", {"dev": 15, "test": 15}),
    "typescript-book-jp": ("tutorial", "markdown", {"test": 15}),
    "kaityo256-zenn": ("blog", "markdown", {"dev": 25, "test": 25}),
}

MIN_CHARS, MAX_CHARS = 300, 800
TARGET_LO, TARGET_HI = 300, 700
MIN_JA, MIN_JA_SHARE = 20, 0.6
MAX_CODE, MAX_CODE_SHARE = 30, 0.25
MAX_MATH = 15

END_TEXT = tuple("。！？!?」』）)…")
END_MD = tuple("。！？!?」』")

TEMPLATE = re.compile(r"\{\{[<%].*?[%>]\}\}|\{\{.*?\}\}|\{%.*?%\}", re.S)
FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
DEFLIST = re.compile(r"(?:^|\n)[ \t]*:[ \t]")
SPACES = re.compile(r"[ \t]+")
ASCII_WORD = re.compile(r"[A-Za-z0-9]")


@dataclass
class Para:
    text: str
    prose: bool
    first_line: int  # 0-based
    last_line: int  # 0-based, inclusive


def is_prose(text: str, ends: tuple[str, ...], code_chars: int = 0) -> bool:
    if not text or len(text) > MAX_CHARS or not text.endswith(ends):
        return False
    ja = ja_chars(text)
    nonspace = len(re.sub(r"\s", "", text))
    if ja < MIN_JA or ja < MIN_JA_SHARE * nonspace:
        return False
    return code_chars <= MAX_CODE_SHARE * len(text)


def aozora_paras(text: str) -> list[Para]:
    out = []
    for i, line in enumerate(text.split("\n")):
        t = line.strip(" \t\u3000")
        if not t:
            out.append(Para("", False, i, i))
            continue
        out.append(Para(t, "［＃" not in t and is_prose(t, END_TEXT), i, i))
    return out


def jsquad_paras(text: str) -> list[Para]:
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip():
            j += 1
        t = " ".join(l.strip() for l in lines[i : j + 1])
        out.append(Para(t, is_prose(t, END_TEXT), i, j))
        i = j + 1
    return out


def join_lines(parts: list[str]) -> str:
    s = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if s and ASCII_WORD.match(s[-1]) and ASCII_WORD.match(p[0]):
            s += " "
        s += p
    return s


def render_inline(tok) -> tuple[str | None, int]:
    """Plain text of a paragraph's inline token, and how many characters came from inline
    code; None when the paragraph is not prose whatever its text (long code or math)."""
    lines: list[str] = [""]
    code = 0
    for c in tok.children or []:
        t = c.type
        if t == "image":  # its alt text is a child of the image token: dropped with it
            continue
        if t == "text":
            lines[-1] += c.content
        elif t == "code_inline":
            if len(c.content) > MAX_CODE:
                return None, 0
            lines[-1] += c.content
            code += len(c.content)
        elif t in ("softbreak", "hardbreak"):
            lines.append("")
        elif t == "math_inline":
            if len(c.content) > MAX_MATH or "\\" in c.content:
                return None, 0
            lines[-1] += c.content.strip()
        elif t == "math_inline_double":
            return None, 0
        # html_inline goes; link_open/close, em/strong open/close are markup only
    text = join_lines([TEMPLATE.sub("", FOOTNOTE.sub("", l)) for l in lines])
    text = SPACES.sub(" ", text).strip()
    return text, code


def markdown_paras(text: str) -> list[Para]:
    import mdregions  # needs markdown-it-py

    toks = mdregions.parser().parse(text)
    out: list[Para] = []
    depth = 0  # nesting in lists, block quotes, tables
    i = 0
    while i < len(toks):
        tok = toks[i]
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open", "blockquote_open", "table_open"):
            if depth == 0 and tok.map:
                out.append(Para("", False, tok.map[0], tok.map[1] - 1))
            depth += 1
        elif t in ("bullet_list_close", "ordered_list_close", "blockquote_close", "table_close"):
            depth -= 1
        elif depth:
            pass
        elif t == "paragraph_open":
            inline = toks[i + 1]
            s, code = render_inline(inline)
            # None (long code or math) or empty (only an image or template tags): not prose
            # a definition list (`term` then `: definition`, Hugo's docs) is not prose
            deflist = DEFLIST.search(inline.content) is not None
            prose = bool(s) and not deflist and is_prose(s, END_MD, code)
            out.append(Para(s or "", prose, tok.map[0], tok.map[1] - 1))
            i += 3
            continue
        elif t == "html_block" and tok.content.lstrip().startswith("<!--") and tok.content.rstrip().endswith("-->"):
            pass  # a comment: invisible, does not break a run
        elif tok.map and t not in ("paragraph_close", "inline"):
            # heading, fence, code block, HTML block, math block, front matter, hr
            out.append(Para("", False, tok.map[0], tok.map[1] - 1))
            if t == "heading_open":
                i += 3
                continue
        i += 1
    return out


def cut(paras: list[Para], rng: random.Random) -> list[list[Para]]:
    out = []
    runs: list[list[Para]] = [[]]
    for p in paras:
        if p.prose:
            runs[-1].append(p)
        elif runs[-1]:
            runs.append([])
    for run in runs:
        k = 0
        while k < len(run):
            target = rng.randint(TARGET_LO, TARGET_HI)
            chosen = [run[k]]
            size = len(run[k].text)
            j = k + 1
            while size < target and j < len(run) and size + 1 + len(run[j].text) <= MAX_CHARS:
                chosen.append(run[j])
                size += 1 + len(run[j].text)
                j += 1
            if MIN_CHARS <= size <= MAX_CHARS:
                out.append(chosen)
                k = j
            else:
                k += 1
    return out


@dataclass
class Passage:
    source: str
    path: str
    split: str
    kind: str
    text: str  # without the final newline
    first_line: int
    last_line: int
    id: str = ""


def candidates(seed: int) -> dict[tuple[str, str], dict[str, list[Passage]]]:
    """(source, split) -> corpus path -> the passages of that document, in document order."""
    by: dict[tuple[str, str], dict[str, list[Passage]]] = defaultdict(dict)
    for e in load_split():
        if e.source not in SOURCES:
            continue
        kind, syntax, _ = SOURCES[e.source]
        split = "test" if e.split == "validation" else e.split
        text = e.file.read_bytes().decode("utf-8")
        if e.source == "aozora":
            paras = aozora_paras(text)
        elif e.source == "jsquad-wikipedia":
            paras = jsquad_paras(text)
        else:
            paras = markdown_paras(text)
        rng = random.Random(f"{seed}:cut:{e.source}:{e.path}")
        ps = [
            Passage(e.source, e.path, split, kind, "\n".join(p.text for p in c), c[0].first_line, c[-1].last_line)
            for c in cut(paras, rng)
        ]
        if ps:
            by[(e.source, split)][e.path] = ps
    return by


def select(seed: int) -> tuple[list[Passage], dict]:
    cands = candidates(seed)
    chosen: list[Passage] = []
    avail = {}
    for source, (kind, _, quotas) in SOURCES.items():
        for split, quota in quotas.items():
            docs = cands.get((source, split), {})
            avail[(source, split)] = (len(docs), sum(len(v) for v in docs.values()))
            rng = random.Random(f"{seed}:select:{source}:{split}")
            order = sorted(docs)
            rng.shuffle(order)
            pools = {p: list(docs[p]) for p in order}
            picked = []
            while len(picked) < quota and any(pools.values()):
                for p in order:
                    if len(picked) >= quota:
                        break
                    if pools[p]:
                        picked.append(pools[p].pop(rng.randrange(len(pools[p]))))
            if len(picked) < quota:
                print(f"note: {source} {split}: {len(picked)} passages, fewer than the quota of {quota}", file=sys.stderr)
            chosen.extend(picked)
    # ids: numbered per source in corpus order (path, then position), whatever the split
    chosen.sort(key=lambda p: (p.source, p.path, p.first_line))
    n = defaultdict(int)
    for p in chosen:
        n[p.source] += 1
        p.id = f"{p.kind}-{p.source}-{n[p.source]:03d}"
    chosen.sort(key=lambda p: (p.split, p.id))
    return chosen, avail


def file_text(p: Passage) -> str:
    return p.text + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="rebuild and compare with the manifest; write nothing")
    args = ap.parse_args()
    chosen, avail = select(args.seed)
    rows = []
    for p in chosen:
        data = file_text(p).encode("utf-8")
        rows.append([p.id, p.split, p.kind, p.source, p.path, str(len(p.text)),
                     f"{p.first_line + 1}-{p.last_line + 1}", hashlib.sha256(data).hexdigest()])
    header = ["id", "split", "kind", "source", "path", "chars", "lines", "sha256"]
    tsv = "\n".join("\t".join(r) for r in [header] + rows) + "\n"
    if args.check:
        old = MANIFEST_TSV.read_text(encoding="utf-8")
        if old != tsv:
            sys.exit("the rebuilt passages differ from bench/eval/jread_passages.tsv")
        for p, r in zip(chosen, rows):
            f = OUT_DIR / p.split / f"{p.id}.txt"
            if not f.exists() or hashlib.sha256(f.read_bytes()).hexdigest() != r[-1]:
                sys.exit(f"{f}: missing or different")
        print(f"ok: {len(rows)} passages as in the manifest")
        return
    if OUT_DIR.exists():
        shutil.rmtree(OUT_DIR)
    for p in chosen:
        d = OUT_DIR / p.split
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{p.id}.txt").write_bytes(file_text(p).encode("utf-8"))
    MANIFEST_TSV.write_text(tsv, encoding="utf-8")
    counts = defaultdict(int)
    for p in chosen:
        counts[(p.split, p.kind, p.source)] += 1
    print("split\tkind\tsource\tpassages\t(documents with candidates, candidates)")
    for (split, kind, source), c in sorted(counts.items()):
        print(f"{split}\t{kind}\t{source}\t{c}\t{avail.get((source, split))}")
    print(f"total\t{len(chosen)}\t-> {OUT_DIR}, {MANIFEST_TSV.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
