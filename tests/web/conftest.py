"""Web test helpers: an app over a fresh copy of the demo database, and logged-in clients.

``web`` builds the app with ``create_app`` over ``demo_db`` (SQLite, then
PostgreSQL) with the date pinned to :data:`TODAY`, so statuses are those of
mid-2020. ``web.client(name)`` is a TestClient logged in as that account
(``"anonymous"`` for none) that knows its CSRF token.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from duban.store.db import make_engine, make_sessionmaker
from duban.store.repo import users
from duban.store.tables import TaskDepartmentRow, TaskRow, UserRow
from duban.web.app import create_app

TODAY = dt.date(2020, 7, 15)
VIEWER = ("viewer", "viewer-pass-123")
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Client:
    """A TestClient plus the session's CSRF token; ``form``/``api`` add the token themselves."""

    def __init__(self, app: FastAPI) -> None:
        self.http = TestClient(app, follow_redirects=False)
        self.csrf = self.http.get("/api/csrf").json()["csrf_token"]

    def get(self, url: str, **kw: Any) -> Any:
        return self.http.get(url, **kw)

    def form(self, url: str, data: dict[str, Any] | None = None, files: Any = None, csrf: bool = True) -> Any:
        payload = dict(data or {})
        if csrf:
            payload["csrf_token"] = self.csrf
        return self.http.post(url, data=payload, files=files)

    def api(self, method: str, url: str, json: Any = None, csrf: bool = True) -> Any:
        headers = {"X-CSRF-Token": self.csrf} if csrf else {}
        return self.http.request(method, url, json=json, headers=headers)

    def page_csrf(self, url: str) -> str:
        match = CSRF.search(self.get(url).text)
        assert match, f"no CSRF field on {url}"
        return match.group(1)


@dataclass
class Web:
    app: FastAPI
    engine: Engine
    accounts: dict[str, str]
    departments: dict[str, str]  # dept username -> department name
    clients: dict[str, Client] = field(default_factory=dict)

    def session(self) -> Session:
        return make_sessionmaker(self.engine)()

    def client(self, name: str) -> Client:
        if name not in self.clients:
            c = Client(self.app)
            if name != "anonymous":
                r = c.api("POST", "/api/login", {"username": name, "password": self.accounts[name]})
                assert r.status_code == 200, r.text
                c.csrf = r.json()["csrf_token"]
            self.clients[name] = c
        return self.clients[name]

    @property
    def dept_users(self) -> list[str]:
        return list(self.departments)

    def department_id(self, username: str) -> int:
        with self.session() as s:
            user = s.scalar(select(UserRow).where(UserRow.username == username))
            assert user is not None and user.department_id is not None
            return user.department_id

    def task_led_by(self, username: str, *, without: str | None = None) -> int:
        """A task whose lead is ``username``'s department and where ``without``'s has no part."""
        own = self.department_id(username)
        other = self.department_id(without) if without else None
        with self.session() as s:
            for task in s.scalars(select(TaskRow).order_by(TaskRow.position)):
                depts = {a.department_id: a.role for a in task.assignments}
                if depts.get(own) == "lead" and (other is None or other not in depts):
                    return task.id
        raise AssertionError(f"no task led by {username}")


@pytest.fixture
def web(demo_db: Any) -> Iterator[Web]:
    """The app over a fresh demo database (the suite hashes passwords with argon2's cheapest profile)."""
    settings = demo_db.settings.model_copy(update={"today": TODAY})
    engine = make_engine(demo_db.url)
    with make_sessionmaker(engine).begin() as s:
        users.create_user(session=s, username=VIEWER[0], password=VIEWER[1], role="viewer")
    app = create_app(settings, engine=engine)
    accounts = {**demo_db.accounts, VIEWER[0]: VIEWER[1]}
    yield Web(app=app, engine=engine, accounts=accounts, departments=dict(demo_db.departments))
    engine.dispose()


def assignment_of(web: Web, task_id: int) -> list[tuple[int, str, str]]:
    with web.session() as s:
        rows = s.scalars(select(TaskDepartmentRow).where(TaskDepartmentRow.task_id == task_id)).all()
        return sorted((r.department_id, r.role, r.state) for r in rows)
