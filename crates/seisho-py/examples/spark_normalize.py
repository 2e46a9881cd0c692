#!/usr/bin/env python3
"""Normalize one text column of a Parquet or JSON Lines dataset with seisho on PySpark.

The column goes through a vectorized UDF (``pandas_udf``): Spark hands each Python worker
the column in Arrow record batches (``spark.sql.execution.arrow.maxRecordsPerBatch`` rows,
10,000 by default), the UDF sees each batch as one ``pandas.Series`` and makes **one**
``Normalizer.normalize_batch(texts, threads=1)`` call for the batch's non-null values; nulls
stay null. ``threads=1`` because Spark already runs one task per executor core: letting each
task start its own thread pool would oversubscribe the cores.

The ``seisho.Normalizer`` is made once per Python worker process and kept in a module-level
dict of this file (keyed by its options): Spark reuses its Python workers between tasks
(``spark.python.worker.reuse``, on by default), so every batch and every task after the
first finds it there. For that cache to outlive one task this file must be importable on the
executors as a module, which :func:`normalize_dataframe` arranges with ``addPyFile`` (a
plain ``.py`` file ships fine that way; the ``seisho`` wheel itself does not: see
``SPARK.md``).

Run it (the ``seisho`` wheel, ``pyspark`` 4.x, ``pandas`` and ``pyarrow`` installed, Java 17)::

    python spark_normalize.py in.parquet out.parquet
    python spark_normalize.py docs.jsonl out.parquet --format json --column body \\
        --preset neologdn --repeat 2 --master 'local[4]'
    spark-submit --master yarn --archives seisho_env.tar.gz#environment \
        spark_normalize.py hdfs:///in hdfs:///out        # master: spark-submit's

The output is Parquet: every input column, with ``--column`` replaced by its normalized text
(or the normalized text added as ``--output-column``). At the end it prints the rows
written and the seconds taken (from reading the input to the last Parquet file written;
the JVM's start is not counted). ``--master`` defaults to ``local[2]`` when the script is run
with ``python`` and to spark-submit's ``--master`` when spark-submit runs it.

As a library (what the tests do)::

    from spark_normalize import normalize_dataframe, run_job
    out_df = normalize_dataframe(df, "text", {"preset": "neologdn"})
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd

# Normalizers made in this process, by their options (see `_normalizer`).
_NORMALIZERS: dict[tuple, Any] = {}
# How many Normalizers this process has made, and how many batches it has normalized, by
# options (the tests check that a worker process makes one Normalizer for many tasks).
_MADE: dict[tuple, int] = {}
_BATCHES: dict[tuple, int] = {}

# The name under which `addPyFile` makes this file importable on the executors.
_MODULE_NAME = Path(__file__).stem


def _options_key(options: dict[str, Any]) -> tuple:
    """A hashable key for a dict of Normalizer options (lists become tuples)."""
    return tuple(
        sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in options.items())
    )


def _normalizer(key: tuple):
    """The process's `seisho.Normalizer` for these options, made on first use."""
    n = _NORMALIZERS.get(key)
    if n is None:
        import seisho

        kwargs: dict[str, Any] = {k: list(v) if isinstance(v, tuple) else v for k, v in key}
        n = seisho.Normalizer(**kwargs)
        _NORMALIZERS[key] = n
        _MADE[key] = _MADE.get(key, 0) + 1
    return n


def normalize_series(texts: pd.Series, key: tuple) -> pd.Series:
    """Normalize one batch: a pandas Series of str and nulls (None or NaN) to an object Series
    of the normalized str, nulls kept in place, with one ``normalize_batch`` call."""
    _BATCHES[key] = _BATCHES.get(key, 0) + 1
    values = texts.tolist()
    n = _normalizer(key)
    # Plain lists rather than boolean masks: a third of the cost otherwise.
    keep = [i for i, v in enumerate(values) if isinstance(v, str)]
    if len(keep) == len(values):
        result: list[str | None] = list(n.normalize_batch(values, threads=1))
    else:
        result = [None] * len(values)
        if keep:
            for i, v in zip(keep, n.normalize_batch([values[i] for i in keep], threads=1)):
                result[i] = v
    return pd.Series(result, index=texts.index, dtype=object)


def make_udf(options: dict[str, Any]):
    """A ``pandas_udf`` (string -> string) normalizing with ``seisho.Normalizer(**options)``."""
    from pyspark.sql.functions import pandas_udf

    key = _options_key(options)
    module_name = _MODULE_NAME

    @pandas_udf("string")  # type: ignore[call-overload]
    def seisho_normalize(texts: pd.Series) -> pd.Series:
        # Imported by name on the worker, so that the Normalizer cache is the module's (alive
        # as long as the worker process) and not a copy pickled with this function.
        try:
            mod = importlib.import_module(module_name)
        except ImportError:  # not shipped: fall back to the pickled copy (a cache per task)
            return normalize_series(texts, key)
        return mod.normalize_series(texts, key)

    return seisho_normalize


def normalize_dataframe(
    df, column: str, options: dict[str, Any], output_column: str | None = None
):
    """`df` with `column` normalized (in place, or into `output_column`)."""
    spark = df.sparkSession
    _ship_self(spark)
    udf = make_udf(options)
    from pyspark.sql.functions import col

    return df.withColumn(output_column or column, udf(col(column)))


_SHIPPED: set[str] = set()


def _ship_self(spark) -> None:
    """Make this file importable on the executors (once per Spark application)."""
    sc = spark.sparkContext
    if sc.applicationId not in _SHIPPED:
        sc.addPyFile(os.path.abspath(__file__))
        _SHIPPED.add(sc.applicationId)


