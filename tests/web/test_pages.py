"""Every page renders for a logged-in user, as HTML and as its JSON twin, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.web.conftest import Web

PAGES = [
    ("/", "overview.json"),
    ("/reports", "/reports.json"),
    ("/targets", "/targets.json"),
    ("/tasks", "/tasks.json"),
    ("/notices", "/notices.json"),
    ("/reminders", "/reminders.json"),
    ("/assessment", "/assessment.json"),
    ("/glossary", "/glossary.json"),
    ("/search?q=改革", "/search.json?q=改革"),
    ("/public", "/public.json"),
]


@pytest.mark.parametrize(("page", "twin"), PAGES)
def test_page_and_json_twin(web: Web, page: str, twin: str) -> None:
    c = web.client("admin")
    r = c.get(page)
    assert r.status_code == 200, r.text[:500]
    soup = BeautifulSoup(r.text, "html.parser")
    assert soup.select_one("html[lang=zh-CN]") is not None
    assert soup.select_one("h1") is not None
    j = c.get(twin if twin.startswith("/") else "/" + twin)
    assert j.status_code == 200
    assert j.headers["content-type"].startswith("application/json")


def test_pages_need_login(web: Web) -> None:
    c = web.client("anonymous")
    r = c.get("/tasks")
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert c.get("/tasks.json").status_code == 401


def test_ledger_filters_and_pages(web: Web) -> None:
    c = web.client("admin")
    full = c.get("/tasks.json").json()
    assert full["total"] >= 100
    assert len(full["tasks"]) == full["page_size"]
    second = c.get("/tasks.json?page=2").json()
    assert {t["id"] for t in second["tasks"]}.isdisjoint({t["id"] for t in full["tasks"]})
    dept = full["departments"][0]["id"]
    by_dept = c.get(f"/tasks.json?department={dept}").json()
    assert 0 < by_dept["total"] < full["total"]
    word = full["tasks"][10]["title"][:4]
    found = c.get("/tasks.json", params={"q": word}).json()
    assert found["total"] >= 1 and all(word in t["text"] for t in found["tasks"])
    area = full["areas"][0]["id"]
    assert c.get(f"/tasks.json?area={area}").json()["total"] >= 1
    assert c.get("/tasks.json?status=red").json()["total"] == 0  # nothing reported yet, mid-year


def test_task_page_shows_status_reason_and_assignment(web: Web) -> None:
    c = web.client("admin")
    task_id = c.get("/tasks.json").json()["tasks"][0]["id"]
    r = c.get(f"/tasks/{task_id}")
    soup = BeautifulSoup(r.text, "html.parser")
    assert "尚未报送进展" in soup.select_one("#status-reason").get_text()
    assert soup.select_one("#assign-form") is not None
    j = c.get(f"/tasks/{task_id}.json").json()
    assert j["status"]["status"] == "not_reported"
    assert j["assignments"] and j["task"]["version"] >= 1


def test_department_sees_only_own_tasks_on_my_page(web: Web) -> None:
    name = web.dept_users[0]
    c = web.client(name)
    mine = c.get("/my.json").json()
    dept_id = web.department_id(name)
    assert mine["total"] >= 1
    for t in mine["tasks"]:
        detail = c.get(f"/tasks/{t['id']}.json").json()
        assert dept_id in {a["department_id"] for a in detail["assignments"]}
    soup = BeautifulSoup(c.get(f"/tasks/{mine['tasks'][0]['id']}").text, "html.parser")
    assert soup.select_one("#report-progress") is not None
    assert soup.select_one("#assign-form") is None


def test_public_page_without_login_hides_internal_notes(web: Web) -> None:
    admin = web.client("admin")
    task_id = web.task_led_by(web.dept_users[0])
    dept = web.client(web.dept_users[0])
    secret = "内部说明：资金缺口三千万"
    assert dept.api("POST", f"/api/tasks/{task_id}/progress", {"percent": 5, "narrative": secret}).status_code == 201
    assert admin.api("POST", f"/api/tasks/{task_id}/notices",
                     {"due_on": "2020-08-01", "text": "督办：请说明滞后原因"}).status_code == 201
    anon = web.client("anonymous")
    r = anon.get("/public")
    assert r.status_code == 200
    assert "资金缺口" not in r.text and "滞后原因" not in r.text
    data = anon.get("/public.json").json()
    assert "资金缺口" not in str(data) and "status_reason" not in str(data)
    red = anon.get("/public.json?status=yellow").json()  # 5% against a 28% schedule
    assert task_id in {t["id"] for t in red["tasks"]}


def test_security_headers_and_cookie_flags(web: Web) -> None:
    c = web.client("anonymous")
    r = c.get("/login")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    login = c.http.post("/login", data={"username": "admin", "password": web.accounts["admin"],
                                        "csrf_token": c.page_csrf("/login")})
    cookie = login.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
