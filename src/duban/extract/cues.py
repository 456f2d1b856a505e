"""``cues.yaml`` made ready for matching: word lists sorted longest first, patterns compiled.

Only lookup helpers live here (does a text end with one of these words?);
what the words mean is decided in ``indicators.py`` and ``qualifiers.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from duban.lexicon.schema import CuesFile, IndicatorsFile, load_checked


class Words(tuple[str, ...]):
    """Words longest first, with an index by length so that the longest word a
    text starts or ends with is found by a few set lookups, not a scan."""

    _by_length: tuple[tuple[int, frozenset[str]], ...]

    def __new__(cls, words: list[str] | tuple[str, ...]) -> Words:  # noqa: PYI034
        ordered = sorted(set(words), key=lambda w: (-len(w), w))
        self = super().__new__(cls, ordered)
        lengths = sorted({len(w) for w in ordered}, reverse=True)
        self._by_length = tuple((n, frozenset(w for w in ordered if len(w) == n)) for n in lengths)
        return self

    def __add__(self, other: tuple[str, ...]) -> Words:  # type: ignore[override]
        return Words(tuple(self) + tuple(other))

    def start(self, text: str, pos: int = 0) -> str | None:
        for n, group in self._by_length:
            piece = text[pos : pos + n]
            if len(piece) == n and piece in group:
                return piece
        return None

    def end(self, text: str) -> str | None:
        size = len(text)
        for n, group in self._by_length:
            if n <= size and text[size - n :] in group:
                return text[size - n :]
        return None


def _longest_first(words: list[str] | tuple[str, ...]) -> Words:
    return Words(words)


def ending(text: str, words: tuple[str, ...]) -> str | None:
    """The longest word of ``words`` that ``text`` ends with."""
    if isinstance(words, Words):
        return words.end(text)
    for w in sorted(words, key=len, reverse=True):
        if text.endswith(w):
            return w
    return None


def starting(text: str, words: tuple[str, ...], pos: int = 0) -> str | None:
    """The longest word of ``words`` that ``text`` starts with at ``pos``."""
    if isinstance(words, Words):
        return words.start(text, pos)
    for w in sorted(words, key=len, reverse=True):
        if text.startswith(w, pos):
            return w
    return None


@dataclass(frozen=True, slots=True)
class Cues:
    clause_breaks: str
    list_separators: tuple[str, ...]
    run_separators: tuple[str, ...]
    respective: tuple[str, ...]
    each: tuple[str, ...]
    each_words: tuple[str, ...]
    comparators_before: dict[str, str]
    before_words: tuple[str, ...]
    comparators_after: dict[str, str]
    after_words: tuple[str, ...]
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    growth: tuple[str, ...]
    to_level: tuple[str, ...]
    from_words: tuple[str, ...]
    rate_suffixes: tuple[str, ...]
    per_markers: tuple[str, ...]
    share_words: tuple[str, ...]
    background: tuple[re.Pattern[str], ...]
    current_year_paragraph: tuple[str, ...]
    actual_sentence: tuple[str, ...]
    leading: tuple[str, ...]
    leading_patterns: tuple[re.Pattern[str], ...]
    remove_patterns: tuple[re.Pattern[str], ...]
    trailing: tuple[str, ...]
    trailing_growth: tuple[str, ...]
    trailing_all: tuple[str, ...]
    cut_after: tuple[str, ...]
    generic: frozenset[str]
    post_stop: tuple[str, ...]
    post_stops: tuple[str, ...]
    post_stops_growth: tuple[str, ...]
    name_list_marks: tuple[str, ...]
    post_list_verbs: tuple[str, ...]
    from_window: int
    list_heads: tuple[str, ...]
    protected: tuple[str, ...]
    paired_qualifiers: tuple[str, ...]
    short_item: int
    max_length: int
    region_prefixes: tuple[str, ...]
    indicator_ids: dict[str, str]
    target_cues: tuple[str, ...]
    colon_window: int
    commentary: tuple[str, ...]
    respective_expansions: dict[str, list[str]]


@lru_cache(maxsize=4)
def cues(_key: int = 0) -> Cues:
    """The loaded cue lexicon, with the indicator-id table."""
    data = load_checked("cues.yaml", CuesFile)
    ind = data.indicator
    ids = load_checked("indicators.yaml", IndicatorsFile)
    table = {name: entry.id for entry in ids.indicators for name in entry.names}
    table.update({entry.name: entry.id for entry in ids.indicators})
    increase = _longest_first(data.growth_verbs.increase)
    decrease = _longest_first(data.growth_verbs.decrease)
    return Cues(
        clause_breaks=data.clause_breaks,
        list_separators=_longest_first(data.list_separators),
        run_separators=_longest_first(data.run_separators),
        respective=_longest_first(data.respective),
        each=_longest_first(data.each),
        each_words=_longest_first(data.each + data.respective),
        comparators_before=dict(data.comparators_before),
        before_words=_longest_first(list(data.comparators_before)),
        comparators_after=dict(data.comparators_after),
        after_words=_longest_first(list(data.comparators_after)),
        increase=increase,
        decrease=decrease,
        growth=_longest_first(increase + decrease),
        to_level=_longest_first(data.to_level_verbs),
        from_words=_longest_first(data.from_words),
        rate_suffixes=_longest_first(data.rate_suffixes),
        per_markers=_longest_first(data.per_markers),
        share_words=_longest_first(data.share_words),
        background=tuple(re.compile(p) for p in data.kind.background_patterns),
        current_year_paragraph=_longest_first(data.kind.current_year_paragraph),
        actual_sentence=_longest_first(data.kind.actual_sentence),
        leading=_longest_first(ind.leading),
        leading_patterns=tuple(re.compile(p) for p in ind.leading_patterns),
        remove_patterns=tuple(re.compile(p) for p in ind.remove_patterns),
        trailing=_longest_first(ind.trailing),
        trailing_growth=_longest_first(ind.trailing_growth),
        trailing_all=_longest_first(ind.trailing + ind.trailing_growth),
        cut_after=_longest_first(ind.cut_after),
        generic=frozenset(ind.generic),
        post_stop=_longest_first(ind.post_stop),
        post_stops=_longest_first(ind.post_stop + data.run_separators + data.to_level_verbs),
        post_stops_growth=_longest_first(ind.post_stop + data.run_separators + data.to_level_verbs
                                         + data.growth_verbs.increase + data.growth_verbs.decrease),
        name_list_marks=_longest_first(ind.name_list_marks),
        post_list_verbs=_longest_first(ind.post_list_verbs),
        from_window=ind.from_window,
        list_heads=_longest_first(ind.list_heads),
        protected=_longest_first(ind.protected),
        paired_qualifiers=_longest_first(ind.paired_qualifiers),
        short_item=ind.short_item,
        max_length=ind.max_length,
        region_prefixes=_longest_first(ind.region_prefixes),
        indicator_ids=table,
        target_cues=_longest_first(data.main_targets.cues),
        colon_window=data.main_targets.colon_window,
        commentary=_longest_first(data.main_targets.commentary),
        respective_expansions=dict(data.respective_expansions),
    )
