"""Quantities that are not figures: dates, quoted names, labels, conditions.

The patterns come from ``exclusions.yaml`` and run once over the folded
text; a quantity whose first digit falls inside a match is dropped. Three
rules need the quantity itself and stay here as code, their words as data:
an ordinal 第N is a figure only with a rank unit (第5位); a unit followed by a
label suffix names a class (万吨级); and "N unit 以上" followed by a noun and
a later number in the same clause only delimits a group (50亩以上…项目6个).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from duban.extract.units import Quantity
from duban.lexicon.schema import ExclusionsFile, load_checked


@dataclass(frozen=True, slots=True)
class _Rules:
    patterns: tuple[re.Pattern[str], ...]
    delimiting: tuple[str, ...]
    labels: tuple[str, ...]
    ordinal: re.Pattern[str]  # 第, possibly 第1、 before the number
    prefix: str
    ordinal_units: frozenset[str]


def _first_atom(pattern: str) -> str:
    """The pattern's first character class (``\\d``, ``[12]``, ``“``), used to group patterns."""
    if pattern.startswith("\\"):
        return pattern[:2]
    if pattern.startswith("["):
        end = pattern.find("]", 1)
        return pattern[: end + 1] if end > 0 else pattern[:1]
    return pattern[:1]


def _grouped(sources: list[str]) -> tuple[re.Pattern[str], ...]:
    """Patterns that start with the same character class, joined into one
    alternation: one scan of the text instead of one per pattern."""
    groups: dict[str, list[str]] = {}
    for source in sources:
        groups.setdefault(_first_atom(source), []).append(source)
    return tuple(re.compile("|".join(f"(?:{p})" for p in group)) for group in groups.values())


@lru_cache(maxsize=4)
def _rules(_key: int = 0) -> _Rules:
    data = load_checked("exclusions.yaml", ExclusionsFile)
    return _Rules(
        patterns=_grouped([p.regex for p in data.patterns]),
        delimiting=tuple(sorted(data.delimiting, key=len, reverse=True)),
        labels=tuple(data.label_suffixes),
        prefix=data.ordinal_prefix,
        ordinal=re.compile(re.escape(data.ordinal_prefix) + r"(?:\d+[、和及至\-—])*$"),
        ordinal_units=frozenset(data.ordinal_units),
    )


def excluded_spans(folded: str) -> list[tuple[int, int]]:
    """Sorted, merged spans of the text where no figure may start."""
    spans: list[tuple[int, int]] = []
    for pattern in _rules().patterns:
        for m in pattern.finditer(folded):
            if m.start() < m.end():
                spans.append((m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def filter_quantities(folded: str, quantities: list[Quantity],
                      clause_end: Callable[[Quantity], int]) -> list[Quantity]:
    """The quantities that may be figures.

    ``clause_end(q)`` is where the clause holding ``q`` ends; it bounds the
    look-ahead of the delimiting-condition rule (asked only where it applies).
    """
    rules = _rules()
    spans = excluded_spans(folded)
    starts = [s for s, _ in spans]
    keep: list[bool] = []
    for q in quantities:
        ok = not q.excluded_unit and not _inside(spans, starts, q.start)
        if ok and q.unit is not None:
            lo = max(0, q.start - 12)
            if q.unit not in rules.ordinal_units and folded.find(rules.prefix, lo, q.start) >= 0 \
                    and rules.ordinal.search(folded, lo, q.start):
                ok = False  # 第3批, 第1、2批
            if any(folded.startswith(label, q.end) for label in rules.labels):
                ok = False
        keep.append(ok)
    # delimiting conditions: "N unit 以上" + noun, with a later kept number in the clause
    kept_starts = [q.start for q, k in zip(quantities, keep) if k]
    for i, q in enumerate(quantities):
        if not keep[i]:
            continue
        word = next((w for w in rules.delimiting if folded.startswith(w, q.end)), None)
        if word is None:
            continue
        after = q.end + len(word)
        if after < len(folded) and _is_cjk(folded[after]):
            j = bisect.bisect_right(kept_starts, q.start)
            if j < len(kept_starts) and kept_starts[j] < clause_end(q):
                keep[i] = False
    return [q for q, k in zip(quantities, keep) if k]
