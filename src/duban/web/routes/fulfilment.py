"""Fulfilment (承诺兑现) pages: a report's targets against the actuals of its year, and a region's history.

``/reports/{id}/fulfilment`` is the office's page (filter by verdict, area and
scope; ``.json`` twin; ``.xlsx`` is the 主要预期目标和工作任务完成情况对照表);
``/public/fulfilment/{id}`` is the same record for deputies and the public,
without login and without the progress reports' internal values;
``/history`` shows one region's target and actual of one indicator for every
stored year, as a table and a chart.
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from duban.export.fulfilment_xlsx import write_fulfilment_xlsx
from duban.extract.indicators import indicator_id
from duban.ledger.fulfil import tally
from duban.ledger.settings import load_settings
from duban.ledger.verdict import describe_target, show
from duban.ledger.yearly import report_name
from duban.lexicon.schema import IndicatorsFile, load_checked
from duban.model.fulfilment import VERDICT_LABELS, Fulfilment, Pairing, Verdict
from duban.store.repo import fulfilment as repo
from duban.web.deps import CurrentUser, LoggedIn, SessionDep
from duban.web.errors import NotFound
from duban.web.render import respond

router = APIRouter(tags=["承诺兑现"])

VERDICT_CLASSES = {
    Verdict.MET: "green",
    Verdict.MISSED: "red",
    Verdict.PARTLY: "yellow",
    Verdict.NOT_COMPARABLE: "done",
    Verdict.NO_DATA: "not_reported",
}
SCOPES = {"main": "主要预期目标", "task": "工作任务"}


def _row(index: int, result: Fulfilment) -> dict[str, Any]:
    t, a = result.target, result.actual
    return {
        "index": index,
        "scope": result.scope,
        "scope_label": SCOPES.get(result.scope, result.scope),
        "area": t.area,
        "indicator": t.indicator,
        "indicator_id": t.indicator_id,
        "measure": t.measure,
        "target": {"value": t.value, "value_max": t.value_max, "unit": t.unit, "comparator": t.comparator,
                   "text": describe_target(t), "quote": t.quote, "start": t.start, "end": t.end},
        "actual": None if a is None else {"value": a.value, "unit": a.unit, "text": show(a.value, a.unit),
                                          "source": a.source, "quote": a.quote},
        "verdict": result.verdict.value,
        "verdict_label": VERDICT_LABELS[result.verdict],
        "verdict_class": VERDICT_CLASSES[result.verdict],
        "uncertain": result.pairing is Pairing.UNCERTAIN,
        "reason": result.reason,
    }


def _context(
    session: SessionDep, report_id: int, *, verdict: str, area: str, scope: str, public: bool
) -> tuple[dict[str, Any], list[Fulfilment]]:
    found = repo.fulfilment_of_report(session=session, report_id=report_id, settings=load_settings(),
                                      with_progress=not public)
    if found is None:
        raise NotFound("找不到该报告。")
    areas = sorted({r.target.area for r in found.results if r.scope == "task" and r.target.area})
    shown = [
        r for r in found.results
        if (not verdict or r.verdict.value == verdict)
        and (not scope or r.scope == scope)
        and (not area or r.target.area == area)
    ]
    report = found.report
    counts = tally(found.results)
    sources = []
    if found.next_report is not None:
        sources.append(report_name(repo.to_report(found.next_report)))
    if found.progress_count:
        sources.append(f"进度报告（{found.progress_count}项）")
    context = {
        "title": f"{report.region or ''}{report.year or ''}年主要预期目标和工作任务完成情况",
        "public": public,
        "report": {"id": report.id, "title": report.title, "region": report.region, "year": report.year},
        "next_report": None if found.next_report is None else {
            "id": found.next_report.id, "title": found.next_report.title, "year": found.next_report.year},
        "sources": sources,
        "filters": {"verdict": verdict, "area": area, "scope": scope},
        "verdicts": [{"value": v.value, "label": VERDICT_LABELS[v], "class": VERDICT_CLASSES[v],
                      "count": counts[v.value]} for v in Verdict],
        "areas": areas,
        "total": len(found.results),
        "rows": [_row(i, r) for i, r in enumerate(shown, start=1)],
    }
    return context, shown


@lru_cache(maxsize=1)
def indicator_names() -> dict[str, str]:
    """Each catalogued indicator's id → its Chinese name (indicators.yaml)."""
    return {entry.id: entry.name for entry in load_checked("indicators.yaml", IndicatorsFile).indicators}


