"""Why a sentence of the plan or governance part is, or is not, a task.

The rules, in order: a sentence holding a target figure is always a task; a
section's number and title (a theme's lead phrase) is a heading; a sentence
matching a non-commitment pattern of commitments.yaml is a slogan or framing;
a part's or themed area's introduction is framing; any other sentence is a
task when it holds a commitment verb, and ``no_action`` otherwise.
"""

from __future__ import annotations

import bisect
import re

from duban.lexicon.schema import CommitmentLexicon
from duban.model import Report, Section, SectionKind, Sentence

# Characters that may follow a title inside its heading sentence.
_TITLE_TAIL = re.compile(r"[\s。.．：:；;！!，,]*")


class SentenceClassifier:
    """commitments.yaml prepared once per ledger build."""

    def __init__(self, lexicon: CommitmentLexicon) -> None:
        self.verbs = sorted(lexicon.commitment_verbs, key=len, reverse=True)
        self.patterns = [(re.compile(p.pattern), p.reason) for p in lexicon.non_commitment_patterns]

    def is_heading(self, report: Report, sentence: Sentence, path: list[Section]) -> bool:
        """The sentence is a section's number and title and nothing more."""
        for sec in path:
            if sentence.start >= sec.start and sentence.start <= sec.title_start and sec.title_end > sec.start:
                tail = _TITLE_TAIL.match(report.text, sec.title_end, sentence.end)
                if sentence.end <= sec.title_end or (tail and tail.end() == sentence.end):
                    return True
        return False

    def pattern_reason(self, text: str) -> str | None:
        for regex, reason in self.patterns:
            if regex.search(text):
                return reason
        return None

    def commits(self, text: str) -> bool:
        return any(v in text for v in self.verbs)


class Introductions:
    """Which sentences introduce a part or a themed area (framing, not tasks).

    A part's text before its first area is framing, and so is a themed area's
    opening paragraph: only the area's first paragraph after its heading counts
    (坚持稳中求进，全力扶企业…); later paragraphs before the first theme are
    ordinary text that the parser found no lead phrase in. What each area needs
    (its first theme, its opening paragraphs) is found once per area, not once
    per sentence: that was a scan of every paragraph for every sentence.
    """

    def __init__(self, report: Report, parts_first_area: dict[int, int]) -> None:
        self.report = report
        self.parts_first_area = parts_first_area
        self.para_starts = [p.start for p in report.paragraphs]
        self.areas: dict[int, tuple[int | None, frozenset[int]]] = {}

    def holds(self, sentence: Sentence, path: list[Section]) -> bool:
        """Is ``sentence`` (whose section chain is ``path``) an introduction?"""
        area = next((s for s in path if s.kind is SectionKind.AREA), None)
        if area is None:
            part = path[0] if path else None
            if part is None:
                return False
            first = self.parts_first_area.get(id(part))
            return first is not None and sentence.start < first
        if id(area) not in self.areas:
            self.areas[id(area)] = self._area(area)
        first_theme, opening = self.areas[id(area)]
        if first_theme is None or sentence.start >= first_theme:
            return False
        return sentence.paragraph in opening

    def _area(self, area: Section) -> tuple[int | None, frozenset[int]]:
        """(start of the area's first theme or None, indices of its opening paragraphs)."""
        first_theme = min((t.start for t in area.walk() if t.kind is SectionKind.THEME), default=None)
        paragraphs = self.report.paragraphs
        i = bisect.bisect_right(self.para_starts, area.start) - 1
        if i < 0 or not area.start < paragraphs[i].end:
            return first_theme, frozenset()
        opening = {i}
        if paragraphs[i].end <= area.title_end + 1 and i + 1 < len(paragraphs):
            opening.add(i + 1)  # a heading on its own line: the next paragraph opens the area
        return first_theme, frozenset(opening)
