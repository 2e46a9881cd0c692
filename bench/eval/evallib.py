"""Shared by the scripts in bench/eval/: where the corpus is, the manifest, the split, running seisho.

Nothing here downloads anything: the corpus is extracted from git snapshots by corpus.sh.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
MANIFEST = HERE / "corpus.toml"
SPLIT_TSV = HERE / "split.tsv"

# Outside the repository: the texts are other projects' and are never committed.
EVAL_ROOT = Path(os.environ.get("SEISHO_EVAL_DIR", "/work/eval"))
CORPUS = EVAL_ROOT / "corpus"
MIRRORS = Path(os.environ.get("SEISHO_MIRRORS", "/work/.mirror"))

# Hiragana, katakana (with ー), CJK unified ideographs (+ extension A), 々〆ヵヶ.
JA_CHAR = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u3005\u3006]")


def ja_chars(text: str) -> int:
    return len(JA_CHAR.findall(text))


@dataclass
class Source:
    name: str
    repository: str
    commit: str
    kind: str
    syntax: str
    licence: str
    conversion: str
    include: list[str]
    exclude: list[str]
    min_ja_chars: int
    raw: dict

    @property
    def git_dir(self) -> Path:
        owner, name = self.repository.split("/", 1)
        return MIRRORS / f"{owner}+{name}" / "repo"


def load_manifest() -> list[Source]:
    with open(MANIFEST, "rb") as f:
        data = tomllib.load(f)
    out = []
    for s in data["source"]:
        out.append(
            Source(
                name=s["name"],
                repository=s["repository"],
                commit=s["commit"],
                kind=s["kind"],
                syntax=s["syntax"],
                licence=s["licence"],
                conversion=s.get("conversion", "none"),
                include=s.get("include", []),
                exclude=s.get("exclude", []),
                min_ja_chars=s.get("min_ja_chars", 0),
                raw=s,
            )
        )
    return out


@functools.cache
def source_map() -> dict[str, Source]:
    return {s.name: s for s in load_manifest()}


SPLITS = ["dev", "test", "validation"]


def split_of(source: str, path: str) -> str:
    """dev or test, from sha1 of (source name, path): deterministic, about half each; or the
    source's own `split` in the manifest (`validation`: gathered after the test was judged)."""
    fixed = source_map()[source].raw.get("split")
    if fixed:
        return fixed
    h = hashlib.sha1(f"{source}\0{path}".encode()).digest()
    return "dev" if h[0] % 2 == 0 else "test"


@dataclass
class Entry:
    source: str
    path: str
    bytes: int
    split: str

    @property
    def file(self) -> Path:
        return CORPUS / self.source / self.path


def load_split(which: str | None = None) -> list[Entry]:
    """The files of the split (dev, test, or None for both), in split.tsv order."""
    out = []
    with open(SPLIT_TSV, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        assert header == ["source", "path", "bytes", "split"], header
        for line in f:
            src, path, size, split = line.rstrip("\n").split("\t")
            if which in (None, "all") or split == which:
                out.append(Entry(src, path, int(size), split))
    return out


def seisho_binary() -> Path:
    p = Path(os.environ.get("SEISHO", REPO / "target" / "release" / "seisho"))
    if not p.is_absolute():
        p = (Path.cwd() / p).resolve()
    if not p.exists():
        sys.exit(f"no seisho binary at {p}: build it with `cargo build --release -p seisho-cli` or set SEISHO")
    return p


def seisho_version(binary: Path) -> str:
    return subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()


def syntax_of(path: str) -> str:
    return "markdown" if path.endswith((".md", ".markdown")) else "text"


def git_head(repo: Path = REPO) -> str:
    r = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True)
    return r.stdout.strip()


def read_jsonl(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def write_jsonl(path: Path, rows) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n


def glob_regex(pattern: str) -> re.Pattern:
    """A path glob as in .gitignore: `**/` any directories (or none), `*` and `?` within a name."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def source_files(s: Source) -> list[str]:
    """The paths of the source's commit that its include globs match and its exclude globs do not."""
    ls = subprocess.run(
        ["git", "--git-dir", str(s.git_dir), "ls-tree", "-r", "--name-only", "-z", s.commit],
        capture_output=True, check=True,
    ).stdout.decode().split("\0")
    inc = [glob_regex(p) for p in s.include]
    exc = [glob_regex(p) for p in s.exclude]
    return [
        p for p in ls
        if p and any(r.match(p) for r in inc) and not any(r.match(p) for r in exc)
    ]


def _print_sources() -> None:
    """For corpus.sh: one line per source, tab-separated: name, git dir, commit, conversion,
    repository, then the paths to extract."""
    for s in load_manifest():
        conv = s.conversion.split(":", 1)[0].strip()
        try:
            files = source_files(s)
        except subprocess.CalledProcessError:
            files = []  # corpus.sh says the commit is missing
        print("\t".join([s.name, str(s.git_dir), s.commit, conv, s.repository, *files]))


if __name__ == "__main__":
    if sys.argv[1:] == ["sources"]:
        _print_sources()
    else:
        sys.exit("usage: evallib.py sources")
