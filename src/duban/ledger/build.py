"""Report + figures → Ledger: one task per commitment, under its area and theme.

``build_ledger`` is pure: it reads only its arguments and the validated data
files (commitments.yaml, deadlines.yaml, mentions.yaml, through the cached
lexicon loader), and never touches the clock, a database or the web.

Scope is every sentence of the body whose role is ``plan``,
``main_targets`` or ``governance``. Each becomes a task, several
main-target tasks, or a listed non-commitment, so :func:`check_coverage`
can prove nothing was dropped.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from duban.extract.cues import cues
from duban.ledger.assign import Catalogue, suggest_departments
from duban.ledger.classify import Introductions, SentenceClassifier
from duban.ledger.coverage import check_coverage
from duban.ledger.data import commitment_lexicon, deadline_rules, mention_rules
from duban.ledger.deadline import DeadlineFinder
from duban.ledger.main_targets import main_target_spans, target_clause
from duban.ledger.mention import MentionFinder
from duban.lexicon.schema import CommitmentLexicon, DeadlineRules, LedgerLabels, MentionRules
from duban.model import (
    Area,
    Figure,
    Ledger,
    NonCommitment,
    Report,
    Role,
    Section,
    SectionKind,
    Sentence,
    Task,
    Theme,
)

SCOPE = (Role.PLAN, Role.MAIN_TARGETS, Role.GOVERNANCE)
_TITLE_END = re.compile(r"[，,；;。：:！!]")


@dataclass(frozen=True, slots=True)
class LedgerLexicon:
    """The data files the ledger builder reads, loaded and validated."""

    commitments: CommitmentLexicon
    deadlines: DeadlineRules
    mentions: MentionRules

    @classmethod
    def load(cls) -> LedgerLexicon:
        return cls(commitment_lexicon(), deadline_rules(), mention_rules())


def normalise(text: str) -> str:
    """Text as compared for ids: NFKC (full width → half width), no white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def task_id(area_index: int | None, theme_index: int | None, text: str) -> str:
    """``T0203-1a2b3c4d``: area and theme numbers and a hash of the normalised text."""
    digest = hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:8]
    return f"T{area_index or 0:02d}{theme_index or 0:02d}-{digest}"


def plan_year(report: Report, figures: list[Figure]) -> int | None:
    """The plan year: the metadata's, else the commonest year of the target figures."""
    if report.metadata.year:
        return report.metadata.year
    years = Counter(f.year for f in figures if f.kind == "target" and f.year)
    return years.most_common(1)[0][0] if years else None


def ledger_title(report: Report, year: int | None, labels: LedgerLabels) -> str:
    """The table's title from the labels' template: the region as its office writes it, and the year.

    A county-level region drops its city or province prefix (宁波市镇海区 → 镇海区);
    the national government's title has no region.
    """
    region = report.metadata.region or ""
    level = report.metadata.level
    if level == "county":
        region = re.sub(r"^.+?[省市州盟](?=.+[区县市旗]$)", "", region)
    elif level == "national":
        region = ""
    when = f"{year}{labels.year_suffix}" if year else ""
    return labels.ledger_title.format(region=region, year=when)


def _areas(report: Report) -> tuple[list[Area], dict[int, Area], dict[int, tuple[Area | None, Theme]]]:
    """The ledger's areas and themes, with maps from section ids to them."""
    areas: list[Area] = []
    by_section: dict[int, Area] = {}
    themes: dict[int, tuple[Area | None, Theme]] = {}
    for sec in report.iter_sections():
        role = sec.role if sec.start < report.body_end else Role.ANNEX
        if sec.kind is SectionKind.AREA and role in SCOPE:
            top = report.section_path(sec.start)[:1]  # the top-level section holding the area
            part = top[0] if top and top[0] is not sec else None
            area = Area(len(areas) + 1, sec.number, sec.title, sec.start, sec.end, role.value,
                        part_number=part.number if part else None, part_title=part.title if part else None)
            areas.append(area)
            by_section[id(sec)] = area
            for t in (s for s in sec.walk() if s.kind is SectionKind.THEME):
                theme = Theme(len(area.themes) + 1, t.title, t.start, t.end, t.title_start, t.title_end)
                area.themes.append(theme)
                themes[id(t)] = (area, theme)
    # Themes straight under a part (no area): numbered per part.
    for part in report.sections:
        loose = [t for t in part.walk() if t.kind is SectionKind.THEME and id(t) not in themes]
        for i, t in enumerate(loose, 1):
            if t.role in SCOPE:
                themes[id(t)] = (None, Theme(i, t.title, t.start, t.end, t.title_start, t.title_end))
    return areas, by_section, themes


