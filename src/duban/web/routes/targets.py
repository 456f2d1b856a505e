"""The targets table: every figure of a report, filtered by kind, area and indicator, sortable."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from duban.store.repo import figures, pages
from duban.web.deps import LoggedIn, SessionDep
from duban.web.render import respond
from duban.web.routes.reports import COMPARATORS, KINDS, MEASURES

router = APIRouter(tags=["目标指标"])

SORTS = {
    "position": lambda f: f["start"],
    "indicator": lambda f: (f["indicator"] or "", f["start"]),
    "value": lambda f: (f["value"], f["start"]),
    "area": lambda f: (f["area"] or "", f["start"]),
    "kind": lambda f: (f["kind"], f["start"]),
}


@router.get("/targets", summary="目标指标表")
@router.get("/targets.json", include_in_schema=False)
def targets(
    request: Request, session: SessionDep, user: LoggedIn, report_id: int | None = None,
    kind: str = "target", area: str = "", indicator: str = "", sort: str = "position", desc: bool = False,
) -> Response:
    report = (pages.report_head(session=session, report_id=report_id) if report_id is not None
              else pages.report_head(session=session, report_id=None))
    ctx: dict[str, Any] = {"title": "目标指标", "report": None, "figures": []}
    if report is not None:
        all_figs = figures.list_figures(session=session, report_id=report.id)
        areas = sorted({f.area for f in all_figs if f.area}, key=lambda a: next(
            (f.start for f in all_figs if f.area == a), 0))
        rows = [
            {"id": f.id, "start": f.start, "end": f.end, "text": f.text, "kind": f.kind, "kind_label": KINDS.get(f.kind, f.kind),
             "indicator": f.indicator, "value": f.value, "value_max": f.value_max, "unit": f.unit,
             "comparator": f.comparator, "comparator_label": COMPARATORS.get(f.comparator, f.comparator),
             "measure": f.measure, "measure_label": MEASURES.get(f.measure, f.measure), "year": f.year,
             "area": f.area, "quote": f.quote}
            for f in all_figs
            if (not kind or f.kind == kind) and (not area or f.area == area)
            and (not indicator or indicator in (f.indicator or ""))
        ]
        rows.sort(key=SORTS.get(sort, SORTS["position"]), reverse=desc)
        ctx.update({
            "report": {"id": report.id, "title": report.title, "year": report.year},
            "figures": rows,
            "areas": areas,
            "kinds": KINDS,
            "filters": {"kind": kind, "area": area, "indicator": indicator, "sort": sort, "desc": desc},
        })
    return respond(request, "targets.html", ctx)
