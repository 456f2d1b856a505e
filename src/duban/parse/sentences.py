"""Paragraph and sentence split with offsets; one linear pass each."""

from __future__ import annotations

import itertools
import re

from duban.model import Paragraph, Sentence

_LINE = re.compile(r"[^\r\n]+")
# A plain space followed by a paragraph indent of wide spaces (U+3000, U+2002, U+2003).
_FLAT_BREAK = re.compile("[ \u00a0\t][\u3000\u2002\u2003]{2,}")
# A sentence ends at 。！？ (full or half width), or at the paragraph's end.
# Closing quotes/brackets right after the stop stay in the sentence.
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)")


def _indent_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets inside a line where a flattened paragraph break was: a space, then an indent.

    Some sources joined paragraphs into one line, keeping each paragraph's
    indent of two or more wide spaces after a plain space
    (``各位代表： 　　现在，…``). A break is the position of the indent.
    """
    return [m.start() + 1 for m in _FLAT_BREAK.finditer(text, start, end)]


def split_paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines, stripped of surrounding white space, as paragraphs.

    A line that holds several flattened paragraphs (see ``_indent_breaks``) is
    cut at each break.
    """
    out: list[Paragraph] = []
    for m in _LINE.finditer(text):
        cuts = [m.start(), *_indent_breaks(text, m.start(), m.end()), m.end()]
        for a, b in itertools.pairwise(cuts):
            start, end = a, b
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                out.append(Paragraph(start, end))
    return out


def split_sentences(text: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    """Sentences inside each paragraph, white space trimmed from both ends."""
    out: list[Sentence] = []
    for index, para in enumerate(paragraphs):
        for m in _SENTENCE.finditer(text, para.start, para.end):
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                out.append(Sentence(start, end, index))
    return out
