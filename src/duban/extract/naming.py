"""Which indicator each figure names, decided sentence by sentence.

The phrase rules live in ``indicators.py``; here they are applied to runs of
numbers (67351元、37767元), to 分别/均 lists, to figures that point back to
the previous indicator (同比增长7.1%, 占…81.6%, 比去年增加…) and to counts
whose noun follows the number (完成10个数字化车间).
"""

from __future__ import annotations

from duban.extract import indicators as ind
from duban.extract.clauses import Bounds
from duban.extract.cues import cues, ending, starting
from duban.extract.draft import GROWTH_UNITS, Doc, Draft


def name_figures(doc: Doc) -> None:
    """Set ``indicators`` and ``source_start`` of every draft."""
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
        expanded = ind.split_respective(pre, n) if len(items) in (1, n - 1) else []
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
