"""``duban parse [FILE] [--json]``: show what the parser finds in a report.

Without ``--json`` it prints a readable outline (metadata, the section tree
with roles and theme counts, counts of paragraphs, sentences and glossary
terms); with ``--json`` the whole document model (``docs/report-json.md``).
FILE defaults to the embedded sample report.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from duban.cli.app import app, guarded
from duban.ingest import read_report, sample_path
from duban.model import Report, Section, SectionKind
from duban.model.report_json import report_to_dict
from duban.parse import parse as parse_source

_ROLE_LABELS = {
    "preamble": "开篇",
    "review": "回顾",
    "plan": "计划",
    "main_targets": "主要预期目标",
    "governance": "政府建设",
    "annex": "附件",
}


def _label(section: Section) -> str:
    number = f"{section.number} " if section.number else ""
    themes = sum(1 for c in section.children if c.kind is SectionKind.THEME)
    extra = f"  [dim]{themes} themes[/dim]" if themes else ""
    role = _ROLE_LABELS.get(section.role.value, section.role.value)
    return f"{number}{section.title}  [cyan]({role})[/cyan]  [dim]@{section.start}[/dim]{extra}"


def _add(tree: Tree, section: Section) -> None:
    node = tree.add(_label(section))
    for child in section.children:
        if child.kind is not SectionKind.THEME:
            _add(node, child)


def _outline(report: Report, console: Console) -> None:
    m = report.metadata
    table = Table(show_header=False, box=None, padding=(0, 2))
    rows = [
        ("title", m.title),
        ("region", m.region),
        ("full region", m.region_full),
        ("level", m.level),
        ("region code", m.region_code),
        ("year", m.year),
        ("review year", m.review_year),
        ("delivered on", m.delivered_on),
        ("session", m.session),
        ("speaker", " ".join(x for x in (m.speaker_title, m.speaker_name) if x) or None),
    ]
    for key, value in rows:
        table.add_row(f"[bold]{key}[/bold]", "—" if value is None else str(value))
    console.print(table)
    tree = Tree(f"[bold]sections[/bold] (body ends @{report.body_end})")
    for section in report.sections:
        _add(tree, section)
    console.print(tree)
    if report.main_targets:
        start, end = report.main_targets
        snippet = report.text[start : min(end, start + 60)].replace("\n", " ")
        console.print(f"[bold]main targets[/bold] @{start}–{end}: {snippet}…")
    else:
        console.print("[bold]main targets[/bold]: —")
    console.print(
        f"{len(report.paragraphs)} paragraphs, {len(report.sentences)} sentences, "
        f"{len(report.glossary)} glossary terms"
    )


@app.command()
@guarded
def parse(
    file: Annotated[Path | None, typer.Argument(help="Report file (default: the embedded sample).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole document model as JSON.")] = False,
) -> None:
    """Parse a report and show its metadata and section tree."""
    report = parse_source(read_report(file if file is not None else sample_path()))
    if as_json:
        sys.stdout.write(json.dumps(report_to_dict(report), ensure_ascii=False, indent=1))
        sys.stdout.write("\n")
        return
    _outline(report, Console())
