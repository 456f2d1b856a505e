"""The assessment table: per department, its tasks' outcomes on any date and its score.

:func:`duban.store.repo.assessment.assess` does the counting; the formula and
its weights are in settings and documented in docs/assessment.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from fastapi import APIRouter, Request
from fastapi.responses import Response

from duban.store.repo import assessment
from duban.web.deps import FreshStatuses, LoggedIn, SessionDep, SettingsDep, TodayDep
from duban.web.errors import Invalid
from duban.web.render import respond
from duban.web.workflow import thresholds

router = APIRouter(tags=["考核"], dependencies=[FreshStatuses])


@router.get("/assessment", summary="单位考核")
@router.get("/assessment.json", include_in_schema=False)
def assessment_page(request: Request, session: SessionDep, settings: SettingsDep, user: LoggedIn, today: TodayDep,
                    as_of: str = "") -> Response:
    try:
        day = dt.date.fromisoformat(as_of) if as_of else today
    except ValueError:
        raise Invalid(f"考核日期“{as_of}”不是有效日期（格式：2020-12-31）。") from None
    rows = assessment.assess(session=session, as_of=day, thresholds=thresholds(settings), weights=settings.assessment)
    w = settings.assessment
    ctx = {
        "title": "单位考核",
        "as_of": day,
        "rows": [{k: v for k, v in asdict(r).items() if k != "task_ids"} for r in rows],
        "weights": w.model_dump(),
    }
    return respond(request, "assessment.html", ctx)
