"""Build a Report and figures for the sample from the hand-made gold files.

The ledger is tested against the gold section tree (areas, themes) and the
gold figures, so its tests do not depend on the parser's or the extractor's
current quality. Only structure the gold states is used: part, area and theme
starts and titles, and the main expected targets paragraph.
"""

from __future__ import annotations

import json
from pathlib import Path

from duban.model import Figure, Report, Role, Section, SectionKind
from duban.parse import parse_text

# The sample's three parts, in order: the review, the plan, the governance part.
_PART_ROLES = (Role.REVIEW, Role.PLAN, Role.GOVERNANCE)


def load_gold_figures(path: Path) -> list[Figure]:
    """Every gold record of ``path`` (spec/figures.md) as a Figure."""
    out: list[Figure] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            fields = {k: rec.get(k) for k in (
                "start", "end", "text", "kind", "year", "indicator", "measure",
                "value", "value_max", "unit", "comparator", "quote")}
            out.append(Figure(**fields))
    return out


def _title_end(text: str, start: int, title: str) -> int:
    at = text.find(title, start)
    return at + len(title) if at >= 0 else start


def gold_report(text: str, meta: dict) -> Report:
    """A Report of ``text`` whose section tree and roles come from ``meta``."""
    report = parse_text(text)
    body_end = meta["body_end"]
    parts = meta["sections"]
    sections: list[Section] = []
    for p_i, part in enumerate(parts):
        p_end = parts[p_i + 1]["start"] if p_i + 1 < len(parts) else body_end
        role = _PART_ROLES[p_i] if p_i < len(_PART_ROLES) else Role.PLAN
        t_end = _title_end(text, part["start"], part["title"])
        node = Section(SectionKind.PART, part["number"], part["title"], part["start"], p_end,
                       t_end - len(part["title"]), t_end, role)
        areas = part.get("children", [])
        for a_i, area in enumerate(areas):
            a_end = areas[a_i + 1]["start"] if a_i + 1 < len(areas) else p_end
            at_end = _title_end(text, area["start"], area["title"])
            a_node = Section(SectionKind.AREA, area["number"], area["title"], area["start"], a_end,
                             at_end - len(area["title"]), at_end, role)
            themes = area.get("themes", [])
            for t_i, theme in enumerate(themes):
                th_end = themes[t_i + 1]["start"] if t_i + 1 < len(themes) else a_end
                a_node.children.append(Section(
                    SectionKind.THEME, None, theme["title"], theme["start"], th_end,
                    theme["start"], theme["start"] + len(theme["title"]), role))
            node.children.append(a_node)
        sections.append(node)
    mt = meta.get("main_targets_paragraph")
    if mt:
        para = next(p for p in report.paragraphs if p.start == mt["start"])
        report.main_targets = (para.start, para.end)
    report.sections = sections
    report.body_end = body_end
    report.metadata.year = meta.get("year")
    report.metadata.region = meta.get("region")
    report.metadata.level = meta.get("level")
    return report
