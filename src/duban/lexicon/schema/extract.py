"""Schemas of the extractor's data files: units, exclusions, cues, indicators."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from duban.lexicon.schema.base import Strict as _Strict
from duban.lexicon.schema.base import compiles as _compiles

# --- units.yaml -------------------------------------------------------------


class UnitEntry(_Strict):
    name: str = Field(min_length=1)
    base: str | None
    factor: float = 1.0
    scalable: bool = False
    measure: str | None = None  # percent | points | multiple
    category: str | None = None  # money
    needs_before: list[str] = Field(default_factory=list)
    needs_scale: bool = False
    decimal_ok: bool = False
    not_before: list[str] = Field(default_factory=list)
    excluded: bool = False

    @field_validator("measure")
    @classmethod
    def _measure(cls, value: str | None) -> str | None:
        if value not in (None, "percent", "points", "multiple"):
            raise ValueError(f"unknown unit measure {value!r}")
        return value


class BareNumbers(_Strict):
    ordinal: str = "第"
    ends: str = "，。；"
    end_words: list[str] = Field(default_factory=list)
    index_words: list[str] = Field(default_factory=list)
    index_links: list[str] = Field(default_factory=list)


class UnitsFile(_Strict):
    scales: dict[str, float]
    standalone_scales: list[str] = Field(default_factory=list)
    units: list[UnitEntry]
    per: list[str] = Field(default_factory=list)
    qualifier_brackets: list[str] = Field(default_factory=list)
    bare: BareNumbers = Field(default_factory=BareNumbers)

    @model_validator(mode="after")
    def _unique(self) -> UnitsFile:
        names = [u.name for u in self.units]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"duplicate units: {sorted(dupes)}")
        return self


# --- exclusions.yaml --------------------------------------------------------


class ExclusionPattern(_Strict):
    name: str
    regex: str

    _check = field_validator("regex")(classmethod(lambda cls, v: _compiles(v)))


class ExclusionsFile(_Strict):
    patterns: list[ExclusionPattern]
    delimiting: list[str]
    label_suffixes: list[str] = Field(default_factory=list)
    ordinal_prefix: str = "第"
    ordinal_units: list[str] = Field(default_factory=list)


# --- cues.yaml --------------------------------------------------------------

COMPARATORS = ("=", ">=", "<=", ">", "<", "~", "range")


def _comparators(mapping: dict[str, str]) -> dict[str, str]:
    for word, comp in mapping.items():
        if comp not in COMPARATORS:
            raise ValueError(f"unknown comparator {comp!r} for {word!r}")
    return mapping


class GrowthVerbs(_Strict):
    increase: list[str]
    decrease: list[str]


class KindCues(_Strict):
    background_patterns: list[str]
    current_year_paragraph: list[str]
    actual_sentence: list[str]

    @field_validator("background_patterns")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        return [_compiles(p) for p in value]


class YearCues(_Strict):
    this_year: list[str]
    last_year: list[str]


class IndicatorCues(_Strict):
    leading: list[str]
    leading_patterns: list[str]
    remove_patterns: list[str] = Field(default_factory=list)
    trailing: list[str]
    trailing_growth: list[str]
    cut_after: list[str]
    generic: list[str]
    post_stop: list[str]
    name_list_marks: list[str]
    post_list_verbs: list[str] = Field(default_factory=list)
    from_window: int = 6
    list_heads: list[str]
    protected: list[str] = Field(default_factory=list)
    paired_qualifiers: list[str] = Field(default_factory=list)
    short_item: int = 3
    max_length: int = 40
    region_prefixes: list[str]

    @field_validator("leading_patterns", "remove_patterns")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        return [_compiles(p) for p in value]


class MainTargetCues(_Strict):
    cues: list[str]
    colon_window: int = 12
    commentary: list[str]


class CuesFile(_Strict):
    clause_breaks: str
    list_separators: list[str]
    run_separators: list[str]
    respective: list[str]
    each: list[str]
    comparators_before: dict[str, str]
    comparators_after: dict[str, str]
    approx_in_number: dict[str, str]
    range_separators: list[str]
    growth_verbs: GrowthVerbs
    to_level_verbs: list[str]
    from_words: list[str]
    rate_suffixes: list[str]
    per_markers: list[str]
    share_words: list[str]
    kind: KindCues
    main_targets: MainTargetCues
    respective_expansions: dict[str, list[str]] = Field(default_factory=dict)
    year: YearCues
    indicator: IndicatorCues

    _c1 = field_validator("comparators_before", "comparators_after", "approx_in_number")(
        classmethod(lambda cls, v: _comparators(v))
    )


# --- indicators.yaml --------------------------------------------------------


class IndicatorEntry(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    names: list[str] = Field(min_length=1)


class IndicatorsFile(_Strict):
    indicators: list[IndicatorEntry]

    @model_validator(mode="after")
    def _unique(self) -> IndicatorsFile:
        ids = [i.id for i in self.indicators]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"duplicate indicator ids: {sorted(dupes)}")
        owner: dict[str, str] = {}
        for entry in self.indicators:
            for name in entry.names:
                if name in owner and owner[name] != entry.id:
                    raise ValueError(f"name {name!r} belongs to both {owner[name]} and {entry.id}")
                owner[name] = entry.id
        return self
