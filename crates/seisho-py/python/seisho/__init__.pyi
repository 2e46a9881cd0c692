from collections.abc import Iterable
from typing import Any, Literal, TypedDict

__version__: str

Preset = Literal["seisho", "neologdn"]
Tilde = Literal["remove", "ignore", "normalize", "normalize_zenkaku"]
WaveDash = Literal["wave-dash", "fullwidth-tilde"]
Syntax = Literal["text", "markdown"]

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

class Normalization:
    """The normalized text, the edits that made it, and the suggestions not applied."""

    @property
    def text(self) -> str: ...
    @property
    def edits(self) -> list[Edit]: ...
    @property
    def suggestions(self) -> list[Edit]: ...

class Normalizer:
    """A normalizer made once for many texts; takes the options of :func:`normalize`."""

    def __init__(
        self,
        *,
        preset: Preset = "seisho",
        unsafe_fixes: bool = False,
        dictionary: bool = True,
        enable: str | Iterable[str] = (),
        disable: str | Iterable[str] = (),
        only: str | Iterable[str] | None = None,
        wave_dash: WaveDash = "wave-dash",
        compat: str | Iterable[str] = (),
        collapse_exclamations: bool = False,
        repeat: int = 0,
        remove_space: bool = True,
        max_repeat_substr_length: int = 8,
        tilde: Tilde = "remove",
    ) -> None: ...
    def normalize(self, text: str) -> str: ...
    def normalize_with_edits(self, text: str) -> Normalization: ...
    def normalize_batch(
        self, texts: Iterable[str], threads: int | None = None
    ) -> list[str]: ...

def normalize(
    text: str,
    *,
    preset: Preset = "seisho",
    unsafe_fixes: bool = False,
    dictionary: bool = True,
    enable: str | Iterable[str] = (),
    disable: str | Iterable[str] = (),
    only: str | Iterable[str] | None = None,
    wave_dash: WaveDash = "wave-dash",
    compat: str | Iterable[str] = (),
    collapse_exclamations: bool = False,
    repeat: int = 0,
    remove_space: bool = True,
    max_repeat_substr_length: int = 8,
    tilde: Tilde = "remove",
) -> str: ...

class Position(TypedDict):
    line: int
    column: int
    utf16_column: int

class Range(TypedDict):
    start: int
    end: int

def lint(
    text: str,
    syntax: Syntax = "text",
    config: dict[str, Any] | None = None,
    dictionary: bool = True,
) -> list[dict[str, Any]]: ...
def score(
    text: str, syntax: Syntax = "text", long_sentence: int | None = None
) -> dict[str, Any]: ...

class RuleInfo(TypedDict):
    id: str
    summary: str
    default: bool

def rules() -> list[RuleInfo]: ...
