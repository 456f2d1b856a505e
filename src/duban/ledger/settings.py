"""The fulfilment check's knobs, read from ``data/fulfil.yaml``.

Tolerances, unit scales, indicator direction and the comparison vocabulary
are wording knowledge, so they live in the data file (an office can override
any key from ``DUBAN_DATA_DIR``); ``lexicon.schema.FulfilFile`` validates it
and this module turns it into typed settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duban.lexicon.schema import FulfilFile, validated


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far from a 左右 target an actual may lie: ``points`` for percentages, ``relative`` otherwise."""

    points: float = 0.5
    relative: float = 0.02

    def band(self, target: float, unit: str | None) -> float:
        """The half-width of the band around ``target`` in ``unit``."""
        if is_percent(unit):
            return self.points
        return abs(target) * self.relative


@dataclass(frozen=True, slots=True)
class FulfilSettings:
    """Everything the verdict rules and the pairing read, typed."""

    tolerance: Tolerance = Tolerance()
    partly_margin: Tolerance = Tolerance(0.5, 0.05)
    unit_scales: dict[str, tuple[str, float]] = field(default_factory=dict)
    lower_is_better: tuple[str, ...] = ()
    indicator_noise: tuple[str, ...] = ()
    synonyms: dict[str, str] = field(default_factory=dict)  # variant -> canonical name
    sure: float = 0.8
    floor: float = 0.5
    distinct_words: tuple[tuple[str, ...], ...] = ()
    covering_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    related: tuple[frozenset[str], ...] = ()
    average_cues: tuple[str, ...] = ()
    stretch_cues: tuple[str, ...] = ()
    action_prefixes: tuple[str, ...] = ()
    period_part_cues: tuple[str, ...] = ()
    flow_prefixes: tuple[str, ...] = ()
    cumulative_prefixes: tuple[str, ...] = ()
    trailing_noise: tuple[str, ...] = ()
    equivalent_words: dict[str, str] = field(default_factory=dict)  # word -> the word it is written as


def is_percent(unit: str | None) -> bool:
    """Percent and percentage points (个百分点) share the points tolerance."""
    return unit is not None and (unit in ("%", "％") or unit.endswith("百分点"))


def load_settings(tolerance_points: float | None = None) -> FulfilSettings:
    """The settings from ``fulfil.yaml``; ``tolerance_points`` overrides the 左右 band.

    Raises:
        DubanError(BAD_CATALOGUE): the data file does not match its schema.
    """
    data = validated("fulfil.yaml", FulfilFile)
    synonyms: dict[str, str] = {}
    for canonical, variants in data.indicator_synonyms.items():
        for variant in [canonical, *variants]:
            synonyms[variant] = canonical
    points = data.tolerance.points if tolerance_points is None else tolerance_points
    return FulfilSettings(
        tolerance=Tolerance(points, data.tolerance.relative),
        partly_margin=Tolerance(data.partly_margin.points, data.partly_margin.relative),
        unit_scales=dict(data.unit_scales),
        lower_is_better=tuple(data.lower_is_better),
        indicator_noise=tuple(data.indicator_noise),
        synonyms=synonyms,
        sure=data.similarity.sure,
        floor=data.similarity.floor,
        distinct_words=tuple(tuple(group) for group in data.distinct_words),
        covering_words={k: tuple(v) for k, v in data.covering_words.items()},
        related=tuple(frozenset(group) for group in data.related_indicators),
        average_cues=tuple(data.average_cues),
        stretch_cues=tuple(data.stretch_cues),
        action_prefixes=tuple(sorted(data.action_prefixes, key=len, reverse=True)),
        period_part_cues=tuple(data.period_part_cues),
        flow_prefixes=tuple(data.flow_prefixes),
        cumulative_prefixes=tuple(data.cumulative_prefixes),
        trailing_noise=tuple(data.trailing_noise),
        equivalent_words={word: group[0] for group in data.equivalent_words for word in group[1:]},
    )