def read_input(spark, path: str, fmt: str):
    if fmt == "parquet":
        return spark.read.parquet(path)
    if fmt == "json":
        return spark.read.json(path)  # JSON Lines: one object per line
    raise ValueError(f"unknown format {fmt!r}")


def run_job(
    spark,
    input_path: str,
    output_path: str,
    *,
    fmt: str = "parquet",
    column: str = "text",
    options: dict[str, Any] | None = None,
    output_column: str | None = None,
    partitions: int | None = None,
) -> tuple[int, float]:
    """Read, normalize, write Parquet (overwriting `output_path`); return (rows, seconds)."""
    start = time.perf_counter()
    df = read_input(spark, input_path, fmt)
    if column not in df.columns:
        raise SystemExit(f"no column {column!r} in {input_path} (columns: {df.columns})")
    if partitions:
        df = df.repartition(partitions)
    out = normalize_dataframe(df, column, options or {}, output_column)
    out.write.mode("overwrite").parquet(output_path)
    seconds = time.perf_counter() - start
    # Counting the written Parquet reads only its footers.
    rows = spark.read.parquet(output_path).count()
    return rows, seconds


def options_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The Normalizer options given on the command line (the unset ones are left to the preset)."""
    options: dict[str, Any] = {"preset": args.preset}
    for name in (
        "repeat",
        "wave_dash",
        "tilde",
        "max_repeat_substr_length",
        "enable",
        "disable",
        "only",
        "compat",
    ):
        value = getattr(args, name)
        if value is not None:
            options[name] = value
    if args.unsafe_fixes:
        options["unsafe_fixes"] = True
    if args.no_dictionary:
        options["dictionary"] = False
    if args.collapse_exclamations:
        options["collapse_exclamations"] = True
    if args.keep_spaces:
        options["remove_space"] = False
    return options


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Normalize a text column of a Parquet or JSON Lines dataset with seisho "
        "on Spark; writes Parquet.",
    )
    p.add_argument("input", help="input path (file or directory; any path Spark reads)")
    p.add_argument("output", help="output directory of Parquet files (overwritten)")
    p.add_argument("--format", dest="fmt", choices=("parquet", "json"), default="parquet",
                   help="input format; json means JSON Lines (default: parquet)")
    p.add_argument("--column", default="text", help="the column to normalize (default: text)")
    p.add_argument("--output-column", default=None,
                   help="write the normalized text to this column instead of replacing --column")
    p.add_argument("--preset", choices=("seisho", "neologdn"), default="seisho")
    p.add_argument("--master", default=None,
                   help="Spark master (default: local[2], or spark-submit's --master when "
                   "run by spark-submit)")
    p.add_argument("--partitions", type=int, default=None,
                   help="repartition the input into N partitions first (a shuffle)")
    p.add_argument("--batch-size", type=int, default=None,
                   help="rows per Arrow batch (spark.sql.execution.arrow.maxRecordsPerBatch)")
    g = p.add_argument_group("normalizer options (see seisho.Normalizer)")
    g.add_argument("--repeat", type=int, default=None,
                   help="shorten runs of a repeated character/substring to N (0: off)")
    g.add_argument("--max-repeat-substr-length", type=int, default=None)
    g.add_argument("--tilde", choices=("remove", "ignore", "normalize", "normalize_zenkaku"),
                   default=None)
    g.add_argument("--wave-dash", choices=("wave-dash", "fullwidth-tilde"), default=None)
    g.add_argument("--enable", action="append", default=None, metavar="RULE")
    g.add_argument("--disable", action="append", default=None, metavar="RULE")
    g.add_argument("--only", action="append", default=None, metavar="RULE")
    g.add_argument("--compat", action="append", default=None, metavar="NAME")
    g.add_argument("--unsafe-fixes", action="store_true")
    g.add_argument("--no-dictionary", action="store_true")
    g.add_argument("--collapse-exclamations", action="store_true")
    g.add_argument("--keep-spaces", action="store_true", help="remove_space=False (neologdn)")
    return p.parse_args(argv)


def build_session(
    master: str | None, app_name: str = "seisho-normalize", batch_size: int | None = None
):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
        if master.startswith("local"):
            # Local Python workers run the interpreter that runs this script (the one with
            # seisho installed), unless told otherwise. On a cluster, see SPARK.md.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            # A local run needs no network: keep the driver on the loopback address.
            builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config(
                "spark.driver.host", "127.0.0.1"
            )
    builder = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true")
    if batch_size:
        builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch_size))
    return builder.getOrCreate()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    options = options_from_args(args)
    from pyspark.sql import SparkSession

    # Inside a program that already has a session (a notebook, a test), use it and leave it
    # running; otherwise make one and stop it at the end.
    active = SparkSession.getActiveSession()
    master = args.master
    if master is None and not os.environ.get("PYSPARK_GATEWAY_PORT"):
        # Not launched by spark-submit (which starts the JVM first and says where): local.
        master = "local[2]"
    spark = active or build_session(master or None, batch_size=args.batch_size)
    if active is not None and args.batch_size:
        spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_size))
    used_master = spark.sparkContext.master
    try:
        rows, seconds = run_job(
            spark,
            args.input,
            args.output,
            fmt=args.fmt,
            column=args.column,
            options=options,
            output_column=args.output_column,
            partitions=args.partitions,
        )
    finally:
        if active is None:
            spark.stop()
    rate = rows / seconds if seconds > 0 else float("inf")
    print(
        f"rows={rows} seconds={seconds:.3f} rows_per_s={rate:.0f} master={used_master} "
        f"output={args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
