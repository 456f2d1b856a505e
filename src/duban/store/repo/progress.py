"""Progress reports and task status: append a report, compute and cache the colour.

Every progress report is kept (the task page shows the history). A task's
status is computed by :func:`duban.ledger.status.compute_status` from its
dates, its latest report and the latest achieved value of each quantified
target, then cached on the task row (``status``, ``status_reason``,
``percent`` …) for listing and filtering. The cache is written with a plain
UPDATE that does not bump the task's ``version``: a new progress report must
not make the office's open assignment form stale.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, func, or_, select, update
from sqlalchemy.orm import Session, defer, load_only, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from duban.errors import DubanError, ErrorCode
from duban.ledger.status import (
    ProgressPoint,
    Status,
    TargetProgress,
    Thresholds,
    compute_status,
)
from duban.lexicon import load_data
from duban.store.repo import audit
from duban.store.tables import (
    ProgressReportRow,
    ProgressValueRow,
    ReportRow,
    TaskRow,
    TaskTargetRow,
    UserRow,
    utcnow,
)


@dataclass(frozen=True, slots=True)
class Stage:
    """A milestone stage (progress_stages.yaml)."""

    key: str
    label: str
    percent: float | None
    done: bool = False


def stages() -> list[Stage]:
    """The stages a department may report, in form order."""
    data = load_data("progress_stages.yaml")
    return [
        Stage(s["key"], s["label"], s.get("percent"), bool(s.get("done", False)))
        for s in data["stages"]
    ]


def stage_by_label(label: str) -> Stage | None:
    return next((s for s in stages() if s.label == label or s.key == label), None)


@dataclass(slots=True)
class Evidence:
    """An evidence file already written to the upload folder under ``stored_name``."""

    stored_name: str
    original_name: str
    mime: str
    size: int


@dataclass(slots=True)
class ProgressInput:
    """What a department reports; ``values`` maps task-target id to the achieved value."""

    reported_on: dt.date
    percent: float | None = None
    stage: str | None = None
    narrative: str = ""
    source_url: str | None = None
    values: dict[int, float] = field(default_factory=dict)
    evidence: Evidence | None = None


def validate_progress(task: TaskRow, data: ProgressInput, *, today: dt.date) -> list[str]:
    """Every problem with ``data`` for ``task``, in Chinese; empty when it may be stored."""
    errors: list[str] = []
    if data.percent is not None and not (0 <= data.percent <= 100):
        errors.append(f"完成进度应在0到100之间，收到{data.percent:g}。")
    if data.stage and stage_by_label(data.stage) is None:
        allowed = "、".join(s.label for s in stages())
        errors.append(f"未知的推进阶段“{data.stage}”，可选：{allowed}。")
    if data.percent is None and not data.stage and not data.values and not data.narrative.strip():
        errors.append("请至少填写完成进度、推进阶段、指标完成值或进展情况中的一项。")
    if data.reported_on > today:
        errors.append(f"报送日期{data.reported_on.isoformat()}晚于今天。")
    target_ids = {t.id for t in task.targets}
    for target_id, value in data.values.items():
        if target_id not in target_ids:
            errors.append(f"指标{target_id}不属于该任务。")
        elif not math.isfinite(value):
            errors.append(f"指标{target_id}的完成值不是有效数字。")
    if data.source_url and not data.source_url.startswith(("http://", "https://")):
        errors.append("来源链接须以 http:// 或 https:// 开头。")
    return errors


def add_progress(
    *,
    session: Session,
    task: TaskRow,
    user: UserRow,
    data: ProgressInput,
    today: dt.date,
    thresholds: Thresholds,
) -> ProgressReportRow:
    """Append a progress report, log it and refresh the task's status.

    Raises ``DubanError(STORE_INVALID)`` with the Chinese problems as ``errors``.
    """
    errors = validate_progress(task, data, today=today)
    if errors:
        raise DubanError(ErrorCode.STORE_INVALID, detail="；".join(errors))
    stage = stage_by_label(data.stage) if data.stage else None
    row = ProgressReportRow(
        task_id=task.id,
        department_id=user.department_id,
        user_id=user.id,
        reported_on=data.reported_on,
        percent=data.percent,
        stage=stage.label if stage else None,
        narrative=data.narrative.strip(),
        source_url=data.source_url or None,
    )
    if data.evidence is not None:
        row.evidence_stored_name = data.evidence.stored_name
        row.evidence_original_name = data.evidence.original_name
        row.evidence_mime = data.evidence.mime
        row.evidence_size = data.evidence.size
    row.values = [ProgressValueRow(task_target_id=tid, value=v) for tid, v in data.values.items()]
    session.add(row)
    session.flush()
    before = {"status": task.status, "percent": task.percent}
    status = refresh_status(session=session, task=task, today=today, thresholds=thresholds)
    audit.record(
        session=session,
        user=user,
        action="progress.report",
        entity="progress_report",
        entity_id=row.id,
        task_id=task.id,
        before=before,
        after={
            "reported_on": data.reported_on,
            "percent": data.percent,
            "stage": row.stage,
            "narrative": row.narrative,
            "values": {str(k): v for k, v in data.values.items()},
            "evidence": data.evidence.original_name if data.evidence else None,
            "status": status.colour.value,
        },
    )
    return row


def history(*, session: Session, task_id: int) -> Sequence[ProgressReportRow]:
    """Every progress report of a task, newest first, with its values (loaded in one more query, not one per report)."""
    stmt = (
        select(ProgressReportRow)
        .where(ProgressReportRow.task_id == task_id)
        .options(selectinload(ProgressReportRow.values))
        .order_by(ProgressReportRow.reported_on.desc(), ProgressReportRow.id.desc())
    )
    return session.scalars(stmt).all()


def get_progress_report(*, session: Session, progress_id: int) -> ProgressReportRow | None:
    return session.get(ProgressReportRow, progress_id)


# --------------------------------------------------------------------------- status


def schedule_window(task: TaskRow, report: ReportRow | None) -> tuple[dt.date, dt.date]:
    """(start, deadline) of the task's schedule: delivery date (else Jan 1) to deadline (else Dec 31)."""
    year = (report.year if report is not None and report.year else None) or task.created_at.year
    start = (report.delivered_on if report is not None else None) or dt.date(year, 1, 1)
    deadline = task.deadline or dt.date(year, 12, 31)
    return start, deadline


