"""Inline items: 一是…；二是…；三是… inside the paragraphs of a theme or area.

An item marker is a Chinese numeral followed by 是 (``inline_item_suffixes``)
at a paragraph's start or right after 。；：， — so 统一是 never counts. Markers
must run 一, 二, 三 … and at least two must be found, else there is no list.
Each item runs to the next marker of its list, the last one to the end of its
paragraph. One anchored match per punctuation mark, so linear in the text.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from duban.model import Paragraph, Section, SectionKind
from duban.parse.heading import cn_number, lead, trim_end

_MARK = re.compile(r"([一二三四五六七八九十]{1,2})([是要])")
_PUNCT = re.compile(r"[。；：，;:,]")
_TITLE_STOP = re.compile(r"[。；;，,：:]")


def _markers(text: str, para: Paragraph, suffixes: frozenset[str]) -> list[tuple[int, int, int]]:
    """(value, marker start, title start) of every marker in one paragraph."""
    out: list[tuple[int, int, int]] = []
    starts = [lead(text, para.start, para.end)]
    starts.extend(m.end() for m in _PUNCT.finditer(text, para.start, para.end))
    for s in starts:
        m = _MARK.match(text, s, para.end)
        if m and m.group(2) in suffixes:
            value = cn_number(m.group(1))
            if value:
                out.append((value, m.start(), m.end()))
    return out


def _title_end(text: str, start: int, end: int, limit: int) -> int:
    """The item's title: up to its first stop mark, within ``limit`` characters."""
    window = min(end, start + limit)
    m = _TITLE_STOP.search(text, start, window)
    return trim_end(text, start, m.start() if m else window)


def add_inline_items(
    text: str,
    paragraphs: list[Paragraph],
    holder: Section,
    skip: frozenset[int],
    data: dict[str, Any],
    starts: list[int] | None = None,
) -> None:
    """Append the 一是/二是 items found in ``holder``'s paragraphs to its children.

    ``starts`` are the paragraphs' starts; pass them when calling once per holder,
    since rebuilding them each time costs the whole text per holder (quadratic in a
    report with thousands of themes).
    """
    suffixes = frozenset(data["inline_item_suffixes"])
    limit = int(data["heading_title_max"])
    if starts is None:
        starts = [p.start for p in paragraphs]
    # From the paragraph holding the title (its rest may hold the list) to the holder's end.
    first = max(0, bisect.bisect_right(starts, holder.title_end) - 1)
    found: list[tuple[int, int, int, int]] = []  # value, start, title start, paragraph end
    i = first
    while i < len(paragraphs) and paragraphs[i].start < holder.end:
        if i == first or i not in skip:
            p = paragraphs[i]
            found.extend((v, s, t, p.end) for v, s, t in _markers(text, p, suffixes) if s >= holder.title_end)
        i += 1
    runs: list[list[tuple[int, int, int, int]]] = []
    for cand in found:
        if cand[0] == 1:
            runs.append([cand])
        elif runs and cand[0] == runs[-1][-1][0] + 1:
            runs[-1].append(cand)
    for run in runs:
        if len(run) < 2:
            continue
        for k, (value, start, title_start, para_end) in enumerate(run):
            end = run[k + 1][1] if k + 1 < len(run) and run[k + 1][1] < para_end else para_end
            end = trim_end(text, start, end) if end < para_end else para_end
            title_end = _title_end(text, title_start, end, limit)
            holder.children.append(
                Section(
                    kind=SectionKind.ITEM,
                    number=text[start:title_start],
                    title=text[title_start:title_end],
                    start=start,
                    end=min(end, holder.end),
                    title_start=title_start,
                    title_end=title_end,
                    role=holder.role,
                )
            )
    holder.children.sort(key=lambda s: s.start)
