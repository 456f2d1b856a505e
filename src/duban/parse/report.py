"""Assemble a Report from a Source: the one entry point of ``parse/``.

The stages run in a fixed order, each reading only what the earlier ones
produced: front matter → paragraphs and sentences → body end (annex) →
metadata → sections (roles need the plan year) → main targets (need roles)
→ glossary.
"""

from __future__ import annotations

from duban.model import Paragraph, Report, Source
from duban.parse import heading
from duban.parse.frontmatter import read_front_matter
from duban.parse.glossary import find_body_end, parse_glossary
from duban.parse.metadata import parse_metadata
from duban.parse.sections import infer_plan_year, parse_sections
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
    if meta.year is None:
        meta.year = infer_plan_year([s.title for s in outline.sections], heading.structure())
        if meta.year is not None:
            meta.review_year = meta.year - 1
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
        text, paragraphs, body_end, report.role_at, outline.heading_paragraphs, meta.year
    )
    return report


def _is_html_comment(text: str, p: Paragraph) -> bool:
    return text.startswith("<!--", p.start, p.end) and text.endswith("-->", p.start, p.end)


def parse(source: Source) -> Report:
    """Parse a :class:`Source` (from ``read_report``) into a :class:`Report`."""
    return parse_text(source.text, source)
