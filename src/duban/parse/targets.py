"""The main expected targets paragraph (今年经济社会发展的主要预期目标是：…).

Searched first among the paragraphs of the plan, in three tiers:

1. a strong cue (主要预期目标, 预期目标 …) followed within a few characters by
   是/为/：, preferring one that speaks of this year (今年, the plan year, or a
   proposal: 综合考虑各方面因素，建议…);
2. a weak cue (主要指标, 发展目标, 奋斗目标 …: these also name other lists)
   that introduces this year's list in a paragraph with a percentage;
3. a bare strong cue in a paragraph with a percentage; last of all, a plan
   paragraph that states this year's growth with no cue at all
   (预期今年全省地区生产总值增长6%左右).

A cue is not this year's when its own sentence names a plan period
(“十四五”时期, 今后五年) or the past (去年确定的), or its list speaks of
annual averages (年均增长). A paragraph that opens with its cue (主要预期目标是：
after 今年政府工作的总体要求是：…) takes its year from the paragraph before
it: whichever of this year or a plan period that paragraph names last.

Where no heading marks the end of the review (包头 2015 runs from its review
straight into 今年经济社会发展的主要预期目标是：…), or a five-year report states
this year's targets in its last part (政府自身建设), those paragraphs are
searched last, for a strict match only: a cue with its introducer, this year
(今年 or the plan year, not 全年) and a percentage.
When the paragraph only introduces a list (ends with ：), the span runs on over
the list's paragraphs up to the next heading. A span longer than ``span_max``
(a file whose whole speech is one paragraph, 太原 2019) is cut down to the
sentence in which a cue introduces a list with a percentage.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from duban.model import Paragraph, Role
from duban.parse.heading import structure

# A targets list runs over at most this many paragraphs.
_MAX_LIST = 20
# Characters before a cue read for its year (its own sentence bounds the
# plan period and the past).
_BEFORE = 60
# The head of a list, read for annual averages.
_HEAD = 40
# A cue this close to its paragraph's start, in its first clause, opens the
# paragraph: the paragraph before it says which year it is about.
_OPENING = 20
# Sentence ends: a plan period named in an earlier sentence does not reach the cue.
_SENTENCE_END = "。！？"
# Marks between a run-in heading's title and its text.
_RUN_IN_MARKS = "*。．.：:"
# The name of a document: 《关于制定…第十四个五年规划和二〇三五年远景目标的建议》.
_TITLE = re.compile(r"《[^《》]*》")
# A cue opens its paragraph only when no clause comes before it; its introducer
# follows in the same clause (not 主要目标，主要是基于以下考虑).
_CLAUSE_END = "。！？；，,;"
_CLAUSE = f"[{_CLAUSE_END}]"
# What a PDF's text may put inside a cue: a space, a line break, or a footnote
# mark (主要预期目 [1] 标是, 主要预 期目标). This is layout, not wording.
_GAP = r"(?:\s|\[\d{1,3}\])*"
# Between a year word and the growth it states: no digits (今年1-2月) and no
# sentence break.
_GROWTH_GAP = r"[^0-9０-９。；！？\n]"


@lru_cache(maxsize=8)
def _patterns(cues: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_GAP.join(re.escape(ch) for ch in cue)) for cue in cues)


@dataclass(frozen=True, slots=True)
class _Context:
    """The words that place a cue in time, from the data file."""

    this_year: tuple[str, ...]
    proposal: tuple[str, ...]
    past: tuple[str, ...]
    period: tuple[str, ...]
    plan_names: tuple[str, ...]
    period_list: tuple[str, ...]
    introducers: tuple[str, ...]
    clause_introducers: tuple[str, ...]
    window: int


def _last(text: str, words: Sequence[str]) -> int:
    return max((text.rfind(w) for w in words), default=-1)


def _plain(text: str) -> str:
    """``text`` with the names of documents blanked, keeping offsets: 《…规划的建议》
    names a document, it proposes nothing."""
    return _TITLE.sub(lambda m: "□" * len(m.group()), text)


def _when(text: str, p: Paragraph, prev: Paragraph | None, start: int, end: int, ctx: _Context) -> int:
    """+1 if the words before a cue at ``start``–``end`` put it in this year, -3 if in
    a plan period or the past, else 0. The last word of either kind decides; in the
    cue's own sentence only a year (今年, 2016年, 开局之年) outweighs a plan period."""
    wide = _plain(text[p.start : start])[-_BEFORE:]
    stop = max(wide.rfind(ch) for ch in _SENTENCE_END)
    own = wide[stop + 1 :]
    if any(w in own for w in ctx.past) or _last(own, ctx.period + ctx.plan_names) > _last(own, ctx.this_year):
        return -3  # last year's list, or a plan period's goals: not this year's targets
    if _last(wide, ctx.this_year + ctx.proposal) > _last(wide, ctx.period):
        return 1
    head = text[end : min(p.end, end + _HEAD)]
    if any(w in head for w in ctx.period_list):
        return -3  # 地区生产总值年均增长…: a plan period's list
    if prev is not None and start - p.start <= _OPENING and not any(ch in wide for ch in _CLAUSE_END):
        # The paragraph before, up to its first colon (今年政府工作的总体要求是：…):
        # this year if it names this year after any plan period, or makes a
        # proposal and names no plan period.
        before = _plain(text[prev.start : prev.end])
        colon = min((i for i in (before.find("："), before.find(":")) if i >= 0), default=len(before))
        before = before[:colon]
        year, period = _last(before, ctx.this_year), _last(before, ctx.period)
        if year > period or (period == -1 and any(w in before for w in ctx.proposal)):
            return 1
        if period >= 0:
            return -3
    return 0


