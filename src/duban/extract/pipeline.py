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
from dataclasses import dataclass, field

from duban.extract import indicators as ind
from duban.extract import qualifiers as qual
from duban.extract.clauses import Bounds, bounds_of, clause_breaks
from duban.extract.cues import cues, ending, starting
from duban.extract.exclusions import filter_quantities
from duban.extract.numbers import fold
from duban.extract.units import Quantity, find_quantities
from duban.model import Figure, Report, Role, Section, SectionKind

GROWTH_UNITS = ("percent", "points", "multiple")
# A quote reaches at most this far before and after its figure, so that a
# clause without breaks (a megabyte of "1%") cannot make output quadratic.
QUOTE_REACH = 120


@dataclass(slots=True)
class Draft:
    """One quantity on its way to becoming one or more figures."""

    q: Quantity
    bounds: Bounds | None = None
    pre_raw: str = ""  # clause text between the previous quantity (or clause start) and this one
    gap_after: str = ""  # clause text between this quantity and the next (or clause end)
    run: int = 0  # quantities joined by 、/和 with nothing else between share a run id
    comparator: str = "="
    sign: int = 0
    indicators: list[str] = field(default_factory=list)
    source_start: int | None = None  # where the indicator was found, for the quote
    measure: str = "level"
    kind: str = "actual"
    year: int | None = None
    role: Role = Role.PREAMBLE
    ids: list[str | None] = field(default_factory=list)
    part: str | None = None
    area: str | None = None
    theme: str | None = None


@dataclass(slots=True)
class Doc:
    """The working state the stages share."""

    report: Report
    folded: str
    quantities: list[Quantity] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # clause-break offsets
    drafts: list[Draft] = field(default_factory=list)


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


def _indicators(doc: Doc) -> None:
    runs: list[list[Draft]] = []
    for d in doc.drafts:
        if runs and runs[-1][0].run == d.run:
            runs[-1].append(d)
        else:
            runs.append([d])
    sentence: tuple[int, int] | None = None
    respective: list[str] | None = None
    previous: Draft | None = None
    taken_until = -1  # the gap up to this offset was taken as a previous quantity's noun
    history: list[str] = []  # the sentence's indicators so far, in order
    for group in runs:
        first = group[0]
        b = first.bounds
        assert b is not None
        if (b.sentence_start, b.sentence_end) != sentence:
            sentence = (b.sentence_start, b.sentence_end)
            respective, previous = None, None
            history = []
        if previous is not None and previous.bounds is not None \
                and previous.bounds.sentence_start != b.sentence_start:
            previous = None
        _name_run(doc, group, previous, respective, taken_until, history)
        for d in group:
            for name in d.indicators:
                if name and (not history or history[-1] != name):
                    history.append(name)
        last = group[-1]
        if len(group) > 1 and len({d.indicators[0] for d in group if d.indicators}) == len(group):
            respective = [d.indicators[0] for d in group]
        if last.source_start is not None and last.source_start > last.q.end:
            taken_until = last.q.end + len(last.gap_after)
        previous = last


