"""CSRF, escaping (a report containing <script>), edit conflicts, uploads, login limits."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import select

from duban.ingest.read import sample_path
from duban.store.repo import assignments
from duban.store.tables import TaskRow
from duban.web.errors import Conflict
from duban.web.workflow import CONFLICT_MESSAGE, write
from tests.web.conftest import Client, Web

SCRIPT = "<script>alert('duban')</script>"


# --------------------------------------------------------------------------- CSRF


@pytest.mark.parametrize("who", ["admin", "dept"])
def test_writes_without_csrf_token_are_refused(web: Web, who: str) -> None:
    name = "admin" if who == "admin" else web.dept_users[0]
    c = web.client(name)
    task = web.task_led_by(web.dept_users[0])
    r = c.api("POST", f"/api/tasks/{task}/progress", {"percent": 10}, csrf=False)
    assert r.status_code == 403 and "CSRF" in r.json()["detail"]
    r = c.form(f"/tasks/{task}/progress", {"percent": "10"}, csrf=False)
    assert r.status_code == 403 and "安全校验失败" in r.text
    r = c.http.post(f"/api/tasks/{task}/progress", json={"percent": 10}, headers={"X-CSRF-Token": "forged" * 8})
    assert r.status_code == 403
    assert c.get(f"/tasks/{task}.json").json()["history"] == []


def test_token_of_another_session_is_refused(web: Web) -> None:
    victim = web.client("admin")
    attacker = Client(web.app)  # a visitor with a session (and token) of its own
    task = web.task_led_by(web.dept_users[0])
    r = victim.http.post(f"/api/tasks/{task}/close", json={"version": 1}, headers={"X-CSRF-Token": attacker.csrf})
    assert r.status_code == 403


def test_login_form_needs_csrf_and_rotates_session(web: Web) -> None:
    c = Client(web.app)
    r = c.form("/login", {"username": "admin", "password": web.accounts["admin"]}, csrf=False)
    assert r.status_code == 403
    before = c.csrf
    r = c.form("/login", {"username": "admin", "password": web.accounts["admin"]})
    assert r.status_code == 303
    assert c.page_csrf("/tasks") != before  # a new token after login


def test_every_form_carries_a_csrf_field(web: Web) -> None:
    c = web.client("admin")
    task = c.get("/tasks.json").json()["tasks"][0]["id"]
    for page in ["/tasks", f"/tasks/{task}", "/admin", "/import"]:
        soup = BeautifulSoup(c.get(page).text, "html.parser")
        posts = soup.select("form[method=post]")
        assert posts, page
        for f in posts:
            assert f.select_one("input[name=csrf_token]") is not None, (page, f.get("action"))


# --------------------------------------------------------------------------- escaping


def test_report_containing_script_shows_as_text(web: Web) -> None:
    admin = web.client("admin")
    text = sample_path().read_text(encoding="utf-8")
    first_para = text.index("各位代表")
    hostile = text[:first_para] + f"注意{SCRIPT}与<b>加粗</b>。\n" + text[first_para:]
    r = admin.http.post("/api/import", files={"file": ("hostile.txt", hostile.encode("utf-8"))},
                        headers={"X-CSRF-Token": admin.csrf})
    assert r.status_code == 201, r.text
    report_id = r.json()["report_id"]
    page = admin.get(f"/reports/{report_id}").text
    assert SCRIPT not in page and "<b>加粗</b>" not in page
    assert "&lt;script&gt;alert(" in page
    soup = BeautifulSoup(page, "html.parser")
    assert all(s.get("src") for s in soup.select("script:not([type])"))  # only our own script files
    assert SCRIPT in soup.select_one("#report-text").get_text()


def test_user_text_is_escaped_on_task_page_and_ledger(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    c = web.client(own)
    r = c.api("POST", f"/api/tasks/{task}/progress", {"percent": 30, "narrative": SCRIPT})
    assert r.status_code == 201
    admin = web.client("admin")
    r = admin.api("POST", f"/api/tasks/{task}/notices", {"due_on": "2020-08-31", "text": SCRIPT})
    assert r.status_code == 201
    for page in [f"/tasks/{task}", "/notices", "/admin/audit"]:
        html = admin.get(page).text
        assert SCRIPT not in html, page
        assert "&lt;script&gt;" in html or "\\u003cscript\\u003e" in html, page


def test_bad_source_link_is_refused(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    r = web.client(own).api("POST", f"/api/tasks/{task}/progress",
                            {"percent": 30, "source_url": "javascript:alert(1)"})
    assert r.status_code == 422
    assert "http://" in " ".join(r.json()["errors"])


# --------------------------------------------------------------------------- conflicts


def test_second_editor_gets_a_conflict(web: Web) -> None:
    a = web.client("admin")
    with web.session() as s:
        from duban.store.repo import users

        users.create_user(session=s, username="admin2", password="admin2-pass-1", role="admin")
        s.commit()
    web.accounts["admin2"] = "admin2-pass-1"
    b = web.client("admin2")
    task = web.task_led_by(web.dept_users[0])
    seen = a.get(f"/tasks/{task}.json").json()
    lead = [x["department_id"] for x in seen["assignments"] if x["role"] == "lead"]
    version = seen["task"]["version"]
    assert b.get(f"/tasks/{task}.json").json()["task"]["version"] == version
    first = a.api("PUT", f"/api/tasks/{task}/assignment",
                  {"lead_ids": lead, "co_ids": [], "deadline": "2020-10-31", "version": version})
    assert first.status_code == 200
    second = b.api("PUT", f"/api/tasks/{task}/assignment",
                   {"lead_ids": lead, "co_ids": [], "deadline": "2020-09-30", "version": version})
    assert second.status_code == 409
    assert "已被其他人修改" in second.json()["detail"]
    assert a.get(f"/tasks/{task}.json").json()["task"]["deadline"] == "2020-10-31"  # first edit kept
    # the same through the form: a clear page, nothing saved
    page = b.form(f"/tasks/{task}/assignment", {"lead_ids": str(lead[0]), "deadline": "2020-09-30",
                                                 "version": str(version)})
    assert page.status_code == 409
    assert "已被其他人修改" in BeautifulSoup(page.text, "html.parser").get_text()


def test_concurrent_commit_is_a_conflict_too(web: Web) -> None:
    """Two sessions that both pass the version check: the database's version counter catches the second."""
    task_id = web.task_led_by(web.dept_users[0])
    s1, s2 = web.session(), web.session()
    try:
        t1, t2 = s1.get(TaskRow, task_id), s2.get(TaskRow, task_id)
        assert t1 is not None and t2 is not None
        from duban.store.repo.users import get_user_by_username

        admin1 = get_user_by_username(session=s1, username="admin")
        admin2 = get_user_by_username(session=s2, username="admin")
        lead = [a.department_id for a in t1.assignments if a.role == "lead"]

        def edit(session: Any, task: TaskRow, user: Any) -> Any:
            seen = task.version  # what the user's form carries
            return lambda: assignments.set_assignment(session=session, task=task, user=user, lead_ids=lead,
                                                      co_ids=[], deadline=None, expected_version=seen)

        first, second = edit(s1, t1, admin1), edit(s2, t2, admin2)
        write(s1, first)
        with pytest.raises(Conflict) as caught:
            write(s2, second)
        assert caught.value.message == CONFLICT_MESSAGE
    finally:
        s1.close()
        s2.close()


