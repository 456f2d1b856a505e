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
from duban.parse.heading import FULLWIDTH_DIGITS, lead, structure, trim_end

_ENTRY = re.compile(
    r"(?:([0-9０-９]{1,3})[.．、](?![0-9０-９])"
    r"|[（(［\[【〔﹝][ \u3000]?([0-9０-９]{1,3})[ \u3000]?[）)］\]】〕﹞])"
)
_SENTENCE_MARKS = frozenset("。，；,;")
_EXPECTED = re.compile(r"([0-9]{1,3})[.]")
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


def _glossary_start(
    text: str, paragraphs: list[Paragraph], body_end: int, data: dict[str, Any]
) -> tuple[int, bool]:
    """Where the entries start: just past a glossary cue line (True), else at the annex (False)."""
    limit = int(data["annex_line_max"])
    for p in paragraphs:
        if p.start < body_end:
            continue
        start = lead(text, p.start, p.end)
        if trim_end(text, start, p.end) - start > limit:
            continue
        line = text[start : p.end]
        if any(cue in line for cue in data["glossary_cues"]):
            return p.end, True
    return body_end, False


def _colon(text: str, start: int, end: int) -> int:
    """The first ：/: in ``text[start:end]``, or -1."""
    hits = [i for i in (text.find(c, start, end) for c in _COLONS) if i != -1]
    return min(hits) if hits else -1


def parse_glossary(text: str, paragraphs: list[Paragraph], body_end: int) -> list[GlossaryTerm]:
    """The numbered ``term：definition`` entries of the annex, in order."""
    if body_end >= len(text):
        return []
    data = structure()
    begin, has_cue = _glossary_start(text, paragraphs, body_end, data)
    bullets = "".join(data["glossary_bullets"])
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

    last_number = 0
    for p in paragraphs:
        if p.start < begin:
            continue
        start = lead(text, p.start, p.end)
        m = _ENTRY.match(text, start, p.end)
        expected = f"{last_number + 1}."
        if m is None and text.startswith(expected, start):
            # 30.5G技术：… — the number is followed by a digit of the term.
            m = _EXPECTED.match(text, start, start + len(expected))
        ts, colon, number = -1, -1, None
        if m is not None:
            ts = m.end()
            number = int(next(g for g in m.groups() if g).translate(FULLWIDTH_DIGITS))
        elif has_cue:
            # Under a 名词解释 line entries may go unnumbered: 〇“三区三线”：城镇空间…
            ts = start
            while ts < p.end and text[ts] in bullets:
                ts += 1
        if ts >= 0:
            while ts < p.end and text[ts] in " \t\u3000*":
                ts += 1
            colon = _colon(text, ts, min(p.end, ts + term_max + 1))
            if m is None and colon > ts and any(ch in text[ts:colon] for ch in _SENTENCE_MARKS):
                colon = -1  # a sentence that happens to hold a colon, not a term
        if colon > ts >= 0:
            close()
            ds = colon + 1
            while ds < p.end and text[ds] in " \t\u3000*":
                ds += 1
            current = [number, ts, trim_end(text, ts, colon), ds, p.end]
            if number is not None:
                last_number = number
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
