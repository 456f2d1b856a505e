"""The real thing in headless Chromium: ``python -m duban serve`` on a free port, driven by Playwright.

Debian's /usr/bin/chromium is the browser (Playwright's own download is not
used). The server runs over a fresh copy of the demo database with the date
pinned to mid-2020. Screenshots of the overview, reader, ledger and task page
are written to tests/artifacts/ (gitignored) for people to look at.
"""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from duban.store.db import make_engine, make_sessionmaker
from duban.store.tables import TaskRow, UserRow

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
TODAY = "2020-07-15"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(demo_db: Any, tmp_path: Path, wait_for_port: Any) -> Iterator[dict[str, Any]]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    port = _free_port()
    env = {**os.environ, "DUBAN_DATABASE_URL": demo_db.url, "DUBAN_DATA_HOME": str(tmp_path / "home"),
           "DUBAN_SECRET_KEY": "browser-test-secret", "DUBAN_TODAY": TODAY}
    log = open(tmp_path / "server.log", "w")  # noqa: SIM115 (open for the server's lifetime)
    proc = subprocess.Popen([sys.executable, "-m", "duban", "serve", "--port", str(port), "--log-level", "warning"],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, timeout=60)
        yield {"url": f"http://127.0.0.1:{port}", "db": demo_db, "log": tmp_path / "server.log"}
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def login(browser: Any, base: str, username: str, password: str) -> Any:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form.stack button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))
    return page


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_supervision_workflow_in_a_browser(server: dict[str, Any], browser: Any, tmp_path: Path) -> None:
    base, db = server["url"], server["db"]
    dept_user = next(iter(db.departments))
    engine = make_engine(db.url)
    with make_sessionmaker(engine)() as s:
        dept_id = s.scalar(select(UserRow.department_id).where(UserRow.username == dept_user))
        task_id = next(t.id for t in s.scalars(select(TaskRow).order_by(TaskRow.position))
                       if any(a.department_id == dept_id and a.role == "lead" for a in t.assignments)
                       and t.kind != "main_target")
    engine.dispose()

    # --- the office: overview, reader, ledger; assign the task
    admin = login(browser, base, db.admin, db.accounts[db.admin])
    admin.wait_for_selector("#chart-area canvas")
    shot(admin, "overview")
    admin.goto(f"{base}/reports/{db.report_id}")
    shot(admin, "reader")
    admin.goto(f"{base}/tasks")
    assert admin.locator("#ledger tbody tr").count() >= 20
    shot(admin, "ledger")
    admin.goto(f"{base}/tasks/{task_id}")
    admin.click("#assignment summary")
    admin.select_option("#assign-form select[name=lead_ids]", str(dept_id))
    admin.fill("#assign-form input[name=deadline]", "2020-09-30")
    admin.click("#assign-form button[value=set]")
    admin.wait_for_selector(".flash-ok")
    assert "分工和完成时限已保存" in admin.inner_text(".flash-ok")
    assert "2020年9月30日" in admin.inner_text("#assignment")  # office style, not 2020-09-30
    shot(admin, "task")
    admin.click("#task-source")
    admin.wait_for_selector("#report-text p.at")
    assert admin.is_visible("#span-note")
    highlighted = admin.evaluate(
        "CSS.highlights && CSS.highlights.get('duban-span') ? [...CSS.highlights.get('duban-span')][0].toString() : ''")
    assert highlighted and highlighted in admin.inner_text("#report-text")
    admin.goto(f"{base}/tasks/{task_id}")

    # --- the department: report progress below schedule; the task turns red with its reason
    dept = login(browser, base, dept_user, db.accounts[dept_user])
    dept.goto(f"{base}/tasks/{task_id}")
    dept.fill("#report-progress input[name=percent]", "10")
    dept.fill("#report-progress textarea[name=narrative]", "项目前期手续办理中")
    dept.click("#report-progress button[type=submit]")
    dept.wait_for_selector(".flash-ok")
    reason = dept.inner_text("#status-reason")
    assert "严重滞后" in reason and "红灯线" in reason and "报送进度10%" in reason
    assert "项目前期手续办理中" in dept.inner_text("#history")
    shot(dept, "task-red")

    # --- the office issues a notice; the department answers it
    admin.goto(f"{base}/tasks/{task_id}")
    admin.click("#notices summary")
    admin.fill("#notice-form input[name=due_on]", "2020-07-31")
    admin.fill("#notice-form textarea[name=text]", "进度严重滞后，请说明原因并提出整改措施")
    admin.click("#notice-form button[type=submit]")
    admin.wait_for_selector(".flash-ok")
    dept.goto(f"{base}/tasks/{task_id}")
    dept.fill("#notices textarea[name=answer]", "已召开专题会，8月底前完成手续")
    dept.click("#notices form button[type=submit]")
    dept.wait_for_selector(".flash-ok")
    assert "已答复" in dept.inner_text("#notices")
    admin.goto(f"{base}/notices")
    assert "已召开专题会" in admin.inner_text("#notice-list")

    # --- a progress sheet with one bad row: the error is listed, nothing imported
    dept.goto(f"{base}/my")
    with dept.expect_download() as info:
        dept.click("text=下载本单位进展表")
    sheet = tmp_path / "sheet.xlsx"
    info.value.save_as(sheet)
    wb = load_workbook(sheet)
    ws = wb["进展"]
    ws.cell(row=3, column=8, value=50)
    ws.cell(row=4, column=8, value="一半")
    wb.save(sheet)
    dept.set_input_files("input[name=sheet]", str(sheet))
    dept.click("text=上传并导入")
    dept.wait_for_selector(".error-panel")
    errors = dept.inner_text(".error-panel")
    assert "整表未导入" in errors and "第4行" in errors and "不是数字" in errors

    # --- the office downloads the 任务分解表
    admin.goto(f"{base}/tasks")
    with admin.expect_download() as info:
        admin.click("text=下载任务分解表")
    ledger = tmp_path / "ledger.xlsx"
    info.value.save_as(ledger)
    book = load_workbook(io.BytesIO(ledger.read_bytes()))
    assert "推进情况" in book.sheetnames
    statuses = [row[4] for row in book["推进情况"].iter_rows(min_row=3, values_only=True)]
    assert "严重滞后" in statuses

    # --- the public page, without logging in: status shown, internal notes not
    public = browser.new_context().new_page()
    public.goto(f"{base}/public")
    assert public.locator("#public-tasks tbody tr").count() >= 20
    text = public.inner_text("body")
    assert "严重滞后" in text
    assert "项目前期手续办理中" not in text and "专题会" not in text
    public.goto(f"{base}/tasks")
    assert "/login" in public.url
