"""The main expected targets (主要预期目标): quantified and qualitative items.

The paragraph is the one the parser found (``Report.main_targets``). Its list
starts after the colon that follows the cue (…主要预期目标是：) and runs to the
end of that sentence. Figures inside the list are the quantified targets; the
clauses of the list that hold no figure (城乡居民收入增长与经济增长基本同步 …)
are the qualitative ones, each with its span.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duban.extract.cues import cues, starting
from duban.extract.pipeline import extract_figures
from duban.model import Figure, Report

_ITEM_BREAKS = "；;，,。"
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


def _list_end(report: Report, list_start: int, end: int, figures: list[Figure]) -> int:
    """The list runs over its first sentence, then over each following sentence
    of the span that holds a figure and does not comment on the targets."""
    c = cues()
    text = report.text
    stop = text.find("。", list_start, end)
    if stop < 0:
        return end
    list_end = stop + 1
    starts = sorted(f.start for f in figures)
    while list_end < end:
        nxt = text.find("。", list_end, end)
        nxt = end if nxt < 0 else nxt + 1
        sentence = text[list_end:nxt].strip()
        has_figure = any(list_end <= s < nxt for s in starts)
        if not sentence or not has_figure or starting(sentence, c.commentary):
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
    end = _list_end(report, start, report.main_targets[1], figures)
    quantified = [f for f in figures if start <= f.start < end and f.kind == "target"]
    taken = [(f.start, f.end) for f in figures if start <= f.start < end]
    qualitative: list[QualitativeTarget] = []
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
        if b > a and not any(s < b and a < e for s, e in taken):
            qualitative.append(QualitativeTarget(text[a:b], a, b))
        i = j + 1
    return MainTargets(True, report.main_targets[0], report.main_targets[1], quantified, qualitative)
