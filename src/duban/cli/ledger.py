"""``duban ledger [FILE] [--json | --csv | --xlsx OUT.xlsx]``: the task ledger of a report.

Without options it prints the tasks grouped by area and theme, each with its
lead department, deadline and targets, then the coverage check. ``--json``
prints the whole ledger; ``--csv`` one row per task; ``--xlsx`` writes the
任务分解表 as offices print it. FILE defaults to the embedded sample report.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from duban.cli.app import app, guarded
from duban.export.xlsx_out import write_ledger_xlsx
from duban.extract import extract_figures
from duban.ingest import read_report, sample_path
from duban.ledger import build_ledger, load_catalogue
from duban.model import Ledger, Report
from duban.parse import parse as parse_source

CSV_FIELDS = ["seq", "id", "kind", "area_number", "area_title", "theme_title", "text", "targets",
              "lead", "co", "deadline", "deadline_text", "start", "end"]


def ledger_of(path: Path | None) -> tuple[Report, Ledger]:
    """Read, parse, extract and build: the ledger of ``path`` (default: the sample)."""
    report = parse_source(read_report(path if path is not None else sample_path()))
    catalogue = load_catalogue(report.metadata.level, report.metadata.region)
    return report, build_ledger(report, extract_figures(report), catalogue)


def _csv(ledger: Ledger) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for t in ledger.tasks:
        writer.writerow({
            "seq": t.seq, "id": t.id, "kind": t.kind, "area_number": t.area_number or "",
            "area_title": t.area_title or "", "theme_title": t.theme_title or "", "text": t.text,
            "targets": "; ".join(f"{f.indicator} {f.text}" for f in t.figures),
            "lead": "、".join(s.department for s in t.lead), "co": "、".join(s.department for s in t.co),
            "deadline": t.deadline or "", "deadline_text": t.deadline_text or "", "start": t.start, "end": t.end,
        })


def _print(ledger: Ledger, console: Console) -> None:
    console.print(f"[bold]{ledger.title}[/bold]")
    table = Table(show_lines=False, expand=True)
    for name, ratio in (("#", 1), ("work", 3), ("task", 10), ("targets", 3), ("lead", 2), ("deadline", 2)):
        table.add_column(name, ratio=ratio, overflow="fold")
    area = None
    for t in ledger.tasks:
        if (t.area_number, t.area_title) != area:
            area = (t.area_number, t.area_title)
            table.add_row("", f"[bold]{t.area_number or ''}{t.area_title or ''}[/bold]", "", "", "", "")
        table.add_row(str(t.seq), t.work, t.text, "\n".join(f.text for f in t.figures),
                      "、".join(s.department for s in t.lead), t.deadline or "")
    console.print(table)
    c = ledger.coverage
    verdict = "[green]passes[/green]" if c.ok else "[red]fails[/red]"
    console.print(
        f"{len(ledger.tasks)} tasks, {len(ledger.non_commitments)} sentences not commitments; "
        f"coverage {verdict}: {c.in_tasks} + {c.not_commitments} of {c.sentences} sentences, "
        f"{c.targets_in_tasks} of {c.targets} target figures in tasks"
    )


@app.command()
@guarded
def ledger(
    file: Annotated[Path | None, typer.Argument(help="Report file (default: the embedded sample).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole ledger as JSON.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print one CSV row per task.")] = False,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Write the 任务分解表 to this .xlsx file.")] = None,
) -> None:
    """Build the task ledger (任务分解表) of a report."""
    _, built = ledger_of(file)
    if xlsx is not None:
        write_ledger_xlsx(built, xlsx)
        print(f"{xlsx}: {len(built.tasks)} tasks, {len(built.targets)} targets", file=sys.stderr)
        return
    if as_json:
        sys.stdout.write(json.dumps(built.to_dict(), ensure_ascii=False, indent=1))
        sys.stdout.write("\n")
    elif as_csv:
        _csv(built)
    else:
        _print(built, Console())
