"""Paragraph and sentence split with offsets; one linear pass each."""

from __future__ import annotations

import re

from duban.model import Paragraph, Sentence

_LINE = re.compile(r"[^\r\n]+")
# A sentence ends at 。！？ (full or half width), or at the paragraph's end.
# Closing quotes/brackets right after the stop stay in the sentence.
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)")


def split_paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines, stripped of surrounding white space, as paragraphs."""
    out: list[Paragraph] = []
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
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
