"""Create or migrate a database to the current schema with Alembic.

Every command calls :func:`ensure_schema` before it touches the database, so
a new SQLite file is created on first use and an older database is upgraded
in place. :func:`schema_diff` compares a database with ``tables.py`` (what the
migration test checks: no difference after ``upgrade head``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from duban.store.tables import metadata

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    config.attributes["url"] = url
    return config


def head_revision() -> str:
    """The newest migration's revision id."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None for an empty database."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` on ``engine`` (one transaction)."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Run the migrations down to ``revision`` (``"base"`` empties the database)."""
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), revision)


def ensure_schema(engine: Engine) -> None:
    """Bring the database to the newest schema; cheap when it already is."""
    with engine.connect() as connection:
        if current_revision(connection) == head_revision():
            return
    upgrade(engine)


def schema_diff(engine: Engine) -> list[Any]:
    """Differences between the database and ``tables.py`` (empty when in step)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def open_database(url: str) -> Engine:
    """An engine on ``url`` with the schema created or upgraded (what every command uses)."""
    from duban.store.db import make_engine

    engine = make_engine(url)
    try:
        ensure_schema(engine)
    except Exception:
        engine.dispose()
        raise
    return engine
