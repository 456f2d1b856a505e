"""Test infrastructure for the whole suite: options, shared data, databases.

Databases. Every test that takes ``database_url``, ``engine``, ``session`` or
``demo_db`` runs twice: on SQLite and on PostgreSQL. The PostgreSQL server is
a throwaway one this test run starts from the machine's own binaries
(``initdb``/``pg_ctl`` in a temporary folder, on a free port; as an
unprivileged user when the run is root, since PostgreSQL refuses root), or
the server ``DUBAN_TEST_DATABASE_URL`` points at. Each test gets a database of
its own, cloned from a migrated template (PostgreSQL ``CREATE DATABASE …
TEMPLATE``, a file copy on SQLite), so tests never see each other's rows and
may commit freely. ``demo_db`` is a fresh copy of exactly what ``duban demo``
builds (datasette's fixtures idea): the embedded sample imported, the demo
accounts created with the passwords in ``DEMO_PASSWORDS``.

Options: ``--slow`` runs tests marked slow; ``--backend sqlite|postgresql``
limits the database runs to one backend (default: both).
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from duban.config import Settings, get_settings
from duban.store.db import make_engine, make_sessionmaker
from duban.store.schema import ensure_schema

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "src" / "duban" / "data" / "samples" / "zhenhai-2020.txt"
PG_BIN = Path(os.environ.get("DUBAN_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
BACKENDS = ("sqlite", "postgresql")
DEMO_PASSWORDS = {"admin": "admin-pass-123", "department": "dept-pass-123"}
# Cheap argon2 parameters: hashing and logging in are exercised hundreds of times.
os.environ.setdefault("DUBAN_PASSWORD_PROFILE", "cheapest")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test if it is not there (CI without inputs)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared input missing: {path}")
    return path


# --------------------------------------------------------------------------- options


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="also run tests marked slow")
    parser.addoption(
        "--backend",
        action="append",
        choices=BACKENDS,
        default=None,
        help="database backend(s) for database tests (default: sqlite and postgresql)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: long-running; run with --slow")
    config.addinivalue_line("markers", "issue(n): regression test for issue n")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def _backends(config: pytest.Config) -> list[str]:
    chosen = config.getoption("--backend") or []
    return [b for b in BACKENDS if b in chosen] if chosen else list(BACKENDS)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", _backends(metafunc.config), scope="session")


# --------------------------------------------------------------------------- shared data


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` folder, or skip when this checkout has none beside it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


# --------------------------------------------------------------------------- PostgreSQL server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres_user(argv: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: drop to ``nobody`` when we are root."""
    if os.geteuid() != 0:
        return argv
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *argv]


