"""Fulfilment (承诺兑现): an achieved value and the verdict on one target.

``Actual`` is what was achieved, wherever it comes from: an ``actual`` figure
in the review of the next year's report, a row of an imported statistics
sheet, or a progress report entered in the app. ``Fulfilment`` is one target
of year N with the actual paired to it (or none), the verdict and its reason.
Plain dataclasses, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from duban.model.figure import Figure


class Verdict(str, Enum):
    MET = "met"
    MISSED = "missed"
    PARTLY = "partly"
    NOT_COMPARABLE = "not_comparable"
    NO_DATA = "no_data"


VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.MET: "完成",
    Verdict.MISSED: "未完成",
    Verdict.PARTLY: "基本完成",
    Verdict.NOT_COMPARABLE: "无法比较",
    Verdict.NO_DATA: "无数据",
}


class Pairing(str, Enum):
    """How sure the pairing of target and actual is."""

    ID = "id"  # same indicator_id and measure
    TEXT = "text"  # indicator texts clearly the same
    UNCERTAIN = "uncertain"  # similar but not clearly the same: shown as such
    NONE = "none"


# Characters before a figure's number read for a cue that qualifies it (年均, 力争).
CUE_WINDOW = 6


def words_before(quote: str, text: str) -> str:
    """The :data:`CUE_WINDOW` characters of ``quote`` just before the figure ``text`` ("" when absent)."""
    at = quote.find(text) if text else -1
    return quote[max(0, at - CUE_WINDOW) : at] if at >= 0 else ""


@dataclass(slots=True)
class Actual:
    """An achieved value for one indicator and year, with where it was found.

    ``source`` names the origin for a reader (a report file, a sheet row, a
    progress report); ``quote`` is the sentence or cell text it comes from.
    ``value_base`` is the value in base units (亿元 → 元) and ``base_unit``
    that unit, as the extractor gives them, so units it knows can be compared.
    """

    indicator: str
    measure: str  # level | growth | rate
    value: float
    unit: str | None
    year: int | None
    source: str
    quote: str = ""
    indicator_id: str | None = None
    comparator: str = "="
    value_max: float | None = None
    value_base: float | None = None
    base_unit: str | None = None
    start: int | None = None  # offsets in the source report, when it is one
    period_average: bool = False  # a multi-year average (年均增长), not one year's value

    @classmethod
    def from_figure(cls, figure: Figure, source: str, average_cues: tuple[str, ...] = ()) -> Actual:
        """An ``actual`` figure of a report as an :class:`Actual`.

        ``average_cues`` (年均 …) just before the number mark it a multi-year average.
        """
        before = words_before(figure.quote, figure.text)
        return cls(
            indicator=figure.indicator,
            measure=figure.measure,
            value=figure.value,
            unit=figure.unit,
            year=figure.year,
            source=source,
            quote=figure.quote,
            indicator_id=figure.indicator_id,
            comparator=figure.comparator,
            value_max=figure.value_max,
            value_base=figure.value_base,
            base_unit=figure.base_unit,
            start=figure.start,
            period_average=any(cue in before for cue in average_cues),
        )


@dataclass(slots=True)
class Fulfilment:
    """The verdict on one target: paired actual, how sure the pairing is, why."""

    target: Figure
    actual: Actual | None
    verdict: Verdict
    reason: str
    pairing: Pairing = Pairing.NONE
    similarity: float = 0.0
    scope: str = "main"  # main (主要预期目标) | task (a task-level target)
    clause_verdict: Verdict | None = None  # for one part of a multi-part target: the whole clause's
    clause_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` record: one object per target."""
        t = self.target
        return {
            "indicator": t.indicator,
            "indicator_id": t.indicator_id,
            "measure": t.measure,
            "year": t.year,
            "scope": self.scope,
            "area": t.area,
            "target": {
                "value": t.value,
                "value_max": t.value_max,
                "unit": t.unit,
                "comparator": t.comparator,
                "quote": t.quote,
            },
            "actual": None
            if self.actual is None
            else {
                "value": self.actual.value,
                "unit": self.actual.unit,
                "source": self.actual.source,
                "indicator": self.actual.indicator,
                "measure": self.actual.measure,
                "comparator": self.actual.comparator,
                "quote": self.actual.quote,
            },
            "verdict": self.verdict.value,
            "pairing": self.pairing.value,
            "reason": self.reason,
            "clause": None
            if self.clause_verdict is None
            else {"verdict": self.clause_verdict.value, "reason": self.clause_reason},
        }
