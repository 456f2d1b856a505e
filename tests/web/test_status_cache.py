"""The status cache at a new day: colours refreshed in bulk only where they may move, reasons per page.

Whatever the cache skips, the pages must show what a full recompute for the
day gives: the overview's counts, the ledger's status filter, and the reasons
on a ledger page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import select

from duban.ledger.status import Thresholds
from duban.store.repo import progress
from duban.store.tables import TaskRow
from tests.web.conftest import TODAY, Web


def full_recompute(web: Web, today: dt.date) -> dict[int, tuple[str, str | None]]:
    """task id → (status, reason) for ``today`` from a refresh of every task (rolled back)."""
    with web.session() as s:
        progress.refresh_all(session=s, today=today, thresholds=Thresholds(yellow_behind=10, red_behind=30))
        rows = s.execute(select(TaskRow.id, TaskRow.status, TaskRow.status_reason)
                         .where(TaskRow.retired.is_(False))).all()
        s.rollback()
    return {i: (st, reason) for i, st, reason in rows}


def test_a_new_day_shows_the_same_as_a_full_recompute(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    web.client(own).api("POST", f"/api/tasks/{task}/progress", {"percent": 25})  # 3 points behind on TODAY
    admin = web.client("admin")
    assert admin.get(f"/tasks/{task}.json").json()["status"]["status"] == "green"
    later = TODAY + dt.timedelta(days=60)
    web.app.state.settings = web.app.state.settings.model_copy(update={"today": later})

    expected = full_recompute(web, later)
    counts = Counter(status for status, _ in expected.values())
    overview = admin.get("/overview.json").json()
    assert {k: v for k, v in overview["status_counts"].items() if v} == dict(counts)
    assert expected[task][0] in ("yellow", "red")  # 25% done, two months later: behind
    for colour in ("yellow", "red", "green"):
        assert admin.get("/tasks.json", params={"status": colour}).json()["total"] == counts[colour]
    page = admin.get("/tasks.json", params={"page": 1}).json()
    for row in page["tasks"]:
        assert (row["status"], row["status_reason"]) == expected[row["id"]]
    listed = [r for r in admin.get("/tasks.json", params={"status": expected[task][0]}).json()["tasks"]
              if r["id"] == task]
    assert not listed or listed[0]["status_reason"] == expected[task][1]
    assert admin.get(f"/tasks/{task}.json").json()["status"]["reason"] == expected[task][1]


def test_changing_a_deadline_recomputes_that_task(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    web.client(own).api("POST", f"/api/tasks/{task}/progress", {"percent": 50})
    admin = web.client("admin")
    before = admin.get(f"/tasks/{task}.json").json()
    assignment = before["assignments"]
    lead = [a["department_id"] for a in assignment if a["role"] == "lead"]
    co = [a["department_id"] for a in assignment if a["role"] == "co"]
    r = admin.api("PUT", f"/api/tasks/{task}/assignment",
                  {"lead_ids": lead, "co_ids": co, "deadline": (TODAY - dt.timedelta(days=5)).isoformat(),
                   "version": before["task"]["version"]})
    assert r.status_code == 200, r.text
    with web.session() as s:
        row = s.get(TaskRow, task)
        assert row is not None and row.status_until is None  # to be recomputed
    assert admin.get("/tasks.json", params={"status": "red"}).json()["total"] >= 1
    assert admin.get(f"/tasks/{task}.json").json()["status"]["status"] == "red"
