"""The public page (承诺兑现): no login; targets, tasks and their status, no internal notes.

Progress narratives, evidence, notices, status reasons and the audit trail
are internal and never appear here; the JSON twin is built from the same
reduced context, so it cannot leak more than the page.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from duban.ledger.status import Colour
from duban.store.repo import figures, pages, tasks
from duban.web.deps import CurrentUser, FreshStatuses, SessionDep, TodayDep
from duban.web.present import STATUS_LABELS, assignments, task_title
from duban.web.render import respond

router = APIRouter(tags=["公开"], dependencies=[FreshStatuses])

PUBLIC_PAGE_SIZE = 100


@router.get("/public", summary="公开信息（无需登录）")
@router.get("/public.json", include_in_schema=False)
def public(request: Request, session: SessionDep, user: CurrentUser, today: TodayDep, status: str = "",
           page: int = 1) -> Response:
    report = pages.report_head(session=session, report_id=None)
    ctx: dict[str, Any] = {"title": "公开信息", "report": None, "today": today}
    if report is not None:
        result = tasks.list_tasks(session=session, report_id=report.id, status=status or None, page=page,
                                  page_size=PUBLIC_PAGE_SIZE, summary=True)
        counts = tasks.count_by_status(session=session, report_id=report.id)
        ctx.update({
            "report": {"id": report.id, "title": report.title, "region": report.region, "year": report.year},
            "main_targets": [{"indicator": t.indicator, "text": t.text}
                             for t in figures.list_main_targets(session=session, report_id=report.id)],
            "status_counts": {c.value: counts.get(c.value, 0) for c in Colour},
            "status": status,
            "tasks": [
                {"id": t.id, "number": t.number, "title": task_title(t, 80),
                 "lead": [a.department for a in assignments(t) if a.role == "lead"],
                 "deadline": t.deadline, "status": t.status, "status_label": STATUS_LABELS.get(t.status, t.status),
                 "percent": t.percent}
                for t in result.items
            ],
            "total": result.total, "page": result.page, "pages": result.pages,
        })
    return respond(request, "public.html", ctx)
