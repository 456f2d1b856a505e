"""The corpus tables say, file by file, what ``duban figures``, ``targets`` and ``ledger`` say."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from duban.cli import app
from duban.corpus import read_table

from .conftest import CorpusRun

runner = CliRunner()
KEY = ("file", "sha256", "ordinal", "section")


def _by_file(out: Path, table: str) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    for row in read_table(out, table).to_pylist():
        rows.setdefault(row["file"], []).append(row)
    return rows


def _json_lines(args: list[str]) -> list[dict[str, Any]]:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    return bool(a == b)


def test_corpus_figures_match_duban_figures(local_run: CorpusRun) -> None:
    tables = _by_file(local_run.out, "figures")
    reports = read_table(local_run.out, "reports").to_pylist()
    assert sum(r["figures"] for r in reports) > 1000
    for rep in reports:
        expected = _json_lines(["figures", str(local_run.root / rep["file"])])
        got = [{k: v for k, v in row.items() if k not in KEY} for row in tables.get(rep["file"], [])]
        assert len(got) == len(expected) == rep["figures"], rep["file"]
        for g, e in zip(got, expected):
            assert set(g) == set(e), rep["file"]
            bad = {k: (g[k], e[k]) for k in e if not _same(g[k], e[k])}
            assert not bad, (rep["file"], bad)


def test_corpus_main_targets_match_duban_targets(local_run: CorpusRun) -> None:
    tables = _by_file(local_run.out, "main_targets")
    reports = read_table(local_run.out, "reports").to_pylist()
    assert sum(1 for r in reports if r["main_targets"]) > len(reports) // 2
    for rep in reports:
        expected = _json_lines(["targets", "--json", str(local_run.root / rep["file"])])
        assert bool(expected) == bool(rep["main_targets"]), rep["file"]
        got = tables.get(rep["file"], [])
        assert [g["start"] for g in got] == sorted(g["start"] for g in got), rep["file"]
        quantified = [g for g in got if g["quantified"]]
        qualitative = [g for g in got if not g["quantified"]]
        expected_q = [e for e in expected if not e["qualitative"]]
        expected_w = [e for e in expected if e["qualitative"]]
        assert [(g["start"], g["end"], g["text"]) for g in qualitative] == [
            (e["start"], e["end"], e["text"]) for e in expected_w
        ], rep["file"]
        assert len(quantified) == len(expected_q), rep["file"]
        for g, e in zip(quantified, expected_q):
            for field in ("start", "end", "indicator", "indicator_id", "measure", "value", "unit", "comparator", "year"):
                assert _same(g[field], e[field]), (rep["file"], field)


@pytest.mark.parametrize("name", ["reports/2019-city-jiaxing.txt", "reports/2025-province-zhejiang.txt"])
def test_corpus_tasks_match_duban_ledger(local_run: CorpusRun, name: str) -> None:
    result = runner.invoke(app, ["ledger", "--json", str(local_run.root / name)])
    assert result.exit_code == 0, result.output
    ledger = json.loads(result.stdout)
    got = _by_file(local_run.out, "tasks")[name]
    assert [(t["id"], t["seq"], t["start"], t["end"], t["kind"]) for t in got] == [
        (t["id"], t["seq"], t["start"], t["end"], t["kind"]) for t in ledger["tasks"]
    ]
    for g, t in zip(got, ledger["tasks"]):
        assert g["lead"] == ("；".join(s["department"] for s in t["lead"]) or None)
        assert g["deadline"] == t["deadline"]
        assert g["targets"] == len(t["figures"])
