"""Supervision notices (督办单): the office issues, the department answers, the office closes.

States go ``open`` → ``answered`` → ``closed`` (the office may also close an
open one). A notice is overdue when it is not closed, not answered, and its
due date has passed. Each step is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from duban.errors import DubanError, ErrorCode
from duban.store.repo import audit
from duban.store.tables import NoticeRow, TaskRow, UserRow, utcnow


def is_overdue(notice: NoticeRow, today: dt.date) -> bool:
    """Open (unanswered) past its due date."""
    return notice.state == "open" and notice.due_on < today


def issue_notice(
    *,
    session: Session,
    task: TaskRow,
    user: UserRow,
    due_on: dt.date,
    text: str,
    department_id: int | None = None,
    today: dt.date,
) -> NoticeRow:
    """Issue a notice for ``task`` to ``department_id`` (default: its lead department)."""
    text = text.strip()
    if not text:
        raise DubanError(ErrorCode.STORE_INVALID, detail="督办事项不能为空")
    if due_on < today:
        raise DubanError(ErrorCode.STORE_INVALID, detail="办理期限不能早于今天")
    assigned = {a.department_id for a in task.assignments}
    if department_id is None:
        lead = [a.department_id for a in task.assignments if a.role == "lead"]
        department_id = lead[0] if lead else None
    if department_id is None or department_id not in assigned:
        raise DubanError(ErrorCode.STORE_INVALID, detail="督办单须发给该任务的牵头或配合单位")
    notice = NoticeRow(
        task_id=task.id, department_id=department_id, issued_by_id=user.id, due_on=due_on, text=text, state="open"
    )
    session.add(notice)
    session.flush()
    audit.record(
        session=session, user=user, action="notice.issue", entity="notice", entity_id=notice.id, task_id=task.id,
        after={"department_id": department_id, "due_on": due_on, "text": text},
    )
    return notice


def answer_notice(*, session: Session, notice: NoticeRow, user: UserRow, answer: str) -> NoticeRow:
    """The department's answer; allowed while the notice is not closed (a later answer replaces it)."""
    answer = answer.strip()
    if not answer:
        raise DubanError(ErrorCode.STORE_INVALID, detail="办理情况不能为空")
    if notice.state == "closed":
        raise DubanError(ErrorCode.STORE_INVALID, detail="督办单已办结，不能再答复")
    before = {"state": notice.state, "answer": notice.answer}
    notice.answer = answer
    notice.answered_by_id = user.id
    notice.answered_at = utcnow()
    notice.state = "answered"
    session.flush()
    audit.record(
        session=session, user=user, action="notice.answer", entity="notice", entity_id=notice.id,
        task_id=notice.task_id, before=before, after={"state": notice.state, "answer": answer},
    )
    return notice


def close_notice(*, session: Session, notice: NoticeRow, user: UserRow) -> NoticeRow:
    """The office closes the notice."""
    if notice.state == "closed":
        raise DubanError(ErrorCode.STORE_INVALID, detail="督办单已办结")
    before = {"state": notice.state}
    notice.state = "closed"
    notice.closed_by_id = user.id
    notice.closed_at = utcnow()
    session.flush()
    audit.record(
        session=session, user=user, action="notice.close", entity="notice", entity_id=notice.id,
        task_id=notice.task_id, before=before, after={"state": "closed"},
    )
    return notice


def get_notice(*, session: Session, notice_id: int) -> NoticeRow | None:
    return session.get(NoticeRow, notice_id)


def for_task(*, session: Session, task_id: int) -> Sequence[NoticeRow]:
    return session.scalars(
        select(NoticeRow).where(NoticeRow.task_id == task_id).order_by(NoticeRow.issued_at.desc())
    ).all()


@dataclass(slots=True)
class NoticeFilter:
    state: str = ""  # open | answered | closed | overdue | ""
    department_id: int | None = None


def list_notices(*, session: Session, filters: NoticeFilter, today: dt.date, limit: int = 500) -> Sequence[NoticeRow]:
    """Notices matching the filter, open and overdue first, then by due date."""
    stmt = select(NoticeRow)
    if filters.state == "overdue":
        stmt = stmt.where(NoticeRow.state == "open", NoticeRow.due_on < today)
    elif filters.state:
        stmt = stmt.where(NoticeRow.state == filters.state)
    if filters.department_id is not None:
        stmt = stmt.where(NoticeRow.department_id == filters.department_id)
    stmt = stmt.order_by(NoticeRow.state != "open", NoticeRow.due_on, NoticeRow.id).limit(limit)
    return session.scalars(stmt).all()


def counts_by_department(*, session: Session, today: dt.date) -> dict[int, tuple[int, int]]:
    """department id → (notices issued, notices overdue)."""
    out: dict[int, tuple[int, int]] = {}
    rows = session.execute(
        select(NoticeRow.department_id, NoticeRow.state, NoticeRow.due_on)
    ).all()
    for department_id, state, due_on in rows:
        if department_id is None:
            continue
        total, overdue = out.get(department_id, (0, 0))
        out[department_id] = (total + 1, overdue + (1 if state == "open" and due_on < today else 0))
    return out


def count_open(*, session: Session) -> int:
    return session.scalar(select(func.count()).select_from(NoticeRow).where(NoticeRow.state != "closed")) or 0
