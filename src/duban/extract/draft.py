"""The working state of extraction: one Draft per quantity, one Doc per report.

Stages in ``pipeline.py`` and ``naming.py`` read and write these fields; each
stage declares which (``Stage.requires``/``assigns``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duban.extract.clauses import Bounds
from duban.extract.units import Quantity
from duban.model import Report, Role

GROWTH_UNITS = ("percent", "points", "multiple")
# A quote reaches at most this far before and after its figure, so that a
# clause without breaks (a megabyte of "1%") cannot make output quadratic.
QUOTE_REACH = 120


@dataclass(slots=True)
class Draft:
    """One quantity on its way to becoming one or more figures."""

    q: Quantity
    bounds: Bounds | None = None
    pre_raw: str = ""  # clause text between the previous quantity (or clause start) and this one
    gap_after: str = ""  # clause text between this quantity and the next (or clause end)
    run: int = 0  # quantities joined by 、/和 with nothing else between share a run id
    comparator: str = "="
    sign: int = 0
    indicators: list[str] = field(default_factory=list)
    source_start: int | None = None  # where the indicator was found, for the quote
    measure: str = "level"
    kind: str = "actual"
    year: int | None = None
    role: Role = Role.PREAMBLE
    ids: list[str | None] = field(default_factory=list)
    part: str | None = None
    area: str | None = None
    theme: str | None = None


@dataclass(slots=True)
class Doc:
    """The working state the stages share."""

    report: Report
    folded: str
    quantities: list[Quantity] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # clause-break offsets
    drafts: list[Draft] = field(default_factory=list)
