"""Clauses: the stretch of a sentence a figure's indicator is sought in.

A clause runs between two clause breaks (，；：。 … from ``cues.yaml``) inside
one sentence; a break inside a quantity's own span (1,234 or 1.81:1) does not
count. Bounds are found by bisection over one sorted list of break offsets,
so looking up every quantity's clause is linear overall.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from duban.extract.units import Quantity
from duban.model import Report


@dataclass(slots=True)
class Bounds:
    """Clause and sentence around one quantity (half-open offsets)."""

    clause_start: int
    clause_end: int
    sentence_start: int
    sentence_end: int
    paragraph_start: int
    paragraph_end: int


def clause_breaks(text: str, breaks: str, quantities: list[Quantity]) -> list[int]:
    """Offsets of clause-breaking characters, those inside quantities left out."""
    pattern = re.compile("[" + re.escape(breaks) + "]")
    found = [m.start() for m in pattern.finditer(text)]
    inside = {i for q in quantities if pattern.search(text, q.start, q.end)
              for i in range(q.start, q.end) if text[i] in breaks}
    return [i for i in found if i not in inside] if inside else found


def bounds_of(report: Report, breaks: list[int], q: Quantity) -> Bounds:
    """The clause, sentence and paragraph that hold quantity ``q``."""
    text = report.text
    sentence = report.sentence_at(q.start)
    if sentence is not None:
        s_start, s_end = sentence.start, max(sentence.end, q.end)
        para = report.paragraphs[sentence.paragraph]
        p_start, p_end = para.start, max(para.end, q.end)
    else:
        s_start = text.rfind("\n", 0, q.start) + 1
        s_end = text.find("\n", q.end)
        s_end = len(text) if s_end < 0 else s_end
        p_start, p_end = s_start, s_end
    i = bisect.bisect_left(breaks, q.start) - 1
    c_start = max(s_start, breaks[i] + 1) if i >= 0 else s_start
    j = bisect.bisect_left(breaks, q.end)
    c_end = min(s_end, breaks[j]) if j < len(breaks) else s_end
    return Bounds(c_start, max(c_end, q.end), s_start, s_end, p_start, p_end)
