"""Schemas of the ledger's data files: commitments, deadlines, mentions, departments, rules, layout."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from duban.lexicon.schema.base import Strict as _Strict
from duban.lexicon.schema.base import compiles as _compiles


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
    change_words: list[str] = Field(default_factory=list)
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
