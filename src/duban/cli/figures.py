"""``duban figures [FILE] [--table]``: every figure of a report.

Prints one JSON object per line (the fields of spec/figures.md, then
value_base, indicator_id and the section the figure sits in); ``--table``
prints a readable table instead. FILE defaults to the embedded sample report.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from duban.cli.app import app, guarded
from duban.extract import extract_figures
from duban.ingest import read_report, sample_path
from duban.model import Figure
from duban.parse import parse as parse_source


def _console() -> Console:
    """A console wide enough for the table, also when piped (rich then assumes 80 columns)."""
    return Console() if sys.stdout.isatty() else Console(width=200)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.6g}"


def print_table(figures: list[Figure], console: Console) -> None:
    """A readable table of figures (shared with ``duban targets``)."""
    table = Table(show_lines=False)
    for column in ("@", "text", "kind", "year", "indicator", "measure", "value", "unit", "cmp", "id", "area"):
        table.add_column(column, overflow="fold")
    for f in figures:
        value = _number(f.value) + (f"–{_number(f.value_max)}" if f.value_max is not None else "")
        table.add_row(str(f.start), f.text, f.kind, str(f.year or ""), f.indicator, f.measure, value,
                      f.unit or "", f.comparator, f.indicator_id or "", (f.area or f.part or "")[:16])
    console.print(table)


@app.command()
@guarded
def figures(
    file: Annotated[Path | None, typer.Argument(help="Report file (default: the embedded sample).")] = None,
    table: Annotated[bool, typer.Option("--table", help="Print a readable table instead of JSON lines.")] = False,
) -> None:
    """Extract every figure of a report (one JSON object per line)."""
    report = parse_source(read_report(file if file is not None else sample_path()))
    found = extract_figures(report)
    if table:
        print_table(found, _console())
        return
    out = sys.stdout
    for f in found:
        out.write(json.dumps(f.to_dict(), ensure_ascii=False))
        out.write("\n")
