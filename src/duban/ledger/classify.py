"""Why a sentence of the plan or governance part is, or is not, a task.

The rules, in order: a sentence holding a target figure is always a task; a
section's number and title (a theme's lead phrase) is a heading; a sentence
matching a non-commitment pattern of commitments.yaml is a slogan or framing;
a part's or themed area's introduction is framing; any other sentence is a
task when it holds a commitment verb, and ``no_action`` otherwise.
"""

from __future__ import annotations

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


def is_introduction(
    report: Report, sentence: Sentence, path: list[Section], parts_first_area: dict[int, int]
) -> bool:
    """A part's text before its first area, or a themed area's opening paragraph.

    Only the area's first paragraph after its heading counts (坚持稳中求进，全力扶企业…):
    later paragraphs before the first theme are ordinary text that the
    parser found no lead phrase in.
    """
    area = next((s for s in path if s.kind is SectionKind.AREA), None)
    if area is None:
        part = path[0] if path else None
        if part is None:
            return False
        first = parts_first_area.get(id(part))
        return first is not None and sentence.start < first
    themes = [t for t in area.walk() if t.kind is SectionKind.THEME]
    if not themes or sentence.start >= min(t.start for t in themes):
        return False
    heading_para = next((i for i, p in enumerate(report.paragraphs) if p.start <= area.start < p.end), None)
    if heading_para is None:
        return False
    opening = {heading_para}
    if report.paragraphs[heading_para].end <= area.title_end + 1 and heading_para + 1 < len(report.paragraphs):
        opening.add(heading_para + 1)  # a heading on its own line: the next paragraph opens the area
    return sentence.paragraph in opening