def _point(latest: Any) -> ProgressPoint | None:
    """The status input from a progress report (a row or a light row with the same fields)."""
    if latest is None:
        return None
    stage = stage_by_label(latest.stage) if latest.stage else None
    return ProgressPoint(
        reported_on=latest.reported_on,
        percent=latest.percent,
        stage=latest.stage,
        stage_percent=stage.percent if stage else None,
        stage_done=stage.done if stage else False,
    )


def _targets(task: TaskRow, achieved: dict[int, float]) -> list[TargetProgress]:
    return [
        TargetProgress(
            name=t.indicator,
            target=t.value,
            achieved=achieved.get(t.id),
            comparator=t.comparator,
            cumulative=t.measure == "level",
            unit=t.unit,
        )
        for t in task.targets
        if not t.retired
    ]


def latest_values(*, session: Session, task_ids: Iterable[int]) -> dict[int, dict[int, float]]:
    """task id → (target id → the latest achieved value reported for it)."""
    ids = list(task_ids)
    out: dict[int, dict[int, float]] = {}
    if not ids:
        return out
    stmt = (
        select(ProgressReportRow.task_id, ProgressValueRow.task_target_id, ProgressValueRow.value)
        .join(ProgressValueRow, ProgressValueRow.progress_report_id == ProgressReportRow.id)
        .where(ProgressReportRow.task_id.in_(ids))
        .order_by(ProgressReportRow.reported_on, ProgressReportRow.id)
    )
    for task_id, target_id, value in session.execute(stmt):
        out.setdefault(task_id, {})[target_id] = value  # later rows win
    return out


def latest_reports(*, session: Session, task_ids: Iterable[int]) -> dict[int, ProgressReportRow]:
    """task id → its latest progress report (by date, then entry order)."""
    ids = list(task_ids)
    out: dict[int, ProgressReportRow] = {}
    if not ids:
        return out
    stmt = (
        select(ProgressReportRow)
        .where(ProgressReportRow.task_id.in_(ids))
        .order_by(ProgressReportRow.reported_on, ProgressReportRow.id)
    )
    for row in session.scalars(stmt):
        out[row.task_id] = row
    return out


def compute_task_status(
    task: TaskRow,
    report: ReportRow | None,
    latest: Any,
    achieved: dict[int, float],
    *,
    today: dt.date,
    thresholds: Thresholds,
) -> Status:
    """The status of one task from already loaded rows (no queries)."""
    start, deadline = schedule_window(task, report)
    completed_on = None
    if task.closed_at is not None:
        completed_on = task.done_on or task.closed_at.date()
    return compute_status(
        today=today,
        start=start,
        deadline=deadline,
        progress=_point(latest),
        targets=_targets(task, achieved),
        completed_on=completed_on,
        thresholds=thresholds,
    )


TASKS: Table = TaskRow.__table__  # type: ignore[assignment]


def _report_head(session: Session, report_id: int) -> ReportRow | None:
    return session.scalar(select(ReportRow).where(ReportRow.id == report_id).options(defer(ReportRow.text)))


