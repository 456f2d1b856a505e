"""Glue between routes and the repository: thresholds, commits, error mapping, daily refresh.

Routes call these so that every write ends the same way: committed, or a
Chinese error with the right status (422 invalid, 409 conflict), never a
half-written change.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TypeVar

from fastapi import Request
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from duban.config import Settings
from duban.errors import DubanError, ErrorCode
from duban.ledger.status import Thresholds
from duban.store.repo import progress
from duban.web.errors import Conflict, Invalid, NotFound, WebError

T = TypeVar("T")

CONFLICT_MESSAGE = (
    "保存失败：在您编辑期间，该任务已被其他人修改。为避免覆盖对方的修改，本次内容未保存。"
    "请刷新页面查看最新内容后再提交。"
)

_refresh_lock = threading.Lock()


def thresholds(settings: Settings) -> Thresholds:
    return Thresholds(yellow_behind=settings.status_yellow_behind, red_behind=settings.status_red_behind)


def web_error(err: DubanError) -> WebError:
    """The web form of a repository error."""
    detail = str(err.params.get("detail", err.detail))
    if err.code is ErrorCode.WEB_CONFLICT:
        version, expected = err.params.get("version"), err.params.get("expected")
        # the repository's detail is English (for logs); the office reads the versions in words
        return Conflict(CONFLICT_MESSAGE, [f"该任务现为第{version}版，您提交的表单是按第{expected}版填写的。"]
                        if version is not None and expected is not None else [])
    if err.code is ErrorCode.IMPORT_CONFLICT:
        return Conflict(f"与已有数据冲突：{detail}")
    if err.code is ErrorCode.STORE_MISSING:
        return NotFound(f"找不到：{detail}")
    return Invalid(detail, [part for part in detail.split("；") if part] if "；" in detail else [])


# How often a write that met SQLite's busy snapshot is run again on a fresh one.
BUSY_RETRIES = 3


def write(session: Session, action: Callable[[], T]) -> T:
    """Run ``action`` and commit; roll back and raise a :class:`WebError` on failure.

    On SQLite, a transaction that read before another writer committed cannot
    write at all ("database is locked": its snapshot is stale), even when the
    other writer touched a different task. That is not an edit conflict, so
    the action is run again in a new transaction, up to :data:`BUSY_RETRIES`
    times; a real conflict is still caught there, by the version the user
    saw (the form's ``version``) against the row's version column.
    """
    for attempt in range(BUSY_RETRIES + 1):
        try:
            result = action()
            session.commit()
            return result
        except DubanError as err:
            session.rollback()
            raise web_error(err) from None
        except StaleDataError:
            session.rollback()
            raise Conflict(CONFLICT_MESSAGE) from None
        except OperationalError as exc:
            session.rollback()
            if "locked" not in str(exc.orig).lower():
                raise
            if attempt == BUSY_RETRIES:
                raise Conflict(CONFLICT_MESSAGE) from None
        except Exception:
            session.rollback()
            raise
    raise AssertionError("unreachable")  # pragma: no cover


def ensure_fresh_statuses(request: Request, session: Session, settings: Settings, today: dt.date,
                          *, reasons: bool = True) -> None:
    """Make the cached statuses good for ``today``, once per day and process.

    Every cached colour must hold today (``status_until``): lists filter and
    count by it. Only the tasks whose colour may have moved since it was
    computed are recomputed, a handful a day. With ``reasons`` every task's
    reason (whose numbers move daily) is brought to today as well: pages that
    show the reasons of many tasks at once (sheets, reminders, assessment, the
    public page) ask for it; the ledger and the task page instead recompute
    the reasons of the rows they show (:func:`fresh_reasons`).
    """
    state = request.app.state
    key = (today, settings.status_yellow_behind, settings.status_red_behind, reasons)
    done: set[tuple[object, ...]] = getattr(state, "statuses_for", None) or set()
    # a write that changes a task's schedule (deadline, import) forgets its status: one indexed look-up
    if key in done and not progress.has_forgotten_statuses(session=session):
        return
    with _refresh_lock:
        done = getattr(state, "statuses_for", None) or set()
        if key in done and not progress.has_forgotten_statuses(session=session):
            return
        progress.refresh_all(session=session, today=today, thresholds=thresholds(settings),
                             stale="reason" if reasons else "colour")
        session.commit()
        state.statuses_for = {k for k in done if k[0] == today} | {key}


def fresh_reasons(session: Session, settings: Settings, today: dt.date, stale_ids: list[int]) -> bool:
    """Recompute the statuses of the given tasks whose reason is not today's; True if any was written."""
    if not stale_ids:
        return False
    progress.refresh_all(session=session, today=today, thresholds=thresholds(settings), task_ids=stale_ids,
                         stale="reason")
    session.commit()
    return True


def invalidate_statuses(request: Request) -> None:
    """Force a recompute of every status (after settings change or an import)."""
    from duban.store.repo.tasks import forget_statuses

    with request.app.state.sessionmaker.begin() as session:
        forget_statuses(session=session)
    request.app.state.statuses_for = None
