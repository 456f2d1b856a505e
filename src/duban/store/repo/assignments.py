"""Assignment writes: accept or change a task's lead/co-departments and deadline.

Every change bumps the task's ``version`` (SQLAlchemy's version counter), and
the caller passes the version its form was built from: a stale version is a
conflict (``DubanError(WEB_CONFLICT)``), so a second editor never overwrites
the first one's change unseen. Every change is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from duban.errors import DubanError, ErrorCode
from duban.model.ledger import DepartmentSuggestion
from duban.store.repo import audit
from duban.store.repo.reports import sync_suggestions
from duban.store.tables import DepartmentRow, TaskDepartmentRow, TaskRow, UserRow, utcnow


def snapshot(task: TaskRow) -> dict[str, Any]:
    """The assignment fields of a task, for the audit log's before/after."""
    lead = sorted(a.department.name for a in task.assignments if a.role == "lead")
    co = sorted(a.department.name for a in task.assignments if a.role == "co")
    states = sorted({a.state for a in task.assignments})
    return {"lead": lead, "co": co, "deadline": task.deadline, "states": states, "version": task.version}


def check_version(task: TaskRow, expected_version: int | None) -> None:
    """Raise a conflict when the form was built from an older version of the task."""
    if expected_version is not None and expected_version != task.version:
        raise DubanError(
            ErrorCode.WEB_CONFLICT,
            detail=f"task {task.id} is at version {task.version}, the form was built from {expected_version}",
            version=task.version, expected=expected_version,
        )


def set_assignment(
    *,
    session: Session,
    task: TaskRow,
    user: UserRow,
    lead_ids: Sequence[int],
    co_ids: Sequence[int],
    deadline: dt.date | None,
    expected_version: int | None,
) -> TaskRow:
    """Make the given departments the confirmed lead and co-departments and set the deadline.

    A department listed as both lead and co is kept as lead only.
    """
    check_version(task, expected_version)
    if not lead_ids:
        raise DubanError(ErrorCode.STORE_INVALID, detail="a task needs a lead department")
    wanted: dict[int, str] = {d: "co" for d in co_ids}
    wanted.update({d: "lead" for d in lead_ids})
    existing = {a.department_id: a for a in task.assignments}
    for department_id in wanted:
        department = session.get(DepartmentRow, department_id)
        if department is None:
            raise DubanError(ErrorCode.STORE_MISSING, detail=f"department {department_id}")
        if not department.active and department_id not in existing:
            # a deactivated department keeps the tasks it has but gets no new ones
            raise DubanError(ErrorCode.STORE_INVALID, detail=f"{department.name}已停用，不能分配新任务")
    before = snapshot(task)
    now = utcnow()
    for department_id, old in list(existing.items()):
        if department_id not in wanted:
            task.assignments.remove(old)
    for department_id, role in wanted.items():
        row = existing.get(department_id)
        if row is None:
            row = TaskDepartmentRow(department_id=department_id, role=role, state="confirmed", rule="manual")
            task.assignments.append(row)
        row.role = role
        row.state = "confirmed"
        row.confirmed_by_id = user.id
        row.confirmed_at = now
    if deadline != task.deadline:
        task.status_on = task.status_until = None  # the status moves with the deadline: recompute it
    task.deadline = deadline
    task.updated_at = now  # an UPDATE of the task itself, so its version moves on
    session.flush()
    session.refresh(task, attribute_names=["assignments"])
    audit.record(
        session=session, user=user, action="task.assign", entity="task", entity_id=task.id,
        task_id=task.id, before=before, after=snapshot(task),
    )
    return task


