"""``duban targets [FILE] [--json]``: the main expected targets of a report.

Without ``--json`` it prints the quantified targets as a table and the
qualitative ones as a list; with ``--json`` one JSON object per line:
quantified targets with the figure fields, qualitative ones as
``{"qualitative": true, "text", "start", "end"}``. A report without a main
targets paragraph says so (on stderr for ``--json``, which then prints nothing).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from duban.cli.app import app, guarded
from duban.cli.figures import _console, print_table
from duban.extract import main_targets
from duban.ingest import read_report, sample_path
from duban.parse import parse as parse_source

NONE_FOUND = "本报告未列出主要预期目标 (no main expected targets paragraph found)"


@app.command()
@guarded
def targets(
    file: Annotated[Path | None, typer.Argument(help="Report file (default: the embedded sample).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Show the main expected targets (主要预期目标), quantified and qualitative."""
    report = parse_source(read_report(file if file is not None else sample_path()))
    result = main_targets(report)
    if not result.found:
        print(NONE_FOUND, file=sys.stderr if as_json else sys.stdout)
        return
    if as_json:
        for record in result.to_records():
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    console = _console()
    console.print(f"[bold]主要预期目标[/bold] @{result.start}–{result.end}")
    print_table(result.quantified, console)
    for item in result.qualitative:
        console.print(f"  · {item.text}  [dim]@{item.start}[/dim]")
