"""Adversarial text finishes in linear time and crashes nothing.

Timings are compared as ratios (4× the text may take at most ~8× the CPU
time: linear with room for noise), never against absolute limits.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from duban import extract_figures, main_targets, parse_text
from tests.timing import gc_paused


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


MAKERS: dict[str, Callable[[int], str]] = {
    "digit_line": lambda n: "1" * n,
    "digits_and_units": lambda n: _repeat("9" * 40 + "亿元1.5万人3%4至6家，", n),
    "percent_signs": lambda n: "%" * n,
    "digit_percent": lambda n: _repeat("12%", n),
    "nested_quotes": lambda n: "“" * (n // 2) + "增长5%" + "”" * (n // 2),
    "quote_pairs": lambda n: _repeat("“1个”‘2家’《3项》", n),
    "one_long_clause": lambda n: "增" * n + "5%",
    "letters_then_digit": lambda n: "A" * n + "1",
    "digit_then_dots": lambda n: "1" + "." * n,
    "years": lambda n: _repeat("2019年", n),
    "list_items": lambda n: _repeat("城镇、", n) + "分别增长5%",
    "ranges": lambda n: _repeat("4至6至8—", n) + "家",
    "full_width": lambda n: _repeat("１２．５％，", n),
    # Found by fuzzing: a chain of thousands groups that fails at its end was rescanned
    # from every group (quadratic).
    "thousands_groups": lambda n: "1" + _repeat(",111", n - 2) + "1",
    "thousands_groups_open": lambda n: _repeat("1,", n),
}


def _cpu(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        with gc_paused():
            start = time.process_time()
            figures = extract_figures(parse_text(text))
            best = min(best, time.process_time() - start)
        assert all(text[f.start:f.end] == f.text for f in figures)
    return best


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_adversarial_linear_time(name: str) -> None:
    make = MAKERS[name]
    small = max(_cpu(make(8_000)), 0.01)
    large = _cpu(make(32_000))
    assert large / small < 8, f"{name}: {small:.3f}s for 8k chars, {large:.3f}s for 32k"


def test_adversarial_megabyte_line_crashes_nothing() -> None:
    text = (MAKERS["digits_and_units"](1_000_000) + "%" * 10_000
            + "“" * 500 + "主要预期目标是：增长5%" + "”" * 500)
    assert "\n" not in text
    report = parse_text(text)
    figures = extract_figures(report)
    assert figures
    for f in figures:
        assert text[f.start:f.end] == f.text
        assert len(f.quote) <= len(f.text) + 2 * 120
    main_targets(report, figures)


# 1/² and 1/①: a fraction whose denominator isdigit() but is no number (found by fuzzing).
@pytest.mark.parametrize("text", ["", " ", "\n\n", "%", "“", "1", "1.", ".5%", "1/0", "0:1", "第", "5-", "万元",
                                  "增长1/²。", "1/①", "达到3/2²个", "10/³元"])
def test_adversarial_tiny_inputs(text: str) -> None:
    report = parse_text(text)
    for f in extract_figures(report):
        assert text[f.start:f.end] == f.text
    main_targets(report)


def test_main_targets_long_list_linear_time() -> None:
    """Found by fuzzing: every clause of the main-targets list was checked against every
    figure of it, quadratic in a list of thousands of items (4x the list: ~16x the time)."""

    def cpu(n: int) -> float:
        text = "一、2020年工作安排\n今年经济社会发展的主要预期目标是：" + "增长5%，居民收入同步，" * n + "。\n"
        report = parse_text(text)
        figures = extract_figures(report)
        best = float("inf")
        for _ in range(2):
            with gc_paused():
                start = time.process_time()
                found = main_targets(report, figures)
                best = min(best, time.process_time() - start)
        assert len(found.quantified) == n and len(found.qualitative) == n
        return best

    small = max(cpu(1_000), 0.01)
    large = cpu(4_000)
    assert large / small < 8, f"{small:.3f}s for 1000 items, {large:.3f}s for 4000"
