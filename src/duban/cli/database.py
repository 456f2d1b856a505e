"""``duban db upgrade``: create or migrate the database named by the settings.

Every other command migrates on its own (``ensure_schema``); this one exists
for an office that wants to upgrade explicitly, e.g. before starting the
server after installing a new version.
"""

from __future__ import annotations

import typer
from sqlalchemy.exc import SQLAlchemyError

from duban.cli.app import app, guarded
from duban.config import get_settings
from duban.errors import DubanError, ErrorCode
from duban.store.db import make_engine
from duban.store.schema import current_revision, head_revision, upgrade

db_app = typer.Typer(help="Database: create or migrate the schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
@guarded
def db_upgrade() -> None:
    """Migrate the database (DUBAN_DATABASE_URL, else the SQLite file) to the newest schema."""
    settings = get_settings()
    engine = make_engine(settings.resolved_database_url)
    try:
        with engine.connect() as connection:
            before = current_revision(connection)
        upgrade(engine)
    except SQLAlchemyError as exc:
        raise DubanError(ErrorCode.STORE_FAILED, detail=str(exc).splitlines()[0]) from None
    finally:
        engine.dispose()
    head = head_revision()
    if before == head:
        typer.echo(f"database already at {head}")
    else:
        typer.echo(f"database upgraded from {before or 'empty'} to {head}")
