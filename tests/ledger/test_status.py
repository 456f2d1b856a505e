"""Status colours: every rule, its boundaries, and the reason it gives."""

from __future__ import annotations

from datetime import date

import pytest

from duban.ledger.status import (
    Colour,
    ProgressPoint,
    TargetProgress,
    Thresholds,
    compute_status,
    schedule_percent,
)

START = date(2020, 1, 1)
DEADLINE = date(2020, 12, 31)  # 365 days after START
MID = date(2020, 7, 1)  # 182 days: schedule 49.9 %


def status(today: date = MID, progress: ProgressPoint | None = None, **kw: object):  # type: ignore[no-untyped-def]
    return compute_status(today=today, start=START, deadline=DEADLINE, progress=progress, **kw)  # type: ignore[arg-type]


def pct(p: float, on: date = MID) -> ProgressPoint:
    return ProgressPoint(reported_on=on, percent=p)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2019, 12, 1), 0.0),
        (START, 0.0),
        (date(2020, 4, 1), 100 * 91 / 365),
        (DEADLINE, 100.0),
        (date(2021, 3, 1), 100.0),
    ],
)
def test_schedule_percent_elapsed_share(today: date, expected: float) -> None:
    assert schedule_percent(start=START, deadline=DEADLINE, today=today) == pytest.approx(expected)


def test_schedule_percent_degenerate_deadline() -> None:
    assert schedule_percent(start=START, deadline=START, today=START) == 100.0
    assert schedule_percent(start=START, deadline=START, today=date(2019, 1, 1)) == 0.0


@pytest.mark.parametrize(
    ("percent", "colour", "rule"),
    [
        (60, Colour.GREEN, "percent_green"),  # ahead of 49.9 %
        (45, Colour.GREEN, "percent_green"),  # 4.9 behind
        (40.5, Colour.GREEN, "percent_green"),  # 9.4 behind
        (39.8, Colour.YELLOW, "percent_yellow"),  # 10.1 behind
        (25, Colour.YELLOW, "percent_yellow"),  # 24.9 behind
        (19.9, Colour.YELLOW, "percent_yellow"),  # 30.0 behind exactly: not more than 30
        (19, Colour.RED, "percent_red"),  # 30.9 behind
        (0, Colour.RED, "percent_red"),
    ],
)
def test_percent_against_schedule(percent: float, colour: Colour, rule: str) -> None:
    today = date(2020, 7, 1)
    sched = schedule_percent(start=START, deadline=DEADLINE, today=today)
    # Put the boundary case exactly at 30 points.
    if percent == 19.9:
        percent = sched - 30
    s = status(today, pct(percent))
    assert s.colour is colour
    assert s.rule == rule
    assert s.schedule == pytest.approx(sched)
    assert "序时进度" in s.reason


def test_yellow_boundary_is_inclusive() -> None:
    sched = schedule_percent(start=START, deadline=DEADLINE, today=MID)
    assert status(progress=pct(sched - 10)).colour is Colour.YELLOW
    assert status(progress=pct(sched - 9.99)).colour is Colour.GREEN


def test_thresholds_come_from_the_caller() -> None:
    strict = Thresholds(yellow_behind=2, red_behind=5)
    assert status(progress=pct(46), thresholds=strict).colour is Colour.YELLOW
    assert status(progress=pct(40), thresholds=strict).colour is Colour.RED
    assert status(progress=pct(40)).colour is Colour.GREEN


def test_reason_names_the_numbers_in_chinese() -> None:
    s = status(progress=pct(15))
    assert s.colour is Colour.RED
    assert "报送进度15%" in s.reason
    assert "序时进度49.9%" in s.reason
    assert "落后34.9个百分点" in s.reason
    assert "红灯线" in s.reason
    assert status(progress=pct(20)).colour is Colour.YELLOW  # 29.9 behind is not red
    y = status(progress=pct(35))
    assert "黄灯线" in y.reason and "落后14.9个百分点" in y.reason
    g = status(progress=pct(80))
    assert "达到或快于序时进度" in g.reason


def test_not_reported_before_deadline() -> None:
    s = status()
    assert s.colour is Colour.NOT_REPORTED
    assert s.label == "未报送"
    assert "尚未报送" in s.reason


def test_overdue_without_report_is_red() -> None:
    s = status(today=date(2021, 1, 10))
    assert s.colour is Colour.RED
    assert s.rule == "overdue"
    assert "已超过完成时限2020-12-31共10天" in s.reason
    assert "从未报送" in s.reason


