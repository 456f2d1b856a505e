"""Score the extractor on the gold annotations (spec/figures.md, "Scoring").

Uses ../shared/tools/score_figures.py itself, so the test and the scorer
cannot disagree. Floors are those of issue 3; the two independent
annotations of the sample agreed at F1 0.99, which is where we aim.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from duban.model import Figure, Report
from tests.extract.conftest import shared_path

FLOORS = {
    "precision": 0.97,
    "recall": 0.97,
    "kind_accuracy": 0.97,
    "measure_accuracy": 0.95,
    "comparator_accuracy": 0.95,
    "year_accuracy": 0.95,
    "indicator_f1": 0.85,
}

GOLD = ["zhenhai-2020", "2019-national-guowuyuan"]


def _score(name: str, scorer: ModuleType, extracted: Callable[[Path], tuple[Report, list[Figure]]]) -> dict[str, Any]:
    meta = json.loads(shared_path("gold", f"{name}.meta.json").read_text(encoding="utf-8"))
    gold = scorer.load(str(shared_path("gold", f"{name}.figures.jsonl")))
    _, figures = extracted(shared_path(*("corpus/" + meta["report"].split("corpus/", 1)[1]).split("/")))
    predicted = [f.to_dict() for f in figures]
    result: dict[str, Any] = scorer.score(gold, predicted, meta["body_end"])
    return result


@pytest.mark.parametrize("name", GOLD)
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_gold_score_floor(name: str, metric: str, scorer: ModuleType,
                          extracted: Callable[[Path], tuple[Report, list[Figure]]]) -> None:
    result = _score(name, scorer, extracted)
    misses = [(r["start"], r["text"], r["indicator"]) for r in result["misses"][:10]]
    extra = [(r["start"], r["text"], r["indicator"]) for r in result["false_positives"][:10]]
    assert result[metric] >= FLOORS[metric], f"{name} {metric}={result[metric]}; misses {misses}; extra {extra}"


@pytest.mark.parametrize("name", GOLD)
def test_gold_body_end_matches_parse(name: str, extracted: Callable[[Path], tuple[Report, list[Figure]]]) -> None:
    """The scorer's body_end and the parser's agree, so figures past it are annex figures."""
    meta = json.loads(shared_path("gold", f"{name}.meta.json").read_text(encoding="utf-8"))
    report, figures = extracted(shared_path(*("corpus/" + meta["report"].split("corpus/", 1)[1]).split("/")))
    assert abs(report.body_end - meta["body_end"]) <= 2
    assert all(f.role == "annex" for f in figures if f.start >= report.body_end)
