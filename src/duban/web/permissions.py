"""Who may write what, decided on the server for every write (never by hiding buttons).

- admin (督查室): everything.
- department: progress on, and answers to notices about, the tasks where its
  department is lead or co-department; nothing else.
- viewer: nothing (read-only).
Anonymous visitors see only the public page.
"""

from __future__ import annotations

from duban.store.tables import NoticeRow, TaskRow, UserRow
from duban.web.errors import Forbidden


def is_admin(user: UserRow | None) -> bool:
    return user is not None and user.role == "admin" and user.active


def task_departments(task: TaskRow) -> set[int]:
    return {a.department_id for a in task.assignments}


def can_report(user: UserRow | None, task: TaskRow) -> bool:
    """May ``user`` add a progress report to ``task``?"""
    if user is None or not user.active:
        return False
    if user.role == "admin":
        return True
    return user.role == "department" and user.department_id is not None and user.department_id in task_departments(task)


def require_report(user: UserRow, task: TaskRow) -> None:
    if not can_report(user, task):
        if user.role == "viewer":
            raise Forbidden("只读账号不能报送进展。")
        raise Forbidden("该任务不属于本单位（既非牵头单位也非配合单位），不能报送进展。")


def can_answer(user: UserRow | None, notice: NoticeRow) -> bool:
    """Only the department a notice was sent to answers it."""
    return (
        user is not None and user.active and user.role == "department"
        and user.department_id is not None and user.department_id == notice.department_id
    )


def require_answer(user: UserRow, notice: NoticeRow) -> None:
    if not can_answer(user, notice):
        raise Forbidden("督办单只能由被督办单位答复。")


def require_admin(user: UserRow) -> None:
    if not is_admin(user):
        raise Forbidden("此操作仅限督查室管理员。")
