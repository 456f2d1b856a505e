"""A task's deadline: an explicit one from its text (年底前, 6月底前, 上半年 …), else 12-31.

The patterns live in deadlines.yaml; this module only applies them. The
result is an ISO date in the plan year plus the matched text and its span.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from duban.lexicon.schema import DeadlineRules


@dataclass(frozen=True, slots=True)
class Deadline:
    date: str  # ISO
    text: str | None  # the words that set it; None for the default
    start: int | None
    end: int | None


def _iso(year: int, month: int, day: int | str) -> str:
    last = calendar.monthrange(year, month)[1]
    d = last if day == "end" else min(int(day), last)
    return f"{year:04d}-{month:02d}-{d:02d}"


def _month(token: str, rules: DeadlineRules) -> int | None:
    if token.isdigit():
        return int(token)
    return rules.month_words.get(token)


class DeadlineFinder:
    """The patterns of deadlines.yaml, compiled once per ledger build."""

    def __init__(self, rules: DeadlineRules) -> None:
        self.rules = rules
        self.compiled = [re.compile(p.pattern) for p in rules.patterns]

    def find(self, text: str, offset: int, year: int | None) -> Deadline | None:
        """The deadline of a task whose text starts at ``offset`` in the report.

        Returns ``None`` only when there is no plan year to date it in.
        """
        return find_deadline(text, offset, year, self.rules, self.compiled)


def find_deadline(
    text: str, offset: int, year: int | None, rules: DeadlineRules, compiled: list[re.Pattern[str]]
) -> Deadline | None:
    """See :meth:`DeadlineFinder.find`."""
    if year is None:
        return None
    for spec, regex in zip(rules.patterns, compiled):
        m = regex.search(text)
        if not m:
            continue
        groups = m.groupdict()
        month = _month(groups["m"], rules) if groups.get("m") else spec.month
        if month is None or not 1 <= month <= 12:
            continue
        day: int | str = spec.day if spec.day is not None else "end"
        if groups.get("d"):
            day = int(groups["d"])
        when = int(groups["y"]) if groups.get("y") else year
        return Deadline(_iso(when, month, day), m.group(0), offset + m.start(), offset + m.end())
    return Deadline(_iso(year, rules.default.month, rules.default.day), None, None, None)