class PostgresServer:
    """A PostgreSQL cluster in a temporary folder, started and stopped by this test run."""

    def __init__(self) -> None:
        # as root the server runs as nobody, who must reach the folder: keep it out of a private TMPDIR
        where = "/tmp" if os.geteuid() == 0 and Path("/tmp").is_dir() else None
        self.folder = Path(tempfile.mkdtemp(prefix="duban-pg-", dir=where))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "nobody", "nogroup")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
        run = {"cwd": self.folder, "env": env, "capture_output": True, "text": True, "timeout": 120}
        initdb = [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C", "--no-sync"]
        done = subprocess.run(_as_postgres_user(initdb), check=False, **run)  # type: ignore[call-overload]
        if done.returncode:
            raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        pg_ctl = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"),
                  "-o", options, "-w", "-t", "60", "start"]
        done = subprocess.run(_as_postgres_user(pg_ctl), check=False, **run)  # type: ignore[call-overload]
        if done.returncode:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()}\n{log}")

    def stop(self) -> None:
        pg_ctl = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]
        subprocess.run(_as_postgres_user(pg_ctl), check=False, cwd=self.folder, capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The admin URL of a PostgreSQL server for this run (``DUBAN_TEST_DATABASE_URL`` or our own)."""
    given = os.environ.get("DUBAN_TEST_DATABASE_URL")
    if given:
        yield given
        return
    if not (PG_BIN / "initdb").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL binaries not found in {PG_BIN} (set DUBAN_TEST_PG_BIN)")
        pytest.skip(f"PostgreSQL binaries not found in {PG_BIN}; set DUBAN_TEST_DATABASE_URL or DUBAN_TEST_PG_BIN")
    server = PostgresServer()
    try:
        server.start()
        yield server.url
    finally:
        server.stop()


# --------------------------------------------------------------------------- databases

_counter = itertools.count()


class DatabaseFactory:
    """Creates empty or copied databases on one backend and drops them at the end."""

    def __init__(self, backend: str, folder: Path, admin_url: str | None) -> None:
        self.backend = backend
        self.folder = folder
        self.admin_url = admin_url
        self.created: list[str] = []
        self._admin: Engine | None = None
        if admin_url:
            self._admin = make_engine(admin_url).execution_options(isolation_level="AUTOCOMMIT")

    def _name(self, stem: str) -> str:
        return f"duban_{stem}_{os.getpid()}_{next(_counter)}"

    def create(self, stem: str, template: str | None = None) -> str:
        """A new database's URL: empty, or a copy of ``template`` (a URL from this factory)."""
        name = self._name(stem)
        if self.backend == "sqlite":
            path = self.folder / f"{name}.sqlite3"
            if template:
                source = make_url(template).database
                assert source is not None
                shutil.copyfile(source, path)
            return f"sqlite:///{path}"
        assert self._admin is not None and self.admin_url is not None
        with self._admin.connect() as conn:
            if template:
                template_name = make_url(template).database
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"'))
            else:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Remove a database made by :meth:`create` (a test's own copy, at its end)."""
        if self.backend == "sqlite":
            path = make_url(url).database
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return
        assert self._admin is not None
        name = make_url(url).database
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if name in self.created:
            self.created.remove(name)

    def close(self, *, drop: bool) -> None:
        if self._admin is None:
            return
        if drop:
            with self._admin.connect() as conn:
                for name in self.created:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._admin.dispose()


@pytest.fixture(scope="session")
def database_factory(backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                     ) -> Iterator[DatabaseFactory]:
    """One factory per backend for the whole run."""
    admin_url = request.getfixturevalue("postgres_url") if backend == "postgresql" else None
    factory = DatabaseFactory(backend, tmp_path_factory.mktemp(f"db-{backend}"), admin_url)
    yield factory
    # our own server is thrown away whole; on a given server, clean up after ourselves
    factory.close(drop=bool(os.environ.get("DUBAN_TEST_DATABASE_URL")))


@pytest.fixture(scope="session")
def migrated_template(database_factory: DatabaseFactory) -> str:
    """A database migrated to the newest schema, copied for every test."""
    url = database_factory.create("schema")
    engine = make_engine(url)
    try:
        ensure_schema(engine)
    finally:
        engine.dispose()
    return url


@pytest.fixture
def database_url(database_factory: DatabaseFactory, migrated_template: str) -> Iterator[str]:
    """A fresh, migrated, empty database for this test (SQLite, then PostgreSQL); dropped afterwards."""
    url = database_factory.create("test", template=migrated_template)
    yield url
    database_factory.drop(url)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on this test's own database."""
    eng = make_engine(database_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on this test's own database; rolled back at the end."""
    with make_sessionmaker(engine)() as sess:
        yield sess
        sess.rollback()


@pytest.fixture
def make_settings(tmp_path: Path) -> Any:
    """``make_settings(database_url=…, **more)`` → Settings with a data home in tmp_path."""

    def build(**overrides: Any) -> Settings:
        values: dict[str, Any] = {"data_home": tmp_path / "data-home", "secret_key": "test-secret-key"}
        values.update(overrides)
        return get_settings(**values)

    return build


# --------------------------------------------------------------------------- demo database


@dataclass
class DemoDatabase:
    """A fresh copy of the database ``duban demo`` builds, and how to log in to it."""

    url: str
    settings: Settings
    accounts: dict[str, str] = field(default_factory=dict)  # username -> password
    admin: str = "admin"
    departments: dict[str, str] = field(default_factory=dict)  # username -> department name
    report_id: int = 0

    def engine(self) -> Engine:
        return make_engine(self.url)


@pytest.fixture(scope="session")
def demo_template(database_factory: DatabaseFactory, migrated_template: str) -> tuple[str, Any]:
    """The demo database built once per backend (import of the sample, accounts)."""
    from duban.demo import build_demo

    url = database_factory.create("demo", template=migrated_template)
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine).begin() as sess:
            demo = build_demo(
                session=sess,
                admin_password=DEMO_PASSWORDS["admin"],
                department_password=DEMO_PASSWORDS["department"],
            )
    finally:
        engine.dispose()
    return url, demo


@pytest.fixture
def demo_db(database_factory: DatabaseFactory, demo_template: tuple[str, Any], make_settings: Any
            ) -> Iterator[DemoDatabase]:
    """A fresh copy of the demo database for this test (SQLite, then PostgreSQL); dropped afterwards."""
    template_url, demo = demo_template
    url = database_factory.create("demo", template=template_url)
    yield DemoDatabase(
        url=url,
        settings=make_settings(database_url=url),
        accounts=dict(demo.passwords),
        admin=demo.admin,
        departments=dict(demo.departments),
        report_id=demo.report_id,
    )
    database_factory.drop(url)


@pytest.fixture
def wait_for_port() -> Any:
    """``wait_for_port(port, timeout=20)``: block until something listens on localhost:port."""

    def wait(port: int, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.1)
        raise TimeoutError(f"nothing listens on port {port} after {timeout}s")

    return wait
