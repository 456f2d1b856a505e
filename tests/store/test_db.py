"""Engines: SQLite pragmas, PostgreSQL driver, savepoints on both."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from duban.store.db import make_engine, normalise_url, sqlite_path


def test_db_sqlite_pragmas(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'x.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 15000
    engine.dispose()
    assert (tmp_path / "sub" / "x.sqlite3").is_file()


def test_db_memory_keeps_one_database() -> None:
    engine = make_engine("sqlite://")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 1


def test_db_normalise_url() -> None:
    assert normalise_url("postgresql://u:p@h:5/db") == "postgresql+psycopg://u:p@h:5/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///a.db") == "sqlite:///a.db"
    assert sqlite_path("sqlite:///a/b.db") == Path("a/b.db")
    assert sqlite_path("sqlite://") is None
    assert sqlite_path("postgresql+psycopg://h/db") is None


def test_db_savepoint_rolls_back_alone(engine: Engine) -> None:
    """A failed savepoint undoes only its own writes (pysqlite needs BEGIN emitted by us)."""
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE sp (x INTEGER)"))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO sp VALUES (1)"))
        nested = conn.begin_nested()
        conn.execute(text("INSERT INTO sp VALUES (2)"))
        nested.rollback()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT x FROM sp")).scalars().all() == [1]


def test_db_immediate_begin_takes_write_lock(tmp_path: Path) -> None:
    """``sqlite_begin="IMMEDIATE"`` holds the write lock from BEGIN: another writer must wait."""
    path = tmp_path / "x.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    writer = engine.execution_options(sqlite_begin="IMMEDIATE")
    with writer.connect() as conn, conn.begin():
        conn.execute(text("SELECT count(*) FROM t"))  # a read, yet the write lock is held
        other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
    engine.dispose()
