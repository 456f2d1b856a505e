"""The report list and the report reader: the text with every figure at its span and the glossary linked."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from duban.store.repo import figures, pages, reports, tasks
from duban.web.deps import LoggedIn, SessionDep
from duban.web.errors import NotFound, wants_json
from duban.web.reader import Mark, render_text, term_marks
from duban.web.render import number_range, respond

router = APIRouter(tags=["报告"])

KINDS = {"actual": "实际值", "target": "目标值", "other": "其他"}
MEASURES = {"level": "总量", "growth": "增速", "rate": "比率"}
COMPARATORS = {"=": "等于", ">=": "不低于", "<=": "不高于", ">": "高于", "<": "低于", "~": "约", "range": "区间"}


@router.get("/reports", summary="已导入的报告")
@router.get("/reports.json", include_in_schema=False)
def report_list(request: Request, session: SessionDep, user: LoggedIn) -> Response:
    rows = pages.report_heads(session=session, include_superseded=True)
    items = [
        {"id": r.id, "title": r.title, "region": r.region, "year": r.year, "file_name": r.file_name,
         "format": r.format, "imported_at": r.imported_at, "current": r.is_current}
        for r in rows
    ]
    return respond(request, "reports.html", {"title": "报告原文", "reports": items})


@router.get("/reports/{report_id}", summary="报告原文（数字高亮）")
@router.get("/reports/{report_id}.json", include_in_schema=False)
def reader(request: Request, report_id: int, session: SessionDep, user: LoggedIn) -> Response:
    report = reports.get_report(session=session, report_id=report_id)
    if report is None:
        raise NotFound("找不到该报告。")
    figs = figures.list_figures(session=session, report_id=report.id)
    glossary = figures.list_glossary(session=session, report_id=report.id)
    figure_items = [
        {"id": f.id, "start": f.start, "end": f.end, "text": f.text, "kind": f.kind, "indicator": f.indicator,
         "value": f.value, "value_max": f.value_max, "unit": f.unit, "comparator": f.comparator,
         "measure": f.measure, "year": f.year, "quote": f.quote}
        for f in figs
    ]
    ctx: dict[str, Any] = {
        "title": report.title or "报告原文",
        "report": {"id": report.id, "title": report.title, "region": report.region, "year": report.year,
                   "delivered_on": report.delivered_on, "session": report.session,
                   "speaker": " ".join(x for x in (report.speaker_title, report.speaker_name) if x),
                   "format": report.format, "encoding": report.encoding, "sha256": report.sha256},
        "figures": figure_items,
        "glossary": [{"number": g.number, "term": g.term, "definition": g.definition} for g in glossary],
        "counts": {k: sum(1 for f in figs if f.kind == k) for k in KINDS},
    }
    if not wants_json(request):
        marks = [Mark(f.start, f.end, "figure", str(i), f"k-{f.kind}") for i, f in enumerate(figs)]
        marks += term_marks(report.text, [(g.term, f"g{g.position}") for g in glossary], report.body_end,
                            [(f.start, f.end) for f in figs])
        task_rows = tasks.list_tasks(session=session, report_id=report.id, page_size=10_000).items
        anchors = {t.start: f"t{t.start}" for t in task_rows}
        outline = [s for s in figures.list_sections(session=session, report_id=report.id)
                   if s.kind in ("part", "area") and s.title_end > s.start]
        headings = {s.start: s.title_end for s in outline}
        # the side panel's table of contents: each heading, linked as a span (duban.js scrolls there)
        ctx["toc"] = [{"kind": s.kind, "title": report.text[s.start:s.title_end].strip(), "start": s.start,
                       "end": s.title_end} for s in outline]
        ctx["body_html"] = render_text(report.text, marks, anchors, headings)
        ctx["glossary_anchors"] = [{"anchor": f"g{g.position}", "term": g.term, "definition": g.definition}
                                   for g in glossary]
        ctx["figure_popups"] = [
            {"text": f.text, "start": f.start, "end": f.end, "fields": [
                ["指标", f.indicator or "—"], ["类型", KINDS.get(f.kind, f.kind)],
                ["数值", number_range(f.value, f.value_max)],
                ["单位", f.unit or "—"], ["口径", MEASURES.get(f.measure, f.measure)],
                ["比较", COMPARATORS.get(f.comparator, f.comparator)], ["年份", str(f.year or "—")],
                ["所在", f.area or f.part or "—"], ["原句", f.quote]]}
            for f in figs
        ]
    return respond(request, "report.html", ctx)
