"""``duban fulfil`` and ``duban history``: were the targets met, and a region's record.

``duban fulfil REPORT_N REPORT_N1`` judges the targets of REPORT_N's year
against the actuals REPORT_N1 reviews; ``--actuals FILE.csv`` (or .xlsx) adds
or replaces them with an office's statistics sheet. Output: a table, or
``--json`` (one object per target), and ``--xlsx OUT`` writes the
主要预期目标和工作任务完成情况对照表.

``duban history DIR --indicator gdp --measure growth`` lists, for one region,
the target and the actual of every year the reports in DIR cover.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from duban.cli.app import app, guarded
from duban.errors import DubanError, ErrorCode
from duban.export.actuals_in import read_actuals
from duban.export.fulfilment_xlsx import write_fulfilment_xlsx
from duban.ingest import read_report
from duban.ledger.fulfil import tally
from duban.ledger.history import region_history, regions
from duban.ledger.settings import load_settings
from duban.ledger.verdict import describe_target, show, show_measured
from duban.ledger.yearly import fulfil_reports, report_name
from duban.model import Figure, Report
from duban.model.fulfilment import VERDICT_LABELS, Fulfilment, Pairing, Verdict
from duban.parse import parse as parse_source

_COLOURS = {
    Verdict.MET: "green",
    Verdict.MISSED: "red",
    Verdict.PARTLY: "yellow",
    Verdict.NOT_COMPARABLE: "blue",
    Verdict.NO_DATA: "dim",
}
_REPORT_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")


def _main_figures(found: Any) -> list[Figure] | None:
    """The target figures of whatever ``extract.main_targets`` returns (figures, or an object holding them)."""
    if found is None:
        return None
    for attr in ("figures", "quantified", "targets"):
        if hasattr(found, attr):
            found = getattr(found, attr)
            break
    try:
        items = list(found)
    except TypeError:
        return None
    figures = [f for f in items if isinstance(f, Figure)]
    return figures if len(figures) == len(items) else None


def load(path: Path) -> tuple[Report, list[Figure], list[Figure] | None]:
    """Read, parse and extract one report: the report, its figures and its main target figures."""
    report = parse_source(read_report(path))
    try:
        from duban import extract
    except ImportError:
        raise DubanError(ErrorCode.EXTRACT_FAILED, path, detail="figure extraction is not installed") from None
    figures = list(extract.extract_figures(report))
    main = _main_figures(extract.main_targets(report, figures)) if hasattr(extract, "main_targets") else None
    return report, figures, main


def _table(results: list[Fulfilment], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for name in ("#", "类别", "指标", "目标", "实际", "完成情况"):
        table.add_column(name, no_wrap=True)
    table.add_column("说明", overflow="fold", min_width=24)
    for i, r in enumerate(results, start=1):
        colour = _COLOURS[r.verdict]
        actual = show_measured(r.actual.value, r.actual.unit, r.actual.measure) if r.actual is not None else "—"
        flag = " ?" if r.pairing is Pairing.UNCERTAIN else ""
        table.add_row(
            str(i), "主要目标" if r.scope == "main" else "工作任务", r.target.indicator,
            describe_target(r.target), actual, f"[{colour}]{VERDICT_LABELS[r.verdict]}{flag}[/{colour}]", r.reason,
        )
    return table


@app.command()
@guarded
def fulfil(
    report_n: Annotated[Path, typer.Argument(help="The report of year N (its targets).")],
    report_n1: Annotated[Path | None, typer.Argument(help="The report of year N+1 (its review).")] = None,
    actuals: Annotated[
        Path | None, typer.Option("--actuals", help="CSV/Excel: indicator, measure, value, unit, year, source.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per target.")] = False,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Write the 完成情况对照表 to this .xlsx file.")] = None,
    scope: Annotated[str, typer.Option(help="main, task or all targets.")] = "all",
    tolerance: Annotated[
        float | None, typer.Option(help="左右 band in percentage points (default from fulfil.yaml: 0.5).")
    ] = None,
) -> None:
    """Judge the targets of year N: met, missed, partly, not comparable, no data."""
    if report_n1 is None and actuals is None:
        raise DubanError(ErrorCode.UNREADABLE, report_n, detail="give the report of year N+1 or --actuals FILE")
    if scope not in ("main", "task", "all"):
        raise DubanError(ErrorCode.UNREADABLE, None, detail=f"--scope must be main, task or all, not {scope}")
    settings = load_settings(tolerance)
    extra = read_actuals(actuals) if actuals is not None else []
    report, figures, main = load(report_n)
    report1: Report | None = None
    figures1: list[Figure] = []
    if report_n1 is not None:
        report1, figures1, _ = load(report_n1)
    results = fulfil_reports(report, figures, report1, figures1, extra, settings, main)
    if scope != "all":
        results = [r for r in results if r.scope == scope]
    sources = [report_name(report1)] if report1 is not None else []
    if actuals is not None:
        sources.append(actuals.name)
    subtitle = f"{report.metadata.region or ''}{report.metadata.year or ''}年目标；实际数据来源：{'、'.join(sources)}"
    if xlsx is not None:
        write_fulfilment_xlsx(results, xlsx, subtitle)
    if as_json:
        sys.stdout.write(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=1) + "\n")
        return
    console = Console()
    console.print(_table(results, f"{report_name(report)}：主要预期目标和工作任务完成情况"))
    console.print(subtitle)
    counts = tally(results)
    console.print("  ".join(f"{VERDICT_LABELS[Verdict(k)]} {v}" for k, v in counts.items()))
    if xlsx is not None:
        console.print(f"已写入 {xlsx}")


@app.command()
@guarded
def history(
    folder: Annotated[Path, typer.Argument(help="A folder of one region's reports (or several regions').")],
    indicator: Annotated[str, typer.Option(help="Indicator text or id: 地区生产总值, gdp …")],
    measure: Annotated[str | None, typer.Option(help="level, growth or rate.")] = None,
    region: Annotated[str | None, typer.Option(help="Region, when the folder holds several.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per year.")] = False,
) -> None:
    """A region's target and actual of one indicator for every year the reports cover."""
    if not folder.is_dir():
        raise DubanError(ErrorCode.NOT_FOUND, folder)
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in _REPORT_SUFFIXES)
    loaded = [load(p) for p in paths]
    reports = [(r, figs) for r, figs, _ in loaded]
    found = regions([r for r, _ in reports])
    if region is None and len(found) > 1:
        raise DubanError(ErrorCode.UNREADABLE, folder, detail=f"several regions ({'、'.join(found)}): use --region")
    rows = region_history(reports, indicator, measure, region)
    if as_json:
        out = [
            {
                "year": row.year,
                "target": None if row.target is None else {
                    "value": row.target.value, "value_max": row.target.value_max, "unit": row.target.unit,
                    "comparator": row.target.comparator, "quote": row.target.quote, "source": row.target_source},
                "actual": None if row.actual is None else {
                    "value": row.actual.value, "unit": row.actual.unit, "source": row.actual.source,
                    "quote": row.actual.quote},
                "verdict": row.verdict.value,
                "reason": row.reason,
            }
            for row in rows
        ]
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
        return
    table = Table(title=f"{region or (found[0] if found else '')} {indicator}{f'（{measure}）' if measure else ''}")
    for name in ("年份", "目标", "实际", "完成情况", "说明"):
        table.add_column(name, overflow="fold")
    for row in rows:
        colour = _COLOURS[row.verdict]
        table.add_row(
            str(row.year),
            describe_target(row.target) if row.target else "—",
            show(row.actual.value, row.actual.unit) if row.actual else "—",
            f"[{colour}]{VERDICT_LABELS[row.verdict]}[/{colour}]",
            row.reason,
        )
    Console().print(table)
