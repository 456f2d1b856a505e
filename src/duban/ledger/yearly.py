"""Year-over-year fulfilment of whole reports: the targets of year N against year N+1's review.

The main expected targets are the target figures inside the report's main
targets span (``Report.main_targets``, or figures whose role says so); the
task-level targets are the other target figures of the plan part for year N.
Actuals are the ``actual`` figures of year N in the next report, plus any
imported or progress actuals. Pure: figures are handed in, nothing is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from duban.ledger.actuals import in_period_part, report_actuals
from duban.ledger.fulfil import combine, fulfil, group_by_clause
from duban.ledger.settings import FulfilSettings, load_settings
from duban.model.figure import Figure
from duban.model.fulfilment import Actual, Fulfilment
from duban.model.report import Report, Role

_TASK_ROLES = (Role.PLAN.value, Role.GOVERNANCE.value)


@dataclass(slots=True)
class Targets:
    """The quantified targets of one report's plan year, split by scope."""

    year: int | None
    main: list[Figure]
    task: list[Figure]


def report_name(report: Report) -> str:
    """How a report is cited as a source: 宁波市2020年政府工作报告, else its file name."""
    md = report.metadata
    if md.region and md.year:
        return f"{md.region}{md.year}年政府工作报告"
    if report.source is not None and report.source.name:
        return report.source.name
    return "政府工作报告"


def _in_main(report: Report, figure: Figure) -> bool:
    if figure.role == Role.MAIN_TARGETS.value:
        return True
    span = report.main_targets
    return span is not None and span[0] <= figure.start < span[1]


def report_targets(
    report: Report, figures: Sequence[Figure], main: Sequence[Figure] | None = None,
    settings: FulfilSettings | None = None,
) -> Targets:
    """The target figures of the plan year of ``report``: main expected targets and task-level ones.

    ``main`` overrides the main expected targets (e.g. from ``extract.main_targets``);
    otherwise they are the target figures inside the main-targets span. Target
    figures of other years, and task-level ones in a part about a five-year
    plan (“十四五”时期主要目标任务), are left out: they are not this year's.
    """
    settings = settings or load_settings()
    year = report.metadata.year
    main_list = list(main) if main is not None else [f for f in figures if f.kind == "target" and _in_main(report, f)]
    main_starts = {(f.start, f.indicator) for f in main_list}
    task: list[Figure] = []
    for f in figures:
        if f.kind != "target" or (f.start, f.indicator) in main_starts or _in_main(report, f):
            continue
        if year is not None and f.year is not None and f.year != year:
            continue
        if f.role is not None and f.role not in _TASK_ROLES:
            continue
        if in_period_part(f, settings):
            continue
        task.append(f)
    main_list = [f for f in main_list if year is None or f.year is None or f.year == year]
    return Targets(year, main_list, task)


def fulfil_reports(
    report_n: Report,
    figures_n: Sequence[Figure],
    report_n1: Report | None = None,
    figures_n1: Sequence[Figure] = (),
    extra_actuals: Sequence[Actual] = (),
    settings: FulfilSettings | None = None,
    main: Sequence[Figure] | None = None,
) -> list[Fulfilment]:
    """Every quantified target of ``report_n``'s year, judged: main targets first, then task-level ones.

    Actuals come from ``report_n1``'s figures of that year (when given) and
    ``extra_actuals`` (an imported sheet, progress reports); the extra ones
    come first, so an office's statistics win over the review's wording.
    """
    settings = settings or load_settings()
    targets = report_targets(report_n, figures_n, main, settings)
    year = targets.year or (report_n1.metadata.review_year if report_n1 is not None else None)
    actuals: list[Actual] = list(extra_actuals)
    if report_n1 is not None and year is not None:
        actuals += report_actuals(figures_n1, year, report_name(report_n1), settings)
    results = fulfil(targets.main, actuals, settings, scope="main")
    results += fulfil(targets.task, actuals, settings, scope="task")
    for group in group_by_clause(results):
        if len(group) > 1:
            verdict, reason = combine(group)
            for result in group:
                result.clause_verdict, result.clause_reason = verdict, reason
    return results
