"""Tables of real phrases (tests/cases/figures.yaml): the figures each must yield."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from duban import extract_figures, parse_text
from duban.model import Figure
from tests.extract.conftest import SHARED

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "cases" / "figures.yaml").read_text(encoding="utf-8"))


def _id(case: dict[str, Any]) -> str:
    return f"{case['report'].removesuffix('.txt')}:{case['line']}"


def _source(case: dict[str, Any]) -> Path:
    name = case["report"]
    return SHARED / "corpus" / (name if name.startswith("zhenhai") else f"reports/{name}")


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, float) or isinstance(actual, float):
        if expected is None or actual is None:
            return expected is actual
        return math.isclose(float(expected), float(actual), rel_tol=1e-6)
    return bool(expected == actual)


def _matches(figure: Figure, want: dict[str, Any]) -> list[str]:
    wrong = []
    for key, expected in want.items():
        if key == "text":
            continue
        actual = getattr(figure, key)
        if key == "indicator":
            if not (expected in actual or (actual and actual in expected)):
                wrong.append(f"indicator {actual!r} vs {expected!r}")
        elif not _same(expected, actual):
            wrong.append(f"{key} {actual!r} vs {expected!r}")
    return wrong


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_figures_real_phrases(case: dict[str, Any]) -> None:
    figures = extract_figures(parse_text(case["text"]))
    for want in case.get("expect", []):
        candidates = [f for f in figures if f.text == want["text"]]
        assert candidates, f"no figure {want['text']!r}; got {[f.text for f in figures]}"
        problems = [_matches(f, want) for f in candidates]
        assert any(not p for p in problems), f"{want['text']}: {problems}"
    for text in case.get("absent", []):
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(text), case["text"])]
        assert spans, f"{text!r} does not occur in the case text"
        hits = [f.text for f in figures if any(s <= f.start < e for s, e in spans)]
        assert not hits, f"{text!r} should not be a figure, got {hits}"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_figures_case_text_is_real(case: dict[str, Any]) -> None:
    """Each sentence of a case is copied verbatim from the named line of its report."""
    path = _source(case)
    if not path.exists():
        pytest.skip(f"{path} not available")
    lines = path.read_text(encoding="utf-8").split("\n")
    sentences = [s.strip().rstrip("。；;") for s in re.split(r"(?<=[。；;])", case["text"]) if s.strip()]
    assert sentences[0] in lines[case["line"] - 1]
    for sentence in sentences:
        assert any(sentence in line for line in lines), sentence
