#!/usr/bin/env python3
"""Conversions that corpus.sh applies to sources that are not Markdown/UTF-8 text as they stand.

  convert.py aozora IN_DIR OUT_DIR      Aozora Bunko texts (Shift_JIS, 青空文庫形式) to plain UTF-8
  convert.py jsquad IN_DIR OUT_DIR      JGLUE JSQuAD JSON: the Wikipedia paragraphs of each article
                                        as one plain text file
  convert.py select-aozora GIT_DIR COMMIT N
                                        print the manifest's `include` list for Aozora: N texts in
                                        modern kana, chosen by sha1 of their path (deterministic)

IN_DIR is what `git archive` extracted; every file under it is converted to the same relative
path under OUT_DIR (JSQuAD: one file per article, `<json stem>/<NNN>.txt`).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

# ---------------------------------------------------------------- Aozora Bunko

DASHES = re.compile(r"^-{20,}\s*$")
# ※［＃「てへん＋掌」、第4水準2-13-47］: a character outside JIS X 0208, described.
GAIJI = re.compile(r"※［＃([^］]*)］")
JIS_X_0213 = re.compile(r"第[34]水準(\d)-(\d{1,2})-(\d{1,2})")
UNICODE_REF = re.compile(r"U\+([0-9A-Fa-f]{4,6})")
NOTE = re.compile(r"［＃[^］]*］")  # 入力者注: layout, emphasis, headings
RUBY = re.compile(r"《[^》]*》")
OLD_KANA = re.compile(r"[ゐゑヰヱ]|せう|ませう|でせう|[はへ]ふ[。、]|ぢや")


def jis_x_0213_char(plane: int, row: int, cell: int) -> str | None:
    """The character at men-ku-ten plane-row-cell of JIS X 0213, via the EUC-JIS-2004 codec."""
    if not (1 <= row <= 94 and 1 <= cell <= 94):
        return None
    b = bytes([0xA0 + row, 0xA0 + cell])
    if plane == 2:
        b = b"\x8f" + b
    try:
        return b.decode("euc_jis_2004")
    except UnicodeDecodeError:
        return None


def gaiji(m: re.Match, stats: dict) -> str:
    note = m.group(1)
    j = JIS_X_0213.search(note)
    if j:
        c = jis_x_0213_char(int(j.group(1)), int(j.group(2)), int(j.group(3)))
        if c:
            stats["gaiji_jis"] += 1
            return c
    u = UNICODE_REF.search(note)
    if u:
        stats["gaiji_unicode"] += 1
        return chr(int(u.group(1), 16))
    stats["gaiji_dropped"] += 1
    return ""


def aozora_body(text: str, stats: dict) -> str:
    """The work itself: no header, no explanation of the notation, no colophon, no markup."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Header: title and author lines, then (usually) a block between two dashed lines that
    # explains 《》｜［＃］. Without that block the header ends at the first blank line.
    dash = [i for i, l in enumerate(lines[:80]) if DASHES.match(l)]
    if len(dash) >= 2:
        start = dash[1] + 1
    else:
        start = next((i + 1 for i, l in enumerate(lines) if not l.strip()), 0)
    # Colophon: from 底本： (the source edition) on.
    end = next((i for i in range(start, len(lines)) if lines[i].startswith(("底本：", "底本:"))), len(lines))
    out = []
    for line in lines[start:end]:
        new = GAIJI.sub(lambda m: gaiji(m, stats), line)
        new = NOTE.sub("", new)
        new = RUBY.sub("", new).replace("｜", "")
        # くの字点 written with two characters
        new = new.replace("／″＼", "〴〵").replace("／＼", "〳〵")
        if line.strip() and not new.strip():
            continue  # a line that held only a layout note
        out.append(new.rstrip())
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return "\n".join(out) + "\n"


def convert_aozora(in_dir: Path, out_dir: Path) -> None:
    stats = {"files": 0, "gaiji_jis": 0, "gaiji_unicode": 0, "gaiji_dropped": 0, "bad_bytes": 0}
    for f in sorted(in_dir.rglob("*.txt")):
        raw = f.read_bytes()
        try:
            text = raw.decode("cp932")
        except UnicodeDecodeError:
            text = raw.decode("cp932", errors="replace")
            stats["bad_bytes"] += text.count("\ufffd")
        rel = f.relative_to(in_dir)
        dest = out_dir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(aozora_body(text, stats), encoding="utf-8")
        stats["files"] += 1
    print("aozora:", ", ".join(f"{k} {v}" for k, v in stats.items()), file=sys.stderr)


def select_aozora(git_dir: str, commit: str, n: int) -> None:
    """N texts in modern kana (新字新仮名 by a heuristic), 6–80 KB in Shift_JIS, by sha1 of path."""
    ls = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "-r", "-l", commit, "cards/"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    cands = []
    for line in ls:
        meta, path = line.split("\t", 1)
        _mode, _type, blob, size = meta.split()
        if not path.endswith(".txt") or size == "-" or not 6_000 <= int(size) <= 80_000:
            continue
        cands.append((hashlib.sha1(path.encode()).hexdigest(), path, blob))
    cands.sort()
    chosen = []
    authors = set()
    for _h, path, blob in cands:
        author = path.split("/")[1]
        if author in authors:  # one work per author: more voices
            continue
        raw = subprocess.run(["git", "--git-dir", git_dir, "cat-file", "-p", blob], capture_output=True).stdout
        try:
            text = raw.decode("cp932")
        except UnicodeDecodeError:
            continue
        stats = {"gaiji_jis": 0, "gaiji_unicode": 0, "gaiji_dropped": 0}
        body = aozora_body(text, stats)
        if len(OLD_KANA.findall(body)) > 2 or stats["gaiji_dropped"] > 3:
            continue
        # prose, not verse: most lines long
        lines = [l for l in body.split("\n") if l.strip()]
        if not lines or sum(len(l) >= 40 for l in lines) < 0.5 * len(lines):
            continue
        chosen.append(path)
        authors.add(author)
        if len(chosen) == n:
            break
    for p in sorted(chosen):
        print(f'    "{p}",')


# ---------------------------------------------------------------- JGLUE JSQuAD

def convert_jsquad(in_dir: Path, out_dir: Path) -> None:
    n = 0
    for f in sorted(in_dir.rglob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        stem = f.stem  # valid-v1.3 (JSQuAD's own sets; nothing to do with our dev/test split)
        for i, art in enumerate(data["data"], 1):
            title = art["title"]
            paras = []
            for p in art["paragraphs"]:
                ctx = p["context"]
                # "梅雨 [SEP] 梅雨（つゆ、ばいう）は、…": the title is prefixed to each paragraph
                if " [SEP] " in ctx:
                    ctx = ctx.split(" [SEP] ", 1)[1]
                if ctx not in paras:
                    paras.append(ctx.strip())
            dest = out_dir / stem / f"{i:03d}.txt"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(title + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
            n += 1
    print(f"jsquad: {n} articles", file=sys.stderr)


def main(argv: list[str]) -> None:
    if len(argv) == 3 and argv[0] == "aozora":
        convert_aozora(Path(argv[1]), Path(argv[2]))
    elif len(argv) == 3 and argv[0] == "jsquad":
        convert_jsquad(Path(argv[1]), Path(argv[2]))
    elif len(argv) == 4 and argv[0] == "select-aozora":
        select_aozora(argv[1], argv[2], int(argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
