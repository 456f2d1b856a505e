"""Schemas of the parser's data files: report_structure.yaml, regions.yaml."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from duban.lexicon.schema.base import Strict as _Strict

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


class GrowthStatement(_Strict):
    leads: list[str] = Field(min_length=1)
    subjects: list[str] = Field(min_length=1)
    verbs: list[str] = Field(min_length=1)


class MainTargetsCues(_Strict):
    cues: list[str] = Field(min_length=1)
    weak_cues: list[str]
    introducers: list[str]
    introducer_window: int = Field(ge=1)
    clause_introducers: list[str]
    percent_marks: list[str] = Field(min_length=1)
    this_year: list[str]
    review_this_year: list[str]
    proposal_words: list[str]
    past_markers: list[str]
    period_markers: list[str]
    plan_names: list[str]
    period_list_words: list[str]
    span_max: int = Field(ge=100)
    growth_statement: GrowthStatement


class RoleMarkers(_Strict):
    review: list[str] = Field(min_length=1)
    plan: list[str] = Field(min_length=1)


class RegionShortName(_Strict):
    suffix: str = Field(min_length=1)
    short: str = Field(min_length=1)
    prefix_lengths: list[int] = Field(min_length=1)


class Genre(_Strict):
    words: list[str] = Field(min_length=1)
    min_distinct: int = Field(ge=1)
    chars_per_word: int = Field(ge=1)


class ReportStructureFile(_Strict):
    """report_structure.yaml: the words of a report's header, headings and annex."""

    genre: Genre
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