def confirm_suggestions(*, session: Session, task: TaskRow, user: UserRow, expected_version: int | None = None) -> bool:
    """Accept the suggested departments of one task as they are; False if none was pending."""
    check_version(task, expected_version)
    pending = [a for a in task.assignments if a.state == "suggested"]
    if not pending:
        return False
    before = snapshot(task)
    now = utcnow()
    for row in pending:
        row.state = "confirmed"
        row.confirmed_by_id = user.id
        row.confirmed_at = now
    task.updated_at = now
    session.flush()
    audit.record(
        session=session, user=user, action="task.confirm", entity="task", entity_id=task.id,
        task_id=task.id, before=before, after=snapshot(task),
    )
    return True


def bulk_assign(
    *,
    session: Session,
    tasks: Sequence[TaskRow],
    user: UserRow,
    confirm: bool = False,
    lead_id: int | None = None,
    co_ids: Sequence[int] = (),
    deadline: dt.date | None = None,
) -> int:
    """Apply one action to many tasks: accept suggestions, or set a lead (plus co-departments)
    and/or a deadline. Returns how many tasks changed."""
    changed = 0
    for task in tasks:
        if confirm and lead_id is None and deadline is None:
            changed += confirm_suggestions(session=session, task=task, user=user)
            continue
        leads = [lead_id] if lead_id is not None else [a.department_id for a in task.assignments if a.role == "lead"]
        cos = list(co_ids) if lead_id is not None else [a.department_id for a in task.assignments if a.role == "co"]
        if not leads:
            raise DubanError(ErrorCode.STORE_INVALID, detail=f"task {task.id} has no lead department")
        set_assignment(
            session=session, task=task, user=user, lead_ids=leads, co_ids=cos,
            deadline=deadline if deadline is not None else task.deadline, expected_version=None,
        )
        changed += 1
    return changed


def close_task(*, session: Session, task: TaskRow, user: UserRow, expected_version: int | None,
               today: dt.date, reopen: bool = False) -> TaskRow:
    """The office marks a task done on ``today`` (``closed_at`` records when it clicked), or reopens it."""
    check_version(task, expected_version)
    before = {"closed_at": task.closed_at, "done_on": task.done_on, "version": task.version}
    if reopen:
        task.closed_at = None
        task.closed_by_id = None
        task.done_on = None
    else:
        task.closed_at = utcnow()
        task.closed_by_id = user.id
        task.done_on = today
    task.status_on = task.status_until = None  # done or open again: recompute the cached status
    task.updated_at = utcnow()
    session.flush()
    audit.record(
        session=session, user=user, action="task.reopen" if reopen else "task.close", entity="task",
        entity_id=task.id, task_id=task.id, before=before,
        after={"closed_at": task.closed_at, "version": task.version},
    )
    return task


def resuggest(
    *,
    session: Session,
    report_id: int,
    user: UserRow,
    suggest: Callable[[TaskRow], list[DepartmentSuggestion]],
) -> int:
    """Replace the suggested departments of a report's tasks by ``suggest``'s; return how many changed.

    Only tasks none of whose assignments is confirmed are touched: what the
    office confirmed is its decision and new rules never overrule it. Each
    changed task moves to a new version and gets an audit entry.
    """
    rows = session.scalars(
        select(TaskRow)
        .where(TaskRow.report_id == report_id, TaskRow.retired.is_(False))
        .order_by(TaskRow.position)
        .options(selectinload(TaskRow.assignments).selectinload(TaskDepartmentRow.department))
    ).all()
    changed = 0
    for task in rows:
        if any(a.state == "confirmed" for a in task.assignments):
            continue
        before = snapshot(task)
        sync_suggestions(session, task, suggest(task), {})
        session.flush()
        session.refresh(task, attribute_names=["assignments"])
        after = snapshot(task)
        if (before["lead"], before["co"]) == (after["lead"], after["co"]):
            continue
        task.updated_at = utcnow()  # an UPDATE of the task itself, so its version moves on
        session.flush()
        after["version"] = task.version
        audit.record(session=session, user=user, action="task.resuggest", entity="task", entity_id=task.id,
                     task_id=task.id, before=before, after=after)
        changed += 1
    return changed
