"""Headings at the start of real paragraphs (tests/cases/headings.yaml), and Chinese numerals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from duban.model import Paragraph
from duban.parse.heading import classify, cn_number, structure

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "cases" / "headings.yaml").read_text(encoding="utf-8")
)["headings"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:16] for c in CASES])
def test_heading_classify_real_phrases(case: dict[str, Any]) -> None:
    text = case["text"]
    h = classify(text, 0, Paragraph(0, len(text)), structure())
    if case["style"] is None:
        assert h is None
        return
    assert h is not None
    assert h.style == case["style"]
    assert h.number == case["number"]
    assert text[h.title_start : h.title_end] == case["title"]
    assert h.inline is case["inline"]


@pytest.mark.parametrize(
    ("digits", "value"),
    [
        ("一", 1),
        ("九", 9),
        ("十", 10),
        ("十一", 11),
        ("十二", 12),
        ("二十", 20),
        ("二十一", 21),
        ("九十九", 99),
        ("", None),
        ("十十", None),
        ("一二", None),
        ("百", None),
    ],
)
def test_heading_cn_number(digits: str, value: int | None) -> None:
    assert cn_number(digits) == value
