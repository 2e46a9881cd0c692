"""The Python package: every function, its options and errors, and the properties that bind
them (a batch is the texts one by one; edits rebuild the output; the GIL is released)."""

import ast
import pathlib
import sys
import threading

import pytest
from hypothesis import given, settings, strategies as st

import seisho

REPO = pathlib.Path(__file__).resolve().parents[3]

# Characters every rule and the neologdn preset look at, and some they must leave alone.
ALPHABET = list(
    " 　\t\n~∼∾〜〰～-−˗‐―─━ーｰ﹣－*+aZé漢字一口力あいうかはへべりﾊﾞﾟｶ゛゜ﾞﾟｳう！？ＡＢ０１、、。。"
    "｢｣「」（）()…・ヘルプデータベースコンピュ\u200b\ufeff①㈱\U00020000"
)
texts = st.text(alphabet=ALPHABET, max_size=40)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ｶﾞｲﾄﾞ", "ガイド"),
        ("ＡＢＣ１２３", "ABC123"),
        ("コンピュ一タ", "コンピュータ"),
        ("へルプ", "ヘルプ"),
        ("よろしく、、お願いします。。", "よろしく、お願いします。"),
        ("10～20", "10〜20"),
        # Never changes meaning: the spaces, ① and the full-width parentheses around Japanese stay.
        ("全角　スペース", "全角　スペース"),
        ("①", "①"),
        ("変数（ｘ）の値", "変数（x）の値"),
        ("", ""),
    ],
)
def test_normalize(text, expected):
    assert seisho.normalize(text) == expected


def test_options_are_named_as_the_cli_names_them():
    assert seisho.normalize("10〜20", wave_dash="fullwidth-tilde") == "10～20"
    assert seisho.normalize("ＡＢＣ", disable=["fullwidth-ascii"]) == "ＡＢＣ"
    assert seisho.normalize("ＡＢＣ", disable="fullwidth-ascii") == "ＡＢＣ"
    assert seisho.normalize("①", compat=["enclosed"]) == "1"
    assert seisho.normalize("①", compat="enclosed", disable="compatibility") == "①"
    assert seisho.normalize("全角　スペース", enable=["ideographic-space"]) == "全角 スペース"
    assert seisho.normalize("ＡＢ　ｶﾞ", only=["halfwidth-kana"]) == "ＡＢ　ガ"
    assert seisho.normalize("本当！！！", collapse_exclamations=True) == "本当！"
    ids = [r["id"] for r in seisho.rules()]
    assert "fullwidth-ascii" in ids and "neologdn" not in ids
    assert all(set(r) == {"id", "name", "summary", "default"} for r in seisho.rules())


def test_unsafe_fixes_are_suggestions_unless_asked():
    text = "データベースへアクセス"
    n = seisho.Normalizer(dictionary=False)
    result = n.normalize_with_edits(text)
    assert result.text == text
    assert [(e.before, e.after, e.safe) for e in result.suggestions] == [("へ", "ヘ", False)]
    assert seisho.normalize(text, dictionary=False, unsafe_fixes=True) == "データベースヘアクセス"
    # With the dictionary, へ is the particle: nothing to suggest.
    assert seisho.Normalizer().normalize_with_edits(text).suggestions == []


def test_edits_are_spans_of_the_str():
    text = "𠀋ｶﾞｲﾄﾞ　ＡＢＣ"
    result = seisho.Normalizer().normalize_with_edits(text)
    assert result.text == "𠀋ガイド　ABC"
    for e in result.edits:
        assert text[e.start : e.end] == e.before
        assert e.safe
    assert [e.rule for e in result.edits] == ["halfwidth-kana", "fullwidth-ascii"]
    assert result.edits[0] == result.edits[0]
    assert "Edit(rule=" in repr(result.edits[0])


def apply(text, edits):
    out, pos = [], 0
    for e in edits:
        assert pos <= e.start <= e.end
        out.append(text[pos : e.start])
        out.append(e.after)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["seisho", "neologdn"]))
