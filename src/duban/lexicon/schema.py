"""A pydantic schema for each data file, checked as the file loads.

As dateparser's ``LanguageValidator`` does for its language files, every key
and type of ``units.yaml``, ``cues.yaml``, ``exclusions.yaml`` and
``indicators.yaml`` is declared here; an unknown key or a wrong type is an
error (``D302``) that names the file, not a crash deep in the extractor.
:func:`load_checked` is the way extraction code reads these files.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from duban.errors import DubanError, ErrorCode
from duban.lexicon.load import data_dir_override, load_data


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
    return pattern


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


class PdfGlyphsFile(BaseModel):
    """pdf_glyphs.yaml: radicals that PDF text layers give for ideographs, each with its ideograph."""

    model_config = ConfigDict(extra="forbid")
    radicals: dict[str, str]

    @model_validator(mode="after")
    def _single_characters(self) -> PdfGlyphsFile:
        bad = [k for k, v in self.radicals.items() if len(k) != 1 or len(v) != 1]
        if bad:
            raise ValueError(f"entries must map one character to one character: {bad[:5]}")
        return self


SCHEMAS: dict[str, type[BaseModel]] = {
    "pdf_glyphs.yaml": PdfGlyphsFile,
    "units.yaml": UnitsFile,
    "exclusions.yaml": ExclusionsFile,
    "cues.yaml": CuesFile,
    "indicators.yaml": IndicatorsFile,
}

M = TypeVar("M", bound=BaseModel)


@lru_cache(maxsize=32)
def _checked(name: str, override: str | None) -> BaseModel:
    raw: Any = load_data(name)
    try:
        return SCHEMAS[name].model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DubanError(ErrorCode.BAD_CATALOGUE, f"duban/data/{name}", detail=f"{where}: {first['msg']}") from None


def load_checked(name: str, model: type[M]) -> M:
    """Data file ``name`` validated against ``model`` (its entry in SCHEMAS)."""
    if SCHEMAS.get(name) is not model:
        raise KeyError(f"{name} is not validated by {model.__name__}")
    override = data_dir_override()
    result = _checked(name, str(override) if override else None)
    assert isinstance(result, model)
    return result


def clear_cache() -> None:
    """Forget loaded files (tests that change ``DUBAN_DATA_DIR`` call this)."""
    _checked.cache_clear()
    load_data.cache_clear()  # type: ignore[attr-defined]


# ==========================================================================
# Ledger data files (duban.ledger, duban.export): commitments.yaml,
# deadlines.yaml, mentions.yaml, departments.yaml, assign_rules.yaml,
# xlsx_layout.yaml. Read through :func:`validated`.
# ==========================================================================


def validated(name: str, schema: type[M]) -> M:
    """Data file ``name`` checked against ``schema`` (cached; D302 when invalid)."""
    return load_checked(name, schema)


class NonCommitmentPattern(_Strict):
    reason: Literal["heading", "framing", "slogan", "no_action"]
    pattern: str

    _regex = field_validator("pattern")(classmethod(lambda cls, v: _compiles(v)))


class LedgerLabels(_Strict):
    ledger_title: str
    year_suffix: str
    main_targets_area: str


class CommitmentLexicon(_Strict):
    """commitments.yaml: what makes a plan sentence a task, and what does not."""

    commitment_verbs: list[str] = Field(min_length=1)
    non_commitment_patterns: list[NonCommitmentPattern]
    labels: LedgerLabels


class DeadlinePattern(_Strict):
    pattern: str
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | Literal["end"] | None = None

    _regex = field_validator("pattern")(classmethod(lambda cls, v: _compiles(v)))

    @model_validator(mode="after")
    def _month_known(self) -> DeadlinePattern:
        if self.month is None and "(?P<m>" not in self.pattern:
            raise ValueError("a deadline pattern needs a month or a (?P<m>…) group")
        return self


class DefaultDeadline(_Strict):
    month: int = Field(ge=1, le=12)
    day: int | Literal["end"]


class DeadlineRules(_Strict):
    """deadlines.yaml: explicit deadlines (年底前, 6月底前, 上半年 …)."""

    default: DefaultDeadline
    month_words: dict[str, int]
    patterns: list[DeadlinePattern]


class MentionSuffixes(_Strict):
    project: list[str] = Field(default_factory=list)
    place: list[str] = Field(default_factory=list)
    facility: list[str] = Field(default_factory=list)


class MentionRules(_Strict):
    """mentions.yaml: named projects, places and facilities in a task."""

    separators: str
    min_name_chars: int = Field(ge=1)
    count_classifiers: str
    suffixes: MentionSuffixes
    lead_words: list[str]
    trail_words: list[str]
    generic_prefixes: list[str]


LEVELS = ("county", "city", "province", "national")


class DepartmentEntry(_Strict):
    """One department of departments.yaml, with its name at each level."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    category: str
    county: str
    city: str
    province: str
    national: str | None = None
    full: str | None = None  # full county-level name
    aliases: list[str] = Field(default_factory=list)


