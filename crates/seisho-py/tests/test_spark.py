"""The PySpark example (examples/spark_normalize.py) on a real dataset, in local[2].

The dataset is built at test time from the repository's own Japanese text: every line
(blank ones included) of the rule documents under src/lint/rules/ and src/normalize/rules/
and of examples/draft.md, with an id per row and a null every 40 rows. The job's output
must equal ``seisho.Normalizer(...).normalize_batch`` of the same rows, row for row by id,
nulls kept, for both presets and both input formats.

Skipped when pyspark (or pandas / pyarrow, which its Arrow UDFs need) is not installed, or
when there is no Java.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

import seisho  # noqa: E402

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
REPO = HERE.parents[2]
EXAMPLE = EXAMPLES / "spark_normalize.py"

if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
    pytest.skip("no Java for Spark", allow_module_level=True)

# The workers run this interpreter (the one with seisho installed).
os.environ["PYSPARK_PYTHON"] = sys.executable
os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable

sys.path.insert(0, str(EXAMPLES))
spark_normalize = importlib.import_module("spark_normalize")

NULL_EVERY = 40


def source_files() -> list[Path]:
    files = sorted((REPO / "src" / "lint" / "rules").glob("*.md"))
    files += sorted((REPO / "src" / "normalize" / "rules").glob("*.md"))
    files.append(REPO / "examples" / "draft.md")
    return [f for f in files if f.is_file()]


def dataset_rows() -> list[dict]:
    """(id, text, source) rows: every line of the repository's Markdown, a null every 40."""
    rows: list[dict] = []
    for path in source_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(rows) % NULL_EVERY == 0:
                rows.append({"id": len(rows), "text": None, "source": path.name})
            rows.append({"id": len(rows), "text": line, "source": path.name})
    return rows


ROWS = dataset_rows()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("spark_in")
    assert len(ROWS) > 500, "the repository's Markdown should give hundreds of lines"
    table = pa.table(
        {
            "id": pa.array([r["id"] for r in ROWS], pa.int64()),
            "text": pa.array([r["text"] for r in ROWS], pa.string()),
            "source": pa.array([r["source"] for r in ROWS], pa.string()),
        }
    )
    parquet = d / "lines.parquet"
    pq.write_table(table, parquet, row_group_size=200)
    jsonl = d / "lines.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for r in ROWS:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return {"parquet": parquet, "json": jsonl}


@pytest.fixture(scope="module")
def spark():
    session = spark_normalize.build_session("local[2]", app_name="seisho-test", batch_size=128)
    session.conf.set("spark.sql.shuffle.partitions", "4")
    yield session
    session.stop()


def expected(options: dict) -> dict[int, str | None]:
    n = seisho.Normalizer(**options)
    ids = [r["id"] for r in ROWS if r["text"] is not None]
    out = n.normalize_batch([r["text"] for r in ROWS if r["text"] is not None])
    want: dict[int, str | None] = {r["id"]: None for r in ROWS}
    want.update(zip(ids, out))
    return want


def read_output(path: Path, column: str = "text") -> dict[int, str | None]:
    t = pq.read_table(path)
    ids = t.column("id").to_pylist()
    texts = t.column(column).to_pylist()
    assert len(ids) == len(set(ids)), "an id written twice"
    return dict(zip(ids, texts))


def assert_same(got: dict, want: dict) -> None:
    assert sorted(got) == sorted(want), "ids lost or added"
    diff = [(i, got[i], want[i]) for i in sorted(want) if got[i] != want[i]]
    assert not diff, f"{len(diff)} rows differ, first: {diff[:3]}"


CASES = [
    ("parquet", {"preset": "seisho"}),
    ("json", {"preset": "neologdn"}),
    ("parquet", {"preset": "neologdn", "repeat": 2}),
    ("json", {"preset": "seisho", "unsafe_fixes": True}),
]


@pytest.mark.parametrize(("fmt", "options"), CASES, ids=lambda c: str(c))
def test_job_matches_normalize_batch(spark, inputs, tmp_path, fmt, options):
    out = tmp_path / "out"
    rows, seconds = spark_normalize.run_job(
        spark, str(inputs[fmt]), str(out), fmt=fmt, column="text", options=options,
        partitions=3,
    )
    assert rows == len(ROWS)
    assert seconds > 0
    got = read_output(out)
    want = expected(options)
    assert sum(v is None for v in got.values()) == sum(r["text"] is None for r in ROWS)
    assert_same(got, want)
    # The other columns come through untouched.
    t = pq.read_table(out)
    sources = dict(zip(t.column("id").to_pylist(), t.column("source").to_pylist()))
    assert sources == {r["id"]: r["source"] for r in ROWS}