def test_edits_rebuild_the_output(text, preset):
    n = seisho.Normalizer(preset=preset)
    result = n.normalize_with_edits(text)
    assert result.text == n.normalize(text)
    assert apply(text, result.edits) == result.text
    for e in result.edits + result.suggestions:
        assert text[e.start : e.end] == e.before


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, max_size=30), st.integers(min_value=1, max_value=4))
def test_a_batch_is_the_texts_one_by_one(batch, threads):
    n = seisho.Normalizer()
    assert n.normalize_batch(batch, threads=threads) == [n.normalize(t) for t in batch]


def test_a_large_batch_runs_on_threads_in_order():
    # Over the size below which a batch stays on one thread.
    lines = [f"{i}行目：ｶﾀｶﾅ　と　ＡＢＣ{i}" for i in range(20000)]
    n = seisho.Normalizer(preset="neologdn")
    out = n.normalize_batch(lines)
    assert out == [n.normalize(t) for t in lines]
    assert out[12345] == "12345行目:カタカナとABC12345"
    assert n.normalize_batch(iter(lines[:3]), threads=2) == out[:3]
    assert n.normalize_batch([]) == []


def test_the_gil_is_released_while_a_batch_runs():
    # The batch is read from a generator, with the GIL held; once its last item is taken the
    # work runs with the GIL released. With a switch interval longer than the test, a thread
    # that holds the GIL keeps it until it blocks or ends: so this thread can read the flag
    # before the worker sets it only if the worker released the GIL during the batch.
    n = seisho.Normalizer(preset="neologdn", repeat=1, max_repeat_substr_length=0)
    read = threading.Event()
    state = {"returned": False}
    text = "".join(chr(0x4E00 + (k * 7919) % 20000) for k in range(4000))

    def batch():
        yield text
        read.set()

    def worker():
        n.normalize_batch(batch(), threads=1)
        state["returned"] = True

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        t = threading.Thread(target=worker)
        t.start()
        assert read.wait(600)
        ran_while_the_batch_ran = not state["returned"]
        t.join()
    finally:
        sys.setswitchinterval(interval)
    assert ran_while_the_batch_ran
    assert state["returned"]


