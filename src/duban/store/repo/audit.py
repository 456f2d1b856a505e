"""The audit log: every write appended with who, when, what, before and after.

Only :func:`record` writes, and only INSERTs; nothing here updates or deletes
(the database refuses that too, see :mod:`duban.store.guard`). ``before`` and
``after`` are small JSON dicts of the fields a write changed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from duban.store.tables import AuditLogRow, UserRow


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def record(
    *,
    session: Session,
    user: UserRow | None,
    action: str,
    entity: str,
    entity_id: object = None,
    task_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditLogRow:
    """Append one entry (flushed, committed with the caller's transaction)."""
    row = AuditLogRow(
        user_id=user.id if user is not None else None,
        username=user.username if user is not None else None,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        task_id=task_id,
        before=_jsonable(before) if before is not None else None,
        after=_jsonable(after) if after is not None else None,
    )
    session.add(row)
    session.flush()
    return row


def like_pattern(text: str) -> str:
    """``%text%`` for LIKE with ``!`` as the escape character (no wildcards from the user)."""
    for ch in "!%_":
        text = text.replace(ch, "!" + ch)
    return f"%{text}%"


def for_task(*, session: Session, task_id: int, limit: int = 200) -> Sequence[AuditLogRow]:
    """The trail of one task, newest first."""
    stmt = (
        select(AuditLogRow)
        .where(AuditLogRow.task_id == task_id)
        .order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc())
        .limit(limit)
    )
    return session.scalars(stmt).all()


@dataclass(slots=True)
class AuditPage:
    rows: list[AuditLogRow]
    total: int
    page: int
    page_size: int


def search(
    *,
    session: Session,
    text: str = "",
    username: str = "",
    action: str = "",
    entity: str = "",
    task_id: int | None = None,
    page: int = 1,
    page_size: int = 50,
) -> AuditPage:
    """Entries matching every given filter, newest first, one page of them.

    ``text`` matches the user name, action, entity id and the before/after JSON.
    """
    conditions = []
    if text:
        # JSON columns hold non-ASCII text as \uXXXX escapes: match both spellings.
        plain = like_pattern(text)
        escaped = like_pattern(json.dumps(text)[1:-1])
        conditions.append(
            or_(
                AuditLogRow.username.ilike(plain, escape="!"),
                AuditLogRow.action.ilike(plain, escape="!"),
                AuditLogRow.entity_id.ilike(plain, escape="!"),
                *(
                    cast(column, String).ilike(pattern, escape="!")
                    for column in (AuditLogRow.before, AuditLogRow.after)
                    for pattern in {plain, escaped}
                ),
            )
        )
    if username:
        conditions.append(AuditLogRow.username == username)
    if action:
        conditions.append(AuditLogRow.action == action)
    if entity:
        conditions.append(AuditLogRow.entity == entity)
    if task_id is not None:
        conditions.append(AuditLogRow.task_id == task_id)
    total = session.scalar(select(func.count()).select_from(AuditLogRow).where(*conditions)) or 0
    page = max(1, page)
    rows = session.scalars(
        select(AuditLogRow)
        .where(*conditions)
        .order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    ).all()
    return AuditPage(list(rows), total, page, page_size)


def actions(*, session: Session) -> list[str]:
    """The distinct actions logged so far (for the admin's filter)."""
    return list(session.scalars(select(AuditLogRow.action).distinct().order_by(AuditLogRow.action)).all())


def latest_id(*, session: Session) -> int:
    """The newest entry's id: every write appends one, so this changes whenever data does."""
    return session.scalar(select(func.max(AuditLogRow.id))) or 0
