"""``duban users add/list/passwd``: manage logins from the command line.

Passwords are asked for twice without echo unless ``--password`` is given
(for scripts); only their argon2 hash is stored.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from duban.cli.app import app, guarded
from duban.config import get_settings
from duban.errors import DubanError, ErrorCode
from duban.store.db import make_sessionmaker
from duban.store.repo.departments import get_department_by_name
from duban.store.repo.users import create_user, get_user_by_username, list_users, set_password
from duban.store.schema import open_database
from duban.store.tables import ROLES

users_app = typer.Typer(help="Users: add, list, change a password.", no_args_is_help=True)
app.add_typer(users_app, name="users")


def _password(given: str | None) -> str:
    if given:
        return given
    value: str = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    return value


@users_app.command("add")
@guarded
def users_add(
    username: Annotated[str, typer.Argument(help="login name")],
    role: Annotated[str, typer.Option(help="admin, department or viewer")] = "viewer",
    department: Annotated[str | None, typer.Option(help="department name (role department)")] = None,
    password: Annotated[str | None, typer.Option(help="password (asked for when omitted)")] = None,
    name: Annotated[str | None, typer.Option(help="display name")] = None,
) -> None:
    """Add a user."""
    if role not in ROLES:
        raise DubanError(ErrorCode.STORE_INVALID, detail=f"unknown role {role}; one of {', '.join(ROLES)}")
    engine = open_database(get_settings().resolved_database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            department_id = None
            if department:
                row = get_department_by_name(session=session, name=department)
                if row is None:
                    raise DubanError(ErrorCode.STORE_MISSING, detail=f"department {department}")
                department_id = row.id
            user = create_user(
                session=session,
                username=username,
                password=_password(password),
                role=role,
                department_id=department_id,
                display_name=name,
            )
            typer.echo(f"added user {user.username} ({user.role})")
    finally:
        engine.dispose()


@users_app.command("list")
@guarded
def users_list() -> None:
    """List users: name, role, department, active, last login."""
    engine = open_database(get_settings().resolved_database_url)
    try:
        with make_sessionmaker(engine)() as session:
            table = Table("username", "role", "department", "active", "last login")
            for user in list_users(session=session):
                table.add_row(
                    user.username,
                    user.role,
                    user.department.name if user.department else "",
                    "yes" if user.active else "no",
                    user.last_login_at.isoformat(timespec="minutes") if user.last_login_at else "",
                )
            Console(width=120).print(table)
    finally:
        engine.dispose()


@users_app.command("passwd")
@guarded
def users_passwd(
    username: Annotated[str, typer.Argument(help="login name")],
    password: Annotated[str | None, typer.Option(help="new password (asked for when omitted)")] = None,
) -> None:
    """Set a user's password."""
    engine = open_database(get_settings().resolved_database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            user = get_user_by_username(session=session, username=username)
            if user is None:
                raise DubanError(ErrorCode.STORE_MISSING, detail=f"user {username}")
            set_password(session=session, user=user, password=_password(password))
            typer.echo(f"password of {username} changed")
    finally:
        engine.dispose()