@pytest.mark.parametrize(
    "options, error, message",
    [
        ({"foo": 1}, ValueError, "unknown option `foo`"),
        ({"repeat": 2}, ValueError, "`repeat` is an option of preset=\"neologdn\""),
        ({"preset": "neologdn", "wave_dash": "wave-dash"}, ValueError, "preset=\"seisho\""),
        ({"preset": "mecab"}, ValueError, "unknown preset"),
        ({"enable": ["nope"]}, ValueError, "unknown rule `nope`"),
        ({"enable": "neologdn"}, ValueError, "is a preset"),
        ({"enable": "leader", "disable": "leader"}, ValueError, "both enabled and disabled"),
        ({"wave_dash": "tilde"}, ValueError, "unknown wave_dash"),
        ({"compat": ["nope"]}, ValueError, "unknown compat class"),
        ({"preset": "neologdn", "tilde": "nope"}, ValueError, "unknown tilde"),
        ({"preset": "neologdn", "repeat": -1}, ValueError, "0 or more"),
        ({"unsafe_fixes": 1}, TypeError, "must be a bool"),
        ({"preset": "neologdn", "repeat": "2"}, TypeError, "must be an int"),
        ({"enable": 3}, TypeError, "a str or a list of str"),
    ],
)
def test_bad_options(options, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(")):
        seisho.normalize("テスト", **options)
    with pytest.raises(error):
        seisho.Normalizer(**options)


def test_bad_input():
    with pytest.raises(TypeError):
        seisho.normalize(3)
    with pytest.raises(TypeError):
        seisho.normalize(b"bytes")
    # A lone surrogate is not text: an error (a ValueError), not a crash.
    with pytest.raises(ValueError):
        seisho.normalize("a\ud800b")
    n = seisho.Normalizer()
    with pytest.raises(ValueError, match=r"texts\[1\]"):
        n.normalize_batch(["ok", "a\udc00"])
    with pytest.raises(TypeError, match=r"texts\[2\]"):
        n.normalize_batch(["ok", "ok", None])
    with pytest.raises(TypeError):
        n.normalize_batch("a str is not a batch")
    with pytest.raises(ValueError):
        n.normalize_batch(["a"], threads=0)
    with pytest.raises(UnicodeEncodeError):
        seisho.lint("\ud800")


def test_lint():
    text = "私は彼は好きだ。ログに「力メラ」と出る。"
    diagnostics = seisho.lint(text)
    by_rule = {d["rule"]: d for d in diagnostics}
    assert set(by_rule) >= {"no-doubled-joshi", "kanji-in-katakana"}
    d = by_rule["kanji-in-katakana"]
    # Ranges are indices into the str.
    assert text[d["range"]["start"] : d["range"]["end"]] == "力"
    assert d["severity"] == "error"
    assert d["start"] == {"line": 1, "column": 13, "utf16_column": 13}
    fix = d["fix"]
    assert fix["safety"] == "safe"
    assert [(text[e["range"]["start"] : e["range"]["end"]], e["replacement"]) for e in fix["edits"]] == [("力", "カ")]


def test_lint_syntax_and_config():
    doc = "# 見出し\n\n```\nＡＢＣ\n```\n\n本文のＡＢＣ。\n"
    as_markdown = seisho.lint(doc, syntax="markdown")
    assert [doc[d["range"]["start"] : d["range"]["end"]] for d in as_markdown] == ["ＡＢＣ"]
    assert len(seisho.lint(doc, syntax="text")) == 2
    assert seisho.lint(doc, syntax="markdown", config={"fullwidth-ascii": False}) == []
    assert seisho.lint(doc, syntax="markdown", config={"rules": {"fullwidth-ascii": "off"}}) == []
    warned = seisho.lint(doc, syntax="markdown", config={"fullwidth-ascii": "warning"})
    assert [d["severity"] for d in warned] == ["warning"]
    long = "これは" + "とても" * 40 + "長い文です。"
    assert not any(d["rule"] == "sentence-length" for d in seisho.lint(long, config={"sentence-length": {"max": 500}}))
    assert any(d["rule"] == "sentence-length" for d in seisho.lint(long, config={"sentence-length": {"max": 50}}))
    assert seisho.lint("私は彼は好きだ。", dictionary=False) == []
    for config, error in [
        ({"no-such-rule": True}, ValueError),
        ({"sentence-length": {"maximum": 3}}, ValueError),
        ({"sentence-length": {"max": "long"}}, ValueError),
        ({"max-ten": "loud"}, ValueError),
        ({"rules": {}, "files": {}}, ValueError),
        ({"max-ten": 3}, TypeError),
    ]:
        with pytest.raises(error):
            seisho.lint("テスト。", config=config)
    with pytest.raises(ValueError, match="unknown syntax"):
        seisho.lint("テスト。", syntax="rst")


def test_lint_with_a_user_dictionary():
    text = "ジヤパンネット銀行に口座を開いた。ジヤパンの口座。"
    rules = lambda ds: [(d["rule"], text[d["range"]["start"] : d["range"]["end"]]) for d in ds]
    assert rules(seisho.lint(text)) == [("small-kana", "ヤ"), ("small-kana", "ヤ")]
    words = "# 自社の語\nジヤパンネット銀行,組織,ジヤパンネットギンコウ\n"
    assert rules(seisho.lint(text, config={"user_dictionary": words})) == [("small-kana", "ヤ")]
    both = {"rules": {"small-kana": "warning"}, "user_dictionary": words}
    assert [d["severity"] for d in seisho.lint(text, config=both)] == ["warning"]
    with pytest.raises(ValueError, match="line 2"):
        seisho.lint(text, config={"user_dictionary": "ok,名詞,オーケー\nbad,名詞\n"})
    with pytest.raises(TypeError):
        seisho.lint(text, config={"user_dictionary": ["ジヤパン"]})


def test_score():
    text = "今日は良い天気です。明日も晴れるでしょう。"
    report = seisho.score(text)
    assert [text[s["range"]["start"] : s["range"]["end"]] for s in report["sentences"]] == [
        "今日は良い天気です。",
        "明日も晴れるでしょう。",
    ]
    assert report["jreadability"]["sentences"] == 2
    assert 0.5 <= report["jreadability"]["score"] <= 6.5
    assert report["analyzed"] is True
    assert report["longest_kanji_run"]["text"] == "今日"
    doc = "# 題\n\n```\nコード。コード。コード。\n```\n\n本文です。\n"
    assert len(seisho.score(doc, syntax="markdown")["sentences"]) == 2
    assert len(seisho.score(doc, syntax="text")["sentences"]) > 2
    length = seisho.score("あ" * 200 + "。短い。", long_sentence=10)["sentence_length"]
    assert (length["long"], length["long_threshold"]) == (1, 10)
    with pytest.raises(ValueError):
        seisho.score("a", long_sentence=-1)


def test_the_stubs_name_what_the_module_has():
    stub = (REPO / "crates/seisho-py/python/seisho/__init__.pyi").read_text(encoding="utf-8")
    tree = ast.parse(stub)
    names = {
        node.name
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    }
    public = set(seisho.__all__) - {"__version__"}
    assert public <= names
    for name in ("normalize", "normalize_with_edits", "normalize_batch"):
        assert hasattr(seisho.Normalizer, name)
    assert (REPO / "crates/seisho-py/python/seisho/py.typed").exists()


def test_the_stubs_match_the_module(tmp_path):
    # mypy's stubtest compares the stub with the module as built: names, signatures, @final.
    pytest.importorskip("mypy")
    import subprocess

    allowlist = REPO / "crates/seisho-py/stubtest-allowlist.txt"
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "seisho", "--allowlist", str(allowlist)],
        capture_output=True,
        text=True,
        # Its cache goes in the working directory.
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_lint_and_rules_in_japanese():
    text = "ＡＢＣを使う。"
    en = seisho.lint(text, lang="en")
    ja = seisho.lint(text, lang="ja")
    assert [(d["rule"], d["range"]) for d in ja] == [(d["rule"], d["range"]) for d in en]
    assert "full-width" in en[0]["message"]
    assert ja[0]["message"].startswith("「ＡＢＣ」→「ABC」（")
    assert seisho.lint(text, config={"rules": {}}, lang="ja")[0]["message"] == ja[0]["message"]
    with pytest.raises(ValueError, match="unknown lang"):
        seisho.lint(text, lang="fr")
    names = {r["id"]: r["name"] for r in seisho.rules(lang="ja")}
    assert names["fullwidth-ascii"] == "全角英数字"
    summaries = {r["id"]: r["summary"] for r in seisho.rules(lang="ja")}
    assert summaries["fullwidth-ascii"].endswith("。")


def test_allowed_words_are_not_reported():
    text = "ｲﾝﾀｰﾈｯﾄとﾃﾞｰﾀ。"
    rules = [d["range"]["start"] for d in seisho.lint(text)]
    assert rules == [0, 8]
    allowed = seisho.lint(text, config={"rules": {}, "allow": ["ｲﾝﾀｰﾈｯﾄ"]})
    assert [d["range"]["start"] for d in allowed] == [8]
    with pytest.raises(TypeError, match="allow"):
        seisho.lint(text, config={"rules": {}, "allow": "ｲﾝﾀｰﾈｯﾄ"})


def test_lang_follows_the_locale_by_default(monkeypatch):
    text = "ＡＢＣを使う。"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert seisho.lint(text)[0]["message"] == seisho.lint(text, lang="en")[0]["message"]
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert seisho.lint(text)[0]["message"] == seisho.lint(text, lang="ja")[0]["message"]
    assert seisho.rules()[0]["summary"] == seisho.rules(lang="ja")[0]["summary"]
    monkeypatch.setenv("LC_MESSAGES", "C")
    assert seisho.lint(text)[0]["message"] == seisho.lint(text, lang="en")[0]["message"]
