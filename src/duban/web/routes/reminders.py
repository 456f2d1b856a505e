"""Reminders: what each department must report this month, as a page and a JSON feed.

Every unfinished task of a department (lead or co) is due for a progress
report by the ``reminder_day`` of the month (settings; 25th by default); a
task counts as reported once a report is dated in this month.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from duban.store.repo import departments, pages, tasks
from duban.web.deps import FreshStatuses, LoggedIn, SessionDep, SettingsDep, TodayDep
from duban.web.present import task_title
from duban.web.render import respond

router = APIRouter(tags=["报送提醒"], dependencies=[FreshStatuses])

FINISHED = ("done", "done_late")


def reminders_context(session: SessionDep, settings: SettingsDep, today: dt.date,
                      department_id: int | None) -> dict[str, Any]:
    month_start = today.replace(day=1)
    due = today.replace(day=settings.reminder_day)
    report = pages.report_head(session=session, report_id=None)
    groups: list[dict[str, Any]] = []
    if report is not None:
        for d in departments.list_departments(session=session, active_only=True):
            if department_id is not None and d.id != department_id:
                continue
            rows = tasks.list_tasks(session=session, report_id=report.id, department_id=d.id, page_size=10_000).items
            pending = [t for t in rows if t.status not in FINISHED and t.closed_at is None]
            if not pending:
                continue
            items = [
                {"id": t.id, "number": t.number, "title": task_title(t, 50), "status": t.status,
                 "role": next((a.role for a in t.assignments if a.department_id == d.id), "co"),
                 "last_reported_on": t.last_reported_on,
                 "reported": t.last_reported_on is not None and t.last_reported_on >= month_start}
                for t in pending
            ]
            groups.append({"department_id": d.id, "department": d.name, "due_on": due,
                           "tasks": items, "missing": sum(1 for i in items if not i["reported"])})
    groups.sort(key=lambda g: (-g["missing"], g["department"]))
    return {"title": "报送提醒", "today": today, "month": f"{today.year}年{today.month}月", "due_on": due,
            "overdue": today > due, "departments": groups}


@router.get("/reminders", summary="本月报送提醒")
@router.get("/reminders.json", include_in_schema=False)
def reminders(request: Request, session: SessionDep, settings: SettingsDep, user: LoggedIn,
              today: TodayDep) -> Response:
    department_id = user.department_id if user.role == "department" else None
    return respond(request, "reminders.html", reminders_context(session, settings, today, department_id))
