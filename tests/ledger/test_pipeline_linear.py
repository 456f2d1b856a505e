"""The whole pipeline (parse, figures, ledger) on hostile text: linear time, spans intact.

Each family is analysed at n and 2n units (best of a few CPU times); the
larger may take at most ~3.5x as long, which a quadratic step (4x) fails on
every attempt while a busy machine does not. The families are the inputs the
fuzzing campaign (scripts/fuzz_timing.py) found quadratic: many sentences or
themes in one area, sentences before many themes, many unnumbered parts.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from duban.model import Source
from duban.pipeline import Analysis, analyse
from tests.timing import assert_doubling_is_linear

REPEATS = 2
ATTEMPTS = 3
MAX_RATIO = 3.5
NOISE_FLOOR = 0.02
# A header and a line of the register's words, so that the text passes the genre check.
HEADER = (
    "2020年政府工作报告\n各位代表：\n"
    "现在，我代表人民政府向大会报告工作。发展经济，建设城市，推进改革，加快实施，加强完善，提升全面，坚持增长。\n"
)
PLAN = "一、2020年工作安排\n（一）推进经济高质量发展\n"
TARGETS = "一、2020年工作安排\n今年经济社会发展的主要预期目标是："

# Sentences the ledger skips (no commitment verb): cheap, so a quadratic lookup shows.
SKIPPED = "天气晴朗，风和日丽。\n"

FAMILIES: dict[str, tuple[Callable[[int], str], int]] = {
    # every sentence before the area's first theme asked for the area's themes
    "skipped-before-many-themes": (lambda n: PLAN + SKIPPED * n + ("精准服务稳企业。" + SKIPPED) * n, 1_000),
    # every sentence's section path sought among thousands of themes
    "skipped-in-many-themes": (lambda n: PLAN + ("精准服务稳企业。" + SKIPPED) * n, 2_000),
    # every area's part sought among thousands of unnumbered parts
    "unnumbered-parts-with-areas": (lambda n: ("2020年工作安排\n一、推进发展\n" + SKIPPED) * n, 2_000),
    "main-targets-list": (lambda n: TARGETS + "地区生产总值增长5%，" * n + "。\n", 500),
}


def _analyse(text: str) -> Analysis:
    return analyse(Source(text=text, format="text", encoding="utf-8", sha256="0" * 64, size=len(text)))


def _check(text: str, analysis: Analysis) -> None:
    for f in analysis.figures:
        assert text[f.start : f.end] == f.text
    for t in analysis.ledger.tasks:
        assert text[t.start : t.end] == t.text
    assert not analysis.ledger.coverage.uncovered


@pytest.mark.parametrize("name", list(FAMILIES))
def test_pipeline_is_linear(name: str) -> None:
    make, n = FAMILIES[name]
    small, large = HEADER + make(n), HEADER + make(2 * n)
    _check(large, _analyse(large))
    assert_doubling_is_linear(name, n, lambda: _analyse(small), lambda: _analyse(large), repeats=REPEATS,
                              attempts=ATTEMPTS, max_ratio=MAX_RATIO, noise_floor=NOISE_FLOOR)
