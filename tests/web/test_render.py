"""The page helpers: numbers as the report writes them, dates in office style and the office's time zone,
the pager's entries (first two pages, last two, two either side of the current one, a gap mark between)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from duban.web.errors import validation_messages
from duban.web.render import cn_date, number_range, pager_items, plain_number

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(("value", "shown"), [
    (6700.0, "6700"), (2507000.0, "2507000"), (84.5, "84.5"), (6.50, "6.5"), (0.125, "0.125"), (3.0, "3"),
])
def test_plain_number_keeps_the_report_s_style(value: float, shown: str) -> None:
    assert plain_number(value) == shown


def test_number_range() -> None:
    assert number_range(6, 6.5) == "6–6.5"
    assert number_range(None) == ""


@pytest.mark.parametrize(("value", "time", "shown"), [
    (dt.date(2020, 12, 31), False, "2020年12月31日"),
    ("2020-07-05", False, "2020年7月5日"),
    (None, False, "—"),
    # stored in UTC: 17:30 UTC is already the next morning in Beijing
    (dt.datetime(2020, 7, 15, 17, 30, 5, tzinfo=dt.UTC), True, "2020年7月16日 01:30"),
    (dt.datetime(2020, 7, 15, 17, 30, 5, tzinfo=dt.UTC), "seconds", "2020年7月16日 01:30:05"),
])
def test_cn_date(value: object, time: bool | str, shown: str) -> None:
    assert cn_date(value, time, SHANGHAI) == shown  # type: ignore[arg-type]


def test_validation_messages_are_chinese() -> None:
    lines = validation_messages([
        {"type": "int_parsing", "loc": ("query", "page"), "msg": "Input should be a valid integer", "input": "abc"},
        {"type": "missing", "loc": ("body", "due_on"), "msg": "Field required", "input": None},
        {"type": "value_error", "loc": ("body", "source_url"), "msg": "Value error, 来源链接须以http://开头"},
    ])
    assert lines == ["参数page应为整数（收到“abc”）", "字段due_on必须填写", "字段source_url：来源链接须以http://开头"]


C, L, G = "current", "link", "gap"


@pytest.mark.parametrize(("page", "pages", "expected"), [
    (1, 1, [(1, C)]),
    (1, 3, [(1, C), (2, L), (3, L)]),
    (1, 200, [(1, C), (2, L), (3, L), (198, G), (199, L), (200, L)]),
    (100, 200, [(1, L), (2, L), (3, G), (98, L), (99, L), (100, C), (101, L), (102, L), (198, G), (199, L),
                (200, L)]),
    (5, 200, [(1, L), (2, L), (3, L), (4, L), (5, C), (6, L), (7, L), (198, G), (199, L), (200, L)]),
    (200, 200, [(1, L), (2, L), (3, G), (198, L), (199, L), (200, C)]),
    (250, 200, [(1, L), (2, L), (3, G), (198, G), (199, L), (200, L)]),  # past the end: no current page
])
def test_pager_items(page: int, pages: int, expected: list[tuple[int, str]]) -> None:
    assert pager_items(page, pages) == expected