def test_overdue_with_high_progress_is_still_red() -> None:
    s = status(today=date(2021, 1, 2), progress=pct(95, date(2020, 12, 20)))
    assert s.colour is Colour.RED
    assert s.rule == "overdue"


@pytest.mark.parametrize(
    ("progress", "completed_on", "colour"),
    [
        (pct(100, date(2020, 11, 1)), None, Colour.DONE),
        (pct(100, DEADLINE), None, Colour.DONE),  # on the deadline day is on time
        (pct(100, date(2021, 1, 5)), None, Colour.DONE_LATE),
        (ProgressPoint(date(2020, 10, 1), stage="已完成", stage_percent=100, stage_done=True), None, Colour.DONE),
        (pct(60, date(2020, 10, 1)), date(2020, 10, 2), Colour.DONE),  # closed by the office
        (None, date(2021, 2, 1), Colour.DONE_LATE),
    ],
)
def test_done_and_done_late(progress: ProgressPoint | None, completed_on: date | None, colour: Colour) -> None:
    s = status(today=date(2021, 3, 1), progress=progress, completed_on=completed_on)
    assert s.colour is colour
    if colour is Colour.DONE_LATE:
        assert "超过完成时限" in s.reason and "天" in s.reason


def test_done_late_counts_days() -> None:
    s = status(today=date(2021, 3, 1), progress=pct(100, date(2021, 1, 5)))
    assert "共5天" in s.reason


def test_stage_uses_its_nominal_percent() -> None:
    p = ProgressPoint(MID, stage="前期准备", stage_percent=15)
    s = status(progress=p)
    assert s.colour is Colour.RED
    assert s.rule == "stage_red"
    assert "“前期准备”（按15%计）" in s.reason
    p2 = ProgressPoint(MID, stage="推进中", stage_percent=50)
    assert status(progress=p2).colour is Colour.GREEN


def test_percent_wins_over_stage_when_both_given() -> None:
    p = ProgressPoint(MID, percent=45, stage="前期准备", stage_percent=15)
    assert status(progress=p).rule == "percent_green"


def test_cumulative_target_against_schedule() -> None:
    # 新增城镇就业6700人: 2000 by mid-year is 29.9 % of target vs 49.9 % schedule.
    jobs = TargetProgress("新增城镇就业", 6700, 2000, unit="人")
    s = status(progress=pct(60), targets=[jobs])
    assert s.colour is Colour.YELLOW
    assert s.rule == "target_yellow"
    assert "指标“新增城镇就业”完成2000人，为目标6700人的29.9%" in s.reason
    assert len(s.details) == 2  # both measures are listed


def test_worst_measure_counts() -> None:
    ok = TargetProgress("投资", 244, 130, unit="亿元")
    bad = TargetProgress("项目", 126, 20, unit="个")
    s = status(progress=pct(55), targets=[ok, bad])
    assert s.colour is Colour.RED
    assert "项目" in s.reason


def test_rate_target_compared_with_whole_target() -> None:
    growth = TargetProgress("地区生产总值增长", 6, 5.7, cumulative=False, unit="%")
    s = status(progress=pct(50), targets=[growth])
    assert s.colour is Colour.GREEN  # 95 % of target: 5 points behind
    low = TargetProgress("地区生产总值增长", 6, 4.5, cumulative=False, unit="%")
    assert status(progress=pct(50), targets=[low]).colour is Colour.YELLOW  # 25 behind


def test_ceiling_target() -> None:
    within = TargetProgress("城镇登记失业率", 3, 2.6, comparator="<=", cumulative=False, unit="%")
    assert status(progress=pct(50), targets=[within]).colour is Colour.GREEN
    over = TargetProgress("城镇登记失业率", 3, 3.4, comparator="<=", cumulative=False, unit="%")
    s = status(progress=pct(50), targets=[over])
    assert s.colour is Colour.RED
    assert "超出上限3%" in s.reason


def test_target_without_achieved_value_is_ignored() -> None:
    t = TargetProgress("新增城镇就业", 6700, None)
    assert status(progress=pct(50), targets=[t]).rule == "percent_green"


def test_report_without_any_measure() -> None:
    s = status(progress=ProgressPoint(MID))
    assert s.colour is Colour.GREEN
    assert s.rule == "reported_no_measure"


def test_zero_target_is_not_divided() -> None:
    t = TargetProgress("安全事故", 0, 0)
    assert status(progress=pct(50), targets=[t]).rule == "percent_green"
