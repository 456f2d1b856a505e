"""Users: argon2 hashes, authentication, roles, inactive users."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from duban.errors import DubanError
from duban.store.repo.departments import create_department
from duban.store.repo.users import (
    authenticate,
    create_user,
    list_users,
    set_active,
    set_password,
    verify_password,
)


def test_users_password_is_stored_as_argon2_hash(session: Session) -> None:
    user = create_user(session=session, username="clerk", password="correct horse", role="viewer")
    assert user.password_hash.startswith("$argon2id$") and "correct horse" not in user.password_hash
    assert verify_password(user.password_hash, "correct horse")
    assert not verify_password(user.password_hash, "wrong horse")
    assert not verify_password("not a hash", "correct horse")


def test_users_authenticate(session: Session) -> None:
    create_user(session=session, username="admin", password="s3cret-pass", role="admin")
    session.commit()
    user = authenticate(session=session, username="admin", password="s3cret-pass")
    assert user is not None and user.last_login_at is not None
    assert authenticate(session=session, username="admin", password="s3cret-pasS") is None
    assert authenticate(session=session, username="nobody", password="s3cret-pass") is None
    set_active(session=session, user=user, active=False)
    assert authenticate(session=session, username="admin", password="s3cret-pass") is None


def test_users_set_password(session: Session) -> None:
    user = create_user(session=session, username="u1", password="first-pass", role="viewer")
    set_password(session=session, user=user, password="second-pass")
    assert authenticate(session=session, username="u1", password="second-pass") is not None
    assert authenticate(session=session, username="u1", password="first-pass") is None


@pytest.mark.parametrize(
    ("username", "password", "role", "department", "problem"),
    [
        ("", "long-enough", "viewer", False, "needs a name"),
        ("x", "short", "viewer", False, "at least 8"),
        ("x", "long-enough", "superuser", False, "unknown role"),
        ("x", "long-enough", "department", False, "needs a department"),
    ],
)
def test_users_refuses_bad_input(
    session: Session, username: str, password: str, role: str, department: bool, problem: str
) -> None:
    with pytest.raises(DubanError, match=problem):
        create_user(session=session, username=username, password=password, role=role)


def test_users_names_are_unique_and_departments_kept(session: Session) -> None:
    finance = create_department(session=session, name="区财政局")
    create_user(session=session, username="cz", password="long-enough", role="department", department_id=finance.id)
    with pytest.raises(DubanError, match="exists"):
        create_user(session=session, username="cz", password="long-enough", role="viewer")
    users = list_users(session=session)
    assert [(u.username, u.department.name if u.department else None) for u in users] == [("cz", "区财政局")]


def test_users_password_profile_sets_the_cost(monkeypatch: pytest.MonkeyPatch, session: Session) -> None:
    monkeypatch.setenv("DUBAN_PASSWORD_PROFILE", "rfc9106-low-memory")
    strong = create_user(session=session, username="strong", password="long-enough", role="viewer")
    assert "m=65536,t=3" in strong.password_hash
    monkeypatch.setenv("DUBAN_PASSWORD_PROFILE", "cheapest")
    assert verify_password(strong.password_hash, "long-enough")  # the hash carries its parameters
    monkeypatch.setenv("DUBAN_PASSWORD_PROFILE", "no-such-profile")
    with pytest.raises(DubanError, match="unknown password profile"):
        create_user(session=session, username="x", password="long-enough", role="viewer")
