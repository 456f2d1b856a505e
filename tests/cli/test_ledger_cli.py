"""``duban ledger``: the printed table, --json, --csv, --xlsx, and a bad file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from duban.cli import app

runner = CliRunner()


def test_ledger_cli_json_on_the_sample() -> None:
    result = runner.invoke(app, ["ledger", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "镇海区2020年政府工作报告重点工作任务分解表"
    assert data["coverage"]["ok"] is True
    assert len({t["id"] for t in data["tasks"]}) == len(data["tasks"]) > 100
    assert all(t["lead"] for t in data["tasks"])


def test_ledger_cli_csv_one_row_per_task() -> None:
    result = runner.invoke(app, ["ledger", "--csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["kind"] == "main_target"
    assert [int(r["seq"]) for r in rows] == list(range(1, len(rows) + 1))


def test_ledger_cli_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "ledger.xlsx"
    result = runner.invoke(app, ["ledger", "--xlsx", str(out)])
    assert result.exit_code == 0, result.output
    assert load_workbook(out).sheetnames == ["任务分解表", "目标值"]


def test_ledger_cli_table_reports_coverage() -> None:
    result = runner.invoke(app, ["ledger"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "coverage passes" in result.stdout


def test_ledger_cli_missing_file_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ledger", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "D100" in result.stderr
