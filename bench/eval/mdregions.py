"""The parts of a Markdown document that are not prose, found independently of seisho.

Block structure comes from markdown-it-py (CommonMark, plus tables, front matter and $$ math
from mdit-py-plugins): its tokens' maps give line ranges. Inline constructs, which markdown-it
gives no positions for, are found on the lines of each block with the CommonMark rules for
code spans, raw HTML, autolinks, link destinations and reference definitions, and a pattern for
bare URLs.

`regions(text, markdown=True)` returns (start, end, category) in character offsets of text,
sorted; categories are those in CATEGORIES. For plain text only bare URLs are returned.
"""

from __future__ import annotations

import re
import sys

try:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
except ImportError:  # pragma: no cover
    sys.exit(
        "bench/eval needs markdown-it-py and mdit-py-plugins (bench/eval/requirements.txt): "
        "python3 -m venv /work/eval/venv && /work/eval/venv/bin/pip install -r bench/eval/requirements.txt, "
        "then run the script with /work/eval/venv/bin/python"
    )

CATEGORIES = (
    "front matter",
    "fenced code",
    "indented code",
    "HTML block",
    "HTML comment",
    "math block",
    "inline code",
    "inline HTML",
    "URL",
    "link destination",
)

_md = None


def parser() -> MarkdownIt:
    global _md
    if _md is None:
        _md = (
            MarkdownIt("commonmark")
            .enable("table")
            .use(front_matter_plugin)
            .use(dollarmath_plugin, allow_space=True, double_inline=True)
        )
    return _md


HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# CommonMark raw HTML: open tag, closing tag, processing instruction, declaration, CDATA
HTML_TAG = re.compile(
    r"<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
    r"|</[A-Za-z][A-Za-z0-9-]*\s*>|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>",
    re.S,
)
AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+>")
BARE_URL = re.compile(r"(?:https?|ftp)://[!-~]+|www\.[A-Za-z0-9-]+\.[!-~]+")
URL_TRAILING = ".,:;!?'\")]}>*_~`"
LINK_DEST = re.compile(r"\]\(\s*(<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+)")
REF_DEF = re.compile(r"^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*(<[^<>\n]*>|\S+)", re.M)


def code_spans(s: str) -> list[tuple[int, int]]:
    """CommonMark code spans: a run of n backticks to the next run of exactly n."""
    out = []
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", s)]
    k = 0
    while k < len(runs):
        a, b = runs[k]
        if a > 0 and s[a - 1] == "\\" and (a < 2 or s[a - 2] != "\\"):
            # an escaped backtick opens nothing; the rest of the run may
            a += 1
            if a == b:
                k += 1
                continue
        n = b - a
        close = next((j for j in range(k + 1, len(runs)) if runs[j][1] - runs[j][0] == n), None)
        if close is None:
            k += 1
            continue
        out.append((a, runs[close][1]))
        k = close + 1
    return out


def bare_urls(s: str, base: int = 0) -> list[tuple[int, int, str]]:
    out = []
    for m in BARE_URL.finditer(s):
        a, b = m.start(), m.end()
        while b > a and s[b - 1] in URL_TRAILING:
            b -= 1
        if b > a:
            out.append((base + a, base + b, "URL"))
    return out


def line_offsets(text: str) -> list[int]:
    offs = [0]
    for m in re.finditer("\n", text):
        offs.append(m.end())
    offs.append(len(text))
    return offs


def regions(text: str, markdown: bool = True) -> list[tuple[int, int, str]]:
    if not markdown:
        return bare_urls(text)
    offs = line_offsets(text)

    def span(m0: int, m1: int) -> tuple[int, int]:
        return offs[min(m0, len(offs) - 1)], offs[min(m1, len(offs) - 1)]

    out: list[tuple[int, int, str]] = []
    covered = [False] * (len(offs))  # lines inside a non-prose block
    inline_blocks = []
    for tok in parser().parse(text):
        if tok.map is None:
            continue
        m0, m1 = tok.map
        cat = None
        if tok.type == "front_matter":
            cat = "front matter"
        elif tok.type == "fence":
            cat = "fenced code"
        elif tok.type == "code_block":
            cat = "indented code"
        elif tok.type == "html_block":
            cat = "HTML comment" if tok.content.lstrip().startswith("<!--") else "HTML block"
        elif tok.type == "math_block":
            cat = "math block"
        elif tok.type == "inline":
            inline_blocks.append((m0, m1))
        if cat:
            a, b = span(m0, m1)
            out.append((a, b, cat))
            for ln in range(m0, m1):
                covered[ln] = True
    for m0, m1 in inline_blocks:
        a, b = span(m0, m1)
        s = text[a:b]
        taken: list[tuple[int, int]] = []
        for x, y in code_spans(s):
            out.append((a + x, a + y, "inline code"))
            taken.append((x, y))

        def free(x: int, y: int) -> bool:
            return not any(x < q and p < y for p, q in taken)

        for rx, cat in ((HTML_COMMENT, "HTML comment"), (AUTOLINK, "URL"), (HTML_TAG, "inline HTML")):
            for m in rx.finditer(s):
                if free(m.start(), m.end()):
                    out.append((a + m.start(), a + m.end(), cat))
                    taken.append((m.start(), m.end()))
        for m in LINK_DEST.finditer(s):
            if free(m.start(1), m.end(1)):
                out.append((a + m.start(1), a + m.end(1), "link destination"))
                taken.append((m.start(1), m.end(1)))
        for x, y, cat in bare_urls(s):
            if free(x, y):
                out.append((a + x, a + y, cat))
    # reference definitions make no token: look for them on lines outside code and HTML
    for m in REF_DEF.finditer(text):
        ln = text.count("\n", 0, m.start())
        if not covered[ln]:
            out.append((m.start(1), m.end(1), "link destination"))
    out.sort()
    return out
