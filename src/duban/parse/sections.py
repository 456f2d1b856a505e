"""The section tree: parts, areas, items and themes, each with its span and role.

Headings come from :mod:`duban.parse.heading`, one paragraph at a time; here
they are arranged into a tree. Numbers must run in sequence (一、二、三…; a
level restarts at 一 under each parent), so a stray 三、 inside a paragraph
list cannot open a part. Reports that head their parts with unnumbered lines
(2018年工作回顾) and number only their areas are recognised by those lines
(see ``parse_sections``); inside each part the first numbering style that
runs gives the areas, the next one the items. Everything is one pass over the
paragraphs plus sorting, so linear in the text (up to a log factor).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from duban.model import Paragraph, Role, Section, SectionKind
from duban.parse.heading import (
    AREA,
    ITEM,
    PART,
    SUBITEM,
    UNNUMBERED,
    Heading,
    classify,
    lead,
    structure,
    trim_end,
)
from duban.parse.items import add_inline_items

# A year in a title: 2019年, or a year closing the title (笃行实干的2022).
_YEAR = re.compile(r"((?:19|20)\d\d)(?:年|$)")


@dataclass(frozen=True, slots=True)
class Outline:
    """What ``parse_sections`` found: the tree plus the headings it used."""

    sections: list[Section]
    heading_paragraphs: frozenset[int]
    # The plan year the part titles state (2022年工作回顾 → 2023), if any.
    plan_year: int | None = None


def _runs(cands: Sequence[Heading], skip: int = 0) -> list[list[Heading]]:
    """Split candidates of one style into runs numbered 1, 2, 3 … in order.

    ``skip`` numbers may be missing between two headings of a run (an abridged
    text that lost its 二、 still has its 三、).
    """
    runs: list[list[Heading]] = []
    for h in cands:
        if h.value == 1:
            runs.append([h])
        elif runs and 0 < h.value - runs[-1][-1].value <= 1 + skip:
            runs[-1].append(h)
    return runs


def _between(cands: Sequence[Heading], starts: list[int], lo: int, hi: int) -> list[Heading]:
    """Candidates (sorted by start, ``starts`` their starts) with lo <= start < hi."""
    i = bisect.bisect_left(starts, lo)
    j = bisect.bisect_left(starts, hi)
    return list(cands[i:j])


def _first_run(cands: list[Heading]) -> list[Heading]:
    """The headings of the first sequence 1, 2, 3 … among ``cands``."""
    runs = _runs(cands)
    return runs[0] if runs else []


def _end_before(paragraphs: list[Paragraph], para_starts: list[int], limit: int, floor: int) -> int:
    """The end of the last paragraph that starts before ``limit`` (at least ``floor``)."""
    i = bisect.bisect_left(para_starts, limit) - 1
    if i < 0:
        return floor
    return max(floor, min(paragraphs[i].end, limit))


def _years(title: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(unicodedata.normalize("NFKC", title))]


def _last_cue(title: str, cues: Sequence[str]) -> int:
    """Where the last of ``cues`` in ``title`` ends, or -1."""
    return max((title.rfind(c) + len(c) for c in cues if c in title), default=-1)


def role_by_text(body: str, data: dict[str, Any]) -> Role:
    """Review or plan by counting each role's marker words in a part's text."""
    markers = data["role_markers"]
    review = sum(body.count(w) for w in markers["review"])
    plan = sum(body.count(w) for w in markers["plan"])
    if review + plan < int(data["role_markers_min"]):
        return Role.REVIEW
    return Role.REVIEW if review > plan else Role.PLAN


def role_of_part(
    title: str, plan_year: int | None, seen_plan: bool, data: dict[str, Any], body: str = ""
) -> Role:
    """The role a part's title gives it (see ``part_roles`` in the data file);
    ``body``, the part's text, decides when the title and position cannot."""
    cues = data["part_roles"]
    if any(c in title for c in cues["governance"]):
        return Role.GOVERNANCE
    if any(c in title for c in cues["annex"]):
        return Role.ANNEX
    review = _last_cue(title, cues["review"])
    plan = _last_cue(title, cues["plan"])
    years = _years(title)
    past = plan_year is not None and bool(years) and max(years) < plan_year
    if review >= 0 and plan < 0:
        return Role.REVIEW
    if review >= 0 and plan >= 0:
        return Role.REVIEW if past or review > plan else Role.PLAN
    if plan >= 0:
        return Role.REVIEW if past else Role.PLAN
    if plan_year is not None and years:
        return Role.PLAN if max(years) >= plan_year else Role.REVIEW
    if seen_plan:
        return Role.PLAN
    return role_by_text(body, data) if body else Role.REVIEW


