"""extract_figures: ordered stages over one report, each declaring what it needs and sets.

As spaCy's components declare ``requires``/``assigns``, each stage here names
the attributes of the working :class:`Doc` it reads and writes, and
:func:`check_stages` refuses an order in which a stage reads something no
earlier stage set (checked once, when the module loads). Stages:

    quantities → exclusions → locate → comparators → growth → indicators
    → measures → kinds → ids → sections

Every stage is linear in the text (bounded look-around per quantity).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from duban.extract import indicators as ind
from duban.extract import qualifiers as qual
from duban.extract.clauses import bounds_of, clause_breaks
from duban.extract.cues import cues, starting
from duban.extract.draft import GROWTH_UNITS, QUOTE_REACH, Doc, Draft
from duban.extract.exclusions import filter_quantities
from duban.extract.naming import name_figures
from duban.extract.numbers import fold
from duban.extract.units import find_quantities
from duban.model import Figure, Report, Role, Section, SectionKind


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: Callable[[Doc], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


# --- stages -----------------------------------------------------------------


def _quantities(doc: Doc) -> None:
    doc.quantities = find_quantities(doc.report.text, doc.folded)


def _exclusions(doc: Doc) -> None:
    doc.breaks = breaks = clause_breaks(doc.report.text, cues().clause_breaks, doc.quantities)
    kept = filter_quantities(doc.folded, doc.quantities, lambda q: bounds_of(doc.report, breaks, q).clause_end)
    doc.drafts = [Draft(q) for q in kept
                  if q.unit is not None or q.unit_measure in ("fraction", "ratio", "rank", "index")]


def _locate(doc: Doc) -> None:
    text = doc.report.text
    c = cues()
    breaks = doc.breaks
    run = 0
    prev: Draft | None = None
    for d in doc.drafts:
        if d.bounds is None:
            d.bounds = bounds_of(doc.report, breaks, d.q)
    for i, d in enumerate(doc.drafts):
        b = d.bounds
        assert b is not None
        same = prev is not None and prev.bounds is not None and prev.bounds.clause_start == b.clause_start
        start = b.clause_start
        if same and prev is not None:
            start = prev.q.end
            w = starting(doc.folded, c.after_words, start)
            start += len(w) if w else 0
        d.pre_raw = text[start : d.q.start]
        nxt = doc.drafts[i + 1] if i + 1 < len(doc.drafts) else None
        if nxt is not None and nxt.bounds is not None and nxt.bounds.clause_start == b.clause_start:
            d.gap_after = text[d.q.end : nxt.q.start]
        else:
            d.gap_after = text[d.q.end : b.clause_end]
        if not (same and _joins(doc.folded, prev, d)):
            run += 1
        d.run = run
        prev = d


def _joins(folded: str, prev: Draft | None, d: Draft) -> bool:
    """Two quantities of one run: only 、/和 (and comparator words) between them."""
    if prev is None:
        return False
    c = cues()
    gap = folded[prev.q.end : d.q.start]
    w = starting(gap, c.after_words)
    if w:
        gap = gap[len(w):]
    gap = gap.strip()
    return bool(gap) and len(gap) <= 2 and starting(gap, c.run_separators) == gap


def _comparators(doc: Doc) -> None:
    c = cues()
    for d in doc.drafts:
        d.comparator = qual.comparator(doc.folded, d.q)
    # 分别控制在5%和3%以内: a comparator after the last number of a run holds for all of it.
    runs: dict[int, list[Draft]] = {}
    for d in doc.drafts:
        runs.setdefault(d.run, []).append(d)
    for group in runs.values():
        last = group[-1]
        if len(group) > 1 and starting(doc.folded, c.after_words, last.q.end):
            for d in group[:-1]:
                if d.comparator == "=":
                    d.comparator = last.comparator


def _growth(doc: Doc) -> None:
    first: dict[int, Draft] = {}
    for d in doc.drafts:
        if d.run in first:
            d.sign = first[d.run].sign
            continue
        first[d.run] = d
        d.sign = qual.growth_sign(d.pre_raw) if d.q.unit_measure in GROWTH_UNITS else 0

def _measures(doc: Doc) -> None:
    for d in doc.drafts:
        d.measure = qual.measure_of(d.q, d.sign, d.indicators[0] if d.indicators else "")


def _kinds(doc: Doc) -> None:
    report = doc.report
    text = report.text
    c = cues()
    plan_year = report.metadata.year
    review_year = report.metadata.review_year or (plan_year - 1 if plan_year else None)
    paragraph_cue: dict[int, bool] = {}
    sentence_cue: dict[int, bool] = {}
    roles: dict[int, Role] = {}
    for d in doc.drafts:
        b = d.bounds
        assert b is not None
        if b.sentence_start not in roles:
            roles[b.sentence_start] = report.role_at(d.q.start)
        d.role = roles[b.sentence_start]
        d.kind = qual.base_kind(d.role)
        if b.paragraph_start not in paragraph_cue:
            paragraph = text[b.paragraph_start : b.paragraph_end]
            paragraph_cue[b.paragraph_start] = any(w in paragraph for w in c.current_year_paragraph)
        if b.sentence_start not in sentence_cue:
            sentence = text[b.sentence_start : b.sentence_end]
            sentence_cue[b.sentence_start] = any(w in sentence for w in c.actual_sentence)
        current = d.role != Role.ANNEX and (paragraph_cue[b.paragraph_start] or sentence_cue[b.sentence_start])
        if current:
            d.kind = "actual"
        if qual.is_background(doc.folded, d.q) or qual.is_from_value(d.pre_raw, d.gap_after):
            d.kind = "other"
        if d.role in (Role.REVIEW, Role.PREAMBLE) and not current:
            d.year = review_year
        else:
            d.year = plan_year
        stated = qual.stated_year(d.pre_raw) or qual.sentence_year(
            text[b.sentence_start : b.sentence_start + 12], text[b.clause_start : b.clause_start + 14])
        if stated:
            d.year = stated


def _ids(doc: Doc) -> None:
    for d in doc.drafts:
        d.ids = [ind.indicator_id(name) for name in d.indicators]


def _sections(doc: Doc) -> None:
    paths: dict[int, list[Section]] = {}
    for d in doc.drafts:
        key = d.bounds.sentence_start if d.bounds is not None else d.q.start
        if key not in paths:
            paths[key] = doc.report.section_path(d.q.start)
        for s in paths[key]:
            if s.kind == SectionKind.PART:
                d.part = s.title
            elif s.kind == SectionKind.AREA:
                d.area = s.title
            elif s.kind in (SectionKind.THEME, SectionKind.ITEM):
                d.theme = s.title


STAGES: tuple[Stage, ...] = (
    Stage("quantities", _quantities, (), ("quantities",)),
    Stage("exclusions", _exclusions, ("quantities",), ("drafts", "breaks")),
    Stage("locate", _locate, ("drafts", "breaks"), ("bounds", "pre_raw", "gap_after", "run")),
    Stage("comparators", _comparators, ("drafts",), ("comparator",)),
    Stage("growth", _growth, ("pre_raw", "run"), ("sign",)),
    Stage("indicators", name_figures, ("bounds", "pre_raw", "gap_after", "run"), ("indicators", "source_start")),
    Stage("measures", _measures, ("sign", "indicators"), ("measure",)),
    Stage("kinds", _kinds, ("bounds", "pre_raw", "gap_after"), ("kind", "year", "role")),
    Stage("ids", _ids, ("indicators",), ("ids",)),
    Stage("sections", _sections, ("drafts",), ("part", "area", "theme")),
)


def check_stages(stages: tuple[Stage, ...]) -> None:
    """Raise ValueError when a stage requires what no earlier stage assigns."""
    have: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise ValueError(f"stage {stage.name} requires {missing}, which no earlier stage assigns")
        have.update(stage.assigns)


check_stages(STAGES)


def _figures(doc: Doc) -> list[Figure]:
    text = doc.report.text
    out: list[Figure] = []
    for d in doc.drafts:
        b = d.bounds
        assert b is not None
        q = d.q
        value = q.value
        value_max = q.value_max
        if d.measure == "growth" and d.sign < 0:
            value = -value
            value_max = -value_max if value_max is not None else None
        quote_start = b.clause_start
        if d.source_start is not None and b.sentence_start <= d.source_start < quote_start:
            lo = max(b.sentence_start, d.source_start - QUOTE_REACH)
            quote_start = max(lo, text.rfind("，", lo, d.source_start) + 1)
        quote_start = max(quote_start, q.start - QUOTE_REACH)  # a clause with no break is cut short
        quote_end = min(b.clause_end, q.end + QUOTE_REACH)
        value_base = q.value_base
        if value_base is not None and d.sign < 0 and d.measure == "growth":
            value_base = -value_base
        for name, ident in zip(d.indicators, d.ids):
            out.append(Figure(
                start=q.start, end=q.end, text=text[q.start:q.end], kind=d.kind, year=d.year,
                indicator=name, measure=d.measure, value=value, value_max=value_max, unit=q.unit,
                comparator=d.comparator, quote=text[quote_start:quote_end], quote_start=quote_start,
                quote_end=quote_end, value_base=value_base, base_unit=q.base_unit if value_base is not None else None,
                indicator_id=ident, part=d.part, area=d.area, theme=d.theme, role=d.role.value,
            ))
    return out


def extract_figures(report: Report) -> list[Figure]:
    """Every figure of ``report`` (spec/figures.md), in text order.

    One record per (number, indicator); spans are offsets into
    ``report.text`` and ``figure.text == report.text[figure.start:figure.end]``.
    """
    doc = Doc(report=report, folded=fold(report.text))
    for stage in STAGES:
        stage.run(doc)
    return _figures(doc)