class DepartmentCatalogueFile(_Strict):
    """departments.yaml: the seed catalogue of a typical government's departments."""

    county_prefixes: dict[str, str]
    departments: list[DepartmentEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> DepartmentCatalogueFile:
        keys = [d.key for d in self.departments]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise ValueError(f"duplicate department keys: {', '.join(dupes)}")
        return self


class AssignRule(_Strict):
    """One keyword rule: words in a task that point to a lead department."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    keywords: list[str] = Field(min_length=1)
    lead: str
    co: list[str] = Field(default_factory=list)
    weight: float = Field(default=1.0, gt=0)
    # longer words a keyword stands inside without meaning what the rule means
    # (高质量 for 质量): a keyword found inside one of them does not count
    unless: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unless_holds_a_keyword(self) -> AssignRule:
        for word in self.unless:
            if not any(kw in word and kw != word for kw in self.keywords):
                raise ValueError(f"rule {self.id}: unless word {word!r} holds none of its keywords")
        return self


class AssignRulesFile(_Strict):
    """assign_rules.yaml: keyword rules that suggest lead and co-departments."""

    fallback: str
    theme_weight: float = Field(default=0.5, ge=0)
    area_weight: float = Field(default=0.25, ge=0)
    max_co: int = Field(default=3, ge=0)
    co_share: float = Field(default=0.5, ge=0, le=1)
    max_repeats: int = Field(default=3, ge=1)
    rules: list[AssignRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> AssignRulesFile:
        ids = [r.id for r in self.rules]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate rule ids: {', '.join(dupes)}")
        return self


class XlsxColumn(_Strict):
    key: str
    header: str
    width: float = Field(gt=0)


class XlsxDeadlineFormats(_Strict):
    month_end: str
    year_end: str
    day: str


class XlsxLayout(_Strict):
    """xlsx_layout.yaml: the printed 任务分解表 (sheet names, columns, fonts, footer)."""

    tasks_sheet: str
    targets_sheet: str
    targets_title: str
    columns: list[XlsxColumn]
    target_columns: list[XlsxColumn]
    comparators: dict[str, str]
    measures: dict[str, str]
    growth_words: dict[Literal["up", "down"], str]
    change_words: list[str] = []
    part_band: str
    area_band: str
    main_targets_band: str
    deadline: XlsxDeadlineFormats
    fonts: dict[Literal["title", "header", "body"], str]
    sizes: dict[Literal["title", "header", "band", "body"], float]
    fills: dict[Literal["header", "part", "area"], str]
    footer: str

    @model_validator(mode="after")
    def _columns(self) -> XlsxLayout:
        need = {"seq", "work", "text", "targets", "lead", "co", "deadline"}
        have = {c.key for c in self.columns}
        if have != need:
            raise ValueError(f"columns must be exactly {sorted(need)}")
        return self


# --- report_structure.yaml, regions.yaml (duban.parse) ------------------------


class NationalRegion(_Strict):
    region: str
    region_code: str = Field(pattern=r"^\d{6}$")
    cues: list[str] = Field(min_length=1)


class SessionWords(_Strict):
    congress: str
    national_congress: str
    meeting: str


_ROLE_KEYS = ("governance", "annex", "review", "plan")


class MainTargetsCues(_Strict):
    cues: list[str] = Field(min_length=1)
    introducers: list[str]
    introducer_window: int = Field(ge=1)
    this_year: list[str]
    period_markers: list[str]


class RoleMarkers(_Strict):
    review: list[str] = Field(min_length=1)
    plan: list[str] = Field(min_length=1)


class RegionShortName(_Strict):
    suffix: str = Field(min_length=1)
    short: str = Field(min_length=1)
    prefix_lengths: list[int] = Field(min_length=1)


class ReportStructureFile(_Strict):
    """report_structure.yaml: the words of a report's header, headings and annex."""

    title_cues: list[str] = Field(min_length=1)
    salutations: list[str] = Field(min_length=1)
    header_limit: int = Field(ge=50)
    speaker_titles: list[str] = Field(min_length=1)
    name_joiners: list[str]
    name_stops: list[str]
    name_stop_words: list[str]
    national: NationalRegion
    division_suffixes: list[str]
    region_short_names: list[RegionShortName]
    government_markers: list[str] = Field(min_length=1)
    government_levels: dict[str, Literal["province", "city", "county"]]
    session: SessionWords
    part_roles: dict[str, list[str]]
    role_markers_min: int = Field(ge=0)
    role_markers: RoleMarkers
    distant_plan_words: list[str]
    unnumbered_part_max: int = Field(ge=4)
    unnumbered_part_cues: list[str] = Field(min_length=1)
    heading_title_max: int = Field(ge=4)
    theme_max: int = Field(ge=2)
    theme_min: int = Field(ge=1)
    theme_separators: list[str]
    theme_leads: list[str]
    main_targets: MainTargetsCues
    annex_cues: list[str] = Field(min_length=1)
    annex_line_max: int = Field(ge=2)
    glossary_cues: list[str]
    glossary_term_max: int = Field(ge=2)
    glossary_bullets: list[str]
    inline_item_suffixes: list[str]

    @model_validator(mode="after")
    def _roles(self) -> ReportStructureFile:
        if sorted(self.part_roles) != sorted(_ROLE_KEYS):
            raise ValueError(f"part_roles must have exactly the keys {list(_ROLE_KEYS)}")
        titles = self.speaker_titles
        for i, title in enumerate(titles):
            # a title must come before any shorter title it contains (代区长 before 区长)
            for shorter in titles[:i]:
                if shorter in title:
                    raise ValueError(f"speaker title {title!r} must come before {shorter!r}")
        return self


class RegionsFile(_Strict):
    """regions.yaml (generated): GB/T 2260 code → name, plus codes of earlier revisions."""

    revision: str = Field(pattern=r"^\d{6}$")
    divisions: dict[str, str]
    former: dict[str, tuple[str, str]]

    @field_validator("divisions")
    @classmethod
    def _codes(cls, value: dict[str, str]) -> dict[str, str]:
        bad = [code for code in value if not re.fullmatch(r"[1-8]\d{5}", code)]
        if bad:
            raise ValueError(f"not GB/T 2260 codes: {bad[:3]}")
        return value


SCHEMAS.update({"report_structure.yaml": ReportStructureFile, "regions.yaml": RegionsFile})


SCHEMAS.update({
    "commitments.yaml": CommitmentLexicon,
    "deadlines.yaml": DeadlineRules,
    "mentions.yaml": MentionRules,
    "departments.yaml": DepartmentCatalogueFile,
    "assign_rules.yaml": AssignRulesFile,
    "xlsx_layout.yaml": XlsxLayout,
})


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
    distinct_words: list[list[str]] = []
    covering_words: dict[str, list[str]] = {}
    related_indicators: list[list[str]] = []
    average_cues: list[str] = []
    action_prefixes: list[str] = []
    period_part_cues: list[str] = []
    flow_prefixes: list[str] = []
    cumulative_prefixes: list[str] = []
    trailing_noise: list[str] = []
    equivalent_words: list[list[str]] = []

    @model_validator(mode="after")
    def _variants_once(self) -> FulfilFile:
        seen: dict[str, str] = {}
        for canonical, variants in self.indicator_synonyms.items():
            for variant in variants:
                if variant in seen and seen[variant] != canonical:
                    raise ValueError(f"{variant} is a variant of both {seen[variant]} and {canonical}")
                seen[variant] = canonical
        return self


SCHEMAS["fulfil.yaml"] = FulfilFile
