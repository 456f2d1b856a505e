"""Alembic environment: the metadata of duban.store.tables, the URL given in code.

duban never reads alembic.ini: :mod:`duban.store.schema` builds the Alembic
config, passing either an open ``connection`` or a ``url`` in
``config.attributes``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from duban.store.db import make_engine
from duban.store.tables import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run with the caller's connection, or open one on the given URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.attributes.get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("duban migrations need a connection or a url in config.attributes")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("duban does not generate offline SQL scripts")
run_migrations_online()
