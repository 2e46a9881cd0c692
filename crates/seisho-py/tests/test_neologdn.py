"""The `neologdn` preset gives neologdn 0.5.6's output: on random text over the characters it
treats specially, with every option, and on every line of the repository's Japanese text."""

import pathlib

import pytest
from hypothesis import given, settings, strategies as st

import seisho

neologdn = pytest.importorskip("neologdn")

REPO = pathlib.Path(__file__).resolve().parents[3]

ALPHABET = list(
    " 　\t\n~∼∾〜〰～-−˗֊‐‑‒–⁃⁻₋﹣－ｰ—―─━ー*+!aZzé漢字あいうかはほﾊﾋﾌﾍﾎﾞﾟｶｳｧｯｰう゛゜ﾞﾟ"
    "！？＃ＡＢｚ０９、。｡､･｢｣”“’‘¥…\U00020000\u3000\uff01\uffe5\ufeff\ufffe"
)

options = st.fixed_dictionaries(
    {},
    optional={
        "repeat": st.integers(min_value=0, max_value=4),
        "remove_space": st.booleans(),
        "max_repeat_substr_length": st.integers(min_value=0, max_value=10),
        "tilde": st.sampled_from(["remove", "ignore", "normalize", "normalize_zenkaku"]),
    },
)


def test_version():
    assert neologdn.__version__ == "0.5.6", "the preset follows neologdn 0.5.6"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30), options)
def test_same_output_on_random_text(text, kwargs):
    assert seisho.normalize(text, preset="neologdn", **kwargs) == neologdn.normalize(text, **kwargs)


def lines():
    for pattern in ("**/*.md", "**/*.txt"):
        for path in sorted(REPO.glob(pattern)):
            if any(part in ("target", "node_modules", ".git") for part in path.parts):
                continue
            yield from path.read_text(encoding="utf-8", errors="replace").split("\n")


@pytest.mark.parametrize(
    "kwargs", [{}, {"repeat": 2}, {"remove_space": False, "tilde": "normalize_zenkaku"}]
)
def test_same_output_on_the_repository_text(kwargs):
    text = list(lines())
    assert len(text) > 1000
    ours = seisho.Normalizer(preset="neologdn", **kwargs).normalize_batch(text)
    theirs = [neologdn.normalize(line, **kwargs) for line in text]
    differ = [(a, b, c) for a, b, c in zip(text, ours, theirs) if b != c]
    assert differ == []
