"""Text search across the current reports: tasks, figures and glossary terms."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from duban.store.repo import figures, pages, tasks
from duban.web.deps import LoggedIn, SessionDep
from duban.web.present import task_summary
from duban.web.render import respond

router = APIRouter(tags=["检索"])


@router.get("/search", summary="检索任务、数字和名词")
@router.get("/search.json", include_in_schema=False)
def search(request: Request, session: SessionDep, user: LoggedIn, q: str = "") -> Response:
    q = q.strip()[:100]
    ctx: dict[str, Any] = {"title": "检索", "q": q, "tasks": [], "figures": [], "terms": []}
    if q:
        for report in pages.report_heads(session=session):
            found = tasks.list_tasks(session=session, report_id=report.id, search=q, page_size=100)
            ctx["tasks"] += [task_summary(t).model_dump() for t in found.items]
            ctx["figures"] += [
                {"report_id": report.id, "start": f.start, "end": f.end, "indicator": f.indicator, "text": f.text, "quote": f.quote}
                for f in figures.list_figures(session=session, report_id=report.id, search=q)[:100]
            ]
            ctx["terms"] += [
                {"report_id": report.id, "term": g.term, "definition": g.definition, "anchor": f"g{g.position}",
                 "start": g.start, "end": g.end}
                for g in figures.list_glossary(session=session, report_id=report.id)
                if q in g.term or q in g.definition
            ]
    return respond(request, "search.html", ctx)
