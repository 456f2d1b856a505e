"""The pager's entries: first two pages, last two, two either side of the current one, a gap mark between."""

from __future__ import annotations

import pytest

from duban.web.render import pager_items

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
