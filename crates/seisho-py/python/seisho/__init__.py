"""seisho (清書): normalize, proofread and score Japanese text.

``normalize`` cleans up width variants, kana typos and doubled punctuation without changing
what the text means (``preset="neologdn"`` gives neologdn 0.5.6's output instead);
``Normalizer`` is the same, made once for many texts, with an edit log and a batch call that
uses every core; ``lint`` proofreads; ``score`` tells how hard the text is to read.
"""

from ._seisho import (
    Edit,
    Normalization,
    Normalizer,
    __version__,
    lint,
    normalize,
    rules_list as _rules_list,
    score,
)

__all__ = [
    "Edit",
    "Normalization",
    "Normalizer",
    "__version__",
    "lint",
    "normalize",
    "rules",
    "score",
]


def rules(lang: str | None = None) -> list[dict]:
    """The normalizer's rules (the names ``enable``, ``disable`` and ``only`` take): a list
    of dicts of ``id``, ``name`` (the rule's Japanese name), ``summary`` (in ``lang``, ``"en"``
    or ``"ja"``; by default the locale's, as ``lint`` does) and ``default`` (on by default)."""
    return _rules_list(lang)
