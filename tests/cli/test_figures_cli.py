"""``duban figures`` and ``duban targets`` on the embedded sample and on a file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from duban.cli import app

runner = CliRunner()


def test_cli_figures_json_lines() -> None:
    result = runner.invoke(app, ["figures"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) > 100
    first = records[0]
    for key in ("start", "end", "text", "kind", "year", "indicator", "measure", "value", "value_max", "unit",
                "comparator", "quote", "value_base", "indicator_id", "part", "area", "theme", "role"):
        assert key in first
    gdp = next(r for r in records if r["text"] == "1021.6亿元")
    assert gdp["indicator_id"] == "gdp" and gdp["value_base"] == 102160000000


def test_cli_figures_table(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("一、2019年工作回顾\n\n城镇新增就业7435人，森林覆盖率达到23.1%。\n", encoding="utf-8")
    result = runner.invoke(app, ["figures", str(path), "--table"])
    assert result.exit_code == 0, result.output
    assert "7435人" in result.stdout and "23.1%" in result.stdout


def test_cli_targets_json() -> None:
    result = runner.invoke(app, ["targets", "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    quantified = [r for r in records if not r["qualitative"]]
    qualitative = [r for r in records if r["qualitative"]]
    assert {r["text"] for r in quantified} == {"6%", "84.5亿元", "3%"}
    assert any("金融风险有效防控" in r["text"] for r in qualitative)


def test_cli_targets_absent_says_so(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("一、2019年工作回顾\n\n城镇新增就业7435人。\n", encoding="utf-8")
    result = runner.invoke(app, ["targets", str(path)])
    assert result.exit_code == 0
    assert "主要预期目标" in result.stdout


def test_cli_figures_missing_file_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["figures", str(tmp_path / "none.txt")])
    assert result.exit_code == 2
