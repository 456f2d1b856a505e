"""str → Report: paragraphs, sentences, sections, metadata, glossary."""

from duban.parse.report import parse, parse_text

__all__ = ["parse", "parse_text"]
