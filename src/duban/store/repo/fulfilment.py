"""Reads for the fulfilment check (承诺兑现): a stored report's targets against the actuals of its year.

The actuals of a stored report's plan year come from the stored report of the
same region for the next year (its review), and from the progress reports
entered in the app (the latest achieved value of each task target). The
verdicts themselves are :func:`duban.ledger.yearly.fulfil_reports`; this
module only turns rows back into the model's figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from duban.ledger.actuals import progress_actuals
from duban.ledger.history import HistoryRow, region_history, same_region
from duban.ledger.settings import FulfilSettings, load_settings
from duban.ledger.yearly import fulfil_reports
from duban.model import Figure, Metadata, Report
from duban.model.fulfilment import Actual, Fulfilment
from duban.store.repo.progress import latest_values
from duban.store.tables import FigureRow, MainTargetRow, ReportRow, TaskRow, TaskTargetRow


@dataclass(slots=True)
class ReportFulfilment:
    """The verdicts on one stored report's targets and where the actuals came from."""

    report: ReportRow
    next_report: ReportRow | None
    results: list[Fulfilment]
    progress_count: int  # actuals taken from progress reports


def to_figure(row: FigureRow) -> Figure:
    """A stored figure as the model's :class:`Figure`."""
    return Figure(
        start=row.start, end=row.end, text=row.text, kind=row.kind, year=row.year, indicator=row.indicator,
        measure=row.measure, value=row.value, value_max=row.value_max, unit=row.unit, comparator=row.comparator,
        quote=row.quote, quote_start=row.quote_start, quote_end=row.quote_end, value_base=row.value_base,
        base_unit=row.base_unit, indicator_id=row.indicator_id, part=row.part, area=row.area, theme=row.theme,
        role=row.role,
    )


def to_report(row: ReportRow) -> Report:
    """The parts of a stored report the fulfilment check reads: metadata and the main-targets span."""
    report = Report(
        text=row.text, metadata=Metadata(title=row.title, region=row.region, region_full=row.region_full,
                                         level=row.level, year=row.year, review_year=row.review_year),
        sections=[], paragraphs=[], sentences=[], glossary=[], body_end=row.body_end,
    )
    return report


def report_figures(*, session: Session, report_id: int) -> list[Figure]:
    rows = session.scalars(
        select(FigureRow).where(FigureRow.report_id == report_id).order_by(FigureRow.start, FigureRow.position)
    ).all()
    return [to_figure(r) for r in rows]


def main_target_figures(*, session: Session, report_id: int) -> list[Figure] | None:
    """The figures of the stored main expected targets, or None when none are stored."""
    rows = session.scalars(
        select(FigureRow)
        .join(MainTargetRow, MainTargetRow.figure_id == FigureRow.id)
        .where(MainTargetRow.report_id == report_id)
        .order_by(MainTargetRow.position)
    ).all()
    return [to_figure(r) for r in rows] or None


def next_report(*, session: Session, report: ReportRow) -> ReportRow | None:
    """The current stored report of the same region for the following year, if any."""
    if report.year is None:
        return None
    region = report.region_full or report.region
    candidates = session.scalars(
        select(ReportRow).where(ReportRow.year == report.year + 1, ReportRow.superseded_by_id.is_(None))
    ).all()
    for candidate in candidates:
        if same_region(candidate.region_full or candidate.region, region):
            return candidate
    return None


def report_progress_actuals(*, session: Session, report_id: int) -> list[Actual]:
    """The latest achieved value of every target of the report's tasks, as actuals."""
    targets = session.scalars(
        select(TaskTargetRow)
        .join(TaskRow, TaskRow.id == TaskTargetRow.task_id)
        .where(TaskRow.report_id == report_id, TaskTargetRow.retired.is_(False))
    ).all()
    if not targets:
        return []
    achieved = latest_values(session=session, task_ids={t.task_id for t in targets})
    figures: dict[str, Figure] = {}
    records: list[tuple[str, float]] = []
    for target in targets:
        value = achieved.get(target.task_id, {}).get(target.id)
        if value is None:
            continue
        figure_row = session.get(FigureRow, target.figure_id) if target.figure_id else None
        if figure_row is None:
            continue
        figures[str(target.id)] = to_figure(figure_row)
        records.append((str(target.id), value))
    return progress_actuals(records, figures)


def fulfilment_of_report(
    *, session: Session, report_id: int, settings: FulfilSettings | None = None, with_progress: bool = True
) -> ReportFulfilment | None:
    """Every quantified target of a stored report judged, or None when there is no such report.

    ``with_progress`` False leaves out the progress reports (the public page
    shows only what the reports themselves state).
    """
    row = session.get(ReportRow, report_id)
    if row is None:
        return None
    settings = settings or load_settings()
    following = next_report(session=session, report=row)
    progress = report_progress_actuals(session=session, report_id=row.id) if with_progress else []
    results = fulfil_reports(
        to_report(row), report_figures(session=session, report_id=row.id),
        to_report(following) if following is not None else None,
        report_figures(session=session, report_id=following.id) if following is not None else (),
        progress, settings, main_target_figures(session=session, report_id=row.id),
    )
    return ReportFulfilment(row, following, results, len(progress))


def report_to_judge(*, session: Session) -> ReportRow | None:
    """The report whose fulfilment is news: the newest one the next year's report reviews, else the newest."""
    rows = session.scalars(
        select(ReportRow).where(ReportRow.superseded_by_id.is_(None)).order_by(ReportRow.year.desc().nulls_last(),
                                                                                ReportRow.id)
    ).all()
    for row in rows:
        if next_report(session=session, report=row) is not None:
            return row
    return rows[0] if rows else None


def regions_stored(*, session: Session) -> list[str]:
    """Every region with a current stored report, longest name kept for each."""
    from duban.ledger.history import regions

    rows = session.scalars(select(ReportRow).where(ReportRow.superseded_by_id.is_(None))).all()
    return regions([to_report(r) for r in rows])


def history_of_region(
    *, session: Session, region: str, indicator: str, measure: str | None = None,
    settings: FulfilSettings | None = None,
) -> list[HistoryRow]:
    """The target and actual of one indicator for every year the stored reports of ``region`` cover."""
    rows: Sequence[ReportRow] = session.scalars(
        select(ReportRow).where(ReportRow.superseded_by_id.is_(None)).order_by(ReportRow.year)
    ).all()
    chosen = [r for r in rows if same_region(r.region_full or r.region, region)]
    reports = [(to_report(r), report_figures(session=session, report_id=r.id)) for r in chosen]
    return region_history(reports, indicator, measure, None, settings)
