"""The workflow end to end through the API: targets, stages, closing, notices, reminders, assessment, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import DatabaseError

from duban.store.tables import AuditLogRow, NoticeRow, TaskTargetRow
from tests.web.conftest import TODAY, Web, assignment_of


def add_target(web: Web, task_id: int, value: float = 6700, unit: str = "人") -> int:
    with web.session() as s:
        row = TaskTargetRow(task_id=task_id, key="test-jobs", position=1, indicator="新增城镇就业", text=f"{value:g}{unit}",
                            start=0, end=1, measure="level", comparator=">=", value=value, unit=unit)
        s.add(row)
        s.commit()
        return row.id


def test_quantified_target_behind_schedule_turns_yellow_with_reason(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    target = add_target(web, task)
    c = web.client(own)
    # 28 % of the time has passed (9 May → 31 Dec, on 15 July); 1,000 of 6,700 is 14.9 %
    r = c.api("POST", f"/api/tasks/{task}/progress", {"percent": 40, "values": {str(target): 1000}})
    assert r.status_code == 201, r.text
    status = c.get(f"/tasks/{task}.json").json()["status"]
    assert status["status"] == "yellow"
    assert "指标“新增城镇就业”完成1000人，为目标6700人的14.9%" in status["reason"]
    assert "黄灯线" in status["reason"]
    detail = c.get(f"/tasks/{task}.json").json()
    assert next(t for t in detail["targets"] if t["id"] == target)["achieved"] == 1000
    assert detail["history"][0]["values"][0]["value"] == 1000


def test_value_for_a_foreign_target_refused(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    r = web.client(own).api("POST", f"/api/tasks/{task}/progress", {"percent": 40, "values": {"999999": 5}})
    assert r.status_code == 422 and "不属于该任务" in " ".join(r.json()["errors"])


@pytest.mark.parametrize(("payload", "expected"), [
    ({"stage": "已完成"}, "done"),
    ({"percent": 100}, "done"),
    ({"stage": "前期准备"}, "green"),  # 15 % against 28 %: 13 behind would be yellow — see below
])
def test_stage_and_percent(web: Web, payload: dict[str, object], expected: str) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    r = web.client(own).api("POST", f"/api/tasks/{task}/progress", payload)
    assert r.status_code == 201
    status = web.client(own).get(f"/tasks/{task}.json").json()["status"]
    if payload == {"stage": "前期准备"}:
        assert status["status"] == "yellow" and "“前期准备”（按15%计）" in status["reason"]
    else:
        assert status["status"] == expected


def test_unknown_stage_and_future_date_refused(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    c = web.client(own)
    r = c.api("POST", f"/api/tasks/{task}/progress", {"stage": "差不多了"})
    assert r.status_code == 422 and "未知的推进阶段" in " ".join(r.json()["errors"])
    r = c.api("POST", f"/api/tasks/{task}/progress", {"percent": 10, "reported_on": "2020-12-01"})
    assert r.status_code == 422 and "晚于今天" in " ".join(r.json()["errors"])
    assert c.get(f"/tasks/{task}.json").json()["history"] == []


def test_office_closes_and_reopens(web: Web) -> None:
    admin = web.client("admin")
    task = web.task_led_by(web.dept_users[0])
    version = admin.get(f"/tasks/{task}.json").json()["task"]["version"]
    r = admin.api("POST", f"/api/tasks/{task}/close", {"version": version})
    assert r.status_code == 200 and r.json()["status"] == "done"
    version = admin.get(f"/tasks/{task}.json").json()["task"]["version"]
    r = admin.api("POST", f"/api/tasks/{task}/close", {"version": version, "reopen": True})
    assert r.json()["status"] == "not_reported"


def test_assignment_and_bulk_assignment(web: Web) -> None:
    admin = web.client("admin")
    ledger = admin.get("/tasks.json").json()
    first, second = ledger["tasks"][0]["id"], ledger["tasks"][1]["id"]
    dept = web.department_id(web.dept_users[2])
    r = admin.api("POST", "/api/tasks/assign", {"task_ids": [first, second], "action": "set", "lead_id": dept,
                                                "deadline": "2020-10-31"})
    assert r.status_code == 200 and r.json() == {"changed": 2}
    for task in (first, second):
        assert assignment_of(web, task) == [(dept, "lead", "confirmed")]
        assert admin.get(f"/tasks/{task}.json").json()["task"]["deadline"] == "2020-10-31"
    third = ledger["tasks"][2]["id"]
    r = admin.api("POST", "/api/tasks/assign", {"task_ids": [third], "action": "confirm"})
    assert r.json() == {"changed": 1}
    assert {state for _, _, state in assignment_of(web, third)} == {"confirmed"}
    trail = admin.get(f"/tasks/{first}.json").json()["audit"]
    assert trail[0]["action"] == "task.assign" and trail[0]["after"]["deadline"] == "2020-10-31"
    assert trail[0]["username"] == "admin"


def test_assignment_needs_a_lead(web: Web) -> None:
    admin = web.client("admin")
    task = web.task_led_by(web.dept_users[0])
    version = admin.get(f"/tasks/{task}.json").json()["task"]["version"]
    r = admin.api("PUT", f"/api/tasks/{task}/assignment", {"lead_ids": [], "version": version})
    assert r.status_code == 422


def test_notice_cycle_and_overdue(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    admin, dept = web.client("admin"), web.client(own)
    r = admin.api("POST", f"/api/tasks/{task}/notices", {"due_on": "2020-07-20", "text": "请报送整改措施"})
    assert r.status_code == 201
    notice = r.json()["id"]
    assert admin.api("POST", f"/api/tasks/{task}/notices", {"due_on": "2020-07-01", "text": "过去的期限"}).status_code == 422
    with web.session() as s:  # pretend it was issued with a due date now past
        s.execute(update(NoticeRow).where(NoticeRow.id == notice).values(due_on=TODAY - dt.timedelta(days=3)))
        s.commit()
    overdue = admin.get("/notices.json?state=overdue").json()["notices"]
    assert [n["id"] for n in overdue] == [notice] and overdue[0]["overdue"]
    assert admin.get("/overview.json").json()["overdue_notices"] == 1
    mine = dept.get("/notices.json").json()["notices"]
    assert [n["id"] for n in mine] == [notice]
    assert web.client(web.dept_users[1]).get("/notices.json").json()["notices"] == []
    r = dept.api("POST", f"/api/notices/{notice}/answer", {"answer": "已整改"})
    assert r.status_code == 200 and r.json()["state"] == "answered" and not r.json()["overdue"]
    r = admin.api("POST", f"/api/notices/{notice}/close")
    assert r.json()["state"] == "closed"
    r = dept.api("POST", f"/api/notices/{notice}/answer", {"answer": "再答复"})
    assert r.status_code == 422
    actions = [a["action"] for a in admin.get(f"/tasks/{task}.json").json()["audit"]]
    assert actions[:3] == ["notice.close", "notice.answer", "notice.issue"]


def test_reminders_feed(web: Web) -> None:
    own = web.dept_users[0]
    c = web.client(own)
    feed = c.get("/reminders.json").json()
    assert feed["due_on"] == "2020-07-25"
    assert [d["department"] for d in feed["departments"]] == [web.departments[own]]
    group = feed["departments"][0]
    task = group["tasks"][0]["id"]
    assert group["missing"] == len(group["tasks"])
    c.api("POST", f"/api/tasks/{task}/progress", {"percent": 30})
    again = c.get("/reminders.json").json()["departments"][0]
    assert again["missing"] == group["missing"] - 1
    assert next(t for t in again["tasks"] if t["id"] == task)["reported"]
    everyone = web.client("admin").get("/reminders.json").json()["departments"]
    assert len(everyone) > 3


def test_assessment_counts_and_score(web: Web) -> None:
    own = web.dept_users[0]
    c = web.client(own)
    dept_id = web.department_id(own)
    before = next(r for r in c.get("/assessment.json").json()["rows"] if r["department_id"] == dept_id)
    assert before["tasks"] == before["not_reported"] > 0
    assert before["score"] == pytest.approx(30.0)  # everything not reported: weight 0.3
    tasks = [t["id"] for t in c.get("/my.json").json()["tasks"]
             if any(a["role"] == "lead" and a["department_id"] == dept_id
                    for a in c.get(f"/tasks/{t['id']}.json").json()["assignments"])][:2]
    c.api("POST", f"/api/tasks/{tasks[0]}/progress", {"percent": 100})
    c.api("POST", f"/api/tasks/{tasks[1]}/progress", {"percent": 28})
    row = next(r for r in c.get("/assessment.json").json()["rows"] if r["department_id"] == dept_id)
    n = row["tasks"]
    assert (row["on_time"], row["on_track"], row["not_reported"]) == (1, 1, n - 2)
    assert row["score"] == pytest.approx(round(100 * (1.0 + 0.8 + 0.3 * (n - 2)) / n, 1))
    earlier = next(r for r in c.get("/assessment.json?as_of=2020-07-01").json()["rows"]
                   if r["department_id"] == dept_id)
    assert earlier["not_reported"] == n  # the reports are dated 15 July
    assert c.get("/assessment.json?as_of=not-a-date").status_code == 422


def test_settings_change_recomputes_statuses(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    web.client(own).api("POST", f"/api/tasks/{task}/progress", {"percent": 25})  # 3 points behind
    admin = web.client("admin")
    assert admin.get(f"/tasks/{task}.json").json()["status"]["status"] == "green"
    r = admin.api("PUT", "/api/admin/settings", {"status_yellow_behind": 2, "status_red_behind": 5})
    assert r.status_code == 200
    assert admin.get("/tasks.json?status=yellow").json()["total"] >= 1
    assert admin.get(f"/tasks/{task}.json").json()["status"]["status"] == "yellow"
    bad = admin.api("PUT", "/api/admin/settings", {"status_yellow_behind": 40, "status_red_behind": 5})
    assert bad.status_code == 422
    assert admin.api("PUT", "/api/admin/settings", {"secret_key": "x"}).status_code == 422


def test_audit_log_is_append_only_and_searchable(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    web.client(own).api("POST", f"/api/tasks/{task}/progress", {"percent": 25, "narrative": "完成土地征收"})
    admin = web.client("admin")
    found = admin.get("/admin/audit.json", params={"q": "土地征收"}).json()
    assert found["total"] == 1 and found["entries"][0]["username"] == own
    assert admin.get("/admin/audit.json", params={"username": own}).json()["total"] == 1
    assert web.client(own).get("/admin/audit.json").status_code == 403
    with web.session() as s:
        entry = s.scalar(select(AuditLogRow.id))
        with pytest.raises(DatabaseError):
            s.execute(text("UPDATE audit_log SET username = 'x' WHERE id = :id"), {"id": entry})
            s.flush()
        s.rollback()
        with pytest.raises(DatabaseError):
            s.execute(text("DELETE FROM audit_log"))
        s.rollback()


def test_ledger_download_has_status_tab(web: Web) -> None:
    import io

    from openpyxl import load_workbook

    admin = web.client("admin")
    r = admin.get("/tasks.xlsx")
    assert r.status_code == 200
    book = load_workbook(io.BytesIO(r.content))
    assert book.sheetnames[-1] == "推进情况"
    assert book["推进情况"].max_row - 2 == admin.get("/tasks.json").json()["total"]
    assert web.client(web.dept_users[0]).get("/tasks.xlsx").status_code == 403


def test_overview_counts_follow_writes(web: Web) -> None:
    admin = web.client("admin")
    before = admin.get("/overview.json").json()["status_counts"]
    assert before["not_reported"] == admin.get("/tasks.json").json()["total"]
    own = web.dept_users[0]
    web.client(own).api("POST", f"/api/tasks/{web.task_led_by(own)}/progress", {"percent": 100})
    after = admin.get("/overview.json").json()["status_counts"]
    assert after["done"] == before["done"] + 1
    assert after["not_reported"] == before["not_reported"] - 1
    assert admin.get("/tasks.json").json()["status_counts"]["done"] == after["done"]
