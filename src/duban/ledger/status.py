"""A task's status colour and the rule that set it, from its dates and progress.

Pure: no database, no clock. ``today`` is a parameter, so the web app, the
reminders, the assessment and the tests all see the same answer for the same
inputs.

The rule (issue 5, thresholds from settings):

1. A task is *done* once its latest progress says so (100 %, a stage marked
   ``done``) or the office closed it. Done on or before the deadline is
   ``done``; after it, ``done_late``.
2. Not done and past its deadline: ``red`` (overdue).
3. Never reported: ``not_reported``.
4. Otherwise compare progress with the time-elapsed schedule (序时进度): the
   share of the time from the report's delivery to the deadline that has
   passed by ``today``. Progress is measured two ways, and the worse one
   counts:

   - the reported percent (or the nominal percent of the reported stage);
   - for each quantified target of the task with an achieved value, achieved
     ÷ target. A cumulative target (新增就业6700人, 完成投资244亿元) is compared
     with the schedule; a rate or growth target (增长6%) is compared with the
     whole target, since it is not accumulated over the year; a ceiling
     (控制在3%以内) is behind only when the achieved value exceeds it.

   Behind by more than ``red_behind`` points: ``red``; by ``yellow_behind``
   points or more: ``yellow``; else ``green``.

The reason is a Chinese sentence saying which rule set the colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class Colour(str, Enum):
    """The status values, in the words of PRODUCT.md."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    DONE = "done"
    DONE_LATE = "done_late"
    NOT_REPORTED = "not_reported"


LABELS: dict[Colour, str] = {
    Colour.GREEN: "正常推进",
    Colour.YELLOW: "进度滞后",
    Colour.RED: "严重滞后",
    Colour.DONE: "已完成",
    Colour.DONE_LATE: "逾期完成",
    Colour.NOT_REPORTED: "未报送",
}


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Points behind schedule that turn a task yellow (>=) and red (>)."""

    yellow_behind: float = 10.0
    red_behind: float = 30.0


@dataclass(frozen=True, slots=True)
class TargetProgress:
    """One quantified target of a task and the latest achieved value.

    ``comparator`` is the figure's (``>=``, ``<=``, ``=`` …); ``cumulative`` is
    true for level targets that build up over the year (a count, an amount).
    """

    name: str
    target: float
    achieved: float | None
    comparator: str = ">="
    cumulative: bool = True
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class ProgressPoint:
    """The latest progress report: a percent, a stage, or both."""

    reported_on: date
    percent: float | None = None
    stage: str | None = None  # the stage label, e.g. 推进中
    stage_percent: float | None = None  # nominal percent of the stage
    stage_done: bool = False


@dataclass(frozen=True, slots=True)
class Status:
    """The outcome: the colour, why, and the numbers behind it."""

    colour: Colour
    reason: str
    schedule: float | None = None  # 序时进度, percent of time elapsed
    progress: float | None = None  # the progress measure that counted
    behind: float | None = None  # schedule minus progress, in points
    rule: str = ""  # machine-readable name of the rule that fired
    details: tuple[str, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        return LABELS[self.colour]


def _fmt(value: float) -> str:
    """1 decimal at most, no trailing .0 (Chinese UI style: 45%, 12.5%)."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def schedule_percent(*, start: date, deadline: date, today: date) -> float:
    """Percent of the time from ``start`` to ``deadline`` elapsed by ``today`` (0–100)."""
    if deadline <= start:
        return 100.0 if today >= deadline else 0.0
    elapsed = (today - start).days
    total = (deadline - start).days
    return max(0.0, min(100.0, 100.0 * elapsed / total))


def _percent_done(progress: ProgressPoint) -> bool:
    return progress.stage_done or (progress.percent is not None and progress.percent >= 100)