def _stated_years(title: str, before: int | None = None) -> list[int]:
    """Years a title names (before offset ``before``), not counting 2003年以来 (“since”)."""
    norm = unicodedata.normalize("NFKC", title)
    out = []
    for m in _YEAR.finditer(norm):
        if before is not None and m.start() >= before:
            break
        if not norm.startswith("以来", m.end()):
            out.append(int(m.group(1)))
    return out


def infer_plan_year(titles: Sequence[str], data: dict[str, Any]) -> int | None:
    """The plan year the part titles state: the reviewed year + 1 (2022年工作回顾 → 2023),
    else the year of a plan part (2023年工作安排); a 2035年远景目标 title says nothing."""
    cues = data["part_roles"]
    for title in titles:
        norm = unicodedata.normalize("NFKC", title)
        at = min((norm.find(c) for c in cues["review"] if c in norm), default=-1)
        years = _stated_years(title, at) if at >= 0 else []
        if years:
            return max(years) + 1
    for title in titles:
        if any(c in title for c in cues["review"]) or any(w in title for w in data["distant_plan_words"]):
            continue
        years = _stated_years(title)
        if years and any(c in title for c in cues["plan"]):
            return min(years)
    return None


def _make(kind: SectionKind, h: Heading, end: int, role: Role) -> Section:
    return Section(
        kind=kind,
        number=h.number,
        title="",
        start=h.start,
        end=end,
        title_start=h.title_start,
        title_end=h.title_end,
        role=role,
    )


class _Builder:
    """Holds the paragraph index and the heading candidates of one report."""

    def __init__(self, text: str, paragraphs: list[Paragraph], body_end: int, data: dict[str, Any]):
        self.text = text
        self.paragraphs = paragraphs
        self.para_starts = [p.start for p in paragraphs]
        self.body_end = body_end
        self.data = data
        self.by_style: dict[str, list[Heading]] = {PART: [], AREA: [], ITEM: [], SUBITEM: [], UNNUMBERED: []}
        self.heading_at: dict[int, Heading] = {}
        for i, p in enumerate(paragraphs):
            if p.start >= body_end:
                break
            h = classify(text, i, p, data)
            if h is not None:
                self.by_style[h.style].append(h)
                self.heading_at[i] = h
        self.used: set[int] = set()

    def end_of(self, next_start: int, floor: int) -> int:
        return _end_before(self.paragraphs, self.para_starts, next_start, floor)

    def build_level(
        self, heads: list[Heading], kind: SectionKind, limit: int, roles: list[Role]
    ) -> list[Section]:
        out: list[Section] = []
        for k, h in enumerate(heads):
            nxt = heads[k + 1].start if k + 1 < len(heads) else limit
            out.append(_make(kind, h, self.end_of(nxt, h.title_end), roles[k]))
            self.used.add(h.paragraph)
        return out


