"""The assessment table: per department, how its tasks stand on a given date, and a score.

Each live task counts once for its lead department(s); co-departments are
shown but not scored (the lead answers for the task). A task's outcome is its
status on ``as_of`` computed from the progress reported up to that date, so
the table can be drawn for the year end or for any earlier day:

- done → on time, done_late → late, green → on track, yellow → behind,
  red → seriously behind or overdue, not_reported → not reported.

The score is :meth:`duban.config.AssessmentWeights.score` (documented in
docs/assessment.md): the weighted share of outcomes, minus a penalty per
overdue notice, clamped to 0…100.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from duban.config import AssessmentWeights
from duban.ledger.status import Colour, Thresholds
from duban.store.repo.progress import compute_task_status
from duban.store.tables import (
    DepartmentRow,
    NoticeRow,
    ProgressReportRow,
    ProgressValueRow,
    ReportRow,
    TaskDepartmentRow,
    TaskRow,
)

OUTCOME = {
    Colour.DONE: "on_time",
    Colour.DONE_LATE: "late",
    Colour.GREEN: "on_track",
    Colour.YELLOW: "behind",
    Colour.RED: "overdue",
    Colour.NOT_REPORTED: "not_reported",
}


@dataclass(slots=True)
class DepartmentScore:
    department_id: int
    department: str
    tasks: int = 0
    co_tasks: int = 0
    on_time: int = 0
    late: int = 0
    on_track: int = 0
    behind: int = 0
    overdue: int = 0
    not_reported: int = 0
    notices: int = 0
    overdue_notices: int = 0
    score: float | None = None
    rank: int | None = None
    task_ids: list[int] = field(default_factory=list)


def assess(
    *,
    session: Session,
    as_of: dt.date,
    thresholds: Thresholds,
    weights: AssessmentWeights,
) -> list[DepartmentScore]:
    """One row per active department with at least one task or notice, best score first."""
    departments = {d.id: d for d in session.scalars(select(DepartmentRow))}
    reports = {r.id: r for r in session.scalars(select(ReportRow))}
    tasks = {t.id: t for t in session.scalars(select(TaskRow).where(TaskRow.retired.is_(False)))}

    latest: dict[int, ProgressReportRow] = {}
    for row in session.scalars(
        select(ProgressReportRow)
        .where(ProgressReportRow.reported_on <= as_of)
        .order_by(ProgressReportRow.reported_on, ProgressReportRow.id)
    ):
        latest[row.task_id] = row
    achieved: dict[int, dict[int, float]] = {}
    for task_id, target_id, value in session.execute(
        select(ProgressReportRow.task_id, ProgressValueRow.task_target_id, ProgressValueRow.value)
        .join(ProgressValueRow, ProgressValueRow.progress_report_id == ProgressReportRow.id)
        .where(ProgressReportRow.reported_on <= as_of)
        .order_by(ProgressReportRow.reported_on, ProgressReportRow.id)
    ):
        achieved.setdefault(task_id, {})[target_id] = value

    rows: dict[int, DepartmentScore] = {}

    def row_for(department_id: int) -> DepartmentScore:
        if department_id not in rows:
            d = departments[department_id]
            rows[department_id] = DepartmentScore(department_id, d.name)
        return rows[department_id]

    outcome_cache: dict[int, str] = {}
    for task_id, department_id, role in session.execute(
        select(TaskDepartmentRow.task_id, TaskDepartmentRow.department_id, TaskDepartmentRow.role)
    ):
        task = tasks.get(task_id)
        if task is None or department_id not in departments:
            continue
        entry = row_for(department_id)
        if role != "lead":
            entry.co_tasks += 1
            continue
        if task_id not in outcome_cache:
            closed_on = (task.done_on or task.closed_at.date()) if task.closed_at is not None else None
            closed = task.closed_at if closed_on is not None and closed_on <= as_of else None
            if closed is None and task.closed_at is not None:
                # closed after as_of: judge as it stood then
                saved = task.closed_at
                task.closed_at = None
                status = compute_task_status(task, reports.get(task.report_id), latest.get(task_id),
                                             achieved.get(task_id, {}), today=as_of, thresholds=thresholds)
                task.closed_at = saved
            else:
                status = compute_task_status(task, reports.get(task.report_id), latest.get(task_id),
                                             achieved.get(task_id, {}), today=as_of, thresholds=thresholds)
            outcome_cache[task_id] = OUTCOME[status.colour]
        outcome = outcome_cache[task_id]
        entry.tasks += 1
        entry.task_ids.append(task_id)
        setattr(entry, outcome, getattr(entry, outcome) + 1)

    for notice_department, due_on, state, issued_at, answered_at in session.execute(
        select(NoticeRow.department_id, NoticeRow.due_on, NoticeRow.state, NoticeRow.issued_at, NoticeRow.answered_at)
    ):
        if notice_department is None or notice_department not in departments or issued_at.date() > as_of:
            continue
        entry = row_for(notice_department)
        entry.notices += 1
        answered_in_time = answered_at is not None and answered_at.date() <= as_of
        if due_on < as_of and not answered_in_time and state != "closed":
            entry.overdue_notices += 1

    for entry in rows.values():
        entry.score = weights.score(
            on_time=entry.on_time, late=entry.late, on_track=entry.on_track, behind=entry.behind,
            overdue=entry.overdue, not_reported=entry.not_reported, overdue_notices=entry.overdue_notices,
        )
    ordered = sorted(rows.values(), key=lambda e: (e.score is None, -(e.score or 0), e.department))
    rank = 0
    previous: float | None = None
    for i, entry in enumerate(ordered, start=1):
        if entry.score is None:
            continue
        if entry.score != previous:
            rank = i
            previous = entry.score
        entry.rank = rank
    return ordered
