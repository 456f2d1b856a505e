"""Hostile inputs parse in time linear in their size: no regex may backtrack.

Each input is parsed at two sizes; the larger (4x) must not take more than
about 4x as long (with slack for a busy machine), and the largest finishes
within a generous absolute bound (the machine is shared).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from duban.parse import parse_text

HOSTILE: dict[str, Callable[[int], str]] = {
    "digit line": lambda n: "1" * n,
    "digit lines": lambda n: ("1" * 1000 + "\n") * (n // 1000),
    "headings": lambda n: "".join(
        f"{'一二三四五六七八九十'[i % 10]}、2019年工作回顾\n（一）标题{i}\n精准服务稳企业。内容。\n1.项目\n"
        for i in range(n // 40)
    ),
    "one ideograph": lambda n: "一" * n,
    "full stops": lambda n: "。" * n,
    "indent run": lambda n: " " + "\u3000" * n,
    "markdown marks": lambda n: "#" * n,
    "open brackets": lambda n: "（" * n,
    "digit dots": lambda n: "1." * (n // 2),
    "annex lines": lambda n: "附件\n" * (n // 3),
    "colons after entry": lambda n: "正文。\n" * 100 + "附件\n1." + "：" * n,
    "spaces then indents": lambda n: " \u3000\u3000a" * (n // 4),
    "targets cues in one paragraph": lambda n: "今年主要预期目标是：增长" * (n // 12),
}


def _seconds(text: str) -> float:
    start = time.perf_counter()
    parse_text(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_parse_linear_on_hostile_input(name: str) -> None:
    make = HOSTILE[name]
    small = _seconds(make(100_000))
    large = _seconds(make(400_000))
    # Quadratic growth would be 16x; allow 4x linear growth times 4 for a loaded machine.
    assert large < 4 * small * 4 + 1.0, f"{name}: {small:.3f}s at 100k, {large:.3f}s at 400k"
    assert large < 15.0


def test_parse_one_megabyte_digit_line() -> None:
    assert _seconds("7" * 1_000_000) < 5.0


def test_parse_five_thousand_headings() -> None:
    text = "".join(f"（{'一二三四五六七八九十'[i % 10]}）标题{i}\n{i % 90 + 1}.项目。\n" for i in range(5000))
    assert _seconds(text) < 5.0


def test_parse_ten_megabytes_of_one_character() -> None:
    assert _seconds("一" * 10_000_000) < 20.0
