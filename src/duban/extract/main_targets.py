"""The main expected targets (主要预期目标): quantified and qualitative items.

The paragraph is the one the parser found (``Report.main_targets``). Its list
starts after the colon that follows the cue (…主要预期目标是：) and runs to the
end of that sentence. Figures inside the list are the quantified targets; the
clauses of the list that hold no figure (城乡居民收入增长与经济增长基本同步 …)
are the qualitative ones, each with its span.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def _list_span(report: Report, start: int, end: int) -> tuple[int, int]:
    """The target list inside the paragraph: after the colon, to the sentence end."""
    text = report.text
    colon = min((i for i in (text.find(ch, start, end) for ch in _LIST_START) if i >= 0), default=-1)
    list_start = colon + 1 if colon >= 0 else start
    stop = text.find("。", list_start, end)
    if stop < 0:
        return list_start, end
    # A list that only introduces further paragraphs (ends with ：) runs on to ``end``.
    return list_start, stop + 1 if stop + 1 < end else end


def main_targets(report: Report, figures: list[Figure] | None = None) -> MainTargets:
    """The main expected targets of ``report``; pass ``figures`` to reuse an extraction."""
    if report.main_targets is None:
        return MainTargets(found=False)
    start, end = _list_span(report, *report.main_targets)
    if figures is None:
        figures = extract_figures(report)
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
