"""Model objects → table rows (plain dicts keyed by the schema's column names).

Only scalar values go into a row: CSV, the second output format, has no
nested types, so lists (a task's departments, its named projects) are joined
into one string and enums are stored as their value.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from duban.extract import MainTargets
from duban.model import Figure, Report, Source
from duban.model.ledger import Ledger, Task

Row = dict[str, Any]

LIST_SEP = "；"  # joins names (Chinese text)
KEY_SEP = ";"  # joins ids and keys


def _scalar(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def report_row(key: Row, source: Source, report: Report, counts: dict[str, int]) -> Row:
    """The ``reports`` row of a parsed file: provenance, metadata and sizes."""
    meta = report.metadata
    return {
        **key,
        "size": source.size,
        "format": source.format,
        "encoding": source.encoding,
        "chars": len(report.text),
        "body_end": report.body_end,
        "title": meta.title,
        "region": meta.region,
        "region_full": meta.region_full,
        "level": meta.level,
        "region_code": meta.region_code,
        "year": meta.year,
        "review_year": meta.review_year,
        "delivered_on": meta.delivered_on,
        "session": meta.session,
        "speaker_name": meta.speaker_name,
        "speaker_title": meta.speaker_title,
        "paragraphs": len(report.paragraphs),
        "sentences": len(report.sentences),
        "sections": sum(1 for _ in report.iter_sections()),
        "glossary_terms": len(report.glossary),
        "figures": counts["figures"],
        "main_targets_found": counts["main_targets_found"] > 0,
        "main_targets": counts["main_targets"],
        "tasks": counts["tasks"],
        "status": "parsed",
    }


def section_label(report: Report, offset: int) -> str | None:
    """Numbers and titles of the sections holding ``offset``, outermost first."""
    path = report.section_path(offset)
    if not path:
        return None
    return " > ".join(f"{s.number or ''}{s.title}" for s in path)


def figure_rows(key: Row, report: Report, figures: list[Figure]) -> list[Row]:
    """One ``figures`` row per figure: every model field plus its section path."""
    rows: list[Row] = []
    for i, fig in enumerate(figures):
        data = {k: _scalar(v) for k, v in fig.to_dict().items()}
        rows.append({**key, "ordinal": i, "section": section_label(report, fig.start), **data})
    return rows


def _names(suggestions: list[Any]) -> tuple[str | None, str | None, str | None]:
    if not suggestions:
        return None, None, None
    return (
        LIST_SEP.join(s.department for s in suggestions),
        KEY_SEP.join(s.department_key for s in suggestions),
        KEY_SEP.join(s.rule for s in suggestions),
    )


def task_row(key: Row, task: Task) -> Row:
    """The ``tasks`` row of one ledger task."""
    lead, lead_keys, lead_rules = _names(task.lead)
    co, co_keys, _ = _names(task.co)
    return {
        **key,
        "id": task.id,
        "seq": task.seq,
        "kind": task.kind,
        "role": task.role,
        "area_index": task.area_index,
        "area_number": task.area_number,
        "area_title": task.area_title,
        "theme_index": task.theme_index,
        "theme_title": task.theme_title,
        "title": task.title,
        "text": task.text,
        "start": task.start,
        "end": task.end,
        "targets": len(task.figures),
        "target_ordinals": KEY_SEP.join(str(i) for i in task.figure_indices) or None,
        "mentions": LIST_SEP.join(m.text for m in task.mentions) or None,
        "deadline": task.deadline,
        "deadline_text": task.deadline_text,
        "deadline_explicit": task.deadline_explicit,
        "lead": lead,
        "lead_keys": lead_keys,
        "lead_rules": lead_rules,
        "co": co,
        "co_keys": co_keys,
    }


def task_rows(key: Row, ledger: Ledger) -> list[Row]:
    return [task_row(key, t) for t in ledger.tasks]


def main_target_rows(key: Row, targets: MainTargets, figures: list[Figure]) -> list[Row]:
    """One ``main_targets`` row per target, quantified and qualitative, in text order.

    A quantified row repeats its figure's fields and points at its ``figures``
    row by ``figure_ordinal``; a qualitative one has only its clause and span.
    """
    ordinal = {id(f): i for i, f in enumerate(figures)}
    items: list[tuple[int, Row]] = []
    for fig in targets.quantified:
        items.append((fig.start, {
            "quantified": True,
            "figure_ordinal": ordinal.get(id(fig)),
            "indicator": fig.indicator,
            "indicator_id": fig.indicator_id,
            "measure": fig.measure,
            "value": fig.value,
            "value_max": fig.value_max,
            "unit": fig.unit,
            "comparator": fig.comparator,
            "year": fig.year,
            "text": fig.text,
            "start": fig.start,
            "end": fig.end,
            "quote": fig.quote,
        }))
    for q in targets.qualitative:
        items.append((q.start, {"quantified": False, "text": q.text, "start": q.start, "end": q.end}))
    items.sort(key=lambda item: item[0])
    return [{**key, "ordinal": i, **row} for i, (_, row) in enumerate(items)]
