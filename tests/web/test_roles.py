"""The role matrix: every write endpoint × every role gets exactly the right answer.

Roles: anonymous, viewer, a department that is not on the task (``other``),
the task's lead department (``own``) and the office (``admin``). Refused roles
go first, the allowed ones last, all on one fresh demo database per endpoint
(SQLite, then PostgreSQL). A refused write must also leave no trace: the
audit log does not grow.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from duban.ingest.read import sample_path
from duban.store.tables import AuditLogRow, UserRow
from tests.web.conftest import Client, Web

ROLES = ("anonymous", "viewer", "other", "own", "admin")
LOGIN = "login"  # a 303 redirect to the login form


@dataclass
class Ctx:
    web: Web
    own: str
    other: str
    task: int
    notice: int
    own_dept: int
    own_sheet: bytes


@dataclass(frozen=True)
class Endpoint:
    name: str
    call: Callable[[Client, Ctx], Any]
    expected: dict[str, int | str]


def version(ctx: Ctx) -> int:
    return int(ctx.web.client("admin").get(f"/tasks/{ctx.task}.json").json()["task"]["version"])


def api(method: str, url: str, body: Callable[[Ctx], Any] | None = None) -> Callable[[Client, Ctx], Any]:
    return lambda c, ctx: c.api(method, url.format(task=ctx.task, notice=ctx.notice, viewer=viewer_id(ctx)),
                                body(ctx) if body else None)


def form(url: str, data: Callable[[Ctx], dict[str, Any]] | None = None) -> Callable[[Client, Ctx], Any]:
    return lambda c, ctx: c.form(url.format(task=ctx.task, notice=ctx.notice), data(ctx) if data else {})


def viewer_id(ctx: Ctx) -> int:
    with ctx.web.session() as s:
        return int(s.scalar(select(UserRow.id).where(UserRow.username == "viewer")) or 0)


def upload_sheet(c: Client, ctx: Ctx) -> Any:
    return c.http.post("/sheets/progress", files={"sheet": ("p.xlsx", ctx.own_sheet)},
                       data={"csrf_token": c.csrf}, headers={"accept": "application/json"})


def import_sample(c: Client, ctx: Ctx) -> Any:
    return c.http.post("/api/import", files={"file": ("zhenhai.txt", sample_path().read_bytes())},
                       headers={"X-CSRF-Token": c.csrf})


ADMIN_ONLY_API = {"anonymous": 401, "viewer": 403, "other": 403, "own": 403}
ADMIN_ONLY_FORM = {"anonymous": LOGIN, "viewer": 403, "other": 403, "own": 403, "admin": 303}
_department_names = iter(f"区测试单位{i}" for i in range(1000))
_rule_ids = iter(f"role-test-{i}" for i in range(1000))


def report_id(ctx: Ctx) -> int:
    return int(ctx.web.client("admin").get(f"/tasks/{ctx.task}.json").json()["report"]["id"])


def first_rule(ctx: Ctx) -> dict[str, Any]:
    return dict(ctx.web.client("admin").get("/api/admin/rules").json()["rules"][0])


def delete_rule(c: Client, ctx: Ctx) -> Any:
    rule = first_rule(ctx)
    return c.api("DELETE", f"/api/admin/rules/{rule['id']}")

ENDPOINTS = [
    Endpoint("assignment api", api("PUT", "/api/tasks/{task}/assignment",
             lambda ctx: {"lead_ids": [ctx.own_dept], "co_ids": [], "deadline": "2020-11-30", "version": version(ctx)}),
             {**ADMIN_ONLY_API, "admin": 200}),
    Endpoint("assignment form", form("/tasks/{task}/assignment",
             lambda ctx: {"lead_ids": str(ctx.own_dept), "deadline": "2020-11-30", "version": str(version(ctx))}),
             ADMIN_ONLY_FORM),
    Endpoint("bulk assign api", api("POST", "/api/tasks/assign", lambda ctx: {"task_ids": [ctx.task], "action": "confirm"}),
             {**ADMIN_ONLY_API, "admin": 200}),
    Endpoint("bulk assign form", form("/tasks/assign", lambda ctx: {"task_ids": str(ctx.task), "action": "confirm"}),
             ADMIN_ONLY_FORM),
    Endpoint("close api", api("POST", "/api/tasks/{task}/close", lambda ctx: {"version": version(ctx)}),
             {**ADMIN_ONLY_API, "admin": 200}),
    Endpoint("close form", form("/tasks/{task}/close", lambda ctx: {"version": str(version(ctx))}), ADMIN_ONLY_FORM),
    Endpoint("progress api", api("POST", "/api/tasks/{task}/progress", lambda ctx: {"percent": 20, "narrative": "推进中"}),
             {"anonymous": 401, "viewer": 403, "other": 403, "own": 201, "admin": 201}),
    Endpoint("progress form", form("/tasks/{task}/progress", lambda ctx: {"percent": "20", "narrative": "推进中"}),
             {"anonymous": LOGIN, "viewer": 403, "other": 403, "own": 303, "admin": 303}),
    Endpoint("issue notice api", api("POST", "/api/tasks/{task}/notices",
             lambda ctx: {"due_on": "2020-08-31", "text": "请加快进度"}), {**ADMIN_ONLY_API, "admin": 201}),
    Endpoint("issue notice form", form("/tasks/{task}/notices", lambda ctx: {"due_on": "2020-08-31", "text": "请加快进度"}),
             ADMIN_ONLY_FORM),
    Endpoint("answer notice api", api("POST", "/api/notices/{notice}/answer", lambda ctx: {"answer": "已加快"}),
             {"anonymous": 401, "viewer": 403, "other": 403, "admin": 403, "own": 200}),
    Endpoint("answer notice form", form("/notices/{notice}/answer", lambda ctx: {"answer": "已加快"}),
             {"anonymous": LOGIN, "viewer": 403, "other": 403, "admin": 403, "own": 303}),
    Endpoint("close notice api", api("POST", "/api/notices/{notice}/close"), {**ADMIN_ONLY_API, "admin": 200}),
    Endpoint("close notice form", form("/notices/{notice}/close"), ADMIN_ONLY_FORM),
    Endpoint("create user api", api("POST", "/api/admin/users", lambda ctx: {
             "username": "new-user", "password": "new-pass-123", "role": "viewer"}), {**ADMIN_ONLY_API, "admin": 201}),
    Endpoint("create user form", form("/admin/users", lambda ctx: {
             "username": "new-user2", "password": "new-pass-123", "role": "viewer"}), ADMIN_ONLY_FORM),
    Endpoint("update user api", api("PATCH", "/api/admin/users/{viewer}", lambda ctx: {"password": "changed-pass-1"}),
             {**ADMIN_ONLY_API, "admin": 200}),
    Endpoint("create department api", api("POST", "/api/admin/departments",
             lambda ctx: {"name": next(_department_names)}), {**ADMIN_ONLY_API, "admin": 201}),
    Endpoint("create department form", form("/admin/departments", lambda ctx: {"name": next(_department_names)}),
             ADMIN_ONLY_FORM),
    Endpoint("update department api", lambda c, ctx: c.api("PATCH", f"/api/admin/departments/{ctx.own_dept}",
             {"short_name": "简称"}), {**ADMIN_ONLY_API, "admin": 200}),
    Endpoint("update department form", lambda c, ctx: c.form(f"/admin/departments/{ctx.own_dept}",
             {"short_name": "简称", "active": "1"}), ADMIN_ONLY_FORM),
    Endpoint("create rule api", lambda c, ctx: c.api("POST", "/api/admin/rules", {
             "id": next(_rule_ids), "lead": "finance", "keywords": ["测试词"]}), {**ADMIN_ONLY_API, "admin": 201}),
    Endpoint("create rule form", lambda c, ctx: c.form("/admin/rules", {
             "id": next(_rule_ids), "lead": "finance", "keywords": "测试词"}), ADMIN_ONLY_FORM),
    Endpoint("update rule api", lambda c, ctx: c.api("PUT", f"/api/admin/rules/{first_rule(ctx)['id']}",
             {**first_rule(ctx), "weight": 2}), {**ADMIN_ONLY_API, "admin": 200}),
    Endpoint("update rule form", lambda c, ctx: c.form(f"/admin/rules/{first_rule(ctx)['id']}", {
             "id": first_rule(ctx)["id"], "lead": first_rule(ctx)["lead"],
             "keywords": "、".join(first_rule(ctx)["keywords"]), "weight": "2"}), ADMIN_ONLY_FORM),
    Endpoint("delete rule api", delete_rule, {**ADMIN_ONLY_API, "admin": 200}),
    Endpoint("delete rule form", lambda c, ctx: c.form(f"/admin/rules/{first_rule(ctx)['id']}", {"delete": "1"}),
             ADMIN_ONLY_FORM),
    Endpoint("resuggest api", lambda c, ctx: c.api("POST", f"/api/admin/reports/{report_id(ctx)}/resuggest"),
             {**ADMIN_ONLY_API, "admin": 200}),
    Endpoint("resuggest form", lambda c, ctx: c.form("/admin/resuggest", {"report_id": str(report_id(ctx))}),
             ADMIN_ONLY_FORM),
    Endpoint("settings api", api("PUT", "/api/admin/settings", lambda ctx: {"reminder_day": 20}),
             {**ADMIN_ONLY_API, "admin": 200}),
    Endpoint("settings form", form("/admin/settings", lambda ctx: {"reminder_day": "20"}), ADMIN_ONLY_FORM),
    Endpoint("import report api", import_sample, {**ADMIN_ONLY_API, "admin": 201}),
    Endpoint("upload progress sheet", upload_sheet,
             # the other department may upload, but this sheet names a task that is not its own
             {"anonymous": 401, "viewer": 403, "admin": 403, "other": 422, "own": 200}),
]


def make_ctx(web: Web) -> Ctx:
    own, other = web.dept_users[0], web.dept_users[1]
    task = web.task_led_by(own, without=other)
    admin = web.client("admin")
    notice = admin.api("POST", f"/api/tasks/{task}/notices", {"due_on": "2020-08-31", "text": "督办"}).json()["id"]
    sheet = web.client(own).get("/sheets/progress.xlsx").content
    wb = load_workbook(io.BytesIO(sheet))
    ws = wb["进展"]
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=1).value == task)
    ws.cell(row=row, column=8, value=35)
    out = io.BytesIO()
    wb.save(out)
    return Ctx(web, own, other, task, notice, web.department_id(own), out.getvalue())


def audit_count(web: Web) -> int:
    with web.session() as s:
        return int(s.scalar(select(func.count()).select_from(AuditLogRow)) or 0)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_role_matrix(web: Web, endpoint: Endpoint) -> None:
    ctx = make_ctx(web)
    names = {"anonymous": "anonymous", "viewer": "viewer", "other": ctx.other, "own": ctx.own, "admin": "admin"}
    order = sorted(ROLES, key=lambda r: (endpoint.expected[r] not in (401, 403, 422, LOGIN), ROLES.index(r)))
    got: dict[str, int | str] = {}
    for role in order:
        before = audit_count(web)
        r = endpoint.call(web.client(names[role]), ctx)
        status: int | str = r.status_code
        if status == 303 and r.headers["location"].startswith("/login"):
            status = LOGIN
        got[role] = status
        if status in (401, 403, 422, LOGIN):
            assert audit_count(web) == before, f"{role} was refused but something was logged"
    assert got == endpoint.expected
