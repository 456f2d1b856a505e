"""parse_text on hostile input: no exception, and time grows linearly with size.

Time is compared between an input and one twice its size (best of several
runs each), never against a clock budget, so a slow or busy machine does not
fail the test while a quadratic step does: that would take four times as long.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from duban.ingest import read_report, sample_path
from duban.model import Report
from duban.parse import parse_text
from tests.timing import assert_doubling_is_linear

MB = 1024 * 1024
REPEATS = 5
ATTEMPTS = 3
MAX_RATIO = 3.5
# Below this, a measurement is mostly timer, cache and scheduler noise.
NOISE_FLOOR = 0.02


def _sample() -> str:
    return read_report(sample_path()).text


# name → (input of about n units, n): each input at n and at 2n must parse in linear time.
INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    "digits-line": (lambda n: ("1234567890" * (n // 10 + 1))[:n], MB // 2),
    "digits-units-line": (lambda n: ("12.5亿元" * (n // 6 + 1))[:n], MB // 2),
    "percent-signs": (lambda n: "%" * n, 10_000),
    "fullwidth-percent-signs": (lambda n: "％增长" * n, 10_000),
    "part-headings": (lambda n: "一、标题\n" * n, 5_000),
    "area-headings": (lambda n: "（一）标题\n" * n, 5_000),
    "mixed-headings": (lambda n: "一、标题\n（一）标题\n1.标题\n一是标题。\n" * n, 2_000),
    "one-character": (lambda n: "的" * n, MB),
    "nested-quotes": (lambda n: "“" * n + "”" * n, 10_000),
    "nested-brackets": (lambda n: "“《（【" * n + "】）》”" * n, 5_000),
    "unclosed-quotes": (lambda n: "他说“增长7%，" * n, 10_000),
    "short-sentences": (lambda n: "增长7%。" * n, 50_000),
    "blank-lines": (lambda n: "\r\n" * n, 200_000),
    "glossary-entries": (lambda n: "名词解释\n" + "".join(f"{i}.术语：解释。\n" for i in range(n)), 5_000),
    "sample-repeated": (lambda n: _sample() * n, 10),
    # Found by scripts/fuzz_timing.py: one area of many themes (each with its inline
    # items looked up over all paragraphs), and many unnumbered parts (the role of
    # every paragraph looked up by a scan of all parts).
    "themes-in-one-area": (lambda n: "一、2020年工作安排\n（一）标题\n" + "精准服务稳企业。推进建设。\n" * n, 2_000),
    "unnumbered-parts": (lambda n: "2020年工作安排\n一、推进发展\n推进项目建设。\n" * n, 2_000),
}


def _check_spans(report: Report) -> None:
    size = len(report.text)
    assert all(0 <= p.start < p.end <= size for p in report.paragraphs)
    assert all(0 <= s.start < s.end <= size for s in report.sentences)
    assert all(0 <= s.start <= s.end <= size for s in report.iter_sections())


@pytest.mark.parametrize("name", list(INPUTS))
def test_parse_text_is_linear(name: str) -> None:
    make, n = INPUTS[name]
    small, large = make(n), make(2 * n)
    _check_spans(parse_text(large))
    assert_doubling_is_linear(name, n, lambda: parse_text(small), lambda: parse_text(large), repeats=REPEATS,
                              attempts=ATTEMPTS, max_ratio=MAX_RATIO, noise_floor=NOISE_FLOOR)


def test_parse_text_ten_megabytes_of_one_character() -> None:
    text = "政" * (10 * MB)
    report = parse_text(text)
    assert report.text is text
    _check_spans(report)
