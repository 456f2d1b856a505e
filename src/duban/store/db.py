"""Engines and sessions for SQLite (the default) and PostgreSQL, from a URL.

Nothing is created at import time: callers build an engine from the settings'
URL with :func:`make_engine` and a session factory with :func:`make_sessionmaker`.

SQLite gets what a small multi-user web app needs: WAL journal (readers never
block the writer), foreign keys on, a busy timeout instead of "database is
locked", and real transactions with savepoints (pysqlite's own implicit
transaction handling is switched off and SQLAlchemy emits BEGIN itself).
PostgreSQL URLs are normalised to the psycopg 3 driver.

On SQLite a transaction that read, then writes after another writer
committed fails at once with "database is locked" (WAL's busy snapshot); a
write path that must wait instead can use
``engine.execution_options(sqlite_begin="IMMEDIATE")``, which takes the write
lock at BEGIN. :func:`is_conflict` recognises both that error and
SQLAlchemy's ``StaleDataError`` (a version-column mismatch): either means
someone else wrote first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool

SQLITE_BUSY_TIMEOUT_MS = 15_000


def normalise_url(url: str) -> str:
    """Map ``postgres://`` / ``postgresql://`` to the psycopg 3 driver; keep others."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for memory or other databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if wal:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())


def make_engine(
    url: str, *, echo: bool = False, pool_size: int | None = None, max_overflow: int | None = None,
    pool_timeout: float | None = None,
) -> Engine:
    """An engine for ``url``: SQLite file/memory or PostgreSQL (psycopg 3).

    A SQLite file's folder is created when missing. The pool options apply to
    PostgreSQL and SQLite files (an in-memory SQLite database has one shared
    connection); unset, SQLAlchemy's defaults hold (5 connections, 10 more on
    demand, 30 s wait).
    """
    url = normalise_url(url)
    parsed = make_url(url)
    pool: dict[str, Any] = {k: v for k, v in (("pool_size", pool_size), ("max_overflow", max_overflow),
                                               ("pool_timeout", pool_timeout)) if v is not None}
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False}, **pool)
        else:
            engine = create_engine(
                url, echo=echo, poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
        _configure_sqlite(engine, wal=path is not None)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, **pool)


def is_conflict(exc: BaseException) -> bool:
    """True when ``exc`` means a concurrent writer got there first (stale version or SQLite busy)."""
    if isinstance(exc, StaleDataError):
        return True
    if isinstance(exc, OperationalError):
        message = str(exc.orig).lower()
        return "database is locked" in message or "database is busy" in message
    return False


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to ``engine``; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)
