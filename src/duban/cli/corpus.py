"""``duban corpus DIR --out OUT`` and ``duban corpus-summary OUT``.

``corpus`` turns every report under DIR into the tables reports, figures,
main_targets, tasks and errors (Parquet by default, CSV with ``--format``),
in parallel, resuming where an earlier run into the same OUT stopped.
``corpus-summary`` prints an overview of such an output folder.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from duban.cli.app import app, guarded
from duban.corpus.progress import make_reporter
from duban.corpus.runner import DEFAULT_TIME_LIMIT, run_corpus
from duban.corpus.summary import render, summarize


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class Format(str, Enum):
    parquet = "parquet"
    csv = "csv"
    both = "both"


@app.command()
@guarded
def corpus(
    folder: Annotated[Path, typer.Argument(help="Folder of reports (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for the tables.")],
    fmt: Annotated[Format, typer.Option("--format", help="Table file format.")] = Format.parquet,
    engine: Annotated[Engine, typer.Option(help="local: a process pool; dask: a Dask cluster.")] = Engine.local,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (tcp://host:8786), with --engine dask.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (local engine; default: all cores).")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Files per part written to disk.")] = 200,
    db: Annotated[
        str | None, typer.Option(help="Also import every parsed report into this database URL.")
    ] = None,
    time_limit: Annotated[
        float, typer.Option(min=0, help="Seconds one file may take before it is stopped (D607); 0: no limit.")
    ] = DEFAULT_TIME_LIMIT,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Turn a folder of reports into tidy tables, in parallel; resume an interrupted run."""
    formats = ("parquet", "csv") if fmt is Format.both else (fmt.value,)
    stats = run_corpus(
        folder,
        out,
        engine=engine.value,
        workers=workers,
        scheduler=scheduler,
        formats=formats,
        batch_size=batch_size,
        reporter=make_reporter(quiet),
        db=db,
        time_limit=time_limit or None,
    )
    errors = sum(stats.errors.values())
    by_code = ", ".join(f"{code} {n}" for code, n in sorted(stats.errors.items()))
    typer.echo(
        f"{stats.found} files: {stats.skipped} already done, {stats.processed} processed "
        f"({stats.parsed} parsed, {errors} errors{': ' + by_code if by_code else ''}) "
        f"in {stats.seconds:.1f}s with {stats.workers} workers"
    )
    for path in stats.written:
        typer.echo(f"wrote {path}")


@app.command("corpus-summary")
@guarded
def corpus_summary(
    out: Annotated[Path, typer.Argument(help="Output folder of `duban corpus`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the overview as JSON.")] = False,
    top: Annotated[int, typer.Option(min=1, help="How many indicators to list.")] = 15,
) -> None:
    """Overview of a corpus run: reports by level and year, figures, main targets, errors by code."""
    summary = summarize(out, top=top)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        render(summary, Console())
