"""Main expected targets sentences split into one target each (tests/cases/ledger_main_targets.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from duban.ledger.data import commitment_lexicon
from duban.ledger.main_targets import split_targets, targets_body

CASES = yaml.safe_load((Path(__file__).parents[1] / "cases" / "ledger_main_targets.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["report"] for c in CASES["cases"]])
def test_main_targets_split(case: dict) -> None:
    rules = commitment_lexicon().main_targets
    text = case["sentence"]
    body = targets_body(text, 0, len(text), rules)
    assert body is not None
    assert [text[a:b] for a, b in split_targets(text, body, len(text), rules)] == case["targets"]


def test_main_targets_sentence_without_colon_is_not_a_list() -> None:
    text = "上述主要预期目标，体现了推动高质量发展要求，符合我国发展实际。"
    assert targets_body(text, 0, len(text), commitment_lexicon().main_targets) is None
