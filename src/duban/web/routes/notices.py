"""Supervision notices (督办单): issued by the office on a task, answered by the department, closed.

``/notices`` lists them (filter by state, overdue first); department users see
their own department's. Writes: issue (admin), answer (the department the
notice was sent to), close (admin); each as a form and as ``/api``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from duban.store.repo import departments, notices, tasks
from duban.store.tables import NoticeRow, UserRow
from duban.web import forms, permissions, present
from duban.web.deps import AdminUser, LoggedIn, SessionDep, TodayDep
from duban.web.errors import Invalid, NotFound
from duban.web.render import flash, respond
from duban.web.routes.tasks import load_task
from duban.web.schemas import NoticeAnswer, NoticeCreate, NoticePublic
from duban.web.workflow import write

router = APIRouter(tags=["督办单"])


def load_notice(session: SessionDep, notice_id: int) -> NoticeRow:
    notice = notices.get_notice(session=session, notice_id=notice_id)
    if notice is None:
        raise NotFound("找不到该督办单。")
    return notice


def _public(session: SessionDep, n: NoticeRow, today: dt.date) -> NoticePublic:
    task = tasks.get_task(session=session, task_id=n.task_id)
    department = departments.get_department(session=session, department_id=n.department_id) \
        if n.department_id else None
    return present.notice_public(n, today=today, department=department.name if department else None,
                                 task_title=present.task_title(task, 40) if task else None)


@router.get("/notices", summary="督办单列表")
@router.get("/notices.json", include_in_schema=False)
def notice_list(request: Request, session: SessionDep, user: LoggedIn, today: TodayDep, state: str = "") -> Response:
    department_id = user.department_id if user.role == "department" else None
    rows = notices.list_notices(
        session=session, filters=notices.NoticeFilter(state=state, department_id=department_id), today=today
    )
    items = [_public(session, n, today) for n in rows]
    ctx: dict[str, Any] = {
        "title": "督办单",
        "state": state,
        "notices": items,
        "overdue": sum(1 for n in items if n.overdue),
        "states": [("", "全部"), ("open", "待答复"), ("overdue", "已逾期"), ("answered", "已答复"), ("closed", "已办结")],
        "today": today,
    }
    return respond(request, "notices.html", ctx)


def _issue(session: SessionDep, user: UserRow, task_id: int, body: NoticeCreate, today: dt.date) -> NoticeRow:
    task = load_task(session, task_id)
    return write(session, lambda: notices.issue_notice(
        session=session, task=task, user=user, due_on=body.due_on, text=body.text,
        department_id=body.department_id, today=today))


@router.post("/tasks/{task_id}/notices", include_in_schema=False)
async def issue_form(request: Request, task_id: int, session: SessionDep, user: AdminUser,
                     today: TodayDep) -> Response:
    form = await request.form()
    errors: list[str] = []
    due_on = forms.parse_date(forms.text(form, "due_on"), "办理期限", errors)
    text = forms.text(form, "text")
    if due_on is None and not errors:
        errors.append("请填写办理期限。")
    if not text:
        errors.append("请填写督办事项。")
    if errors:
        raise Invalid("督办单未下发。", errors)
    assert due_on is not None
    _issue(session, user, task_id,
           NoticeCreate(due_on=due_on, text=text, department_id=forms.optional_int(form, "department_id")), today)
    flash(request, "督办单已下发。")
    return RedirectResponse(request.app.state.urls.task(task_id) + "#notices", status_code=303)


@router.post("/api/tasks/{task_id}/notices", summary="下发督办单", status_code=201, response_model=NoticePublic)
def issue_api(task_id: int, body: NoticeCreate, session: SessionDep, user: AdminUser, today: TodayDep) -> NoticePublic:
    return _public(session, _issue(session, user, task_id, body, today), today)


def _answer(session: SessionDep, user: UserRow, notice_id: int, body: NoticeAnswer) -> NoticeRow:
    notice = load_notice(session, notice_id)
    permissions.require_answer(user, notice)
    return write(session, lambda: notices.answer_notice(session=session, notice=notice, user=user, answer=body.answer))


@router.post("/notices/{notice_id}/answer", include_in_schema=False)
async def answer_form(request: Request, notice_id: int, session: SessionDep, user: LoggedIn) -> Response:
    form = await request.form()
    answer = forms.text(form, "answer")
    notice = load_notice(session, notice_id)
    permissions.require_answer(user, notice)
    if not answer:
        raise Invalid("请填写办理情况。")
    _answer(session, user, notice_id, NoticeAnswer(answer=answer))
    flash(request, "督办单已答复。")
    return RedirectResponse(request.app.state.urls.task(notice.task_id) + "#notices", status_code=303)


@router.post("/api/notices/{notice_id}/answer", summary="答复督办单", response_model=NoticePublic)
def answer_api(notice_id: int, body: NoticeAnswer, session: SessionDep, user: LoggedIn,
               today: TodayDep) -> NoticePublic:
    return _public(session, _answer(session, user, notice_id, body), today)


def _close(session: SessionDep, user: UserRow, notice_id: int) -> NoticeRow:
    notice = load_notice(session, notice_id)
    return write(session, lambda: notices.close_notice(session=session, notice=notice, user=user))


@router.post("/notices/{notice_id}/close", include_in_schema=False)
def close_form(request: Request, notice_id: int, session: SessionDep, user: AdminUser) -> Response:
    notice = _close(session, user, notice_id)
    flash(request, "督办单已办结。")
    return RedirectResponse(request.app.state.urls.task(notice.task_id) + "#notices", status_code=303)


@router.post("/api/notices/{notice_id}/close", summary="办结督办单", response_model=NoticePublic)
def close_api(notice_id: int, session: SessionDep, user: AdminUser, today: TodayDep) -> NoticePublic:
    return _public(session, _close(session, user, notice_id), today)