def _default_report(session: SessionDep) -> int:
    row = repo.report_to_judge(session=session)
    if row is None:
        raise NotFound("尚未导入政府工作报告。")
    return row.id


@router.get("/fulfilment", summary="承诺兑现：最近一份可核对的报告")
def fulfilment_default(request: Request, session: SessionDep, user: LoggedIn) -> Response:
    return RedirectResponse(request.app.state.urls.fulfilment(_default_report(session)), status_code=303)


@router.get("/public/fulfilment", summary="承诺兑现（公开）：最近一份可核对的报告")
def public_fulfilment_default(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    return RedirectResponse(request.app.state.urls.public_fulfilment(_default_report(session)), status_code=303)


@router.get("/reports/{report_id}/fulfilment", summary="目标完成情况（承诺兑现）")
@router.get("/reports/{report_id}/fulfilment.json", include_in_schema=False)
def report_fulfilment(
    request: Request, session: SessionDep, user: LoggedIn, report_id: int,
    verdict: str = "", area: str = "", scope: str = "",
) -> Response:
    context, _ = _context(session, report_id, verdict=verdict, area=area, scope=scope, public=False)
    return respond(request, "fulfilment.html", context)


@router.get("/reports/{report_id}/fulfilment.xlsx", summary="完成情况对照表（Excel）")
def report_fulfilment_xlsx(
    request: Request, session: SessionDep, user: LoggedIn, report_id: int,
    verdict: str = "", area: str = "", scope: str = "",
) -> Response:
    context, shown = _context(session, report_id, verdict=verdict, area=area, scope=scope, public=False)
    subtitle = f"{context['title']}；实际数据来源：{'、'.join(context['sources']) or '无'}"
    with tempfile.TemporaryDirectory() as folder:
        path = write_fulfilment_xlsx(shown, Path(folder) / "fulfilment.xlsx", subtitle)
        data = path.read_bytes()
    name = f"fulfilment-{context['report']['year'] or context['report']['id']}.xlsx"
    return Response(
        data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.get("/public/fulfilment/{report_id}", summary="承诺兑现（公开）")
@router.get("/public/fulfilment/{report_id}.json", include_in_schema=False)
def public_fulfilment(
    request: Request, session: SessionDep, user: CurrentUser, report_id: int,
    verdict: str = "", area: str = "", scope: str = "",
) -> Response:
    context, _ = _context(session, report_id, verdict=verdict, area=area, scope=scope, public=True)
    return respond(request, "fulfilment.html", context)


@router.get("/history", summary="地区历年目标与实际")
@router.get("/history.json", include_in_schema=False)
def history(
    request: Request, session: SessionDep, user: CurrentUser,
    region: str = "", indicator: str = "gdp", measure: str = "growth",
) -> Response:
    regions = repo.regions_stored(session=session)
    chosen = region or (regions[0] if regions else "")
    # the query is by id when the catalogue knows the name (every variant counts); the page shows the name
    query = indicator_id(indicator.strip()) or indicator.strip()
    indicator = indicator_names().get(query, indicator.strip())
    rows = repo.history_of_region(session=session, region=chosen, indicator=query,
                                  measure=measure or None) if chosen else []
    table = [
        {
            "year": r.year,
            "target": None if r.target is None else {
                "value": r.target.value, "value_max": r.target.value_max, "unit": r.target.unit,
                "comparator": r.target.comparator, "text": describe_target(r.target), "quote": r.target.quote,
                "source": r.target_source},
            "actual": None if r.actual is None else {
                "value": r.actual.value, "unit": r.actual.unit, "text": show(r.actual.value, r.actual.unit),
                "source": r.actual.source, "quote": r.actual.quote},
            "verdict": r.verdict.value,
            "verdict_label": VERDICT_LABELS[r.verdict],
            "verdict_class": VERDICT_CLASSES[r.verdict],
            "reason": r.reason,
        }
        for r in rows
    ]
    units = [r.target.unit if r.target is not None else r.actual.unit if r.actual is not None else None for r in rows]
    chart = {
        "id": "history-chart",
        "title": f"{chosen} {indicator}",
        "years": [r.year for r in rows],
        "target": [r.target.value if r.target is not None else None for r in rows],
        "target_max": [r.target.value_max if r.target is not None else None for r in rows],
        "actual": [r.actual.value if r.actual is not None else None for r in rows],
        "unit": next((u for u in units if u), None),
    }
    context = {
        "title": "地区历年目标与实际",
        "regions": regions,
        "filters": {"region": chosen, "indicator": indicator, "measure": measure},
        "rows": table,
        "chart": chart,
    }
    return respond(request, "history.html", context)
