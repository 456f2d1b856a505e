"""Typed dependency aliases: what a route needs is in its signature.

``SessionDep`` is a database session for the request; ``SettingsDep`` the
effective settings (environment plus the admin's stored overrides);
``CurrentUser`` the logged-in user or ``None``; ``LoggedIn`` and ``AdminUser``
refuse anonymous and non-admin requests; ``TodayDep`` is the date every status
is computed for (``DUBAN_TODAY`` pins it, e.g. for a demo of last year's report).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated
from zoneinfo import ZoneInfo

import anyio
import anyio.to_thread
from fastapi import Depends, Request
from sqlalchemy.orm import Session

from duban.config import Settings
from duban.store.tables import UserRow
from duban.web.errors import Forbidden, NotLoggedIn


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request, closed (and rolled back if uncommitted) at the end.

    Making a session touches no database, so it is made on the event loop (a plain
    ``def`` dependency costs a hand-off to a worker thread). Closing one that holds a
    connection rolls back over it, so that runs in a thread, as FastAPI closes its own:
    shielded from cancellation and outside the pool's capacity limit (a request
    waiting for a thread must not keep a connection from being returned).
    """
    session: Session = request.app.state.sessionmaker()
    try:
        yield session
    finally:
        if session.get_transaction() is None:
            session.close()
        else:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(session.close, limiter=anyio.CapacityLimiter(1))


# Dependencies that do no I/O are ``async def``: FastAPI runs a plain ``def`` dependency in the
# thread pool, a hand-off to a worker thread and back for each one on every request.


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


@dataclass(frozen=True, slots=True)
class DepartmentView:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class UserView:
    """What templates need of the logged-in user, detached from the database session."""

    id: int
    username: str
    role: str
    department_id: int | None
    department: DepartmentView | None
    display_name: str | None

    @classmethod
    def of(cls, user: UserRow) -> UserView:
        dept = user.department
        return cls(user.id, user.username, user.role, user.department_id,
                   DepartmentView(dept.id, dept.name) if dept is not None else None, user.display_name)


def get_current_user(request: Request, session: SessionDep) -> UserRow | None:
    """The user of the session cookie, if still active; also kept on ``request.state``."""
    user_id = request.session.get("uid")
    user: UserRow | None = None
    if isinstance(user_id, int):
        user = session.get(UserRow, user_id)
        if user is not None and not user.active:
            user = None
        if user is None:
            request.session.pop("uid", None)
    # Pages (error pages included, which render after the session is closed or rolled back)
    # read this plain copy, never the ORM row.
    request.state.user = UserView.of(user) if user is not None else None
    release_connection(session)
    return user


def release_connection(session: Session) -> None:
    """End a dependency's read-only transaction, giving its connection back to the pool.

    Each plain ``def`` dependency and the endpoint run in a thread of their own, one
    after another. A request that kept its connection between them could wait for a
    free thread while every thread waits for a free connection: with more requests in
    flight than the thread pool and the connection pool together, the server stopped
    until the pool's 30 s timeout. Returned between steps, a connection is only ever
    held by a step that is running. Loaded rows stay readable (``expire_on_commit``
    is off).
    """
    if session.in_transaction():
        session.commit()


CurrentUser = Annotated[UserRow | None, Depends(get_current_user)]


async def require_user(user: CurrentUser) -> UserRow:
    if user is None:
        raise NotLoggedIn()
    return user


LoggedIn = Annotated[UserRow, Depends(require_user)]


async def require_admin(request: Request, user: LoggedIn) -> UserRow:
    if user.role != "admin":
        if request.method == "GET":  # a page the user opened, not a button pressed
            raise Forbidden("此页面仅限督查室管理员使用。如需查看，请联系督查室。")
        raise Forbidden("此操作仅限督查室管理员。")
    return user


AdminUser = Annotated[UserRow, Depends(require_admin)]


def today_of(settings: Settings) -> dt.date:
    """``settings.today`` when pinned, else today's date in the office's time zone."""
    if settings.today is not None:
        return settings.today
    return dt.datetime.now(ZoneInfo(settings.timezone)).date()


async def get_today(settings: SettingsDep) -> dt.date:
    """The date of this request's statuses (:func:`today_of` the effective settings)."""
    return today_of(settings)


TodayDep = Annotated[dt.date, Depends(get_today)]


def fresh_statuses(request: Request, session: SessionDep, settings: SettingsDep, today: TodayDep) -> None:
    """Make sure cached task statuses are computed for ``today`` before a page reads them."""
    from duban.web.workflow import ensure_fresh_statuses

    ensure_fresh_statuses(request, session, settings, today)
    release_connection(session)


FreshStatuses = Depends(fresh_statuses)


def fresh_colours(request: Request, session: SessionDep, settings: SettingsDep, today: TodayDep) -> None:
    """Make sure every cached colour holds ``today``; the page refreshes the reasons it shows itself."""
    from duban.web.workflow import ensure_fresh_statuses

    ensure_fresh_statuses(request, session, settings, today, reasons=False)
    release_connection(session)


FreshColours = Depends(fresh_colours)
