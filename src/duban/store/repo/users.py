"""Users: create with an argon2 hash, verify a password, list, change.

Only the hash is stored (argon2id via argon2-cffi). :func:`authenticate`
checks a password in constant time, refuses inactive users, and re-hashes
a password whose hash uses outdated parameters.

The hashing cost follows ``DUBAN_PASSWORD_PROFILE`` (``rfc9106-low-memory``,
the default: 64 MiB, 3 passes; ``rfc9106-high-memory``; ``cheapest``, for test
suites only). A hash records its own parameters, so verifying always works.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from duban.errors import DubanError, ErrorCode
from duban.store.tables import ROLES, UserRow, utcnow

MIN_PASSWORD_LENGTH = 8
PROFILES = {
    "rfc9106-low-memory": profiles.RFC_9106_LOW_MEMORY,
    "rfc9106-high-memory": profiles.RFC_9106_HIGH_MEMORY,
    "cheapest": profiles.CHEAPEST,
}
DEFAULT_PROFILE = "rfc9106-low-memory"


@cache
def _hasher_for(profile: str) -> PasswordHasher:
    if profile not in PROFILES:
        raise DubanError(ErrorCode.STORE_INVALID, detail=f"unknown password profile {profile}")
    return PasswordHasher.from_parameters(PROFILES[profile])


def _hasher() -> PasswordHasher:
    return _hasher_for(os.environ.get("DUBAN_PASSWORD_PROFILE") or DEFAULT_PROFILE)


@cache
def _dummy_hash(profile_hasher: PasswordHasher) -> str:
    """Verified against when the user does not exist, so timing does not tell."""
    return profile_hasher.hash("duban-no-such-user")


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches ``password_hash``; False for a wrong or broken hash."""
    try:
        return _hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DubanError(
            ErrorCode.STORE_INVALID, detail=f"a password needs at least {MIN_PASSWORD_LENGTH} characters"
        )


def create_user(
    *,
    session: Session,
    username: str,
    password: str,
    role: str,
    department_id: int | None = None,
    display_name: str | None = None,
) -> UserRow:
    """Add a user. A department user must name a department; raises D402 on a taken name."""
    username = username.strip()
    if not username:
        raise DubanError(ErrorCode.STORE_INVALID, detail="a user needs a name")
    if role not in ROLES:
        raise DubanError(ErrorCode.STORE_INVALID, detail=f"unknown role {role}; one of {', '.join(ROLES)}")
    if role == "department" and department_id is None:
        raise DubanError(ErrorCode.STORE_INVALID, detail="a department user needs a department")
    _check_password(password)
    if get_user_by_username(session=session, username=username) is not None:
        raise DubanError(ErrorCode.IMPORT_CONFLICT, detail=f"user {username} exists")
    user = UserRow(
        username=username,
        password_hash=hash_password(password),
        role=role,
        department_id=department_id if role == "department" else None,
        display_name=display_name,
        active=True,
    )
    session.add(user)
    session.flush()
    return user


def get_user(*, session: Session, user_id: int) -> UserRow | None:
    """One user by id, or None."""
    return session.get(UserRow, user_id)


def get_user_by_username(*, session: Session, username: str) -> UserRow | None:
    """One user by name, or None."""
    return session.scalar(select(UserRow).where(UserRow.username == username.strip()))


def list_users(*, session: Session) -> Sequence[UserRow]:
    """Every user, by name."""
    return session.scalars(select(UserRow).order_by(UserRow.username)).all()


def authenticate(*, session: Session, username: str, password: str) -> UserRow | None:
    """The active user with this name and password, or None; records the login time."""
    user = get_user_by_username(session=session, username=username)
    if user is None:
        verify_password(_dummy_hash(_hasher()), password)
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        return None
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    session.flush()
    return user


def set_password(*, session: Session, user: UserRow, password: str) -> UserRow:
    """Replace a user's password (stored as a new argon2 hash)."""
    _check_password(password)
    user.password_hash = hash_password(password)
    session.flush()
    return user


def set_active(*, session: Session, user: UserRow, active: bool) -> UserRow:
    """Enable or disable a login (users are never deleted: the audit log names them)."""
    user.active = active
    session.flush()
    return user