def _score(text: str, p: Paragraph, prev: Paragraph | None, cues: Sequence[str], ctx: _Context) -> int:
    """-1 without a cue; else 2 if a cue introduces targets (是/为/：), plus what
    :func:`_when` says of its year."""
    best = -1
    for pattern in _patterns(tuple(cues)):
        m = pattern.search(text, p.start, p.end)
        if m is None:
            continue
        window = text[m.end() : min(p.end, m.end() + ctx.window)]
        clause = re.split(_CLAUSE, window, maxsplit=1)[0]
        introduced = any(w in clause for w in ctx.introducers) or any(w in window for w in ctx.clause_introducers)
        score = 2 if introduced else 0
        best = max(best, score + _when(text, p, prev, m.start(), m.end(), ctx))
    return best


def _has_percent(text: str, p: Paragraph, marks: Sequence[str], end: int | None = None) -> bool:
    """A percentage in ``p``, or up to ``end`` (the end of the list ``p`` introduces)."""
    stop = max(p.end, end or 0)
    return any(text.find(mark, p.start, stop) != -1 for mark in marks)


def _context(conf: dict[str, Any], key: str, year: int | None) -> _Context:
    return _Context(
        this_year=tuple(conf[key]) + ((f"{year}年",) if year else ()),
        proposal=tuple(conf["proposal_words"]),
        past=tuple(conf["past_markers"]),
        period=tuple(conf["period_markers"]),
        plan_names=tuple(conf["plan_names"]),
        period_list=tuple(conf["period_list_words"]),
        introducers=tuple(conf["introducers"]),
        clause_introducers=tuple(conf["clause_introducers"]),
        window=int(conf["introducer_window"]),
    )


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=8)
def _growth_pattern(leads: tuple[str, ...], subjects: tuple[str, ...], verbs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        f"({_alt(leads)}){_GROWTH_GAP}{{0,12}}(?:{_alt(subjects)}){_GROWTH_GAP}{{0,6}}(?:{_alt(verbs)})"
    )


def _states_growth(text: str, p: Paragraph, conf: dict[str, Any], year: int | None, ctx: _Context) -> bool:
    """This year's growth stated with no cue: 预期今年全省地区生产总值增长6%左右."""
    growth = conf["growth_statement"]
    leads = tuple(growth["leads"]) + ((f"{year}年",) if year else ())
    m = _growth_pattern(leads, tuple(growth["subjects"]), tuple(growth["verbs"])).search(text, p.start, p.end)
    if m is None or any(w in m.group() for w in ctx.period_list):
        return False  # 预期全市地区生产总值年均增长12%: a plan period's growth
    return _when(text, p, None, m.end(1), m.end(), ctx) >= 0  # the lead (今年) counts


def _rank(
    text: str,
    p: Paragraph,
    prev: Paragraph | None,
    conf: dict[str, Any],
    ctx: _Context,
    year: int | None,
    list_end: int,
) -> tuple[int, int] | None:
    """(tier, score) of a paragraph of the plan, or None when it names no targets.

    Tier 3: a strong cue that introduces a list; 2: a weak cue that introduces
    this year's list; 1: a bare strong cue; 0: this year's growth stated with no
    cue. All but the first need a percentage."""
    strong = _score(text, p, prev, conf["cues"], ctx)
    if strong >= 2:
        return 3, strong
    if not _has_percent(text, p, conf["percent_marks"], list_end):
        return None  # a bare mention (完成全年预期目标) lists no targets
    if _score(text, p, prev, conf["weak_cues"], ctx) == 3:
        return 2, 3
    if strong >= 0:
        return 1, strong
    if _states_growth(text, p, conf, year, ctx):
        return 0, 0
    return None


