"""Actuals from their three sources, as :class:`~duban.model.fulfilment.Actual`.

1. the review of the report of year N+1: its ``actual`` figures of year N;
2. an imported statistics sheet (rows read by :mod:`duban.export.actuals_in`);
3. the app's progress reports: plain (target id or indicator, value) records.

Pure: the caller reads files and the database and hands the records in.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from duban.model.figure import Figure
from duban.model.fulfilment import Actual


def report_actuals(
    figures: Iterable[Figure], year: int, source: str, average_cues: tuple[str, ...] = ()
) -> list[Actual]:
    """The ``actual`` figures of ``year`` (those without a year count as that year) from one report.

    ``average_cues`` (年均 …, from the fulfilment settings) mark multi-year averages.
    """
    return [
        Actual.from_figure(f, source, average_cues)
        for f in figures
        if f.kind == "actual" and (f.year is None or f.year == year)
    ]


def progress_actuals(
    records: Iterable[tuple[str, float]],
    targets: Mapping[str, Figure],
    source: str = "进度报告",
) -> list[Actual]:
    """Actuals from progress reports: ``(key, achieved value)`` pairs.

    ``key`` is a target id of ``targets`` (the achieved value then takes that
    target's indicator, measure, unit, year and indicator id, so it pairs with
    it surely), or else an indicator name (the target whose indicator or
    indicator id is that name). A later record for the same key replaces an
    earlier one, so the latest achieved value wins. Keys that name no target
    are skipped: a progress report on a task without a figure has nothing to
    compare.
    """
    by_name: dict[str, Figure] = {}
    for figure in targets.values():
        by_name.setdefault(figure.indicator, figure)
        if figure.indicator_id:
            by_name.setdefault(figure.indicator_id, figure)
    latest: dict[str, Actual] = {}
    for key, value in records:
        figure = targets.get(key) or by_name.get(key)
        if figure is None:
            continue
        latest[key] = Actual(
            indicator=figure.indicator,
            measure=figure.measure,
            value=float(value),
            unit=figure.unit,
            year=figure.year,
            source=source,
            quote=f"{source}：{figure.indicator} {value:g}{figure.unit or ''}",
            indicator_id=figure.indicator_id,
        )
    return list(latest.values())
