"""Ledger reads: tasks with filters and pagination, one task in full, counts for charts.

Retired tasks (no longer found by a re-parse) are left out unless asked for.
Writes to tasks (assignment, status, closing) belong to the web workflow.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy import Select, Table, func, or_, select, update
from sqlalchemy.orm import Session, load_only, selectinload

from duban.store.tables import (
    AreaRow,
    DepartmentRow,
    TaskDepartmentRow,
    TaskRow,
    ThemeRow,
)


@dataclass(frozen=True, slots=True)
class DepartmentRef:
    """The part of a department a ledger row shows: its name and where it sorts."""

    name: str
    position: int


@dataclass(frozen=True, slots=True)
class AssignmentLine:
    """A task's assignment as a ledger row shows it (duck-types ``TaskDepartmentRow`` for the presenters)."""

    department_id: int
    department: DepartmentRef
    role: str
    state: str
    rule: str | None


@dataclass(slots=True)
class TaskLine:
    """A ledger row: the columns of :data:`SUMMARY_COLUMNS` and the assignments, as plain values.

    Read with two column queries instead of ORM objects (no identity map, no
    relationship loaders): a ledger page of 50 rows costs a fraction of loading
    50 ``TaskRow`` with their assignments and departments.
    """

    id: int
    report_id: int
    area_id: int | None
    number: str | None
    title: str
    text: str
    deadline: dt.date | None
    status: str
    status_reason: str | None
    percent: float | None
    last_reported_on: dt.date | None
    position: int
    version: int
    status_on: dt.date | None
    assignments: list[AssignmentLine] = field(default_factory=list)


Item = TypeVar("Item")


@dataclass(slots=True)
class Page(Generic[Item]):
    """One page of a filtered task list: ORM rows or :class:`TaskLine` rows."""

    items: list[Item]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))


TaskLinePage = Page[TaskLine]
TaskPage = Page[TaskRow]


def _filtered(
    *,
    report_id: int | None,
    area_id: int | None,
    theme_id: int | None,
    department_id: int | None,
    department_role: str | None,
    status: str | Sequence[str] | None,
    kind: str | None,
    search: str | None,
    include_retired: bool,
) -> Select[TaskRow]:
    query = select(TaskRow)
    if report_id is not None:
        query = query.where(TaskRow.report_id == report_id)
    if area_id is not None:
        query = query.where(TaskRow.area_id == area_id)
    if theme_id is not None:
        query = query.where(TaskRow.theme_id == theme_id)
    if department_id is not None:
        assigned = select(TaskDepartmentRow.task_id).where(TaskDepartmentRow.department_id == department_id)
        if department_role:
            assigned = assigned.where(TaskDepartmentRow.role == department_role)
        query = query.where(TaskRow.id.in_(assigned))
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        query = query.where(TaskRow.status.in_(statuses))
    if kind:
        query = query.where(TaskRow.kind == kind)
    if search:
        pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(or_(TaskRow.text.like(pattern, escape="\\"), TaskRow.key == search))
    if not include_retired:
        query = query.where(TaskRow.retired.is_(False))
    return query


SUMMARY_COLUMNS = (
    TaskRow.id, TaskRow.report_id, TaskRow.area_id, TaskRow.number, TaskRow.title, TaskRow.text, TaskRow.deadline,
    TaskRow.status, TaskRow.status_reason, TaskRow.percent, TaskRow.last_reported_on, TaskRow.position,
    TaskRow.version, TaskRow.status_on,
)


