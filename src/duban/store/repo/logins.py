"""Login attempts, kept to rate-limit password guessing by user name and by client address.

A login is refused without checking the password once ``max_attempts``
failures for the same name, or ``4 × max_attempts`` from the same address,
fall within the last ``window`` seconds. Attempts older than a day are pruned.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from duban.store.tables import LoginAttemptRow, utcnow


def record_attempt(*, session: Session, username: str, ip: str | None, success: bool) -> None:
    session.add(LoginAttemptRow(username=username[:100], ip=ip, success=success, at=utcnow()))
    session.flush()


def is_limited(*, session: Session, username: str, ip: str | None, max_attempts: int, window: int) -> bool:
    """True when this name or this address has failed too often within the window."""
    since = utcnow() - dt.timedelta(seconds=window)
    by_name = session.scalar(
        select(func.count()).select_from(LoginAttemptRow).where(
            LoginAttemptRow.username == username[:100],
            LoginAttemptRow.success.is_(False),
            LoginAttemptRow.at >= since,
        )
    ) or 0
    if by_name >= max_attempts:
        return True
    if ip is None:
        return False
    by_ip = session.scalar(
        select(func.count()).select_from(LoginAttemptRow).where(
            LoginAttemptRow.ip == ip, LoginAttemptRow.success.is_(False), LoginAttemptRow.at >= since
        )
    ) or 0
    return by_ip >= 4 * max_attempts


def clear_failures(*, session: Session, username: str) -> None:
    """Forget a name's failures after a successful login; prune day-old attempts."""
    session.execute(
        delete(LoginAttemptRow).where(LoginAttemptRow.username == username[:100], LoginAttemptRow.success.is_(False))
    )
    session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.at < utcnow() - dt.timedelta(days=1)))
