"""Kind, measure, comparator and year of a figure, from the cue words around it.

- comparator: 余/多 inside the number, then the word right after the unit
  (以上 → >=, 以内 → <=, 左右 → ~), then the word right before the number
  (超过 → >, 近 → ~, 不低于 → >=); a range is ``range``; otherwise ``=``.
- measure: a percent, point or multiple right after a growth verb
  (增长, 下降, 涨幅 …) is ``growth`` (negative after a decrease verb); points
  always are; other percents, fractions, ratios and per-N counts are ``rate``;
  the rest ``level``.
- kind: from the role of the section (review → actual, plan → target), turned
  to ``actual`` by current-year cues (疫情发生后 …, 提请大会), and to ``other``
  for background facts and the old value of a from–to phrase.
- year: the reviewed year for actuals in the review, the plan year otherwise,
  or a year the clause names right before the figure.
"""

from __future__ import annotations

import re

from duban.extract.cues import cues, ending, starting
from duban.extract.units import Quantity
from duban.model import Role

_YEAR = re.compile(r"((?:19|20)\d\d)年(?!以来|来)")


def comparator(folded: str, q: Quantity) -> str:
    """The comparator of quantity ``q`` from the words around it."""
    if q.value_max is not None:
        return "range"
    c = cues()
    after = starting(folded, c.after_words, q.end)
    if after:
        return c.comparators_after[after]
    if q.approx:
        return q.approx
    lo = max(0, q.start - 4)
    before = ending(folded[lo : q.start], c.before_words)
    if before:
        return c.comparators_before[before]
    return "="


def growth_sign(pre_raw: str) -> int:
    """+1/-1 when ``pre_raw`` ends (past fillers) with an increase/decrease verb;
    0 when it ends with a to-level verb (提高到) or no verb; checked also at its
    start for verb-object phrases (压减非重点支出15%)."""
    c = cues()
    s = pre_raw.rstrip()
    for _ in range(8):
        if ending(s, c.to_level):
            return 0
        g = ending(s, c.growth)
        if g:
            return -1 if g in c.decrease else 1
        w = ending(s, c.trailing)
        if not w:
            break
        s = s[: -len(w)]
    s = pre_raw.lstrip(" ，,、")
    g = starting(s, c.growth)
    if g and not starting(s, c.to_level):
        return -1 if g in c.decrease else 1
    return 0


def measure_of(q: Quantity, sign: int, indicator: str) -> str:
    """``level``, ``growth`` or ``rate``."""
    c = cues()
    if q.unit_measure == "points":
        return "growth"
    if q.unit_measure in ("fraction", "ratio"):
        return "rate"
    if q.unit_measure in ("percent", "multiple"):
        return "growth" if sign else "rate"
    if any(m in indicator for m in c.per_markers):
        return "rate"
    return "level"


def is_background(folded: str, q: Quantity) -> bool:
    """A background fact (近14亿人口, 56个民族, 我国…已达2.5亿): kind ``other``."""
    lo, hi = max(0, q.start - 30), q.end + 12
    for pattern in cues().background:
        for m in pattern.finditer(folded, lo, hi):
            if m.start() <= q.start < m.end():
                return True
    return False


def is_from_value(pre_raw: str, gap_after: str) -> bool:
    """The old value of a from–to phrase (由9.8%降至7.5%: 9.8 is ``other``)."""
    c = cues()
    tail = pre_raw[-12:]
    if not any(w in tail for w in c.from_words):
        return False
    return any(w in gap_after for w in c.to_level)


def base_kind(role: Role) -> str:
    if role in (Role.REVIEW, Role.PREAMBLE):
        return "actual"
    if role == Role.ANNEX:
        return "other"
    return "target"


def is_current_year(paragraph: str, sentence: str) -> bool:
    """A passage that reports what already happened in the plan year."""
    c = cues()
    return any(w in paragraph for w in c.current_year_paragraph) or any(w in sentence for w in c.actual_sentence)


_LEADING_YEAR = re.compile(r"(?:到|至|截至)((?:19|20)\d\d)年(?:底|末)?[，,]")
_CLAUSE_YEAR = re.compile(r"(?:力争|争取|确保)?(?:到|至|截至)((?:19|20)\d\d)年(?:底|末)?前?")


def sentence_year(sentence_head: str, clause_head: str = "") -> int | None:
    """A target year heading the sentence (到2025年，森林覆盖率达到…) or the clause
    (到2017年底前实现…96户、183人…)."""
    m = _LEADING_YEAR.match(sentence_head) or _CLAUSE_YEAR.match(clause_head)
    return int(m.group(1)) if m else None


def stated_year(pre_raw: str) -> int | None:
    """A year the clause names right before the figure (2020年底达到 …)."""
    found = None
    for m in _YEAR.finditer(pre_raw):
        found = int(m.group(1))
    return found
