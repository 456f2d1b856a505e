"""Paragraph and sentence split with offsets; one linear pass each."""

from __future__ import annotations

import re

from duban.model import Paragraph, Sentence

_LINE = re.compile(r"[^\r\n]+")
_INDENT = "\u3000\u3000"
# A sentence ends at 。！？ (full or half width), or at the paragraph's end.
# Closing quotes/brackets right after the stop stay in the sentence.
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)")


def _indent_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets inside a line where a flattened paragraph break was: a space then 　　.

    Some sources joined paragraphs into one line, keeping each paragraph's
    two ideographic-space indent after a space (``各位代表： 　　现在，…``).
    A break is the position of the first indent character. One forward scan.
    """
    out: list[int] = []
    i = text.find(_INDENT, start, end)
    while i != -1:
        j = i
        while j > start and text[j - 1] == "\u3000":
            j -= 1
        if j > start and text[j - 1] in " \u00a0\t":
            out.append(j)
        k = i
        while k < end and text[k] == "\u3000":
            k += 1
        i = text.find(_INDENT, k, end)
    return out


def split_paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines, stripped of surrounding white space, as paragraphs.

    A line that holds several flattened paragraphs (see ``_indent_breaks``) is
    cut at each break.
    """
    out: list[Paragraph] = []
    for m in _LINE.finditer(text):
        cuts = [m.start(), *_indent_breaks(text, m.start(), m.end()), m.end()]
        for a, b in zip(cuts, cuts[1:]):
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
