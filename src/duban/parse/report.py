"""Assemble a Report from a Source: the one entry point of ``parse/``."""

from __future__ import annotations

from duban.model import Metadata, Report, Source
from duban.parse.sentences import split_paragraphs, split_sentences


def parse_text(text: str, source: Source | None = None) -> Report:
    """Parse decoded report text into a :class:`Report`."""
    paragraphs = split_paragraphs(text)
    sentences = split_sentences(text, paragraphs)
    return Report(
        text=text,
        metadata=Metadata(),
        sections=[],
        paragraphs=paragraphs,
        sentences=sentences,
        glossary=[],
        body_end=len(text),
        source=source,
    )


def parse(source: Source) -> Report:
    """Parse a :class:`Source` (from ``read_report``) into a :class:`Report`."""
    return parse_text(source.text, source)
