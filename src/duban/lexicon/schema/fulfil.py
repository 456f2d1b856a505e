"""Schema of fulfil.yaml (duban.ledger.settings): tolerances, scales, indicator vocabulary."""

from __future__ import annotations

from pydantic import Field, model_validator

from duban.lexicon.schema.base import Strict as _Strict

# ==========================================================================
# fulfil.yaml (duban.ledger.settings): tolerances, unit scales and the
# vocabulary the fulfilment check uses to compare indicators.
# ==========================================================================


class FulfilBand(_Strict):
    points: float = Field(ge=0)
    relative: float = Field(ge=0)


class FulfilSimilarity(_Strict):
    sure: float = Field(gt=0, le=1)
    floor: float = Field(gt=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> FulfilSimilarity:
        if self.floor >= self.sure:
            raise ValueError("floor must be below sure")
        return self


class FulfilFile(_Strict):
    tolerance: FulfilBand
    partly_margin: FulfilBand
    unit_scales: dict[str, tuple[str, float]]
    lower_is_better: list[str]
    indicator_noise: list[str]
    indicator_synonyms: dict[str, list[str]]
    similarity: FulfilSimilarity
    distinct_words: list[list[str]] = Field(default_factory=list)
    covering_words: dict[str, list[str]] = Field(default_factory=dict)
    related_indicators: list[list[str]] = Field(default_factory=list)
    average_cues: list[str] = Field(default_factory=list)
    stretch_cues: list[str] = Field(default_factory=list)
    action_prefixes: list[str] = Field(default_factory=list)
    period_part_cues: list[str] = Field(default_factory=list)
    flow_prefixes: list[str] = Field(default_factory=list)
    cumulative_prefixes: list[str] = Field(default_factory=list)
    trailing_noise: list[str] = Field(default_factory=list)
    equivalent_words: list[list[str]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _variants_once(self) -> FulfilFile:
        seen: dict[str, str] = {}
        for canonical, variants in self.indicator_synonyms.items():
            for variant in variants:
                if variant in seen and seen[variant] != canonical:
                    raise ValueError(f"{variant} is a variant of both {seen[variant]} and {canonical}")
                seen[variant] = canonical
        return self
