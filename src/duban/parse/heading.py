"""Recognise the heading, if any, at the start of one paragraph.

A paragraph may open with a numbered heading in one of four styles (一、 /
（一） / 1. / （1）) or be an unnumbered part heading (2018年工作回顾 on a line
of its own). This module only looks at one paragraph at a time, with anchored,
bounded patterns, so it is linear in the text; ``sections.py`` decides which
candidates form the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from duban.lexicon import load_data
from duban.lexicon.schema import ReportStructureFile, load_checked
from duban.model import Paragraph

# Marks that may precede a heading's number: white space, Markdown heading and
# emphasis markers.
_LEAD_MARKS = frozenset(" \t\u3000\u00a0#*>")
_TRAIL_MARKS = " \t\u3000\u00a0*#。：:；;，,"

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

_PART = re.compile(r"([一二三四五六七八九十]{1,3})[、.．]")
_AREA = re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]")
_ITEM = re.compile(r"([0-9０-９]{1,2})[、.．](?![0-9０-９])")
_SUBITEM = re.compile(r"[（(]([0-9０-９]{1,2})[）)]")
_SENTENCE_MARKS = frozenset("。，；：！？,;:!?")

PART, AREA, ITEM, SUBITEM, UNNUMBERED = "part", "area", "item", "subitem", "unnumbered"


def structure() -> dict[str, Any]:
    """The report-structure data file (words, cues, limits), validated once on first use."""
    load_checked("report_structure.yaml", ReportStructureFile)
    data: dict[str, Any] = load_data("report_structure.yaml")
    return data


def cn_number(digits: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 二十一 → 21; None when not a number below 100."""
    if not digits:
        return None
    if "十" not in digits:
        if len(digits) != 1 or digits not in _CN_DIGITS:
            return None
        return _CN_DIGITS[digits]
    tens, _, units = digits.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    t = 1 if not tens else _CN_DIGITS.get(tens)
    u = 0 if not units else _CN_DIGITS.get(units)
    if t is None or u is None:
        return None
    return t * 10 + u


def lead(text: str, start: int, end: int) -> int:
    """The first offset in ``[start, end)`` past white space and Markdown marks."""
    i = start
    while i < end and text[i] in _LEAD_MARKS:
        i += 1
    return i


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved left past white space, Markdown marks and closing punctuation."""
    while end > start and text[end - 1] in _TRAIL_MARKS:
        end -= 1
    return end


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading candidate at the start of paragraph ``paragraph``.

    ``start`` is where its number (or unnumbered title) begins; the title is
    ``text[title_start:title_end]``. ``inline`` is true when the paragraph goes
    on after the title (（一）经济发展稳中提质。实现…).
    """

    style: str
    number: str | None
    value: int
    paragraph: int
    start: int
    title_start: int
    title_end: int
    inline: bool


def _title_span(
    text: str, start: int, end: int, limit: int, bold: bool = False
) -> tuple[int, int, bool] | None:
    """Title from ``start`` to the first 。 (or the paragraph's end), if short enough.

    In Markdown a bold heading (``**一、2019年工作回顾** 正文…``) ends at its closing ``**``.
    """
    while start < end and text[start] in " \t\u3000\u00a0":
        start += 1
    window = min(end, start + limit + 1)
    stop = text.find("。", start, window)
    if bold:
        close = text.find("**", start, window)
        if close != -1 and (stop == -1 or close < stop):
            title_end = trim_end(text, start, close)
            if title_end <= start:
                return None
            return start, title_end, trim_end(text, close, end) > close + 2
    inline = stop != -1 and stop + 1 < trim_end(text, start, end)
    title_end = stop if stop != -1 else end
    title_end = trim_end(text, start, title_end)
    if title_end <= start or title_end - start > limit:
        return None
    return start, title_end, inline


def classify(text: str, index: int, para: Paragraph, data: dict[str, Any]) -> Heading | None:
    """The heading that opens paragraph ``index``, or None."""
    start = lead(text, para.start, para.end)
    if start >= para.end:
        return None
    limit = int(data["heading_title_max"])
    for style, pattern in ((PART, _PART), (AREA, _AREA), (ITEM, _ITEM), (SUBITEM, _SUBITEM)):
        m = pattern.match(text, start, para.end)
        if m is None:
            continue
        raw = m.group(1)
        value = cn_number(raw) if style in (PART, AREA) else int(raw.translate(FULLWIDTH_DIGITS))
        if not value:
            return None
        span = _title_span(text, m.end(), para.end, limit, bold="**" in text[para.start : start])
        if span is None:
            return None
        number = text[m.start() : m.end()] if style in (AREA, SUBITEM) else raw
        return Heading(style, number, value, index, start, span[0], span[1], span[2])
    return _unnumbered(text, index, start, para.end, data)


def _unnumbered(text: str, index: int, start: int, end: int, data: dict[str, Any]) -> Heading | None:
    """A short line of its own holding a part cue (2019年工作任务), or None."""
    title_end = trim_end(text, start, end)
    if title_end <= start or title_end - start > int(data["unnumbered_part_max"]):
        return None
    title = text[start:title_end]
    if any(ch in _SENTENCE_MARKS for ch in title):
        return None
    if not any(cue in title for cue in data["unnumbered_part_cues"]):
        return None
    return Heading(UNNUMBERED, None, 0, index, start, start, title_end, False)