def list_tasks(
    *,
    session: Session,
    report_id: int | None = None,
    area_id: int | None = None,
    theme_id: int | None = None,
    department_id: int | None = None,
    department_role: str | None = None,
    status: str | Sequence[str] | None = None,
    kind: str | None = None,
    search: str | None = None,
    include_retired: bool = False,
    page: int = 1,
    page_size: int = 50,
    summary: bool = False,
) -> TaskPage:
    """Tasks in ledger order, filtered, one page at a time (``page`` counts from 1).

    ``department_id`` keeps the tasks where that department is lead or co
    (``department_role`` narrows it to one); ``search`` matches part of the
    text or the exact task key. Each task comes with its assignments and
    targets loaded. ``summary`` loads only what a ledger row shows (the
    columns of :data:`SUMMARY_COLUMNS`, the assignments, no targets): a page
    of the ledger then costs a fraction of the full rows.
    """
    page = max(1, page)
    query = _filtered(
        report_id=report_id,
        area_id=area_id,
        theme_id=theme_id,
        department_id=department_id,
        department_role=department_role,
        status=status,
        kind=kind,
        search=search,
        include_retired=include_retired,
    )
    total = session.scalar(query.with_only_columns(func.count(TaskRow.id)).order_by(None)) or 0
    options = (
        [load_only(*SUMMARY_COLUMNS),
         selectinload(TaskRow.assignments).options(
             load_only(TaskDepartmentRow.task_id, TaskDepartmentRow.department_id, TaskDepartmentRow.role,
                       TaskDepartmentRow.state, TaskDepartmentRow.rule),
             selectinload(TaskDepartmentRow.department).load_only(DepartmentRow.name, DepartmentRow.position))]
        if summary else
        [selectinload(TaskRow.assignments).selectinload(TaskDepartmentRow.department),
         selectinload(TaskRow.targets)]
    )
    items = session.scalars(
        query.options(*options)
        .order_by(TaskRow.position, TaskRow.id)
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    return TaskPage(items=list(items), total=total, page=page, page_size=page_size)


def list_task_lines(
    *,
    session: Session,
    report_id: int | None = None,
    area_id: int | None = None,
    department_id: int | None = None,
    status: str | Sequence[str] | None = None,
    kind: str | None = None,
    search: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> TaskLinePage:
    """What :func:`list_tasks` finds, for a ledger page: live tasks, plain :class:`TaskLine` rows.

    The same filters, order and paging; each row has the columns a ledger
    row shows and its assignments (lead first, then co, in department order),
    read by one more query joined to the departments' names.
    """
    page = max(1, page)
    query = _filtered(
        report_id=report_id, area_id=area_id, theme_id=None, department_id=department_id, department_role=None,
        status=status, kind=kind, search=search, include_retired=False,
    )
    total = session.scalar(query.with_only_columns(func.count(TaskRow.id)).order_by(None)) or 0
    rows = session.execute(
        query.with_only_columns(*SUMMARY_COLUMNS)
        .order_by(TaskRow.position, TaskRow.id)
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    items = [
        TaskLine(id=r.id, report_id=r.report_id, area_id=r.area_id, number=r.number, title=r.title, text=r.text,
                 deadline=r.deadline, status=r.status, status_reason=r.status_reason, percent=r.percent,
                 last_reported_on=r.last_reported_on, position=r.position, version=r.version, status_on=r.status_on)
        for r in rows
    ]
    by_id = {t.id: t for t in items}
    if by_id:
        assigned = session.execute(
            select(TaskDepartmentRow.task_id, TaskDepartmentRow.department_id, TaskDepartmentRow.role,
                   TaskDepartmentRow.state, TaskDepartmentRow.rule, DepartmentRow.name, DepartmentRow.position)
            .join(DepartmentRow, DepartmentRow.id == TaskDepartmentRow.department_id)
            .where(TaskDepartmentRow.task_id.in_(list(by_id)))
            .order_by(TaskDepartmentRow.task_id, TaskDepartmentRow.id)
        ).all()
        for task_id, dept_id, role, state, rule, name, position in assigned:
            by_id[task_id].assignments.append(AssignmentLine(dept_id, DepartmentRef(name, position), role, state, rule))
    return TaskLinePage(items=items, total=total, page=page, page_size=page_size)


def get_task(*, session: Session, task_id: int) -> TaskRow | None:
    """One task with its targets and assignments (and their departments, joined: one query less), or None."""
    return session.scalar(
        select(TaskRow)
        .where(TaskRow.id == task_id)
        .options(
            selectinload(TaskRow.assignments).joinedload(TaskDepartmentRow.department),
            selectinload(TaskRow.targets),
        )
    )


def get_task_by_key(*, session: Session, lineage: str, key: str) -> TaskRow | None:
    """A task by its stable key within a report lineage, or None."""
    return session.scalar(select(TaskRow).where(TaskRow.lineage == lineage, TaskRow.key == key))


def get_area(*, session: Session, area_id: int) -> AreaRow | None:
    """The area of a task, or None."""
    return session.get(AreaRow, area_id)


def get_theme(*, session: Session, theme_id: int) -> ThemeRow | None:
    """The theme of a task, or None."""
    return session.get(ThemeRow, theme_id)


def count_by_status(
    *, session: Session, report_id: int, area_id: int | None = None, department_id: int | None = None,
    kind: str | None = None, search: str | None = None,
) -> dict[str, int]:
    """How many current tasks of a report have each status; optionally among those a ledger filter keeps.

    The ledger's status pills count what the other filters show: a department's
    own page must not show the whole report's 161 unreported tasks over its 20.
    """
    if area_id is None and department_id is None and not kind and not search:
        rows = session.execute(
            select(TaskRow.status, func.count(TaskRow.id))
            .where(TaskRow.report_id == report_id, TaskRow.retired.is_(False))
            .group_by(TaskRow.status)
        ).all()
        return {status: count for status, count in rows}
    query = _filtered(report_id=report_id, area_id=area_id, theme_id=None, department_id=department_id,
                      department_role=None, status=None, kind=kind, search=search, include_retired=False)
    rows = session.execute(
        query.with_only_columns(TaskRow.status, func.count(TaskRow.id)).group_by(TaskRow.status).order_by(None)
    ).all()
    return {status: count for status, count in rows}


def count_by_area_and_status(*, session: Session, report_id: int) -> list[tuple[AreaRow, dict[str, int]]]:
    """Per area of a report (in order), how many tasks have each status (the overview chart)."""
    areas = session.scalars(select(AreaRow).where(AreaRow.report_id == report_id).order_by(AreaRow.position)).all()
    rows = session.execute(
        select(TaskRow.area_id, TaskRow.status, func.count(TaskRow.id))
        .where(TaskRow.report_id == report_id, TaskRow.retired.is_(False))
        .group_by(TaskRow.area_id, TaskRow.status)
    ).all()
    counts: dict[int | None, dict[str, int]] = {}
    for area_id, status, count in rows:
        counts.setdefault(area_id, {})[status] = count
    return [(area, counts.get(area.id, {})) for area in areas]


def count_by_department_and_status(
    *, session: Session, report_id: int, role: str | None = "lead"
) -> list[tuple[DepartmentRow, dict[str, int]]]:
    """Per department with tasks in a report, how many of them have each status.

    ``role`` counts lead assignments only by default (each task once); ``None``
    counts lead and co.
    """
    query = (
        select(TaskDepartmentRow.department_id, TaskRow.status, func.count(TaskRow.id))
        .join(TaskRow, TaskRow.id == TaskDepartmentRow.task_id)
        .where(TaskRow.report_id == report_id, TaskRow.retired.is_(False))
        .group_by(TaskDepartmentRow.department_id, TaskRow.status)
    )
    if role:
        query = query.where(TaskDepartmentRow.role == role)
    counts: dict[int, dict[str, int]] = {}
    for department_id, status, count in session.execute(query).all():
        counts.setdefault(department_id, {})[status] = count
    if not counts:
        return []
    departments = session.scalars(
        select(DepartmentRow).where(DepartmentRow.id.in_(counts)).order_by(DepartmentRow.position, DepartmentRow.id)
    ).all()
    return [(d, counts[d.id]) for d in departments]


def forget_statuses(*, session: Session) -> None:
    """Mark every cached status as to be recomputed (thresholds or tasks changed).

    A plain UPDATE of the cache columns: the tasks' versions do not move.
    """
    table: Table = TaskRow.__table__  # type: ignore[assignment]
    session.execute(update(table).values(status_on=None, status_until=None, updated_at=table.c.updated_at))
