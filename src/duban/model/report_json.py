"""The whole document model as plain JSON-ready data (``duban parse --json``).

The text appears once, at the top; every other object carries its
``start``/``end`` offsets into it (and, for convenience, the short strings a
reader needs: titles, terms). The schema is documented in ``docs/report-json.md``.
"""

from __future__ import annotations

from typing import Any

from duban.model.report import Report, Section

SCHEMA_VERSION = 1


def section_to_dict(section: Section) -> dict[str, Any]:
    """One section and its children, recursively."""
    return {
        "kind": section.kind.value,
        "number": section.number,
        "title": section.title,
        "role": section.role.value,
        "start": section.start,
        "end": section.end,
        "title_start": section.title_start,
        "title_end": section.title_end,
        "children": [section_to_dict(c) for c in section.children],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """Every view of ``report`` as dicts, lists, strings and numbers."""
    m = report.metadata
    source = report.source
    return {
        "schema": SCHEMA_VERSION,
        "source": None
        if source is None
        else {
            "name": source.name,
            "path": source.path,
            "format": source.format,
            "encoding": source.encoding,
            "sha256": source.sha256,
            "size": source.size,
        },
        "metadata": {
            "title": m.title,
            "region": m.region,
            "region_full": m.region_full,
            "level": m.level,
            "region_code": m.region_code,
            "year": m.year,
            "review_year": m.review_year,
            "delivered_on": m.delivered_on,
            "session": m.session,
            "speaker": {"name": m.speaker_name, "title": m.speaker_title},
        },
        "length": len(report.text),
        "body_end": report.body_end,
        "main_targets": None
        if report.main_targets is None
        else {"start": report.main_targets[0], "end": report.main_targets[1]},
        "sections": [section_to_dict(s) for s in report.sections],
        "paragraphs": [{"start": p.start, "end": p.end} for p in report.paragraphs],
        "sentences": [{"start": s.start, "end": s.end, "paragraph": s.paragraph} for s in report.sentences],
        "glossary": [
            {
                "number": g.number,
                "term": g.term,
                "start": g.start,
                "end": g.end,
                "term_start": g.term_start,
                "term_end": g.term_end,
                "definition_start": g.definition_start,
                "definition_end": g.definition_end,
            }
            for g in report.glossary
        ],
        "text": report.text,
    }
