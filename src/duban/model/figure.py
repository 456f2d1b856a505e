"""Figure: one quantified statement, exactly the fields of spec/figures.md.

``start``/``end`` hold the number with its unit; ``text`` is always
``report.text[start:end]``. The extra fields (``value_base``,
``indicator_id``, the section it sits in, the quote's span) serve the ledger,
the web app and the fulfilment check.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

KINDS = ("actual", "target", "other")
MEASURES = ("level", "growth", "rate")
COMPARATORS = ("=", ">=", "<=", ">", "<", "~", "range")


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    text: str
    kind: str  # actual | target | other
    year: int | None
    indicator: str
    measure: str  # level | growth | rate
    value: float
    value_max: float | None
    unit: str | None
    comparator: str  # = >= <= > < ~ range
    quote: str
    quote_start: int = 0
    quote_end: int = 0
    value_base: float | None = None
    base_unit: str | None = None
    indicator_id: str | None = None
    part: str | None = None  # titles of the section path, outermost first
    area: str | None = None
    theme: str | None = None
    role: str | None = None  # Role value of the section holding the figure

    def to_dict(self) -> dict[str, Any]:
        """The JSON record: the spec's fields first, then the extras."""
        return asdict(self)
