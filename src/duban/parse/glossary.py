"""Where the speech ends (``body_end``) and the glossary (名词解释) of the annex.

The annex starts at a short line of its own that begins with 附件, 名词解释,
注释 … (``annex_cues``), found after the first part of the speech. Inside it,
the glossary starts at its own cue line (名词解释, 注释), else at the annex.
An entry is a numbered paragraph ``1.term：definition`` (also ``（1）``,
``［1］``); a definition may run on over the following unnumbered paragraphs,
or sit entirely on the next line (``［1］一降三减：`` then its text).
"""

from __future__ import annotations

import re
from typing import Any

from duban.model import GlossaryTerm, Paragraph
from duban.parse.heading import lead, structure, trim_end

_ENTRY = re.compile(r"(?:([0-9０-９]{1,3})[.．、](?![0-9０-９])|[（(［\[【]([0-9０-９]{1,3})[）)］\]】])")
_EXPECTED = re.compile(r"([0-9]{1,3})[.]")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_COLONS = ("：", ":")


def find_body_end(text: str, paragraphs: list[Paragraph], after: int = 0) -> int:
    """Start of the annex: the first short line opening with an annex cue past ``after``."""
    data = structure()
    cues = data["annex_cues"]
    limit = int(data["annex_line_max"])
    for p in paragraphs:
        if p.start < after:
            continue
        start = lead(text, p.start, p.end)
        if trim_end(text, start, p.end) - start > limit:
            continue
        if any(text.startswith(cue, start) for cue in cues):
            return p.start
    return len(text)


def _glossary_start(text: str, paragraphs: list[Paragraph], body_end: int, data: dict[str, Any]) -> int:
    limit = int(data["annex_line_max"])
    for p in paragraphs:
        if p.start < body_end:
            continue
        start = lead(text, p.start, p.end)
        if trim_end(text, start, p.end) - start > limit:
            continue
        line = text[start:p.end]
        if any(cue in line for cue in data["glossary_cues"]):
            return p.start
    return body_end


def parse_glossary(text: str, paragraphs: list[Paragraph], body_end: int) -> list[GlossaryTerm]:
    """The numbered ``term：definition`` entries of the annex, in order."""
    if body_end >= len(text):
        return []
    data = structure()
    begin = _glossary_start(text, paragraphs, body_end, data)
    term_max = int(data["glossary_term_max"])
    annex_cues = data["annex_cues"]
    out: list[GlossaryTerm] = []
    # (number, term_start, term_end, definition_start, definition_end)
    current: list[Any] | None = None

    def close() -> None:
        if current is None:
            return
        number, ts, te, ds, de = current
        if ds < 0:  # a term line with no definition after it
            ds = de = te
        out.append(
            GlossaryTerm(
                number=number,
                term=text[ts:te],
                definition=text[ds:de],
                start=ts,
                end=max(de, te),
                term_start=ts,
                term_end=te,
                definition_start=ds,
                definition_end=de,
            )
        )

    for p in paragraphs:
        if p.start < begin:
            continue
        start = lead(text, p.start, p.end)
        m = _ENTRY.match(text, start, p.end)
        expected = f"{(current[0] if current else 0) + 1}."
        if m is None and text.startswith(expected, start):
            # 30.5G技术：… — the number is followed by a digit of the term.
            m = _EXPECTED.match(text, start, start + len(expected))
        colon = -1
        if m is not None:
            ts = m.end()
            while ts < p.end and text[ts] in " \t\u3000":
                ts += 1
            window = min(p.end, ts + term_max + 1)
            colon = min((i for i in (text.find(c, ts, window) for c in _COLONS) if i != -1), default=-1)
        if m is not None and colon > ts:
            close()
            number = int((m.group(1) or m.group(2)).translate(_FULLWIDTH))
            ds = colon + 1
            while ds < p.end and text[ds] in " \t\u3000":
                ds += 1
            current = [number, ts, trim_end(text, ts, colon), ds, p.end]
            if ds >= p.end:
                current[3] = -1  # definition on the next line(s)
            continue
        if current is None:
            continue
        if any(text.startswith(cue, start) for cue in annex_cues):
            close()
            current = None
            continue
        if current[3] == -1:
            current[3] = start
        current[4] = p.end
    close()
    return out