def _strict(
    text: str, p: Paragraph, prev: Paragraph | None, conf: dict[str, Any], ctx: _Context, list_end: int
) -> bool:
    """A cue with its introducer and this year, in a paragraph (or its list) with a percentage."""
    return _has_percent(text, p, conf["percent_marks"], list_end) and (
        _score(text, p, prev, conf["cues"], ctx) == 3 or _score(text, p, prev, conf["weak_cues"], ctx) == 3
    )


def find_main_targets(
    text: str,
    paragraphs: list[Paragraph],
    body_end: int,
    role_at: Callable[[int], Role],
    heading_paragraphs: frozenset[int],
    year: int | None = None,
    title_ends: Mapping[int, int] | None = None,
) -> tuple[int, int] | None:
    """(start, end) of the main expected targets, or None when the report states none.

    ``title_ends`` maps a heading paragraph to where its title ends: the text
    after it (**四、奋力做好“十二五”开局工作** 今年是…。主要预期目标是：…) is searched too."""
    conf = structure()["main_targets"]
    plan_ctx = _context(conf, "this_year", year)
    review_ctx = _context(conf, "review_this_year", year)
    best: tuple[tuple[int, int], int, int] | None = None  # ((tier, score), paragraph index, start)
    late: tuple[int, int] | None = None  # the first strict match in the review or governance part
    prev: Paragraph | None = None
    for i, p in enumerate(paragraphs):
        if p.start >= body_end:
            break
        before, prev = prev, p
        if i in heading_paragraphs:
            prev = None
            body_start = (title_ends or {}).get(i, p.end)
            while body_start < p.end and (text[body_start] in _RUN_IN_MARKS or text[body_start].isspace()):
                body_start += 1  # **四、…工作** 今年是…: the bold mark and space after the title
            if p.end - body_start < 2:
                continue
            p, before = Paragraph(body_start, p.end), None  # the text run in after a heading
        role = role_at(p.start)
        if role is Role.ANNEX:
            continue
        list_end = _extend(text, paragraphs, i, p.start, body_end, heading_paragraphs)[1]
        if role in (Role.REVIEW, Role.GOVERNANCE):
            if late is None and _strict(text, p, before, conf, review_ctx, list_end):
                late = (i, p.start)
            continue
        rank = _rank(text, p, before, conf, plan_ctx, year, list_end)
        if rank is not None and (best is None or rank > best[0]):
            best = (rank, i, p.start)
            if rank == (3, 3):
                break
    if (best is None or best[0][0] < 2) and late is not None:
        best = ((3, 3), *late)
    if best is None:
        return None
    return _narrow(text, _extend(text, paragraphs, best[1], best[2], body_end, heading_paragraphs), conf)


def _narrow(text: str, span: tuple[int, int], conf: dict[str, Any]) -> tuple[int, int]:
    """``span``, or, when longer than ``span_max``, the first sentence in it where a
    cue introduces a list that states a percentage (the whole span when none does)."""
    start, end = span
    if end - start <= int(conf["span_max"]):
        return span
    window = int(conf["introducer_window"])
    # sentence ends, found once: each cue then looks its sentence up by bisection (linear overall)
    stops = [i for i in range(start, end) if text[i] in _SENTENCE_END]
    percent = re.compile("|".join(re.escape(mark) for mark in conf["percent_marks"]))
    percents = [m.start() for m in percent.finditer(text, start, end)]
    hits = (
        m
        for pattern in _patterns(tuple(conf["cues"]) + tuple(conf["weak_cues"]))
        for m in pattern.finditer(text, start, end)
    )
    for cue in sorted(hits, key=lambda m: m.start()):
        if not any(w in text[cue.end() : min(end, cue.end() + window)] for w in conf["introducers"]):
            continue
        k = bisect_left(stops, cue.start())
        first = stops[k - 1] + 1 if k else start
        k = bisect_left(stops, cue.end())
        last = stops[k] + 1 if k < len(stops) else end
        k = bisect_left(percents, cue.end())
        if k == len(percents) or percents[k] >= last:
            continue
        while first < last and text[first].isspace():
            first += 1
        return first, last
    return span


def _extend(
    text: str, paragraphs: list[Paragraph], i: int, start: int, body_end: int, heading_paragraphs: frozenset[int]
) -> tuple[int, int]:
    """From ``start`` to the end of paragraph ``i``, run on over its list when it ends with ：."""
    end = paragraphs[i].end
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
