"""Report: one decoded text and every structural view of it, as spans.

The text is the decoded source and is never changed. Every other object holds
``start``/``end`` offsets (half-open Python ``str`` indices) into it and gets
its text from ``Report.text`` when asked, as spaCy's ``Span`` does, so no
offset can drift from its source. Nothing here does I/O.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded file and where it came from (what ``read_report`` returns)."""

    text: str
    format: str  # "text" | "markdown" | "docx" | "pdf" | "html"
    encoding: str | None  # e.g. "utf-8", "gb18030", "utf-16"; None for docx/pdf
    sha256: str  # of the raw bytes
    size: int  # raw bytes
    path: str | None = None
    name: str | None = None


class Role(str, Enum):
    """What a part of the report is for."""

    PREAMBLE = "preamble"
    REVIEW = "review"
    PLAN = "plan"
    MAIN_TARGETS = "main_targets"
    GOVERNANCE = "governance"
    ANNEX = "annex"


class SectionKind(str, Enum):
    """Levels of the section tree, outermost first."""

    PART = "part"  # 一、
    AREA = "area"  # （一）
    ITEM = "item"  # 1. / 一是
    THEME = "theme"  # a paragraph's lead phrase: 精准服务稳企业。


@dataclass(slots=True)
class Section:
    """A node of the section tree.

    ``start``/``end`` cover the whole section, heading included; the title is
    ``text[title_start:title_end]`` (without its number).
    """

    kind: SectionKind
    number: str | None
    title: str
    start: int
    end: int
    title_start: int
    title_end: int
    role: Role
    children: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """This section, then every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def _section_start(section: Section) -> int:
    return section.start


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Report.paragraphs


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """One entry of the annex (名词解释): its number, term and definition."""

    number: int | None
    term: str
    definition: str
    start: int  # the whole entry
    end: int
    term_start: int
    term_end: int
    definition_start: int
    definition_end: int


@dataclass(slots=True)
class Metadata:
    """What the report says about itself. ``None`` where the text does not say."""

    title: str | None = None
    region: str | None = None  # as written: 宁波市镇海区
    region_full: str | None = None  # 浙江省宁波市镇海区
    level: str | None = None  # national | province | city | county
    region_code: str | None = None  # GB/T 2260
    year: int | None = None  # plan year
    review_year: int | None = None
    delivered_on: str | None = None  # ISO date
    session: str | None = None  # 第十五届人民代表大会第四次会议
    speaker_name: str | None = None
    speaker_title: str | None = None


@dataclass(slots=True)
class Report:
    """A parsed report: the text and its views.

    ``body_end`` is where the annex (附件/名词解释) starts, or ``len(text)``;
    ``main_targets`` is the span of the main expected targets paragraph.
    """

    text: str
    metadata: Metadata
    sections: list[Section]
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    glossary: list[GlossaryTerm]
    body_end: int
    source: Source | None = None
    # The main expected targets paragraph(s) (主要预期目标), if the report states them.
    main_targets: tuple[int, int] | None = None
    _sentence_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def iter_sections(self) -> Iterator[Section]:
        """Every section of the tree in document order."""
        for top in self.sections:
            yield from top.walk()

    def section_path(self, offset: int) -> list[Section]:
        """The chain of sections (part, area, item, theme) that holds ``offset``.

        Siblings are in document order and disjoint (the parser builds them so),
        so each level is searched by bisection: the role of every paragraph or
        sentence is asked, and a linear scan of an area's thousands of themes
        made that quadratic.
        """
        path: list[Section] = []
        level = self.sections
        while True:
            i = bisect.bisect_right(level, offset, key=_section_start) - 1
            if i < 0 or not offset < level[i].end:
                return path
            hit = level[i]
            path.append(hit)
            level = hit.children

    def role_at(self, offset: int) -> Role:
        """The role of the innermost section holding ``offset``; annex past the body.

        Inside the main expected targets span the role is ``MAIN_TARGETS``.
        """
        if offset >= self.body_end:
            return Role.ANNEX
        if self.main_targets is not None and self.main_targets[0] <= offset < self.main_targets[1]:
            return Role.MAIN_TARGETS
        path = self.section_path(offset)
        return path[-1].role if path else Role.PREAMBLE

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds ``offset``, found by bisection."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None
