"""The demo database: the embedded sample imported, an admin and three department accounts.

``duban demo`` and the test suite's ``demo_db`` fixture both call
:func:`build_demo`, so the tests run on exactly what a new user sees.
Building is idempotent: the sample is imported once (by sha256) and existing
accounts are kept; a password is generated (and returned, to be printed once)
only for an account created now, unless one is given, which is then set.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from duban.errors import DubanError, ErrorCode
from duban.pipeline import analyse_sample
from duban.store.repo.reports import import_analysis
from duban.store.repo.users import create_user, get_user_by_username, set_password
from duban.store.tables import DepartmentRow, TaskDepartmentRow, TaskRow, UserRow

ADMIN = "admin"
DEPARTMENT_ACCOUNTS = 3


@dataclass(slots=True)
class Demo:
    """What :func:`build_demo` made: the report, the accounts and new passwords."""

    report_id: int
    report_created: bool
    admin: str = ADMIN
    departments: dict[str, str] = field(default_factory=dict)  # username -> department name
    passwords: dict[str, str] = field(default_factory=dict)  # only accounts created or reset now


def _new_password() -> str:
    return secrets.token_urlsafe(9)


def demo_departments(*, session: Session, report_id: int, count: int = DEPARTMENT_ACCOUNTS) -> list[DepartmentRow]:
    """The ``count`` departments that lead the most tasks of the report (ties: catalogue order)."""
    leads = (
        select(TaskDepartmentRow.department_id, func.count(TaskDepartmentRow.id).label("n"))
        .join(TaskRow, TaskRow.id == TaskDepartmentRow.task_id)
        .where(TaskRow.report_id == report_id, TaskDepartmentRow.role == "lead")
        .group_by(TaskDepartmentRow.department_id)
        .subquery()
    )
    rows = session.execute(
        select(DepartmentRow)
        .join(leads, leads.c.department_id == DepartmentRow.id)
        .where(DepartmentRow.active.is_(True))
        .order_by(leads.c.n.desc(), DepartmentRow.position, DepartmentRow.id)
        .limit(count)
    ).scalars().all()
    return list(rows)


def _account(
    session: Session, demo: Demo, username: str, password: str | None, role: str, department: DepartmentRow | None
) -> None:
    user = get_user_by_username(session=session, username=username)
    if user is None:
        chosen = password or _new_password()
        create_user(
            session=session,
            username=username,
            password=chosen,
            role=role,
            department_id=department.id if department else None,
            display_name=department.name if department else "督查室",
        )
        demo.passwords[username] = chosen
    elif password:
        set_password(session=session, user=user, password=password)
        demo.passwords[username] = password


def build_demo(
    *,
    session: Session,
    admin_password: str | None = None,
    department_password: str | None = None,
) -> Demo:
    """Import the embedded sample (once) and create the demo accounts (once).

    Department accounts are named ``dept-<department key>`` for the three
    departments that lead the most tasks. Raises D411 when the ledger assigns
    no department at all. The caller commits.
    """
    analysis = analyse_sample()
    result = import_analysis(session=session, analysis=analysis)
    demo = Demo(report_id=result.report.id, report_created=result.created)
    _account(session, demo, ADMIN, admin_password, "admin", None)
    existing = session.scalars(
        select(UserRow).where(UserRow.role == "department", UserRow.username.like("dept-%")).order_by(UserRow.id)
    ).all()
    if len(existing) >= DEPARTMENT_ACCOUNTS:  # built before: keep the same accounts
        departments = [u.department for u in existing[:DEPARTMENT_ACCOUNTS] if u.department is not None]
    else:
        departments = demo_departments(session=session, report_id=result.report.id)
    if not departments:
        raise DubanError(ErrorCode.STORE_MISSING, detail="no department leads a task of the sample")
    for department in departments:
        username = f"dept-{department.key or department.id}"
        _account(session, demo, username, department_password, "department", department)
        demo.departments[username] = department.name
    session.flush()
    return demo