def _name_run(doc: Doc, group: list[Draft], previous: Draft | None,
              respective: list[str] | None, taken_until: int, history: list[str]) -> None:
    c = cues()
    first = group[0]
    b = first.bounds
    assert b is not None
    growth_unit = first.q.unit_measure in GROWTH_UNITS
    raw = first.pre_raw
    pre_start = first.q.start - len(raw)
    if taken_until > pre_start:
        cut = ind.cut_point(raw)
        raw = raw[cut:] if cut else ""
        pre_start = first.q.start - len(raw)
    pre = ind.clean_pre(raw, growth_unit)
    tail = raw[raw.rfind(pre) + len(pre):] if pre and pre in raw else raw
    resp = any(w in tail for w in c.respective)
    each = any(w in tail for w in c.each) or resp
    prev_name = previous.indicators[-1] if previous is not None and previous.indicators else None
    prev_source = previous.source_start if previous is not None else None
    if pre in c.generic:
        pre = ""
    relative = bool(pre and prev_name and starting(pre, c.share_words))
    if relative:
        pre = f"{prev_name}{pre}"  # 占一般公共预算支出81.6%: a share of the previous figure's indicator
    items = ind.split_items(pre) if pre and not relative and ind.is_list(pre) else ([pre] if pre else [])
    n = len(group)
    if n > 1:
        expanded = ind.split_respective(pre, n) if len(items) == 1 else []
        if len(items) == n:
            names = items
        elif expanded:
            names = expanded
        elif not pre and respective is not None and len(respective) == n:
            names = list(respective)
        elif not pre and resp and len(history) >= n:
            names = history[-n:]  # …比重提高到1.7%，贡献率达到61%，分别比上年提高0.36和0.67个百分点
        else:
            name = pre or prev_name or _from_previous_clause(doc, b)
            names = [name] * n
        for d, name in zip(group, names):
            d.indicators = [name]
            d.source_start = pre_start if pre else prev_source
        return
    d = first
    post = ind.clean_post(d.gap_after, growth_unit)
    names_list = not growth_unit and any(m in pre for m in c.name_list_marks)
    combine = bool(post) and not growth_unit and (d.q.category != "money" or len(pre) <= c.short_item)
    if not each and not growth_unit and ind.is_list(pre):
        # A、B、C分别增加2个: the verb stays in each item (a decrease or increase stated as an amount)
        verb = ending(pre, c.trailing_growth)
        if verb:
            head = pre[: -len(verb)]
            word = ending(head, c.each_words)
            if word and not ending(head, c.protected):
                items = [item + verb for item in ind.split_items(head[: -len(word)])]
                each = True
    if each and len(items) == 1:
        for k in (2, 3):
            expanded = ind.split_respective(pre, k)
            if expanded:
                items = expanded
                break
    if not pre and each and respective is not None:
        d.indicators = list(respective)  # …分别达35512元、25689元，分别同比增长7.8%
        d.source_start = prev_source
        return
    verb = starting(d.gap_after, c.post_list_verbs) if growth_unit and pre and len(items) == 1 else None
    if verb:
        rest = d.gap_after[len(verb) : len(verb) + 2 * c.max_length]
        objects = ind.split_items(rest) if not rest.startswith(("“", "‘", "《")) else []  # a quoted name is one
        if len(objects) > 1 and all(len(o) <= 8 for o in objects):
            d.indicators = [pre + o for o in objects]
            d.source_start = pre_start
            return
    if len(items) > 1 and "等" not in pre and (each or growth_unit) and not starting(raw.lstrip(), c.growth):
        d.indicators = items
        d.source_start = pre_start
    elif pre and not (names_list and post):
        d.indicators = [pre + post if combine else pre]
        d.source_start = d.q.end + 1 if combine else pre_start  # after the number: its noun was taken
    elif post:
        d.indicators = [post]
        d.source_start = d.q.end + 1
    elif (verb_only := ind.clean_verb(raw)) and not growth_unit:
        d.indicators = [verb_only]  # 开工建设44943户: the verb is all the clause says
        d.source_start = pre_start
    elif prev_name:
        d.indicators = [prev_name]
        d.source_start = prev_source
    else:
        d.indicators = [pre or _from_previous_clause(doc, b)]
        d.source_start = b.clause_start
    d.indicators = [i for i in d.indicators if i] or [""]


def _from_previous_clause(doc: Doc, b: Bounds) -> str:
    """The subject of the clause before (地区生产总值跃上千亿台阶，达到1021.6亿元)."""
    c = cues()
    text = doc.report.text
    end = b.clause_start - 1
    if end <= b.sentence_start:
        return ""
    start = max(b.sentence_start, end - 2 * c.max_length)
    seg = text[start:end]
    for br in c.clause_breaks:
        k = seg.rfind(br)
        if k >= 0:
            seg = seg[k + 1 :]
    seg = ind.clean_pre(seg, True)
    g = starting(seg, c.growth)
    if g:
        seg = seg[len(g):]
    known = next((name for name in sorted(c.indicator_ids, key=len, reverse=True) if seg.startswith(name)), None)
    return known or seg


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
        stated = qual.stated_year(d.pre_raw)
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
    Stage("indicators", _indicators, ("bounds", "pre_raw", "gap_after", "run"), ("indicators", "source_start")),
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
