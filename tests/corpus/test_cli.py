"""``duban corpus`` and ``duban corpus-summary`` from the command line, and ``--db``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from duban.cli import app

from .conftest import BAD, CorpusRun

runner = CliRunner()


def test_cli_corpus_writes_csv_and_reports_counts(tmp_path: Path, local_run: CorpusRun) -> None:
    root = tmp_path / "c"
    root.mkdir()
    shutil.copy(local_run.root / "reports" / "2019-city-jiaxing.txt", root)
    (root / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["corpus", str(root), "--out", str(tmp_path / "out"), "--format", "csv", "-q"])
    assert result.exit_code == 0, result.output
    assert "2 files: 0 already done, 2 processed (1 parsed, 1 errors: D101 1)" in result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.csv")) == [
        "errors.csv", "figures.csv", "main_targets.csv", "reports.csv", "tasks.csv"
    ]
    again = runner.invoke(app, ["corpus", str(root), "--out", str(tmp_path / "out"), "--format", "csv", "-q"])
    assert "2 files: 2 already done, 0 processed" in again.output
    summary = runner.invoke(app, ["corpus-summary", str(tmp_path / "out"), "--json"])
    assert summary.exit_code == 0, summary.output
    counts = json.loads(summary.output)
    assert (counts["parsed"], counts["errors"], counts["errors_by_code"]["D101"]["count"]) == (1, 1, 1)


def test_cli_corpus_bad_folder_is_one_coded_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "D603" in result.output


def test_cli_corpus_summary_counts(local_run: CorpusRun) -> None:
    result = runner.invoke(app, ["corpus-summary", str(local_run.out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    reports = pq.read_table(local_run.out / "reports.parquet")
    assert summary["files"] == local_run.stats.found
    assert summary["parsed"] == reports.num_rows
    assert summary["errors_by_code"]["D101"]["count"] == list(BAD.values()).count("D101")
    assert summary["errors_by_code"]["D106"]["count"] == list(BAD.values()).count("D106")
    assert sum(sum(ys.values()) for ys in summary["by_level_year"].values()) == reports.num_rows
    assert summary["with_main_targets"] == sum(1 for n in reports.column("main_targets").to_pylist() if n)
    assert summary["tasks_per_report"]["total"] == pq.read_metadata(local_run.out / "tasks.parquet").num_rows
    text_out = runner.invoke(app, ["corpus-summary", str(local_run.out)])
    assert text_out.exit_code == 0
    assert f"{summary['parsed']} parsed" in text_out.output
    assert "D106" in text_out.output


def test_cli_corpus_summary_without_tables(tmp_path: Path) -> None:
    result = runner.invoke(app, ["corpus-summary", str(tmp_path)])
    assert result.exit_code == 2
    assert "D605" in result.output


def test_cli_corpus_into_database(tmp_path: Path, local_run: CorpusRun) -> None:
    root = tmp_path / "c"
    root.mkdir()
    for name in ("2019-city-jiaxing.txt", "2020-city-jiaxing.txt"):
        shutil.copy(local_run.root / "reports" / name, root)
    (root / "empty.txt").write_bytes(b"")
    url = f"sqlite:///{tmp_path / 'duban.sqlite3'}"
    args = ["corpus", str(root), "--db", url, "--workers", "1", "-q"]
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    reports = pq.read_table(tmp_path / "out" / "reports.parquet")
    assert reports.column("status").to_pylist() == ["stored", "stored"]
    tasks = pq.read_metadata(tmp_path / "out" / "tasks.parquet").num_rows
    with create_engine(url).connect() as conn:
        stored = conn.execute(text("select sha256 from reports")).scalars().all()
        stored_tasks = conn.execute(text("select count(*) from tasks")).scalar_one()
    assert sorted(stored) == sorted(reports.column("sha256").to_pylist())
    assert stored_tasks == tasks
    again = runner.invoke(app, [*args, "--out", str(tmp_path / "out2")])
    assert again.exit_code == 0, again.output
    statuses = pq.read_table(tmp_path / "out2" / "reports.parquet").column("status").to_pylist()
    assert statuses == ["already stored", "already stored"]