def test_normalizer_made_once_per_worker_process(spark, inputs):
    """Over many tasks, each Python worker process makes one Normalizer for the options and
    normalizes all its batches with it (the UDF uses the module's cache, not a copy)."""
    from pyspark.sql.functions import col, pandas_udf

    df = spark.read.parquet(str(inputs["parquet"])).repartition(8)
    options = {"preset": "neologdn", "repeat": 3}
    key = spark_normalize._options_key(options)
    out = spark_normalize.normalize_dataframe(df, "text", options, output_column="norm")

    @pandas_udf("string")
    def probe(s):
        import os as _os

        import pandas as _pd

        mod = importlib.import_module("spark_normalize")
        state = f"{_os.getpid()}:{mod._MADE.get(key, 0)}:{mod._BATCHES.get(key, 0)}"
        return _pd.Series([state] * len(s))

    seen = {r.p for r in out.select(probe(col("norm")).alias("p")).distinct().collect()}
    made: dict[str, set[int]] = {}
    batches: dict[str, int] = {}
    for s in seen:
        pid, m, b = s.split(":")
        made.setdefault(pid, set()).add(int(m))
        batches[pid] = max(batches.get(pid, 0), int(b))
    assert made, "no batch ran"
    assert all(m == {1} for m in made.values()), made
    # 8 tasks of at least one batch each on at most 2 worker processes.
    assert sum(batches.values()) >= 8, batches
    assert max(batches.values()) >= 4, batches


def test_empty_and_all_null_batches(spark, tmp_path):
    """A partition with only nulls (or no rows) goes through and stays null."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    schema = StructType([StructField("id", LongType()), StructField("text", StringType())])
    df = spark.createDataFrame([(i, None) for i in range(5)] + [(5, "ｱｲｳ")], schema)
    out = spark_normalize.normalize_dataframe(df.repartition(4), "text", {"preset": "neologdn"})
    got = {r.id: r.text for r in out.collect()}
    assert got == {0: None, 1: None, 2: None, 3: None, 4: None, 5: "アイウ"}


def test_command_line(spark, inputs, tmp_path, capsys):
    """The command line (run in this process, on the module's session, which it leaves
    running): JSON Lines in, the normalized text in a new column, options."""
    out = tmp_path / "cli_out"
    code = spark_normalize.main(
        [
            str(inputs["json"]), str(out), "--format", "json", "--column", "text",
            "--output-column", "norm", "--preset", "neologdn", "--repeat", "2",
            "--partitions", "2", "--batch-size", "100",
        ]
    )
    assert code == 0
    assert f"rows={len(ROWS)} " in capsys.readouterr().out
    assert_same(read_output(out, "norm"), expected({"preset": "neologdn", "repeat": 2}))
    # --output-column keeps the original text beside the normalized one.
    assert read_output(out, "text") == {r["id"]: r["text"] for r in ROWS}
    assert not spark.sparkContext._jsc.sc().isStopped()


@pytest.mark.skipif(
    not os.environ.get("SEISHO_SPARK_SCRIPT"),
    reason="starts a second JVM (~20 s); set SEISHO_SPARK_SCRIPT=1 to run",
)
def test_script(inputs, tmp_path):
    """``python spark_normalize.py ...`` in its own process, as a user runs it."""
    out = tmp_path / "script_out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    proc = subprocess.run(
        [
            sys.executable, str(EXAMPLE), str(inputs["parquet"]), str(out),
            "--preset", "neologdn", "--master", "local[2]", "--partitions", "2",
        ],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"rows={len(ROWS)} " in proc.stdout, proc.stdout
    assert_same(read_output(out), expected({"preset": "neologdn"}))


def test_options_from_args():
    args = spark_normalize.parse_args(
        ["in", "out", "--preset", "neologdn", "--repeat", "2", "--disable", "a",
         "--disable", "b", "--keep-spaces", "--no-dictionary"]
    )
    assert spark_normalize.options_from_args(args) == {
        "preset": "neologdn", "repeat": 2, "disable": ["a", "b"], "remove_space": False,
        "dictionary": False,
    }
