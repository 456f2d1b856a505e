"""A short overview of a corpus output folder (``duban corpus-summary``).

:func:`summarize` builds plain data (counts, by level and year, errors by
code, most common indicators); :func:`render` prints it with Rich. Only the
columns needed are read, so even the figures table of a large corpus loads
quickly.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table

from duban.corpus.parts import read_table
from duban.errors import MESSAGES, ErrorCode


def _columns(out: Path, table: str, columns: list[str]) -> dict[str, list[Any]]:
    parquet = out / f"{table}.parquet"
    t = pq.read_table(parquet, columns=columns) if parquet.is_file() else read_table(out, table).select(columns)
    return {c: t.column(c).to_pylist() for c in columns}


def _spread(values: list[int]) -> dict[str, float]:
    if not values:
        return {"total": 0, "mean": 0.0, "median": 0.0, "min": 0, "max": 0}
    return {
        "total": sum(values),
        "mean": round(statistics.fmean(values), 1),
        "median": float(statistics.median(values)),
        "min": min(values),
        "max": max(values),
    }


def summarize(out: Path, top: int = 15) -> dict[str, Any]:
    """Counts over the tables of ``out`` as plain data (JSON-ready)."""
    rep = _columns(
        out, "reports", ["file", "level", "year", "figures", "main_targets_found", "main_targets", "tasks"]
    )
    err = _columns(out, "errors", ["file", "code"])
    fig_ids = _columns(out, "figures", ["indicator", "indicator_id", "kind"])
    mains = _columns(out, "main_targets", ["file", "quantified", "indicator_id"])
    quantified_files = {f for f, q in zip(mains["file"], mains["quantified"]) if q}

    by_level_year: dict[str, dict[str, int]] = {}
    for level, year in zip(rep["level"], rep["year"]):
        row = by_level_year.setdefault(level or "unknown", {})
        key = str(year) if year is not None else "unknown"
        row[key] = row.get(key, 0) + 1
    indicators = Counter(
        ident or name for ident, name in zip(fig_ids["indicator_id"], fig_ids["indicator"]) if ident or name
    )
    codes = Counter(err["code"])
    return {
        "files": len(rep["file"]) + len(err["file"]),
        "parsed": len(rep["file"]),
        "errors": len(err["file"]),
        "with_year": sum(1 for y in rep["year"] if y is not None),
        "with_level": sum(1 for v in rep["level"] if v),
        "with_main_targets": sum(1 for found in rep["main_targets_found"] if found),
        "with_quantified_main_targets": len(quantified_files),
        "main_targets": len(mains["file"]),
        "main_targets_quantified": sum(1 for q in mains["quantified"] if q),
        "main_target_indicators": Counter(
            i for i, q in zip(mains["indicator_id"], mains["quantified"]) if q and i
        ).most_common(top),
        "with_tasks": sum(1 for n in rep["tasks"] if n),
        "figures_per_report": _spread(rep["figures"]),
        "tasks_per_report": _spread(rep["tasks"]),
        "figure_kinds": dict(Counter(k for k in fig_ids["kind"] if k).most_common()),
        "by_level_year": {lv: dict(sorted(ys.items())) for lv, ys in sorted(by_level_year.items())},
        "errors_by_code": {
            code: {"count": n, "message": _message(code)} for code, n in sorted(codes.items())
        },
        "top_indicators": indicators.most_common(top),
    }


def _message(code: str) -> str:
    """The code's message with its placeholders left out (``the file is empty``)."""
    try:
        template = MESSAGES[ErrorCode(code)]
    except ValueError:
        return ""
    return re.sub(r"\s*\(\{\w+\}[^)]*\)|\s*\{\w+\}", "", template)


def render(summary: dict[str, Any], console: Console | None = None) -> None:
    """Print the overview as a few small tables."""
    con = console or Console()
    s = summary
    con.print(
        f"[bold]{s['files']}[/] files: [green]{s['parsed']} parsed[/], [red]{s['errors']} errors[/]; "
        f"year found in {s['with_year']}, level in {s['with_level']}"
    )
    con.print(
        f"main expected targets found in [bold]{s['with_main_targets']}[/] of {s['parsed']} reports, "
        f"with figures in {s['with_quantified_main_targets']} "
        f"({s['main_targets']} targets, {s['main_targets_quantified']} quantified); "
        f"tasks in {s['with_tasks']} reports"
    )
    f, t = s["figures_per_report"], s["tasks_per_report"]
    con.print(
        f"figures: {f['total']} (per report mean {f['mean']}, median {f['median']}, max {f['max']}); "
        f"tasks: {t['total']} (mean {t['mean']}, median {t['median']})"
    )
    levels = list(s["by_level_year"])
    years = sorted({y for ys in s["by_level_year"].values() for y in ys})
    if years:
        table = Table(title="reports by year and level")
        table.add_column("year")
        for level in levels:
            table.add_column(level, justify="right")
        table.add_column("all", justify="right")
        for y in years:
            counts = [s["by_level_year"][lv].get(y, 0) for lv in levels]
            table.add_row(y, *(str(n or "") for n in counts), str(sum(counts)))
        con.print(table)
    if s["errors_by_code"]:
        table = Table(title="errors by code")
        for col in ("code", "files", "meaning"):
            table.add_column(col)
        for code, e in s["errors_by_code"].items():
            table.add_row(code, str(e["count"]), e["message"])
        con.print(table)
    if s["top_indicators"]:
        table = Table(title="most common indicators (figures)")
        table.add_column("indicator")
        table.add_column("figures", justify="right")
        for name, n in s["top_indicators"]:
            table.add_row(name, str(n))
        con.print(table)
