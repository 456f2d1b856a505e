"""The main expected targets (主要预期目标): quantified and qualitative items.

The paragraph is the one the parser found (``Report.main_targets``). Its list
starts after the colon that follows the cue (…主要预期目标是：) and runs to the
end of that sentence. Figures inside the list are the quantified targets; the
clauses of the list that hold no figure (城乡居民收入增长与经济增长基本同步 …)
are the qualitative ones, each with its span.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from duban.extract.cues import cues, starting
from duban.extract.pipeline import extract_figures
from duban.model import Figure, Report

_ITEM_BREAKS = "；;，,。"
_COMMAS = ("，", ",")
# Two comma-separated clauses whose first characters agree this far share their
# subject and state one target.
_SAME_SUBJECT = 4
_LIST_START = "：:"


@dataclass(frozen=True, slots=True)
class QualitativeTarget:
    """A target stated in words only; ``text == report.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        return {"qualitative": True, "text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class MainTargets:
    """The main expected targets of a report, or ``found=False`` when it states none."""

    found: bool
    start: int | None = None
    end: int | None = None
    quantified: list[Figure] = field(default_factory=list)
    qualitative: list[QualitativeTarget] = field(default_factory=list)

    def __iter__(self) -> Iterator[Figure | QualitativeTarget]:
        """Every item: the quantified targets, then the qualitative ones."""
        yield from self.quantified
        yield from self.qualitative

    def __len__(self) -> int:
        return len(self.quantified) + len(self.qualitative)

    def to_records(self) -> list[dict[str, object]]:
        """One JSON-ready record per item (``duban targets --json``)."""
        records: list[dict[str, object]] = []
        for f in self.quantified:
            record: dict[str, object] = dict(f.to_dict())
            record["qualitative"] = False
            records.append(record)
        records.extend(item.to_dict() for item in self.qualitative)
        return records


def _list_start(report: Report, start: int, end: int) -> int:
    """Where the list begins: after the colon that follows the cue (…预期目标是：),
    else after the sentence that names the targets."""
    c = cues()
    text = report.text
    for cue in c.target_cues:
        at = text.find(cue, start, end)
        if at < 0:
            continue
        after = at + len(cue)
        window = text[after : min(end, after + c.colon_window)]
        for i, ch in enumerate(window):
            if ch in _LIST_START:
                return after + i + 1
            if ch == "。":
                return after + i + 1
        return after
    return start


def _list_end(report: Report, list_start: int, end: int) -> int:
    """The list runs from its start over the following sentences of the span,
    up to the first sentence that comments on the targets (上述主要预期目标…)."""
    c = cues()
    text = report.text
    list_end = list_start
    while list_end < end:
        nxt = text.find("。", list_end, end)
        nxt = end if nxt < 0 else nxt + 1
        sentence = text[list_end:nxt].strip()
        if list_end > list_start and starting(sentence, c.commentary):
            break
        list_end = nxt
    return list_end


def main_targets(report: Report, figures: list[Figure] | None = None) -> MainTargets:
    """The main expected targets of ``report``; pass ``figures`` to reuse an extraction."""
    if report.main_targets is None:
        return MainTargets(found=False)
    if figures is None:
        figures = extract_figures(report)
    start = _list_start(report, *report.main_targets)
    end = _list_end(report, start, report.main_targets[1])
    quantified = [f for f in figures if start <= f.start < end and f.kind == "target"]
    taken = sorted((f.start, f.end) for f in figures if start <= f.start < end)
    taken_starts = [s for s, _ in taken]
    # reach[k]: the furthest end among the first k taken spans, so "does a figure
    # overlap [a, b)" is one bisection, not a scan of every figure per clause.
    reach = [-1]
    for _, e in taken:
        reach.append(max(reach[-1], e))
    spans: list[tuple[int, int]] = []  # the qualitative targets; texts are cut once, at the end
    text = report.text
    i = start
    while i < end:
        j = i
        while j < end and text[j] not in _ITEM_BREAKS and text[j] != "\n":
            j += 1
        a, b = i, j
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and not reach[bisect.bisect_left(taken_starts, b)] > a:
            prev = spans[-1] if spans else None
            if prev is not None and text[prev[1] : a].strip() in _COMMAS \
                    and text[a : a + _SAME_SUBJECT] == text[prev[0] : min(prev[1], prev[0] + _SAME_SUBJECT)]:
                # 城乡居民收入增长与经济增长基本同步，城乡居民收入比持续缩小: one target, one subject
                spans[-1] = (prev[0], b)
            else:
                spans.append((a, b))
        i = j + 1
    qualitative = [QualitativeTarget(text[a:b], a, b) for a, b in spans]
    return MainTargets(True, report.main_targets[0], report.main_targets[1], quantified, qualitative)