def _target_measure(t: TargetProgress, schedule: float) -> tuple[float, float, str, str] | None:
    """(points behind, progress shown, words, rule) for one target, or None if not judged."""
    if t.achieved is None:
        return None
    unit = t.unit or ""
    if t.comparator in ("<=", "<"):
        if t.achieved > t.target or (t.comparator == "<" and t.achieved == t.target):
            over = 100.0 * (t.achieved - t.target) / abs(t.target) if t.target else 100.0
            words = f"指标“{t.name}”实际{_fmt(t.achieved)}{unit}，超出上限{_fmt(t.target)}{unit}"
            return (max(over, 0.0) + 100.0, 100.0 - over, words, "ceiling")
        return (0.0, 100.0, f"指标“{t.name}”实际{_fmt(t.achieved)}{unit}，在上限{_fmt(t.target)}{unit}以内", "ceiling")
    if t.target == 0:
        return None
    ratio = 100.0 * t.achieved / t.target
    if t.cumulative:
        behind = schedule - ratio
        words = (
            f"指标“{t.name}”完成{_fmt(t.achieved)}{unit}，为目标{_fmt(t.target)}{unit}的{_fmt(ratio)}%，"
            f"序时进度{_fmt(schedule)}%"
        )
    else:
        behind = 100.0 - ratio
        words = f"指标“{t.name}”实际{_fmt(t.achieved)}{unit}，目标{_fmt(t.target)}{unit}，达到目标的{_fmt(ratio)}%"
    return (behind, ratio, words, "target")


def compute_status(
    *,
    today: date,
    start: date,
    deadline: date,
    progress: ProgressPoint | None,
    targets: Sequence[TargetProgress] = (),
    completed_on: date | None = None,
    thresholds: Thresholds = Thresholds(),
) -> Status:
    """The status of one task on ``today``.

    ``start`` is the report's delivery date (the schedule's origin), ``deadline``
    the task's. ``completed_on`` is when the office closed the task, if it did;
    otherwise the date of a progress report that says done counts.
    """
    schedule = schedule_percent(start=start, deadline=deadline, today=today)

    finished_on = completed_on
    if finished_on is None and progress is not None and _percent_done(progress):
        finished_on = progress.reported_on
    if finished_on is not None:
        if finished_on <= deadline:
            return Status(Colour.DONE, f"已于{finished_on.isoformat()}完成，在完成时限{deadline.isoformat()}之前",
                          schedule, 100.0, 0.0, "done")
        late = (finished_on - deadline).days
        return Status(Colour.DONE_LATE,
                      f"已于{finished_on.isoformat()}完成，超过完成时限{deadline.isoformat()}共{late}天",
                      schedule, 100.0, 0.0, "done_late")

    if today > deadline:
        days = (today - deadline).days
        tail = "，且从未报送进展" if progress is None else ""
        return Status(Colour.RED, f"已超过完成时限{deadline.isoformat()}共{days}天，尚未完成{tail}",
                      schedule, None, None, "overdue")

    if progress is None:
        return Status(Colour.NOT_REPORTED, f"尚未报送进展（当前序时进度{_fmt(schedule)}%）",
                      schedule, None, None, "not_reported")

    # Each candidate: (points behind, progress shown, words, rule name).
    candidates: list[tuple[float, float, str, str]] = []
    if progress.percent is not None:
        candidates.append((schedule - progress.percent, progress.percent,
                           f"报送进度{_fmt(progress.percent)}%，序时进度{_fmt(schedule)}%", "percent"))
    elif progress.stage_percent is not None:
        candidates.append((schedule - progress.stage_percent, progress.stage_percent,
                           (f"报送阶段“{progress.stage}”（按{_fmt(progress.stage_percent)}%计），"
                            f"序时进度{_fmt(schedule)}%"), "stage"))
    for t in targets:
        measured = _target_measure(t, schedule)
        if measured is not None:
            candidates.append(measured)

    if not candidates:
        return Status(Colour.GREEN, f"已报送进展，但未给出进度数值（序时进度{_fmt(schedule)}%）",
                      schedule, None, None, "reported_no_measure")

    behind, shown, words, rule = max(candidates, key=lambda c: c[0])
    details = tuple(c[2] for c in candidates)
    if behind > thresholds.red_behind:
        if rule == "ceiling":
            reason = f"{words}，按红灯处理"
        else:
            reason = f"{words}，落后{_fmt(behind)}个百分点，超过{_fmt(thresholds.red_behind)}个百分点的红灯线"
        return Status(Colour.RED, reason, schedule, shown, behind, f"{rule}_red", details)
    if behind >= thresholds.yellow_behind:
        reason = (f"{words}，落后{_fmt(behind)}个百分点，"
                  f"达到{_fmt(thresholds.yellow_behind)}个百分点的黄灯线")
        return Status(Colour.YELLOW, reason, schedule, shown, behind, f"{rule}_yellow", details)
    if behind > 0:
        reason = f"{words}，落后{_fmt(behind)}个百分点，在{_fmt(thresholds.yellow_behind)}个百分点以内"
    else:
        reason = f"{words}，达到或快于序时进度"
    return Status(Colour.GREEN, reason, schedule, shown, behind, f"{rule}_green", details)
