"""The admin's department edits and assignment rules: edit, validate in Chinese, re-suggest, audit."""

from __future__ import annotations

from bs4 import BeautifulSoup
from sqlalchemy import select

from duban.store.tables import AuditLogRow, DepartmentRow, TaskDepartmentRow, TaskRow
from tests.web.conftest import Web


def audit_actions(web: Web) -> list[str]:
    with web.session() as s:
        return list(s.scalars(select(AuditLogRow.action).order_by(AuditLogRow.id)))


def lead_of(web: Web, task_id: int) -> tuple[str | None, str]:
    """(department key, state) of a task's lead."""
    with web.session() as s:
        row = s.scalar(select(TaskDepartmentRow).where(TaskDepartmentRow.task_id == task_id,
                                                       TaskDepartmentRow.role == "lead"))
        assert row is not None
        return row.department.key, row.state


def test_edit_rule_then_resuggest_moves_unconfirmed_tasks_only(web: Web) -> None:
    admin = web.client("admin")
    rules = admin.get("/api/admin/rules").json()["rules"]
    with web.session() as s:
        by_rule: dict[str, list[int]] = {}
        for a in s.scalars(select(TaskDepartmentRow).where(TaskDepartmentRow.role == "lead",
                                                           TaskDepartmentRow.state == "suggested")):
            by_rule.setdefault(a.rule or "", []).append(a.task_id)
        report_id = s.scalar(select(TaskRow.report_id).limit(1))
    rule = next(r for r in rules if len(by_rule.get(r["id"], [])) >= 2)
    unconfirmed, confirmed = by_rule[rule["id"]][:2]
    r = admin.api("POST", "/api/tasks/assign", {"task_ids": [confirmed], "action": "confirm"})
    assert r.status_code == 200, r.text
    before_confirmed = lead_of(web, confirmed)

    new_lead = "statistics" if rule["lead"] != "statistics" else "finance"
    # a much heavier weight so the edited rule still wins the task
    r = admin.api("PUT", f"/api/admin/rules/{rule['id']}", {**rule, "lead": new_lead, "co": [], "weight": 50})
    assert r.status_code == 200, r.text
    assert admin.get("/api/admin/rules").json()["rules"][rules.index(rule)]["lead"] == new_lead

    r = admin.api("POST", f"/api/admin/reports/{report_id}/resuggest")
    assert r.status_code == 200, r.text
    assert r.json()["changed"] >= 1
    assert lead_of(web, unconfirmed) == (new_lead, "suggested")
    assert lead_of(web, confirmed) == before_confirmed
    actions = audit_actions(web)
    assert "rule.update" in actions and "task.resuggest" in actions
    with web.session() as s:
        entry = s.scalar(select(AuditLogRow).where(AuditLogRow.action == "rule.update"))
        assert entry is not None and entry.before["lead"] == rule["lead"] and entry.after["lead"] == new_lead


def test_add_and_delete_a_rule_from_the_admin_page(web: Web) -> None:
    admin = web.client("admin")
    count = len(admin.get("/api/admin/rules").json()["rules"])
    r = admin.form("/admin/rules", {"id": "test-rule", "lead": "finance", "keywords": "测试词、另一个词",
                                    "unless": "测试词语", "weight": "1"})
    assert r.status_code == 303, r.text
    page = BeautifulSoup(admin.get("/admin").text, "html.parser")
    row = next(tr for tr in page.select("#rule-table tbody tr") if tr.td and tr.td.text == "test-rule")
    assert "测试词、另一个词" in row.text and "测试词语" in row.text
    assert len(admin.get("/api/admin/rules").json()["rules"]) == count + 1
    r = admin.form("/admin/rules/test-rule", {"delete": "1"})
    assert r.status_code == 303
    assert len(admin.get("/api/admin/rules").json()["rules"]) == count
    assert {"rule.create", "rule.delete"} <= set(audit_actions(web))


def test_invalid_rules_are_refused_in_chinese(web: Web) -> None:
    admin = web.client("admin")
    before = admin.get("/api/admin/rules").json()
    cases = [
        ({"id": "bad", "lead": "finance", "keywords": ["财政"], "unless": ["金融"]}, "排除词“金融”必须包含"),
        ({"id": "bad", "lead": "finance", "keywords": []}, "至少填写一个关键词"),
        ({"id": "Bad Id", "lead": "finance", "keywords": ["财政"]}, "规则编号只能用"),
        ({"id": "bad", "lead": "nowhere", "keywords": ["财政"]}, "不在单位目录中"),
        ({"id": before["rules"][0]["id"], "lead": "finance", "keywords": ["财政"]}, "已被其他规则使用"),
        ({"id": "bad", "lead": "finance", "keywords": ["财政"], "weight": 0}, "权重须为大于0的数"),
    ]
    for body, message in cases:
        r = admin.api("POST", "/api/admin/rules", body)
        assert r.status_code == 422, body
        assert message in r.json()["detail"], (body, r.json())
    r = admin.form("/admin/rules", {"id": "bad", "lead": "finance", "keywords": "财政", "unless": "金融"})
    assert r.status_code == 422 and "排除词“金融”必须包含" in r.text
    assert admin.get("/api/admin/rules").json() == before
    assert not any(a.startswith("rule.") for a in audit_actions(web))