def parse_sections(
    text: str,
    paragraphs: list[Paragraph],
    body_end: int,
    plan_year: int | None = None,
) -> Outline:
    """Build the section tree of the body (``text[:body_end]``).

    The plan year that tells the review part from the plan part is the one the
    part titles state (2022年工作回顾 → 2023), else ``plan_year`` (the metadata's,
    from the delivery date: a report delivered in December is for the next year).
    """
    data = structure()
    b = _Builder(text, paragraphs, body_end, data)
    parts_h = b.by_style[PART]
    unnumbered = b.by_style[UNNUMBERED]
    part_runs = _runs(parts_h, skip=1)
    # Unnumbered part headings win when the numbered ones are missing or restart, or
    # when two or more of them are there and the first comes before any numbered one
    # (2022年工作回顾 … 2023年重点工作任务 then 一、…: the numbers are areas).
    if unnumbered and (
        not part_runs
        or len(part_runs) > 1
        or (len(unnumbered) >= 2 and unnumbered[0].start < part_runs[0][0].start)
    ):
        top: list[Heading] = unnumbered
        styles: tuple[str, ...] = (PART, AREA, ITEM)
    else:
        top, styles = (part_runs[0] if part_runs else []), (AREA, ITEM)

    titles = [text[h.title_start : h.title_end] for h in top]
    stated = infer_plan_year(titles, data)
    year = stated if stated is not None else plan_year
    roles: list[Role] = []
    seen_plan = False
    for k, t in enumerate(titles):
        body_stop = top[k + 1].start if k + 1 < len(top) else body_end
        r = role_of_part(t, year, seen_plan, data, text[top[k].title_end : body_stop])
        seen_plan = seen_plan or r is Role.PLAN
        roles.append(r)

    parts = b.build_level(top, SectionKind.PART, body_end, roles)
    cands = {style: b.by_style[style] for style in styles}
    starts = {style: [h.start for h in b.by_style[style]] for style in styles}

    def run_in(style: str, lo: int, hi: int) -> list[Heading]:
        return _first_run(_between(cands[style], starts[style], lo, hi))

    for part in parts:
        # Areas are the first numbering style that runs inside the part (一、 under
        # unnumbered parts, else （一）); items the next style down.
        level = next((k for k, st in enumerate(styles[:-1]) if run_in(st, part.title_end, part.end)), None)
        if level is None:
            # No areas: numbered items (1.) sit right under the part.
            items = run_in(styles[-1], part.title_end, part.end)
            part.children = b.build_level(items, SectionKind.ITEM, part.end, [part.role] * len(items))
            continue
        heads = run_in(styles[level], part.title_end, part.end)
        part.children = b.build_level(heads, SectionKind.AREA, part.end, [part.role] * len(heads))
        if level + 1 >= len(styles):
            continue
        for area in part.children:
            items = run_in(styles[level + 1], area.title_end, area.end)
            if items:
                area.children.extend(
                    b.build_level(items, SectionKind.ITEM, area.end, [part.role] * len(items))
                )
    if not parts:
        # No parts: areas, if any, are the top level.
        heads = _first_run(b.by_style[AREA])
        parts = b.build_level(heads, SectionKind.AREA, body_end, [Role.PLAN] * len(heads))

    for s in (s for top_s in parts for s in top_s.walk()):
        s.title = text[s.title_start : s.title_end]
    _add_themes(b, parts)
    skip = frozenset(b.heading_at)
    for leaf in _item_holders(parts):
        add_inline_items(text, paragraphs, leaf, skip, data, b.para_starts)
    return Outline(parts, frozenset(b.used), stated)


def _item_holders(parts: list[Section]) -> list[Section]:
    """Where inline items (一是…) may sit: themes, else areas or parts with no numbered children."""
    out: list[Section] = []
    for section in (s for top in parts for s in top.walk()):
        if section.kind is SectionKind.ITEM:
            continue
        if section.kind is SectionKind.THEME or not section.children:
            out.append(section)
    return out


def theme_span(text: str, para: Paragraph, data: dict[str, Any]) -> tuple[int, int] | None:
    """The lead phrase of a paragraph (精准服务稳企业。), as (start, end) without 。, or None."""
    start = lead(text, para.start, para.end)
    leads = data["theme_leads"]
    while start < para.end and text[start] in leads:
        start += 1
    limit = int(data["theme_max"])
    stop = text.find("。", start, min(para.end, start + limit + 1))
    if stop == -1 or stop - start < int(data["theme_min"]):
        return None
    stop = trim_end(text, start, stop)  # **精准服务稳企业**。
    phrase = text[start:stop]
    if len(phrase) < int(data["theme_min"]) or "*" in phrase:
        return None
    if any(sep in phrase for sep in data["theme_separators"]):
        return None
    if any(ch.isspace() for ch in phrase):
        return None
    return start, stop


def _add_themes(b: _Builder, parts: list[Section]) -> None:
    """Themes: lead phrases of paragraphs directly inside an area (or a part without areas)."""
    holders: list[Section] = []
    for part in parts:
        if part.kind is SectionKind.PART and part.children and part.children[0].kind is SectionKind.AREA:
            holders.extend(a for a in part.children if not a.children)
        elif not part.children:
            holders.append(part)
    for holder in holders:
        i = bisect.bisect_right(b.para_starts, holder.title_end)
        found: list[tuple[int, int, int]] = []
        while i < len(b.paragraphs) and b.paragraphs[i].start < holder.end:
            if i not in b.heading_at or b.heading_at[i].style == UNNUMBERED:
                span = theme_span(b.text, b.paragraphs[i], b.data)
                if span is not None:
                    found.append((i, span[0], span[1]))
            i += 1
        for k, (pi, start, stop) in enumerate(found):
            nxt = found[k + 1][1] if k + 1 < len(found) else holder.end
            end = b.end_of(nxt, b.paragraphs[pi].end)
            holder.children.append(
                Section(
                    kind=SectionKind.THEME,
                    number=None,
                    title=b.text[start:stop],
                    start=start,
                    end=min(end, holder.end),
                    title_start=start,
                    title_end=stop,
                    role=holder.role,
                )
            )
