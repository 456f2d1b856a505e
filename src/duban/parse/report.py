"""Assemble a Report from a Source: the one entry point of ``parse/``.

The stages run in a fixed order, each reading only what the earlier ones
produced: front matter → paragraphs and sentences → body end (annex) →
metadata → sections (roles need the plan year) → main targets (need roles)
→ glossary.
"""

from __future__ import annotations

import bisect

from duban.model import Paragraph, Report, Source
from duban.parse.frontmatter import read_front_matter
from duban.parse.genre import check_genre
from duban.parse.glossary import find_body_end, parse_glossary
from duban.parse.metadata import parse_metadata
from duban.parse.sections import parse_sections
from duban.parse.sentences import split_paragraphs, split_sentences
from duban.parse.targets import find_main_targets


def parse_text(text: str, source: Source | None = None) -> Report:
    """Parse decoded report text into a :class:`Report`."""
    front = read_front_matter(text)
    # The front matter and HTML comments (photo captions) of a Markdown file are not
    # part of the speech: they get no paragraphs, so no sentences, figures or tasks.
    paragraphs = [p for p in split_paragraphs(text) if p.start >= front.end and not _is_html_comment(text, p)]
    sentences = split_sentences(text, paragraphs)
    meta = parse_metadata(text, front.end, front)
    # The annex can only start after the speech has begun: past the first tenth.
    body_end = find_body_end(text, paragraphs, after=front.end + len(text[front.end :]) // 10)
    outline = parse_sections(text, paragraphs, body_end, meta.year)
    stated = outline.plan_year
    if stated is not None and (meta.year is None or _delivered_late(meta.delivered_on, stated)):
        # Without a date, or for a report delivered late in the year before its plan
        # year (兰州 delivered its 2023 report on 2022-12-19), the titles' year counts.
        meta.year = stated
        meta.review_year = stated - 1
    report = Report(
        text=text,
        metadata=meta,
        sections=outline.sections,
        paragraphs=paragraphs,
        sentences=sentences,
        glossary=parse_glossary(text, paragraphs, body_end),
        body_end=body_end,
        source=source,
    )
    report.main_targets = find_main_targets(
        text,
        paragraphs,
        body_end,
        report.role_at,
        outline.heading_paragraphs,
        meta.year,
        _title_ends(report, outline.heading_paragraphs),
    )
    return report


def _title_ends(report: Report, heading_paragraphs: frozenset[int]) -> dict[int, int]:
    """Heading paragraph index → where its title ends (text may run on after it)."""
    starts = [p.start for p in report.paragraphs]
    out: dict[int, int] = {}
    for section in report.iter_sections():
        i = bisect.bisect_right(starts, section.title_start) - 1
        if i in heading_paragraphs:
            out[i] = max(out.get(i, 0), section.title_end)
    return out


def _delivered_late(delivered_on: str | None, stated: int) -> bool:
    """A delivery date in October–December of the year before ``stated``."""
    if delivered_on is None:
        return False
    return int(delivered_on[:4]) == stated - 1 and int(delivered_on[5:7]) >= 10


def _is_html_comment(text: str, p: Paragraph) -> bool:
    return text.startswith("<!--", p.start, p.end) and text.endswith("-->", p.start, p.end)


def parse(source: Source) -> Report:
    """Parse a :class:`Source` (from ``read_report``) into a :class:`Report`.

    A file must first read as a work report (D111 otherwise, see
    :mod:`duban.parse.genre`); :func:`parse_text` skips that check, so a
    library user may still parse any text.
    """
    check_genre(source.text, source)
    return parse_text(source.text, source)