def test_deactivated_department_leaves_the_assignment_choices_but_keeps_its_tasks(web: Web) -> None:
    admin = web.client("admin")
    own = web.dept_users[0]
    dept = web.department_id(own)
    task = web.task_led_by(own)
    with web.session() as s:
        other_task = next(t.id for t in s.scalars(select(TaskRow).order_by(TaskRow.position))
                          if dept not in {a.department_id for a in t.assignments})
        name = s.get(DepartmentRow, dept).name  # type: ignore[union-attr]
    r = admin.api("PATCH", f"/api/admin/departments/{dept}", {"active": False, "short_name": "测试简称"})
    assert r.status_code == 200, r.text
    assert r.json()["active"] is False and r.json()["short_name"] == "测试简称"

    def lead_options(task_id: int) -> set[str]:
        page = BeautifulSoup(admin.get(f"/tasks/{task_id}").text, "html.parser")
        return {o["value"] for o in page.select("select[name=lead_ids] option")}

    assert str(dept) not in lead_options(other_task)
    assert str(dept) in lead_options(task)  # still shown where it is assigned: history kept
    bulk = BeautifulSoup(admin.get("/tasks").text, "html.parser")
    assert str(dept) not in {o["value"] for o in bulk.select("select[name=lead_id] option")}
    version = admin.get(f"/tasks/{other_task}.json").json()["task"]["version"]
    r = admin.api("PUT", f"/api/tasks/{other_task}/assignment",
                  {"lead_ids": [dept], "co_ids": [], "deadline": None, "version": version})
    assert r.status_code == 422 and "已停用" in r.json()["detail"]
    assert lead_of(web, task)[0] is not None  # its own task keeps its lead
    with web.session() as s:
        entry = s.scalar(select(AuditLogRow).where(AuditLogRow.action == "department.update"))
        assert entry is not None
        assert entry.before == {"name": name, "short_name": None, "active": True}
        assert entry.after == {"name": name, "short_name": "测试简称", "active": False}
    r = admin.form(f"/admin/departments/{dept}", {"name": name + "（新）", "short_name": "", "active": "1"})
    assert r.status_code == 303
    assert str(dept) in lead_options(other_task)
    with web.session() as s:
        row = s.get(DepartmentRow, dept)
        assert row is not None and row.name == name + "（新）" and row.short_name is None and row.active


def test_department_rename_to_a_taken_name_is_a_conflict(web: Web) -> None:
    admin = web.client("admin")
    a, b = (web.department_id(u) for u in web.dept_users[:2])
    with web.session() as s:
        taken = s.get(DepartmentRow, b).name  # type: ignore[union-attr]
    r = admin.api("PATCH", f"/api/admin/departments/{a}", {"name": taken})
    assert r.status_code == 409
    r = admin.api("PATCH", "/api/admin/departments/999999", {"active": False})
    assert r.status_code == 404


def test_admin_writes_without_csrf_token_are_refused(web: Web) -> None:
    admin = web.client("admin")
    dept = web.department_id(web.dept_users[0])
    rule = admin.get("/api/admin/rules").json()["rules"][0]
    before = len(audit_actions(web))
    calls = [
        admin.api("PATCH", f"/api/admin/departments/{dept}", {"active": False}, csrf=False),
        admin.api("POST", "/api/admin/rules", {"id": "x-rule", "lead": "finance", "keywords": ["词"]}, csrf=False),
        admin.api("PUT", f"/api/admin/rules/{rule['id']}", {**rule, "weight": 3}, csrf=False),
        admin.api("DELETE", f"/api/admin/rules/{rule['id']}", csrf=False),
        admin.api("POST", "/api/admin/reports/1/resuggest", csrf=False),
        admin.form(f"/admin/departments/{dept}", {"active": "0"}, csrf=False),
        admin.form("/admin/rules", {"id": "x-rule", "lead": "finance", "keywords": "词"}, csrf=False),
        admin.form(f"/admin/rules/{rule['id']}", {"delete": "1"}, csrf=False),
        admin.form("/admin/resuggest", {"report_id": "1"}, csrf=False),
    ]
    assert [r.status_code for r in calls] == [403] * len(calls)
    assert len(audit_actions(web)) == before
