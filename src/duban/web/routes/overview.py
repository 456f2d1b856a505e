"""The overview: headline actuals and main targets as cards, status charts by area and department.

One context feeds the page (ECharts draws the charts from a JSON block, no
inline script) and ``/overview.json``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from duban.ledger.status import Colour
from duban.store.repo import figures, notices, pages, tasks
from duban.store.tables import AreaRow, ReportRow
from duban.web.deps import FreshColours, LoggedIn, SessionDep, SettingsDep, TodayDep
from duban.web.present import STATUS_LABELS
from duban.web.render import number_range, respond

router = APIRouter(tags=["总览"], dependencies=[FreshColours])

HEADLINE_ACTUALS = 8


def report_cards(session: Session, report: ReportRow) -> dict[str, Any]:
    """Headline actuals (from the review part) and the main expected targets."""
    actuals = [
        {"indicator": f.indicator, "value": number_range(f.value, f.value_max), "unit": f.unit or "", "text": f.text,
         "measure": f.measure, "quote": f.quote, "start": f.start, "end": f.end}
        for f in figures.list_figures(session=session, report_id=report.id, kind="actual", role="review")
        if f.indicator
    ][:HEADLINE_ACTUALS]
    targets = [
        {"indicator": t.indicator, "text": t.text, "value": number_range(t.value, t.value_max), "unit": t.unit or "",
         "comparator": t.comparator, "quantified": t.quantified, "start": t.start, "end": t.end}
        for t in figures.list_main_targets(session=session, report_id=report.id)
    ]
    return {"actuals": actuals, "main_targets": targets}


def area_labels(areas: Sequence[AreaRow]) -> list[str]:
    """Each area's number and title for a chart axis, told apart at a glance.

    A lead clause several areas share (（一）优治理、强执行，必须加强政治建设 …
    （五）优治理、强执行，必须严守廉洁底线) is dropped: cut to the axis width,
    those bars would all read the same.
    """
    heads = Counter(a.title.partition("，")[0] for a in areas if "，" in a.title)
    labels = []
    for a in areas:
        head, _, rest = a.title.partition("，")
        labels.append(f"{a.number or ''}{rest if rest and heads[head] > 1 else a.title}")
    return labels


def status_series(rows: list[tuple[str, dict[str, int]]]) -> dict[str, Any]:
    return {
        "categories": [name for name, _ in rows],
        "series": [
            {"status": c.value, "label": STATUS_LABELS[c.value], "values": [counts.get(c.value, 0) for _, counts in rows]}
            for c in Colour
        ],
    }


def overview_context(session: Session, today: dt.date, report: ReportRow | None) -> dict[str, Any]:
    if report is None:
        return {"title": "总览", "report": None}
    area_counts = tasks.count_by_area_and_status(session=session, report_id=report.id)
    by_area = list(zip(area_labels([a for a, _ in area_counts]), [c for _, c in area_counts], strict=True))
    by_department = [(d.name, c) for d, c in tasks.count_by_department_and_status(session=session, report_id=report.id)]
    by_department.sort(key=lambda item: -sum(item[1].values()))
    counts = tasks.count_by_status(session=session, report_id=report.id)
    overdue_notices = len(notices.list_notices(
        session=session, filters=notices.NoticeFilter(state="overdue"), today=today))
    return {
        "title": "总览",
        "today": today,
        "report": {"id": report.id, "title": report.title, "region": report.region, "year": report.year,
                   "delivered_on": report.delivered_on, "session": report.session},
        **report_cards(session, report),
        "status_counts": {c.value: counts.get(c.value, 0) for c in Colour},
        "total_tasks": sum(counts.values()),
        "open_notices": notices.count_open(session=session),
        "overdue_notices": overdue_notices,
        "charts": [
            {"id": "chart-area", "title": "各领域任务状态", **status_series(by_area)},
            {"id": "chart-department", "title": "各牵头单位任务状态", **status_series(by_department[:15])},
        ],
    }


@router.get("/", summary="总览")
@router.get("/overview.json", include_in_schema=False)
def overview(request: Request, session: SessionDep, settings: SettingsDep, user: LoggedIn, today: TodayDep,
             report_id: int | None = None) -> Response:
    report = pages.report_head(session=session, report_id=report_id)
    key = ("overview", report.id if report else None, today, settings.status_yellow_behind,
           settings.status_red_behind)
    ctx = request.app.state.cache.get_or_build(session, key, lambda: overview_context(session, today, report))
    return respond(request, "overview.html", ctx)
