from collections.abc import Iterable
from typing import Any, Literal, TypedDict, final

from typing_extensions import Unpack

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

__version__: str

Preset = Literal["seisho", "neologdn"]
Tilde = Literal["remove", "ignore", "normalize", "normalize_zenkaku"]
Lang = Literal["en", "ja"]
WaveDash = Literal["wave-dash", "fullwidth-tilde"]
Syntax = Literal["text", "markdown"]

@final
class Edit:
    """One change: ``text[start:end]`` of the original was ``before`` and becomes ``after``."""

    @property
    def rule(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def before(self) -> str: ...
    @property
    def after(self) -> str: ...
    @property
    def safe(self) -> bool: ...

@final
class Normalization:
    """The normalized text, the edits that made it, and the suggestions not applied."""

    @property
    def text(self) -> str: ...
    @property
    def edits(self) -> list[Edit]: ...
    @property
    def suggestions(self) -> list[Edit]: ...

class NormalizeOptions(TypedDict, total=False):
    """The options of :func:`normalize` and :class:`Normalizer`, named as ``seisho fmt``'s
    flags. ``preset="seisho"`` (the default) takes ``unsafe_fixes`` … ``collapse_exclamations``;
    ``preset="neologdn"`` takes neologdn's own: ``repeat`` … ``tilde``. An option of the other
    preset is a ``ValueError``."""

    preset: Preset
    unsafe_fixes: bool
    dictionary: bool
    enable: str | Iterable[str]
    disable: str | Iterable[str]
    only: str | Iterable[str] | None
    wave_dash: WaveDash
    compat: str | Iterable[str]
    collapse_exclamations: bool
    repeat: int
    remove_space: bool
    max_repeat_substr_length: int
    tilde: Tilde

@final
class Normalizer:
    """A normalizer made once for many texts; takes the options of :func:`normalize`."""

    def __new__(cls, **options: Unpack[NormalizeOptions]) -> Normalizer: ...
    def normalize(self, text: str) -> str: ...
    def normalize_with_edits(self, text: str) -> Normalization: ...
    def normalize_batch(
        self, texts: Iterable[str], threads: int | None = None
    ) -> list[str]: ...

def normalize(text: str, **options: Unpack[NormalizeOptions]) -> str: ...

class Position(TypedDict):
    line: int
    column: int
    utf16_column: int

class Range(TypedDict):
    """Indices into the ``str`` linted or scored: ``text[start:end]``."""

    start: int
    end: int

class FixEdit(TypedDict):
    range: Range
    replacement: str

class Fix(TypedDict):
    safety: Literal["safe", "unsafe"]
    edits: list[FixEdit]

class Diagnostic(TypedDict):
    """As ``seisho lint --format json`` gives it (``docs/lint.schema.json``), with ranges in
    code points of the ``str``."""

    rule: str
    severity: Literal["error", "warning", "info"]
    message: str
    range: Range
    start: Position
    end: Position
    fix: Fix | None

def lint(
    text: str,
    syntax: Syntax = "text",
    config: dict[str, Any] | None = None,
    dictionary: bool = True,
    lang: Lang | None = None,
) -> list[Diagnostic]: ...
def score(
    text: str, syntax: Syntax = "text", long_sentence: int | None = None
) -> dict[str, Any]: ...

class RuleInfo(TypedDict):
    id: str
    name: str
    summary: str
    default: bool

def rules(lang: Lang | None = None) -> list[RuleInfo]: ...
