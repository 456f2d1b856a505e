"""Actuals from their three sources, as :class:`~duban.model.fulfilment.Actual`.

1. the review of the report of year N+1: its ``actual`` figures of year N;
2. an imported statistics sheet (rows read by :mod:`duban.export.actuals_in`);
3. the app's progress reports: plain (target id or indicator, value) records.

Pure: the caller reads files and the database and hands the records in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from duban.ledger.settings import FulfilSettings, load_settings
from duban.model.figure import Figure
from duban.model.fulfilment import Actual

_YEAR = re.compile(r"(19|20)\d\d年")


def is_period_total(figure: Figure, settings: FulfilSettings) -> bool:
    """An amount added up over several years: 累计完成…, or in a multi-year review part (过去五年 … 新增城镇就业123.4万人)."""
    if figure.measure == "level" and figure.indicator.startswith(settings.cumulative_prefixes):
        return True
    if not in_period_part(figure, settings):
        return False
    return figure.measure == "level" and figure.indicator.startswith(settings.flow_prefixes)


def in_period_part(figure: Figure, settings: FulfilSettings) -> bool:
    """The figure stands in a part about a multi-year period (“十四五”时期主要目标任务, 过去五年) and no single year."""
    part = figure.part or ""
    return any(cue in part for cue in settings.period_part_cues) and not _YEAR.search(part)


def report_actuals(
    figures: Iterable[Figure], year: int, source: str, settings: FulfilSettings | None = None
) -> list[Actual]:
    """The ``actual`` figures of ``year`` (those without a year count as that year) from one report.

    Multi-year averages (年均增长) and totals over a multi-year review part are
    marked ``period_average`` so that they are never taken for one year's value.
    """
    settings = settings or load_settings()
    out: list[Actual] = []
    for f in figures:
        if f.kind != "actual" or (f.year is not None and f.year != year):
            continue
        actual = Actual.from_figure(f, source, settings.average_cues)
        if is_period_total(f, settings):
            actual.period_average = True
        out.append(actual)
    return out


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
        target: Figure | None = targets.get(key) or by_name.get(key)
        if target is None:
            continue
        latest[key] = Actual(
            indicator=target.indicator,
            measure=target.measure,
            value=float(value),
            unit=target.unit,
            year=target.year,
            source=source,
            quote=f"{source}：{target.indicator} {value:g}{target.unit or ''}",
            indicator_id=target.indicator_id,
        )
    return list(latest.values())
