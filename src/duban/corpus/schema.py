"""The five corpus tables and their Arrow schemas.

Every table starts with the report key (``file``: the path relative to the
corpus folder, with ``/`` separators, and ``sha256`` of its bytes), so rows
join across tables and a resumed run can tell which files are done. The
``figures`` columns follow :class:`~duban.model.Figure` field by field, so a
field added to the model appears in the table without a change here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

import pyarrow as pa

from duban.model import Figure

KEY_FIELDS: list[pa.Field[Any]] = [
    pa.field("file", pa.string(), nullable=False),
    pa.field("sha256", pa.string()),
]

_SCALARS: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
}


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a scalar dataclass annotation (``int | None`` → int64).

    Enums become strings (their value); anything else not scalar is stored as
    its string form, because CSV, the other output format, has no nested types.
    """
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return arrow_type(args[0]) if len(args) == 1 else pa.string()
    if isinstance(annotation, type):
        for py, arrow in _SCALARS.items():
            if issubclass(annotation, py):
                return pa.string() if issubclass(annotation, str) else arrow
    return pa.string()


def dataclass_fields(cls: type, *, skip: frozenset[str] = frozenset()) -> list[pa.Field[Any]]:
    """Arrow fields for the scalar fields of a dataclass, in declaration order."""
    hints = typing.get_type_hints(cls)
    out: list[pa.Field[Any]] = []
    for f in dataclasses.fields(cls):
        if f.name in skip or f.name.startswith("_"):
            continue
        hint = hints[f.name]
        origin = typing.get_origin(hint)
        if origin in (list, dict, tuple, set):
            continue
        out.append(pa.field(f.name, arrow_type(hint)))
    return out


REPORTS = pa.schema(
    KEY_FIELDS
    + [
        pa.field("size", pa.int64()),
        pa.field("format", pa.string()),
        pa.field("encoding", pa.string()),
        pa.field("chars", pa.int64()),
        pa.field("body_end", pa.int64()),
        pa.field("title", pa.string()),
        pa.field("region", pa.string()),
        pa.field("region_full", pa.string()),
        pa.field("level", pa.string()),
        pa.field("region_code", pa.string()),
        pa.field("year", pa.int64()),
        pa.field("review_year", pa.int64()),
        pa.field("delivered_on", pa.string()),
        pa.field("session", pa.string()),
        pa.field("speaker_name", pa.string()),
        pa.field("speaker_title", pa.string()),
        pa.field("paragraphs", pa.int64()),
        pa.field("sentences", pa.int64()),
        pa.field("sections", pa.int64()),
        pa.field("glossary_terms", pa.int64()),
        pa.field("figures", pa.int64()),
        pa.field("main_targets_found", pa.bool_()),  # the parser found the 主要预期目标 paragraph
        pa.field("main_targets", pa.int64()),
        pa.field("tasks", pa.int64()),
        pa.field("status", pa.string()),
    ]
)

FIGURES = pa.schema(
    KEY_FIELDS
    + [pa.field("ordinal", pa.int64()), pa.field("section", pa.string())]
    + dataclass_fields(Figure)
)

ERRORS = pa.schema(
    KEY_FIELDS
    + [
        pa.field("size", pa.int64()),
        pa.field("stage", pa.string()),
        pa.field("code", pa.string()),
        pa.field("message", pa.string()),
        pa.field("exception", pa.string()),
    ]
)

TASKS = pa.schema(
    KEY_FIELDS
    + [
        pa.field("id", pa.string()),
        pa.field("seq", pa.int64()),
        pa.field("kind", pa.string()),
        pa.field("role", pa.string()),
        pa.field("area_index", pa.int64()),
        pa.field("area_number", pa.string()),
        pa.field("area_title", pa.string()),
        pa.field("theme_index", pa.int64()),
        pa.field("theme_title", pa.string()),
        pa.field("title", pa.string()),
        pa.field("text", pa.string()),
        pa.field("start", pa.int64()),
        pa.field("end", pa.int64()),
        pa.field("targets", pa.int64()),
        pa.field("target_ordinals", pa.string()),  # figures.ordinal, joined by ";"
        pa.field("mentions", pa.string()),  # joined by "；"
        pa.field("deadline", pa.string()),
        pa.field("deadline_text", pa.string()),
        pa.field("deadline_explicit", pa.bool_()),
        pa.field("lead", pa.string()),  # department names, joined by "；"
        pa.field("lead_keys", pa.string()),  # department keys, joined by ";"
        pa.field("lead_rules", pa.string()),
        pa.field("co", pa.string()),
        pa.field("co_keys", pa.string()),
    ]
)

MAIN_TARGETS = pa.schema(
    KEY_FIELDS
    + [
        pa.field("ordinal", pa.int64()),
        pa.field("quantified", pa.bool_()),
        pa.field("figure_ordinal", pa.int64()),  # figures.ordinal of its figure, if quantified
        pa.field("indicator", pa.string()),
        pa.field("indicator_id", pa.string()),
        pa.field("measure", pa.string()),
        pa.field("value", pa.float64()),
        pa.field("value_max", pa.float64()),
        pa.field("unit", pa.string()),
        pa.field("comparator", pa.string()),
        pa.field("year", pa.int64()),
        pa.field("text", pa.string()),
        pa.field("start", pa.int64()),
        pa.field("end", pa.int64()),
        pa.field("quote", pa.string()),
    ]
)

SCHEMAS: dict[str, pa.Schema] = {
    "reports": REPORTS,
    "figures": FIGURES,
    "main_targets": MAIN_TARGETS,
    "tasks": TASKS,
    "errors": ERRORS,
}