def task_status(*, session: Session, task: TaskRow, today: dt.date, thresholds: Thresholds) -> Status:
    """The status of ``task`` now (queries its latest report and values)."""
    report = _report_head(session, task.report_id)
    latest = latest_reports(session=session, task_ids=[task.id]).get(task.id)
    achieved = latest_values(session=session, task_ids=[task.id]).get(task.id, {})
    return compute_task_status(task, report, latest, achieved, today=today, thresholds=thresholds)


def achieved_from_history(rows: Sequence[ProgressReportRow]) -> dict[int, float]:
    """target id → latest achieved value, from a task's history (newest first, values loaded).

    The same answer as :func:`latest_values` for one task, without another query.
    """
    out: dict[int, float] = {}
    for row in reversed(rows):
        for value in row.values:
            out[value.task_target_id] = value.value  # later reports win
    return out


def status_from_history(
    *, task: TaskRow, report: ReportRow | None, rows: Sequence[ProgressReportRow], today: dt.date,
    thresholds: Thresholds,
) -> Status:
    """The status of ``task`` from its already loaded :func:`history` (no queries)."""
    latest = rows[0] if rows else None
    return compute_task_status(task, report, latest, achieved_from_history(rows), today=today, thresholds=thresholds)


FOREVER = dt.date(9999, 12, 31)
"""``status_until`` of a colour no date can change: done, or red past the deadline."""


