"""``duban import``, ``db upgrade``, ``users`` and ``demo --no-serve`` against a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from duban.cli import app
from duban.ingest import sample_path
from duban.store.db import make_engine, make_sessionmaker
from duban.store.repo.users import authenticate
from duban.store.tables import ReportRow, TaskRow, UserRow


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DUBAN_DATABASE_URL", database_url)
    monkeypatch.setenv("DUBAN_DATA_HOME", str(tmp_path / "home"))
    return CliRunner()


def _count(url: str, table: type) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.scalar(select(func.count()).select_from(table)) or 0
    engine.dispose()
    return n


def test_cli_import_twice(cli: CliRunner, database_url: str) -> None:
    first = cli.invoke(app, ["import", str(sample_path())])
    assert first.exit_code == 0, first.output
    assert "imported report 1 (宁波市镇海区 2020)" in first.output
    tasks = _count(database_url, TaskRow)
    assert tasks > 100
    second = cli.invoke(app, ["import", str(sample_path())])
    assert second.exit_code == 0 and "already imported" in second.output
    assert (_count(database_url, ReportRow), _count(database_url, TaskRow)) == (1, tasks)


def test_cli_import_bad_file(cli: CliRunner, tmp_path: Path, database_url: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = cli.invoke(app, ["import", str(empty)])
    assert result.exit_code == 2 and "D101" in result.output
    assert _count(database_url, ReportRow) == 0


def test_cli_db_upgrade(cli: CliRunner) -> None:
    result = cli.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0 and "already at" in result.output  # the fixture's database is migrated


def test_cli_db_upgrade_creates_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DUBAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("DUBAN_DATA_HOME", str(tmp_path / "home"))
    result = CliRunner().invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0 and "from empty to" in result.output
    assert (tmp_path / "home" / "duban.sqlite3").is_file()


def test_cli_users(cli: CliRunner, database_url: str) -> None:
    assert cli.invoke(app, ["import", str(sample_path())]).exit_code == 0
    added = cli.invoke(app, ["users", "add", "cz", "--role", "department", "--department", "区财政局",
                             "--password", "first-pass"])
    assert added.exit_code == 0, added.output
    assert cli.invoke(app, ["users", "add", "v", "--password", "viewer-pass"]).exit_code == 0
    listed = cli.invoke(app, ["users", "list"])
    assert listed.exit_code == 0 and "cz" in listed.output and "区财政局" in listed.output
    prompted = cli.invoke(app, ["users", "passwd", "cz"], input="second-pass\nsecond-pass\n")
    assert prompted.exit_code == 0, prompted.output
    assert cli.invoke(app, ["users", "passwd", "ghost", "--password", "x" * 10]).exit_code == 2
    assert cli.invoke(app, ["users", "add", "d", "--role", "department", "--department", "无此局",
                            "--password", "long-enough"]).exit_code == 2
    assert cli.invoke(app, ["users", "add", "d", "--role", "boss", "--password", "long-enough"]).exit_code == 2
    engine = make_engine(database_url)
    with make_sessionmaker(engine)() as session:
        assert authenticate(session=session, username="cz", password="second-pass") is not None
        assert session.scalar(select(func.count(UserRow.id))) == 2
    engine.dispose()


def test_cli_demo_builds_once(cli: CliRunner, database_url: str) -> None:
    first = cli.invoke(app, ["demo", "--no-serve", "--admin-password", "admin-pass-1"])
    assert first.exit_code == 0, first.output
    assert "admin-pass-1" in first.output and "dept-" in first.output
    second = cli.invoke(app, ["demo", "--no-serve"])
    assert second.exit_code == 0 and "already in the database" in second.output
    assert "(unchanged)" in second.output
    assert (_count(database_url, ReportRow), _count(database_url, UserRow)) == (1, 4)
