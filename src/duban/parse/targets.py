"""The main expected targets paragraph (今年经济社会发展的主要预期目标是：…).

Found among the paragraphs outside the review: a paragraph holding a cue
(主要预期目标, 预期目标 …), preferring one followed within a few characters by
是/为/：, then one that speaks of this year (今年, or the plan year) over a
five-year plan's goals; a bare mention is the last resort, and only in a
paragraph that states a percentage.
Where no heading marks the end of the review (包头 2015 runs from its review
straight into 今年经济社会发展的主要预期目标是：… with no numbered part), the
review's paragraphs are searched last, for a strict match only: a cue with
its introducer, a percentage, and 今年 or the plan year just before it.
When the paragraph only introduces a list (ends with ：), the span runs on over
the list's paragraphs up to the next heading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from duban.model import Paragraph, Role
from duban.parse.heading import structure

# A targets list runs over at most this many paragraphs.
_MAX_LIST = 20


def _score(text: str, p: Paragraph, data: dict[str, Any], year: int | None, this_year_key: str = "this_year") -> int:
    """-1 without a cue; else 2 if a cue introduces targets (是/为/：) plus 1 if it
    speaks of this year (今年, the plan year) in the words just before it, minus 3
    if those words name a plan period (“十四五”时期): that is not this year's list."""
    conf = data["main_targets"]
    best = -1
    words = list(conf[this_year_key]) + ([f"{year}年"] if year else [])
    for cue in conf["cues"]:
        at = text.find(cue, p.start, p.end)
        if at == -1:
            continue
        score = 0
        window = text[at + len(cue) : min(p.end, at + len(cue) + int(conf["introducer_window"]))]
        if any(w in window for w in conf["introducers"]):
            score += 2
        before = text[max(p.start, at - 30) : at]
        if any(w in before for w in words):
            score += 1
        if any(w in before for w in conf["period_markers"]):
            score -= 3  # a five-year plan's goals, not this year's targets
        best = max(best, score)
    return best


def _has_percent(text: str, p: Paragraph) -> bool:
    return text.find("%", p.start, p.end) != -1 or text.find("％", p.start, p.end) != -1


def find_main_targets(
    text: str,
    paragraphs: list[Paragraph],
    body_end: int,
    role_at: Callable[[int], Role],
    heading_paragraphs: frozenset[int],
    year: int | None = None,
) -> tuple[int, int] | None:
    """(start, end) of the main expected targets, or None when the report states none."""
    data = structure()
    best: tuple[int, int] | None = None  # (score, paragraph index)
    in_review: int | None = None  # the first strict match inside the review
    for i, p in enumerate(paragraphs):
        if p.start >= body_end:
            break
        role = role_at(p.start)
        if i in heading_paragraphs or role in (Role.ANNEX, Role.GOVERNANCE):
            continue
        if role is Role.REVIEW:
            if in_review is None and _has_percent(text, p) and _score(text, p, data, year, "review_this_year") == 3:
                in_review = i
            continue
        score = _score(text, p, data, year)
        if 0 <= score < 2 and not _has_percent(text, p):
            continue  # a bare mention (完成全年预期目标) lists no targets
        if score >= 0 and (best is None or score > best[0]):
            best = (score, i)
            if score == 3:
                break
    if best is None and in_review is not None:
        best = (3, in_review)
    if best is None:
        return None
    i = best[1]
    start, end = paragraphs[i].start, paragraphs[i].end
    if text[end - 1] in "：:":
        j = i + 1
        while (
            j < len(paragraphs)
            and j <= i + _MAX_LIST
            and paragraphs[j].start < body_end
            and j not in heading_paragraphs
        ):
            end = paragraphs[j].end
            if text[end - 1] == "。":
                break
            j += 1
    return start, end