def colour_until(
    task: TaskRow, report: ReportRow | None, latest: Any, achieved: dict[int, float], status: Status, *,
    today: dt.date, thresholds: Thresholds,
) -> dt.date:
    """The last day the colour of ``status`` (computed for ``today``) holds if the task's data stay as they are.

    As days pass the schedule (序时进度) only grows, so every "points behind"
    only grows and a colour only worsens (not reported → red at the deadline,
    green → yellow → red); done stays done. The first day the colour differs is
    therefore found by bisection between today and the day after the deadline.
    """
    if status.colour.value in ("done", "done_late"):
        return FOREVER
    _, deadline = schedule_window(task, report)
    if today > deadline:
        return FOREVER  # red, overdue

    def colour_on(day: dt.date) -> str:
        return compute_task_status(task, report, latest, achieved, today=day, thresholds=thresholds).colour.value

    colour = status.colour.value
    low, high = today, deadline + dt.timedelta(days=1)  # colour(low) == colour; is colour(high) different?
    if colour_on(high) == colour:
        return FOREVER
    while (high - low).days > 1:
        middle = low + dt.timedelta(days=(high - low).days // 2)
        if colour_on(middle) == colour:
            low = middle
        else:
            high = middle
    return low


def _cache(session: Session, task: TaskRow, status: Status, latest: ProgressReportRow | None, *,
           today: dt.date, until: dt.date) -> None:
    values: dict[str, Any] = {
        "status": status.colour.value,
        "status_reason": status.reason,
        "status_on": today,
        "status_until": until,
        "status_at": utcnow(),
        "percent": latest.percent if latest is not None else None,
        "last_reported_on": latest.reported_on if latest is not None else None,
    }
    if status.colour.value in ("done", "done_late") and task.done_on is None:
        values["done_on"] = ((task.done_on or task.closed_at.date()) if task.closed_at
                             else (latest.reported_on if latest else None))
    session.execute(update(TASKS).where(TASKS.c.id == task.id).values(**values))
    # keep the loaded object in step without marking it dirty
    for key, value in values.items():
        set_committed_value(task, key, value)


def refresh_status(*, session: Session, task: TaskRow, today: dt.date, thresholds: Thresholds) -> Status:
    """Compute the task's status and cache it on the row (no version bump)."""
    report = _report_head(session, task.report_id)
    latest = latest_reports(session=session, task_ids=[task.id]).get(task.id)
    achieved = latest_values(session=session, task_ids=[task.id]).get(task.id, {})
    status = compute_task_status(task, report, latest, achieved, today=today, thresholds=thresholds)
    until = colour_until(task, report, latest, achieved, status, today=today, thresholds=thresholds)
    _cache(session, task, status, latest, today=today, until=until)
    return status


STATUS_INPUTS = (
    TaskRow.id, TaskRow.report_id, TaskRow.deadline, TaskRow.created_at, TaskRow.closed_at, TaskRow.done_on,
    TaskRow.status, TaskRow.status_reason, TaskRow.percent, TaskRow.last_reported_on, TaskRow.status_on,
    TaskRow.status_until,
)
"""The task columns :func:`compute_task_status` and the change check of :func:`refresh_all` read."""


def refresh_all(
    *, session: Session, today: dt.date, thresholds: Thresholds, report_id: int | None = None, chunk: int = 1000,
    stale: str = "all", task_ids: Sequence[int] | None = None,
) -> int:
    """Recompute and cache the status of live tasks (of one report if given); returns the count.

    Statuses move with the calendar (a task turns red the day after its
    deadline). ``stale`` says which tasks: ``"all"``; ``"colour"``, those
    whose cached colour may no longer hold today (``status_until`` before
    today, or unknown): what lists filtered and counted by colour need, run
    by the web app once a day; ``"reason"``, those whose reason was not
    computed for today (``status_on``): what a page showing the reasons of
    some rows needs for those rows (``task_ids``). Reads are column queries
    and writes one batched UPDATE per chunk, so a ledger of 10,000 tasks and
    100,000 reports refreshes in seconds.
    """
    stmt = (
        select(TaskRow)
        .where(TaskRow.retired.is_(False))
        .options(load_only(*STATUS_INPUTS), selectinload(TaskRow.targets))  # not the text: 10,000 of them
        .order_by(TaskRow.id)
    )
    if report_id is not None:
        stmt = stmt.where(TaskRow.report_id == report_id)
    if task_ids is not None:
        stmt = stmt.where(TaskRow.id.in_(list(task_ids)))
    if stale == "colour":
        stmt = stmt.where(or_(TaskRow.status_until.is_(None), TaskRow.status_until < today))
    elif stale == "reason":
        stmt = stmt.where(or_(TaskRow.status_on.is_(None), TaskRow.status_on != today))
    reports = {r.id: r for r in session.scalars(select(ReportRow).options(defer(ReportRow.text)))}
    count = 0
    table = TASKS
    tasks = list(session.scalars(stmt))
    for i in range(0, len(tasks), chunk):
        batch = tasks[i : i + chunk]
        ids = [t.id for t in batch]
        latest = _latest_points(session, ids)
        achieved = latest_values(session=session, task_ids=ids)
        changes: list[dict[str, Any]] = []
        now = utcnow()
        for task in batch:
            row = latest.get(task.id)
            status = compute_task_status(
                task, reports.get(task.report_id), row, achieved.get(task.id, {}),
                today=today, thresholds=thresholds,
            )
            count += 1
            percent = row.percent if row is not None else None
            reported = row.reported_on if row is not None else None
            if (status.colour.value, status.reason, percent, reported, today) == (
                task.status, task.status_reason, task.percent, task.last_reported_on, task.status_on
            ) and task.status_until is not None and task.status_until >= today:
                continue
            if task.status_until is not None and task.status_until >= today and status.colour.value == task.status:
                until = task.status_until  # only the reason's numbers moved: the colour's horizon stands
            else:
                until = colour_until(task, reports.get(task.report_id), row, achieved.get(task.id, {}), status,
                                     today=today, thresholds=thresholds)
            done_on = task.done_on
            if status.colour.value in ("done", "done_late") and done_on is None:
                done_on = (task.done_on or task.closed_at.date()) if task.closed_at else reported
            changes.append({"b_id": task.id, "b_status": status.colour.value, "b_reason": status.reason,
                            "b_at": now, "b_percent": percent, "b_reported": reported, "b_done": done_on,
                            "b_on": today, "b_until": until})
        if changes:
            session.execute(
                update(table).where(table.c.id == bindparam("b_id")).values(
                    status=bindparam("b_status"), status_reason=bindparam("b_reason"),
                    status_at=bindparam("b_at"), percent=bindparam("b_percent"),
                    last_reported_on=bindparam("b_reported"), done_on=bindparam("b_done"),
                    status_on=bindparam("b_on"), status_until=bindparam("b_until"),
                ).execution_options(synchronize_session=False),
                changes,
            )
    session.expire_all()
    return count


def has_forgotten_statuses(*, session: Session) -> bool:
    """Whether some live task's status is to be recomputed (``status_until`` cleared by a write or new)."""
    return session.scalar(
        select(TaskRow.id).where(TaskRow.status_until.is_(None), TaskRow.retired.is_(False)).limit(1)
    ) is not None


def _latest_points(session: Session, task_ids: list[int]) -> dict[int, Any]:
    """task id → (reported_on, percent, stage) of its latest report, as a light row."""
    # the newest report per task picked in SQL (one row per task, not every report)
    ranked = (
        select(ProgressReportRow.task_id, ProgressReportRow.reported_on, ProgressReportRow.percent,
               ProgressReportRow.stage,
               func.row_number().over(partition_by=ProgressReportRow.task_id,
                                      order_by=(ProgressReportRow.reported_on.desc(),
                                                ProgressReportRow.id.desc())).label("rank"))
        .where(ProgressReportRow.task_id.in_(task_ids))
        .subquery()
    )
    stmt = select(ranked.c.task_id, ranked.c.reported_on, ranked.c.percent, ranked.c.stage).where(ranked.c.rank == 1)
    return {row.task_id: row for row in session.execute(stmt)}


def targets_of(*, session: Session, task_id: int) -> Sequence[TaskTargetRow]:
    return session.scalars(
        select(TaskTargetRow).where(TaskTargetRow.task_id == task_id).order_by(TaskTargetRow.position)
    ).all()
