"""The task ledger, a task's page, and the office's writes on tasks (assignment, closing).

``/tasks`` filters by report, area, department, status and text and pages
through the result; ``/tasks/{id}`` shows the targets, the assignment, the
status with its reason, the progress history, the notices and the audit
trail. Each page has a ``.json`` twin; each write has a form endpoint (303
back to the page) and an ``/api`` twin taking JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from duban.store.repo import assignments, audit, departments, figures, notices, pages, progress, tasks
from duban.store.tables import ReportRow, TaskRow, UserRow
from duban.web import forms, permissions, present
from duban.web.deps import AdminUser, FreshColours, LoggedIn, SessionDep, SettingsDep, TodayDep, today_of
from duban.web.errors import Invalid, NotFound
from duban.web.render import flash, respond
from duban.web.schemas import AssignmentUpdate, BulkAssign, TaskClose, TaskPublic
from duban.web.workflow import fresh_reasons, thresholds, write

router = APIRouter(tags=["任务"], dependencies=[FreshColours])


def current_report(session: SessionDep, report_id: int | None) -> ReportRow | None:
    if report_id is not None:
        return pages.report_head(session=session, report_id=report_id)
    return pages.report_head(session=session, report_id=None)


def area_names(session: SessionDep, report_id: int) -> dict[int, str]:
    return {a.id: f"{a.number or ''}{a.title}" for a in figures.list_areas(session=session, report_id=report_id)}


def load_task(session: SessionDep, task_id: int) -> TaskRow:
    task = tasks.get_task(session=session, task_id=task_id)
    if task is None:
        raise NotFound("找不到该任务。")
    return task


# --------------------------------------------------------------------------- ledger


def page_chrome(request: Request, session: SessionDep, report_id: int | None, latest: int) -> dict[str, Any]:
    """What the ledger's filters and the task page's forms list, cached until the next write.

    ``areas`` maps area id to its numbered title (of ``report_id``), ``reports``
    and ``departments`` are the choices of the filters and assignment forms.
    """
    def build() -> dict[str, Any]:
        return {
            "areas": area_names(session, report_id) if report_id is not None else {},
            "reports": [{"id": r.id, "title": r.title or r.file_name} for r in pages.report_heads(session=session)],
            "departments": [{"id": d.id, "name": d.name, "active": d.active}
                            for d in departments.list_departments(session=session)],
        }

    chrome: dict[str, Any] = request.app.state.cache.get_or_build(session, ("ledger-chrome", report_id), build,
                                                                  latest=latest)
    return chrome


def ledger_context(
    request: Request, session: SessionDep, settings: SettingsDep, user: UserRow, *,
    report_id: int | None, area: int | None, department: int | None, status: str, q: str, kind: str,
    page: int, mine: bool = False,
) -> dict[str, Any]:
    report = current_report(session, report_id)
    department_id = user.department_id if mine else department

    def listing() -> tasks.TaskLinePage | None:
        return tasks.list_task_lines(
            session=session, report_id=report.id if report else None, area_id=area, department_id=department_id,
            status=status or None, kind=kind or None, search=q or None, page=page, page_size=settings.page_size,
        ) if report else None

    result = listing()
    today = today_of(settings)
    # the colours hold today (FreshColours); the reasons shown are brought to today for this page's rows only
    if result and fresh_reasons(session, settings, today, [t.id for t in result.items if t.status_on != today]):
        result = listing()
    latest = audit.latest_id(session=session)
    chrome = page_chrome(request, session, report.id if report else None, latest)
    names = chrome["areas"]
    rows = [present.task_summary(t, area=names.get(t.area_id or -1)) for t in (result.items if result else [])]
    narrowed = area is not None or department_id is not None or bool(kind) or bool(q)
    if report is None:
        counts: dict[str, int] = {}
    elif narrowed:  # the pills count what the other filters keep (a department's own tasks, an area …)
        counts = tasks.count_by_status(session=session, report_id=report.id, area_id=area,
                                       department_id=department_id, kind=kind or None, search=q or None)
    else:
        counts = request.app.state.cache.get_or_build(
            session, ("status-counts", report.id, today, settings.status_yellow_behind, settings.status_red_behind),
            lambda: tasks.count_by_status(session=session, report_id=report.id), latest=latest)
    return {
        "title": "本单位任务" if mine else "任务台账",
        "mine": mine,
        "report": {"id": report.id, "title": report.title, "year": report.year, "region": report.region} if report else None,
        "reports": chrome["reports"],
        "filters": {"report_id": report.id if report else None, "area": area, "department": department,
                    "status": status, "q": q, "kind": kind},
        "areas": [{"id": k, "name": v} for k, v in names.items()],
        "departments": chrome["departments"],
        "status_counts": counts,
        "tasks": rows,
        "total": result.total if result else 0,
        "page": result.page if result else 1,
        "pages": result.pages if result else 1,
        "page_size": settings.page_size,
        "can_assign": permissions.is_admin(user),
    }


@router.get("/tasks", summary="任务台账")
@router.get("/tasks.json", include_in_schema=False)
def ledger(
    request: Request, session: SessionDep, settings: SettingsDep, user: LoggedIn,
    report_id: int | None = None, area: int | None = None, department: int | None = None,
    status: str = "", q: str = "", kind: str = "", page: int = 1,
) -> Response:
    ctx = ledger_context(request, session, settings, user, report_id=report_id, area=area, department=department,
                         status=status, q=q.strip(), kind=kind, page=page)
    return respond(request, "tasks.html", ctx)


@router.get("/my", summary="本单位任务")
@router.get("/my.json", include_in_schema=False)
def my_tasks(
    request: Request, session: SessionDep, settings: SettingsDep, user: LoggedIn,
    status: str = "", q: str = "", page: int = 1,
) -> Response:
    if user.department_id is None:
        return RedirectResponse(request.app.state.urls.tasks(), status_code=303)
    ctx = ledger_context(request, session, settings, user, report_id=None, area=None, department=None,
                         status=status, q=q.strip(), kind="", page=page, mine=True)
    return respond(request, "tasks.html", ctx)


# --------------------------------------------------------------------------- one task


def task_context(request: Request, session: SessionDep, settings: SettingsDep, user: UserRow, today: dt.date,
                 task: TaskRow) -> dict[str, Any]:
    urls = request.app.state.urls
    report = pages.report_head(session=session, report_id=task.report_id)
    chrome = page_chrome(request, session, task.report_id, audit.latest_id(session=session))
    area_name = chrome["areas"].get(task.area_id) if task.area_id else None
    if task.area_id and area_name is None:  # not among its report's areas: read it
        area = tasks.get_area(session=session, area_id=task.area_id)
        area_name = f"{area.number or ''}{area.title}" if area else None
    theme = tasks.get_theme(session=session, theme_id=task.theme_id) if task.theme_id else None
    # one query for the history (and its values) gives the status inputs too
    reports = progress.history(session=session, task_id=task.id)
    status = progress.status_from_history(task=task, report=report, rows=reports, today=today,
                                          thresholds=thresholds(settings))
    if status.colour.value != task.status or status.reason != task.status_reason:
        progress.refresh_status(session=session, task=task, today=today, thresholds=thresholds(settings))
        session.commit()
    start, deadline = progress.schedule_window(task, report)
    achieved = progress.achieved_from_history(reports)
    live_targets = [t for t in task.targets if not t.retired]
    target_map = {t.id: t for t in task.targets}
    all_departments: list[dict[str, Any]] = chrome["departments"]
    dept_names = {d["id"]: d["name"] for d in all_departments}
    history = [
        present.progress_public(
            p, urls=urls, targets=target_map, department=dept_names.get(p.department_id or -1),
            user=None,
        )
        for p in reports
    ]
    task_notices = [
        present.notice_public(n, today=today, department=dept_names.get(n.department_id or -1), task_title=None)
        for n in notices.for_task(session=session, task_id=task.id)
    ]
    trail = [present.audit_public(a) for a in audit.for_task(session=session, task_id=task.id)]
    return {
        "title": present.task_title(task, 30),
        "task": present.task_public(task, area=area_name, theme=theme.title if theme else None),
        "report": {"id": report.id, "title": report.title, "year": report.year} if report else None,
        "schedule": {"start": start, "deadline": deadline},
        "status": present.status_public(status),
        "status_details": list(status.details),
        "targets": [present.target_public(t, achieved.get(t.id)) for t in live_targets],
        "assignments": present.assignments(task),
        "history": history,
        "notices": task_notices,
        "audit": trail,
        "stages": [{"key": s.key, "label": s.label, "percent": s.percent} for s in progress.stages()],
        "departments": all_departments,
        "today": today,
        "can_report": permissions.can_report(user, task),
        "can_admin": permissions.is_admin(user),
        "answerable": [n.id for n in task_notices if n.state != "closed" and n.department_id == user.department_id
                       and user.role == "department"],
    }


@router.get("/tasks/{task_id}", summary="任务详情")
@router.get("/tasks/{task_id}.json", include_in_schema=False)
def task_page(request: Request, task_id: int, session: SessionDep, settings: SettingsDep, user: LoggedIn,
              today: TodayDep) -> Response:
    task = load_task(session, task_id)
    return respond(request, "task.html", task_context(request, session, settings, user, today, task))


# --------------------------------------------------------------------------- assignment


def _assign(session: SessionDep, user: UserRow, task: TaskRow, body: AssignmentUpdate) -> TaskRow:
    return write(session, lambda: assignments.set_assignment(
        session=session, task=task, user=user, lead_ids=body.lead_ids, co_ids=body.co_ids,
        deadline=body.deadline, expected_version=body.version,
    ))


@router.post("/tasks/{task_id}/assignment", include_in_schema=False)
async def assignment_form(request: Request, task_id: int, session: SessionDep, user: AdminUser) -> Response:
    task = load_task(session, task_id)
    form = await request.form()
    errors: list[str] = []
    deadline = forms.parse_date(forms.text(form, "deadline"), "完成时限", errors)
    version = forms.optional_int(form, "version")
    lead_ids = forms.ints(form, "lead_ids")
    if not lead_ids:
        errors.append("请至少选择一个牵头单位。")
    if version is None:
        errors.append("表单缺少版本号，请刷新页面后重试。")
    if errors:
        raise Invalid("分工未保存。", errors)
    assert version is not None
    if forms.text(form, "action") == "confirm":
        write(session, lambda: assignments.confirm_suggestions(session=session, task=task, user=user,
                                                                expected_version=version))
        flash(request, "已确认建议分工。")
    else:
        body = AssignmentUpdate(lead_ids=lead_ids, co_ids=forms.ints(form, "co_ids"), deadline=deadline,
                                version=version)
        _assign(session, user, task, body)
        flash(request, "分工和完成时限已保存。")
    return RedirectResponse(request.app.state.urls.task(task_id), status_code=303)


@router.put("/api/tasks/{task_id}/assignment", summary="调整任务分工与完成时限", response_model=TaskPublic)
def assignment_api(task_id: int, body: AssignmentUpdate, session: SessionDep, user: AdminUser) -> TaskPublic:
    task = load_task(session, task_id)
    task = _assign(session, user, task, body)
    return present.task_public(task)


def _bulk(session: SessionDep, user: UserRow, body: BulkAssign) -> int:
    rows = [load_task(session, tid) for tid in dict.fromkeys(body.task_ids)]
    if body.action == "set" and body.lead_id is None and body.deadline is None:
        raise Invalid("批量调整需要选择牵头单位或填写完成时限。")
    return write(session, lambda: assignments.bulk_assign(
        session=session, tasks=rows, user=user, confirm=body.action == "confirm",
        lead_id=body.lead_id if body.action == "set" else None, co_ids=body.co_ids,
        deadline=body.deadline if body.action == "set" else None,
    ))


@router.post("/tasks/assign", include_in_schema=False)
async def bulk_form(request: Request, session: SessionDep, user: AdminUser) -> Response:
    form = await request.form()
    errors: list[str] = []
    ids = forms.ints(form, "task_ids")
    if not ids:
        raise Invalid("请先勾选要批量处理的任务。")
    deadline = forms.parse_date(forms.text(form, "deadline"), "完成时限", errors)
    if errors:
        raise Invalid("批量分工未保存。", errors)
    action = "confirm" if forms.text(form, "action") == "confirm" else "set"
    body = BulkAssign(task_ids=ids, action=action, lead_id=forms.optional_int(form, "lead_id"),
                      co_ids=forms.ints(form, "co_ids"), deadline=deadline)
    changed = _bulk(session, user, body)
    flash(request, f"已批量处理{changed}项任务。")
    back = forms.text(form, "back")
    return RedirectResponse(back if back.startswith("/") and not back.startswith("//") else
                            request.app.state.urls.tasks(), status_code=303)


@router.post("/api/tasks/assign", summary="批量确认或调整分工")
def bulk_api(body: BulkAssign, session: SessionDep, user: AdminUser) -> dict[str, int]:
    return {"changed": _bulk(session, user, body)}


# --------------------------------------------------------------------------- closing


def _close(session: SessionDep, user: UserRow, task: TaskRow, body: TaskClose, settings: SettingsDep,
           today: dt.date) -> TaskRow:
    def action() -> TaskRow:
        assignments.close_task(session=session, task=task, user=user, expected_version=body.version,
                               today=today, reopen=body.reopen)
        progress.refresh_status(session=session, task=task, today=today, thresholds=thresholds(settings))
        return task

    return write(session, action)


@router.post("/tasks/{task_id}/close", include_in_schema=False)
async def close_form(request: Request, task_id: int, session: SessionDep, settings: SettingsDep, user: AdminUser,
                     today: TodayDep) -> Response:
    task = load_task(session, task_id)
    form = await request.form()
    version = forms.optional_int(form, "version")
    if version is None:
        raise Invalid("表单缺少版本号，请刷新页面后重试。")
    reopen = forms.text(form, "reopen") == "1"
    _close(session, user, task, TaskClose(version=version, reopen=reopen), settings, today)
    flash(request, "任务已重新打开。" if reopen else "任务已办结。")
    return RedirectResponse(request.app.state.urls.task(task_id), status_code=303)


@router.post("/api/tasks/{task_id}/close", summary="办结（或重新打开）任务", response_model=TaskPublic)
def close_api(task_id: int, body: TaskClose, session: SessionDep, settings: SettingsDep, user: AdminUser,
              today: TodayDep) -> TaskPublic:
    task = _close(session, user, load_task(session, task_id), body, settings, today)
    return present.task_public(task)
