"""A pydantic schema for each data file, checked as the file loads.

As dateparser's ``LanguageValidator`` does for its language files, every key
and type of every file in ``duban/data/`` is declared in this package, one
module per stage; an unknown key or a wrong type is an error (``D302``) that
names the file, not a crash deep in the code that reads it. :func:`load_checked`
(alias :func:`validated`) is the way code reads these files.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from duban.errors import DubanError, ErrorCode
from duban.lexicon.load import data_dir_override, load_data
from duban.lexicon.schema.extract import CuesFile, ExclusionsFile, IndicatorsFile, UnitEntry, UnitsFile
from duban.lexicon.schema.fulfil import FulfilFile
from duban.lexicon.schema.ingest import PdfGlyphsFile
from duban.lexicon.schema.ledger import (
    LEVELS,
    AssignRule,
    AssignRulesFile,
    CommitmentLexicon,
    DeadlineRules,
    DepartmentCatalogueFile,
    LedgerLabels,
    MentionRules,
    XlsxColumn,
    XlsxLayout,
)
from duban.lexicon.schema.parse import RegionsFile, ReportStructureFile

SCHEMAS: dict[str, type[BaseModel]] = {
    "pdf_glyphs.yaml": PdfGlyphsFile,
    "units.yaml": UnitsFile,
    "exclusions.yaml": ExclusionsFile,
    "cues.yaml": CuesFile,
    "indicators.yaml": IndicatorsFile,
    "report_structure.yaml": ReportStructureFile,
    "regions.yaml": RegionsFile,
    "commitments.yaml": CommitmentLexicon,
    "deadlines.yaml": DeadlineRules,
    "mentions.yaml": MentionRules,
    "departments.yaml": DepartmentCatalogueFile,
    "assign_rules.yaml": AssignRulesFile,
    "xlsx_layout.yaml": XlsxLayout,
    "fulfil.yaml": FulfilFile,
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


def validated(name: str, schema: type[M]) -> M:
    """Data file ``name`` checked against ``schema`` (cached; D302 when invalid)."""
    return load_checked(name, schema)


__all__ = [
    "LEVELS",
    "SCHEMAS",
    "AssignRule",
    "AssignRulesFile",
    "CommitmentLexicon",
    "CuesFile",
    "DeadlineRules",
    "DepartmentCatalogueFile",
    "ExclusionsFile",
    "FulfilFile",
    "IndicatorsFile",
    "LedgerLabels",
    "MentionRules",
    "PdfGlyphsFile",
    "RegionsFile",
    "ReportStructureFile",
    "UnitEntry",
    "UnitsFile",
    "XlsxColumn",
    "XlsxLayout",
    "clear_cache",
    "load_checked",
    "validated",
]
