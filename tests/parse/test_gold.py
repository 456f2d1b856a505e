"""``duban parse --json`` against the hand-made gold metadata (../shared/gold/*.meta.json)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from duban.cli import app
from duban.ingest import read_report
from duban.model.report_json import report_to_dict
from duban.parse import parse

runner = CliRunner()


Shared = Callable[..., Path]


@pytest.fixture(scope="module")
def gold(shared: Shared) -> Callable[[str], dict[str, Any]]:
    def load(name: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(shared("gold", f"{name}.meta.json").read_text(encoding="utf-8"))
        return data

    return load


@pytest.fixture(scope="module")
def sample_json() -> dict[str, Any]:
    result = runner.invoke(app, ["parse", "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _meta_fields(meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": meta["title"],
        "region": meta["region"],
        "level": meta["level"],
        "region_code": meta["region_code"],
        "year": meta["year"],
        "review_year": meta["review_year"],
        "delivered_on": meta["delivered_on"],
        "session": meta["session"],
        "speaker": meta["speaker"],
    }


def test_sample_metadata_matches_gold(
    sample_json: dict[str, Any], gold: Callable[[str], dict[str, Any]]
) -> None:
    gold = gold("zhenhai-2020")
    assert _meta_fields(sample_json["metadata"]) == {
        k: gold[k] for k in _meta_fields(sample_json["metadata"])
    }
    assert sample_json["metadata"]["region_full"] == "浙江省宁波市镇海区"


def test_sample_body_end_and_main_targets(
    sample_json: dict[str, Any], gold: Callable[[str], dict[str, Any]]
) -> None:
    gold = gold("zhenhai-2020")
    assert sample_json["body_end"] == gold["body_end"]
    assert sample_json["main_targets"]["start"] == gold["main_targets_paragraph"]["start"]


def _tree(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Our JSON sections in the gold's shape: parts → areas → themes."""
    out = []
    for part in sections:
        areas = []
        for area in part["children"]:
            if area["kind"] != "area":
                continue
            themes = [
                {"start": t["start"], "title": t["title"]} for t in area["children"] if t["kind"] == "theme"
            ]
            areas.append(
                {"start": area["start"], "number": area["number"], "title": area["title"], "themes": themes}
            )
        out.append(
            {"start": part["start"], "number": part["number"], "title": part["title"], "children": areas}
        )
    return out


def test_sample_sections_match_gold(
    sample_json: dict[str, Any], gold: Callable[[str], dict[str, Any]]
) -> None:
    gold = gold("zhenhai-2020")
    assert _tree(sample_json["sections"]) == gold["sections"]
    roles = [p["role"] for p in sample_json["sections"]]
    assert roles == ["review", "plan", "governance"]
    counts = [len(p["children"]) for p in sample_json["sections"]]
    assert counts == [7, 9, 5]


def test_sample_glossary_matches_gold(
    sample_json: dict[str, Any], gold: Callable[[str], dict[str, Any]]
) -> None:
    gold = gold("zhenhai-2020")
    ours = [{"number": g["number"], "term": g["term"], "start": g["start"]} for g in sample_json["glossary"]]
    assert ours == gold["glossary"]
    text = sample_json["text"]
    for g in sample_json["glossary"]:
        assert text[g["term_start"] : g["term_end"]] == g["term"]
        assert g["definition_end"] > g["definition_start"]


def test_sample_spans_slice_back(sample_json: dict[str, Any]) -> None:
    text = sample_json["text"]

    def walk(nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            assert n["start"] <= n["title_start"] <= n["title_end"] <= n["end"]
            assert text[n["title_start"] : n["title_end"]] == n["title"]
            walk(n["children"])

    walk(sample_json["sections"])
    for s in sample_json["sentences"]:
        assert text[s["start"] : s["end"]].strip() == text[s["start"] : s["end"]]


def test_national_2019_matches_gold(gold: Callable[[str], dict[str, Any]], shared: Shared) -> None:
    gold = gold("2019-national-guowuyuan")
    report = parse(read_report(shared("corpus", "reports", "2019-national-guowuyuan.txt")))
    data = report_to_dict(report)
    assert _meta_fields(data["metadata"]) == {k: gold[k] for k in _meta_fields(data["metadata"])}
    assert data["body_end"] == gold["body_end"]
    assert data["main_targets"]["start"] == gold["main_targets_paragraph"]["start"]
    assert [p["role"] for p in data["sections"]] == ["review", "plan", "plan"]


def test_role_at_main_targets(shared: Shared) -> None:
    report = parse(read_report(shared("corpus", "zhenhai-2020.txt")))
    assert report.main_targets is not None
    start, end = report.main_targets
    assert report.role_at(start).value == "main_targets"
    assert report.role_at(end).value == "plan"
    assert report.role_at(200).value == "review"
    assert report.role_at(report.body_end).value == "annex"
    assert report.role_at(0).value == "preamble"