def _with_stray_targets(
    text: str, listed: list[tuple[int, int]], held: list[tuple[int, Figure]]
) -> list[tuple[int, int]]:
    """The main-target spans of a sentence, plus the clause of each target figure none holds.

    A sentence that opens the list may state a target before the list starts
    (…实现6%左右的预期目标，今年主要预期目标是：…); without a span of its own that
    figure would be in no task.
    """
    stray = [f for _, f in held if not any(a <= f.start < b for a, b in listed)]
    if not stray:
        return listed
    breaks = cues().clause_breaks
    merged: list[tuple[int, int]] = []
    for start, end in sorted(listed + [target_clause(text, f, breaks) for f in stray]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _first_areas(report: Report) -> dict[int, int]:
    out: dict[int, int] = {}
    for part in report.sections:
        starts = [s.start for s in part.walk() if s.kind is SectionKind.AREA]
        if starts:
            out[id(part)] = min(starts)
    return out


def _title(text: str) -> str:
    m = _TITLE_END.search(text)
    head = text[: m.start()] if m else text
    return head if len(head) <= 40 else head[:39] + "…"


def build_ledger(
    report: Report,
    figures: list[Figure],
    catalogue: Catalogue | None,
    lexicon: LedgerLexicon | None = None,
) -> Ledger:
    """The task ledger of ``report``.

    ``figures`` are the report's figures (``extract_figures``); only those of
    kind ``target`` are attached to tasks. ``catalogue`` (``load_catalogue``)
    supplies department suggestions; with ``None`` tasks get none.
    """
    lex = lexicon or LedgerLexicon.load()
    classifier = SentenceClassifier(lex.commitments)
    deadlines = DeadlineFinder(lex.deadlines)
    mentions = MentionFinder(lex.mentions, lex.commitments.commitment_verbs)
    year = plan_year(report, figures)
    areas, area_of, theme_of = _areas(report)
    introductions = Introductions(report, _first_areas(report))
    text = report.text

    scope: list[Sentence] = [
        s for s in report.sentences if s.start < report.body_end and report.role_at(s.start) in SCOPE
    ]
    targets = sorted(
        ((i, f) for i, f in enumerate(figures) if f.kind == "target"), key=lambda p: p[1].start
    )
    target_starts = [f.start for _, f in targets]

    # Lookups by bisection over sorted starts: a scan per sentence or per task is
    # quadratic in a text of thousands of target sentences.
    def held_in(start: int, end: int) -> list[tuple[int, Figure]]:
        return targets[bisect.bisect_left(target_starts, start) : bisect.bisect_left(target_starts, end)]

    def holds_target(s: Sentence) -> bool:
        i = bisect.bisect_left(target_starts, s.start)
        return i < len(target_starts) and target_starts[i] < s.end

    main_spans = main_target_spans(report, figures)  # sorted and disjoint
    main_starts = [a for a, _ in main_spans]

    raw: list[tuple[str, str, int, int, Area | None, Theme | None, Section | None]] = []
    skipped: list[NonCommitment] = []
    for s in scope:
        path = report.section_path(s.start)
        area = next((area_of[id(p)] for p in path if id(p) in area_of), None)
        theme_pair = next((theme_of[id(p)] for p in reversed(path) if id(p) in theme_of), None)
        theme = theme_pair[1] if theme_pair else None
        if theme_pair and area is None:
            area = theme_pair[0]
        sentence = text[s.start : s.end]
        part = next((p for p in path if p.kind is SectionKind.PART), None)
        role = report.role_at(s.start)
        listed = main_spans[bisect.bisect_left(main_starts, s.start) : bisect.bisect_left(main_starts, s.end)]
        if listed:
            listed = _with_stray_targets(text, listed, held_in(s.start, s.end))
            raw.extend(("main_target", Role.MAIN_TARGETS.value, a, min(b, s.end), None, None, part)
                       for a, b in listed)
            continue
        role_value = Role.PLAN.value if role is Role.MAIN_TARGETS else role.value
        reason: str | None
        if holds_target(s):
            reason = None
        elif classifier.is_heading(report, s, path):
            reason = "heading"
        else:
            reason = classifier.pattern_reason(sentence)
            if reason is None and introductions.holds(s, path):
                reason = "framing"
            if reason is None and not classifier.commits(sentence):
                reason = "no_action"
        if reason is None:
            raw.append(("task", role_value, s.start, s.end, area, theme, part))
        else:
            skipped.append(NonCommitment(s.start, s.end, sentence, reason, area.index if area else None))

    main_area = lex.commitments.labels.main_targets_area
    # The main expected targets open the table, whatever the report says before them.
    raw.sort(key=lambda r: r[0] != "main_target")
    tasks: list[Task] = []
    seen: Counter[str] = Counter()
    for kind, role_value, start, end, area, theme, part in raw:
        body = text[start:end]
        tid = task_id(area.index if area else None, theme.index if theme else None, body)
        if kind == "main_target":
            tid = "M" + tid[1:]
        seen[tid] += 1
        if seen[tid] > 1:
            tid = f"{tid}-{seen[tid]}"
        held = held_in(start, end)
        when = deadlines.find(body, start, year)
        task = Task(
            id=tid,
            seq=len(tasks) + 1,
            kind=kind,
            role=role_value,
            area_index=area.index if area else None,
            area_number=area.number if area else None,
            area_title=area.title if area else (main_area if kind == "main_target" else None),
            theme_index=theme.index if theme else None,
            theme_title=theme.title if theme else None,
            text=body,
            start=start,
            end=end,
            title=_title(body),
            figures=[f for _, f in held],
            figure_indices=[i for i, _ in held],
            mentions=mentions.find(body, start),
            deadline=when.date if when else None,
            deadline_text=when.text if when else None,
            deadline_start=when.start if when else None,
            deadline_end=when.end if when else None,
            part_number=part.number if part else None,
            part_title=part.title if part else None,
        )
        if catalogue is not None:
            task.lead, task.co = suggest_departments(task, catalogue)
        tasks.append(task)

    scope_targets = [f for _, f in targets if report.role_at(f.start) in SCOPE and f.start < report.body_end]
    coverage = check_coverage(scope, tasks, skipped, scope_targets)
    return Ledger(
        report_key=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        title=ledger_title(report, year, lex.commitments.labels),
        region=report.metadata.region,
        year=year,
        level=report.metadata.level,
        areas=areas,
        tasks=tasks,
        non_commitments=skipped,
        coverage=coverage,
    )