def test_concurrent_edits_of_different_tasks_both_land(web: Web) -> None:
    """Two editors, two tasks, transactions overlapping: no false conflict (SQLite's busy snapshot)."""
    first_task, other_task = web.task_led_by(web.dept_users[0]), web.task_led_by(web.dept_users[1])
    assert first_task != other_task
    s1, s2 = web.session(), web.session()
    try:
        from duban.store.repo.users import get_user_by_username

        t1, t2 = s1.get(TaskRow, first_task), s2.get(TaskRow, other_task)  # both transactions have read
        assert t1 is not None and t2 is not None
        admin1 = get_user_by_username(session=s1, username="admin")
        admin2 = get_user_by_username(session=s2, username="admin")

        def edit(session: Any, task: TaskRow, user: Any, deadline: dt.date) -> Any:
            lead, seen = [a.department_id for a in task.assignments if a.role == "lead"], task.version
            return lambda: assignments.set_assignment(session=session, task=task, user=user, lead_ids=lead,
                                                      co_ids=[], deadline=deadline, expected_version=seen)

        first = edit(s1, t1, admin1, dt.date(2020, 10, 31))
        second = edit(s2, t2, admin2, dt.date(2020, 11, 30))
        write(s1, first)
        write(s2, second)  # SQLite: its snapshot predates the first commit; run again, not refused
    finally:
        s1.close()
        s2.close()
    with web.session() as s:
        rows = s.scalars(select(TaskRow).where(TaskRow.id.in_([first_task, other_task])))
        deadlines = {t.id: t.deadline for t in rows}
    assert deadlines == {first_task: dt.date(2020, 10, 31), other_task: dt.date(2020, 11, 30)}


