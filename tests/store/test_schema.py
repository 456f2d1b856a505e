"""Migrations: ``upgrade head`` on an empty database gives exactly tables.py, on both backends."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, inspect

from duban.store.db import make_engine
from duban.store.schema import current_revision, downgrade, ensure_schema, head_revision, schema_diff, upgrade
from duban.store.tables import metadata


def test_schema_upgrade_head_matches_tables(database_factory: Any) -> None:
    engine = make_engine(database_factory.create("empty"))
    try:
        upgrade(engine)
        assert schema_diff(engine) == []
        assert set(inspect(engine).get_table_names()) == set(metadata.tables) | {"alembic_version"}
    finally:
        engine.dispose()


def test_schema_downgrade_and_upgrade_again(database_factory: Any) -> None:
    engine = make_engine(database_factory.create("empty"))
    try:
        upgrade(engine)
        downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(engine, "0001")
        ensure_schema(engine)  # 0001 -> head
        assert schema_diff(engine) == []
    finally:
        engine.dispose()


def test_schema_ensure_is_idempotent(engine: Engine) -> None:
    ensure_schema(engine)
    ensure_schema(engine)
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()


def test_schema_versions_are_named_for_their_change() -> None:
    from duban.store.schema import MIGRATIONS

    names = sorted(p.stem for p in (MIGRATIONS / "versions").glob("*.py"))
    assert names and all("_" in n and n.split("_", 1)[0].isdigit() for n in names)
