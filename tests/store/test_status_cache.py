"""The cached status's validity: ``colour_until`` agrees with recomputing the colour day by day.

The daily refresh recomputes only tasks whose ``status_until`` has passed, so
a wrong date here would leave a stale colour in the ledger's filters and
counts. Each case walks every day from today to past the deadline.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from duban.ledger.status import Thresholds
from duban.store.repo.progress import FOREVER, colour_until, compute_task_status

TODAY = dt.date(2020, 4, 1)
REPORT = SimpleNamespace(year=2020, delivered_on=dt.date(2020, 1, 15))
THRESHOLDS = Thresholds(yellow_behind=10, red_behind=30)


def task(deadline: dt.date, targets: list[Any] = (), closed: dt.datetime | None = None) -> Any:  # type: ignore[assignment]
    return SimpleNamespace(deadline=deadline, created_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC), closed_at=closed,
                           done_on=None, targets=list(targets))


def target(tid: int, value: float, comparator: str = ">=", measure: str = "level") -> Any:
    return SimpleNamespace(id=tid, indicator=f"指标{tid}", value=value, comparator=comparator, measure=measure,
                           unit="个", retired=False)


def point(percent: float | None = None, stage: str | None = None, on: dt.date = dt.date(2020, 3, 20)) -> Any:
    return SimpleNamespace(reported_on=on, percent=percent, stage=stage)


CASES = [
    ("not reported", task(dt.date(2020, 9, 30)), None, {}),
    ("on track", task(dt.date(2020, 12, 31)), point(40), {}),
    ("behind", task(dt.date(2020, 6, 30)), point(35), {}),
    ("seriously behind", task(dt.date(2020, 6, 30)), point(5), {}),
    ("ahead", task(dt.date(2020, 5, 31)), point(90), {}),
    ("done", task(dt.date(2020, 6, 30)), point(100), {}),
    ("overdue", task(dt.date(2020, 3, 31)), point(50), {}),
    ("stage", task(dt.date(2020, 10, 31)), point(stage="推进中"), {}),
    ("measure missing", task(dt.date(2020, 10, 31)), point(), {}),
    ("target behind", task(dt.date(2020, 12, 31), [target(1, 200)]), point(80), {1: 40.0}),
    ("ceiling kept", task(dt.date(2020, 12, 31), [target(2, 5, "<=", "rate")]), point(20), {2: 4.0}),
    ("ceiling broken", task(dt.date(2020, 12, 31), [target(2, 5, "<=", "rate")]), point(90), {2: 6.0}),
    ("closed", task(dt.date(2020, 6, 30), closed=dt.datetime(2020, 3, 1, tzinfo=dt.UTC)), point(30), {}),
    ("due on delivery", task(dt.date(2020, 1, 15)), point(10), {}),
]


@pytest.mark.parametrize(("name", "row", "latest", "achieved"), CASES, ids=[c[0] for c in CASES])
def test_colour_until_matches_a_day_by_day_walk(name: str, row: Any, latest: Any, achieved: dict[int, float]) -> None:
    def colour(day: dt.date) -> str:
        return compute_task_status(row, REPORT, latest, achieved, today=day, thresholds=THRESHOLDS).colour.value

    status = compute_task_status(row, REPORT, latest, achieved, today=TODAY, thresholds=THRESHOLDS)
    until = colour_until(row, REPORT, latest, achieved, status, today=TODAY, thresholds=THRESHOLDS)
    day = TODAY
    horizon = dt.date(2021, 3, 1)
    while day < horizon and colour(day + dt.timedelta(days=1)) == status.colour.value:
        day += dt.timedelta(days=1)
    expected = FOREVER if day == horizon else day
    assert until == expected, name