# --------------------------------------------------------------------------- uploads


def test_evidence_upload_checked_and_stored_under_generated_name(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    c = web.client(own)

    def post(name: str, data: bytes) -> Any:
        return c.http.post(f"/tasks/{task}/progress", data={"csrf_token": c.csrf, "percent": "25"},
                           files={"evidence": (name, data)})

    bad_type = post("run.exe", b"MZ\x90\x00")
    assert bad_type.status_code == 422 and "不支持的证明材料类型" in bad_type.text
    fake_pdf = post("report.pdf", b"<html><script>x</script></html>")
    assert fake_pdf.status_code == 422 and "文件内容与扩展名" in fake_pdf.text
    too_big = post("big.pdf", b"%PDF-" + b"0" * (web.app.state.settings.max_upload_bytes + 10))
    assert too_big.status_code == 413
    assert c.get(f"/tasks/{task}.json").json()["history"] == []  # nothing stored
    ok = post("../../etc/证明.pdf", b"%PDF-1.4 test")
    assert ok.status_code == 303
    history = c.get(f"/tasks/{task}.json").json()["history"]
    assert history[0]["evidence_name"] == "证明.pdf"
    folder = web.app.state.settings.resolved_upload_dir
    stored = list(folder.iterdir())
    assert len(stored) == 1 and stored[0].name != "证明.pdf" and stored[0].suffix == ".pdf"
    download = c.get(history[0]["evidence_url"])
    assert download.status_code == 200 and download.content == b"%PDF-1.4 test"
    assert download.headers["content-disposition"].startswith("attachment")
    assert web.client("anonymous").get(history[0]["evidence_url"]).status_code == 303  # to the login form


# --------------------------------------------------------------------------- login


def test_login_rate_limited(web: Web) -> None:
    c = Client(web.app)
    limit = web.app.state.settings.login_max_attempts
    for _ in range(limit):
        r = c.api("POST", "/api/login", {"username": "admin", "password": "wrong-password"})
        assert r.status_code == 401 and r.json()["detail"] == "用户名或密码错误。"
    r = c.api("POST", "/api/login", {"username": "admin", "password": web.accounts["admin"]})
    assert r.status_code == 429 and "登录失败次数过多" in r.json()["detail"]
    page = c.form("/login", {"username": "admin", "password": web.accounts["admin"]})
    assert page.status_code == 429


def test_login_does_not_redirect_off_site(web: Web) -> None:
    c = Client(web.app)
    r = c.form("/login", {"username": "admin", "password": web.accounts["admin"], "next": "//evil.example/x"})
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_session_cookie_is_signed(web: Web) -> None:
    forged = TestClient(web.app, follow_redirects=False)
    forged.cookies.set("duban_session", "eyJ1aWQiOiAxfQ==.forged.sig")
    assert forged.get("/tasks.json").status_code == 401
