"""The unit after a number, from ``units.yaml``; numbers with units become quantities.

A quantity is a number (or a range of two) with its unit as written, scale
word included (1021.6亿元 → 1021.6, 亿元), the 余/多 written inside it
(700余名, 620多万套), and its value in base units (1021.6亿元 → 102160000000
元). A number with no unit is not a quantity, except a fraction (1/4) and a
ratio (1.81:1). Everything here looks a bounded number of characters past
each number, so a scan is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from duban.extract.numbers import Number, scan_numbers
from duban.lexicon.schema import CuesFile, UnitEntry, UnitsFile, load_checked

_BRACKETS = {"（": "）", "(": ")"}
_LIST_GAPS = ("和", "、", "及", "与")


@dataclass(slots=True)
class Quantity:
    """A number with its unit: the span a figure reports."""

    start: int  # span: number(s) with unit, 余/多 included
    end: int
    value: float
    value_max: float | None
    unit: str | None  # as written, scale included
    scale: float
    base_unit: str | None
    unit_measure: str | None  # percent | points | multiple | fraction | ratio | None
    approx: str | None  # comparator written inside the number (余/多)
    number_end: int  # end of the (last) digits, before 余/多 and unit
    excluded_unit: bool = False
    category: str | None = None

    @property
    def value_base(self) -> float | None:
        """The value in base units (亿元 → 元), where the unit allows it."""
        if self.unit_measure in ("percent", "points", "multiple", "fraction", "ratio"):
            return None
        if self.base_unit is None and self.scale == 1.0:
            return None
        return self.value * self.scale


@dataclass(frozen=True, slots=True)
class _Lexicon:
    scales: tuple[tuple[str, float], ...]  # longest first
    scale_of: dict[str, float]
    standalone: frozenset[str]
    units: tuple[UnitEntry, ...]  # longest name first
    by_first: dict[str, tuple[UnitEntry, ...]]  # units by first character, longest first
    scale_first: frozenset[str]
    per: tuple[str, ...]
    qualifiers: frozenset[str]
    approx: dict[str, str]
    range_seps: tuple[str, ...]
    ordinal: str
    bare_ends: str
    bare_end_words: tuple[str, ...]
    index_words: tuple[str, ...]
    index_links: tuple[str, ...]


@lru_cache(maxsize=4)
def _lexicon(_key: int = 0) -> _Lexicon:
    data = load_checked("units.yaml", UnitsFile)
    cues = load_checked("cues.yaml", CuesFile)
    return _Lexicon(
        scales=tuple(sorted(data.scales.items(), key=lambda kv: -len(kv[0]))),
        scale_of=dict(data.scales),
        standalone=frozenset(data.standalone_scales),
        units=tuple(sorted(data.units, key=lambda u: -len(u.name))),
        by_first={ch: tuple(u for u in sorted(data.units, key=lambda u: -len(u.name)) if u.name[0] == ch)
                  for ch in {u.name[0] for u in data.units}},
        scale_first=frozenset(w[0] for w in data.scales),
        per=tuple(sorted(data.per, key=len, reverse=True)),
        qualifiers=frozenset(data.qualifier_brackets),
        approx=dict(cues.approx_in_number),
        range_seps=tuple(sorted(cues.range_separators, key=len, reverse=True)),
        ordinal=data.bare.ordinal,
        bare_ends=data.bare.ends,
        bare_end_words=tuple(data.bare.end_words),
        index_words=tuple(sorted(data.bare.index_words, key=len, reverse=True)),
        index_links=tuple(sorted(data.bare.index_links, key=len, reverse=True)) + ("",),
    )


def lexicon() -> _Lexicon:
    """The loaded unit lexicon (cached; cleared by lexicon.schema.clear_cache via reload)."""
    return _lexicon()


def _starts(folded: str, pos: int, words: tuple[str, ...]) -> str | None:
    for w in words:
        if folded.startswith(w, pos):
            return w
    return None


def read_unit(text: str, folded: str, number: Number) -> Quantity | None:
    """The quantity made by ``number`` and the unit written right after it."""
    lex = lexicon()
    pos = number.end
    n = len(folded)
    # isdecimal, not isdigit: superscripts and circled numbers (m², ①) are digits to
    # isdigit but no number float() can read.
    if pos < n and folded[pos] == "/" and pos + 1 < n and folded[pos + 1].isdecimal():
        # a fraction 1/4
        j = pos + 1
        while j < n and folded[j].isdecimal() and j - pos < 8:
            j += 1
        denominator = float(folded[pos + 1 : j])
        if denominator == 0 or (j < n and folded[j] in "./"):
            return None
        return Quantity(number.start, j, number.value / denominator, None, None, 1.0, None,
                        "fraction", None, j)
    if (folded.startswith(":1", pos) or folded.startswith("：1", pos)) \
            and not (pos + 2 < n and (folded[pos + 2].isdecimal() or folded[pos + 2] in ".:：")) \
            and not (number.start > 0 and folded[number.start - 1] in ":："):  # 7:2:1 is a proportion
        return Quantity(number.start, pos + 2, number.value, None, text[pos : pos + 2], 1.0, None,
                            "ratio", None, pos + 2)
    approx: str | None = None
    written: list[str] = []
    for mark, comp in lex.approx.items():
        if folded.startswith(mark, pos):
            approx, pos = comp, pos + len(mark)
            break
    scale_word = None
    if pos < n and folded[pos] in lex.scale_first:
        scale_word = next((w for w, _ in lex.scales if folded.startswith(w, pos)), None)
    scale = 1.0
    if scale_word:
        scale = lex.scale_of[scale_word]
        written.append(text[pos : pos + len(scale_word)])
        pos += len(scale_word)
        if approx is None:
            for mark, comp in lex.approx.items():
                if folded.startswith(mark, pos):
                    approx, pos = comp, pos + len(mark)
                    break
        second = next((w for w, _ in lex.scales if folded.startswith(w, pos)), None) if approx else None
        if second:  # 4万多亿元: 4万亿 with 多 written between the scales
            scale *= lex.scale_of[second]
            written.append(text[pos : pos + len(second)])
            scale_word += second
            pos += len(second)
    unit = None
    for entry in lex.by_first.get(folded[pos], ()) if pos < n else ():
        if folded.startswith(entry.name, pos):
            if scale_word and not entry.scalable:
                continue
            if entry.needs_scale and not scale_word:
                continue
            after = pos + len(entry.name)
            if entry.not_before and after < n and folded[after] in entry.not_before:
                continue
            decimal = entry.decimal_ok and "." in folded[number.start : number.end]
            if entry.needs_before and not decimal and not any(
                folded.endswith(w, max(0, number.start - len(w)), number.start) for w in entry.needs_before
            ):
                continue
            unit = entry
            break
    if unit is None and (not scale_word or scale_word not in lex.standalone):
        return _bare(folded, number, pos) if not scale_word and approx is None else None
    base_unit: str | None = None
    measure: str | None = None
    excluded = False
    if unit is not None:
        written.append(text[pos : pos + len(unit.name)])
        pos += len(unit.name)
        base_unit = unit.base
        measure = unit.measure
        excluded = unit.excluded
        scale *= unit.factor
        if folded.startswith("/", pos):
            per = _starts(folded, pos + 1, lex.per)
            if per:
                written.append(text[pos : pos + 1 + len(per)])
                pos += 1 + len(per)
                base_unit = f"{base_unit}/{per}" if base_unit else None
        if pos < n and text[pos] in _BRACKETS:
            close = _BRACKETS[text[pos]]
            end = text.find(close, pos + 1, pos + 5)
            if end > 0 and text[pos + 1 : end] in lex.qualifiers:
                written.append(text[pos : end + 1])
                pos = end + 1
    return Quantity(number.start, pos, number.value, None, "".join(written), scale, base_unit, measure,
                    approx, number.end, excluded, unit.category if unit is not None else None)


def _bare(folded: str, number: Number, pos: int) -> Quantity | None:
    """A rank (位居全球第1，) or an index value (融合指数达到45.3，) written without a unit."""
    lex = lexicon()
    if pos < len(folded) and folded[pos] not in lex.bare_ends \
            and not any(folded.startswith(w, pos) for w in lex.bare_end_words):
        return None
    before = folded[max(0, number.start - 8) : number.start]
    measure = None
    if before.endswith(lex.ordinal):
        measure = "rank"
    else:
        for link in lex.index_links:
            if before.endswith(link) and any(before[: len(before) - len(link)].endswith(w) for w in lex.index_words):
                measure = "index"
                break
    if measure is None:
        return None
    return Quantity(number.start, number.end, number.value, None, None, 1.0, None, measure, None, number.end)


def _merge_range(folded: str, first: Quantity | None, first_number: Number, second: Quantity) -> Quantity | None:
    """``4至6家`` / ``6%—6.5%``: one range quantity, or None when not a range."""
    lex = lexicon()
    gap_start = first.end if first is not None else first_number.end
    sep = _starts(folded, gap_start, lex.range_seps)
    if sep is None or gap_start + len(sep) != second.start:
        return None
    if first is not None and (first.unit != second.unit or first.approx):
        return None
    if first_number.value >= second.value:
        return None
    return Quantity(first_number.start, second.end, first_number.value, second.value, second.unit, second.scale,
                    second.base_unit, second.unit_measure, None, second.number_end, second.excluded_unit,
                    second.category)


def find_quantities(text: str, folded: str) -> list[Quantity]:
    """Every number-with-unit in the text, ranges merged, left to right."""
    numbers = scan_numbers(folded)
    out: list[Quantity] = []
    pending: tuple[Number, Quantity | None] | None = None
    orphans: list[Number] = []  # unitless numbers of a list waiting for the unit of its last (0.36和0.67个百分点)
    for number in numbers:
        quantity = read_unit(text, folded, number)
        if quantity is None:
            if not (orphans and folded[orphans[-1].end : number.start] in _LIST_GAPS):
                orphans = []
            orphans.append(number)
        else:
            if orphans and quantity.unit and folded[orphans[-1].end : number.start] in _LIST_GAPS:
                for o in orphans:
                    out.append(Quantity(o.start, o.end, o.value, None, quantity.unit, quantity.scale,
                                        quantity.base_unit, quantity.unit_measure, None, o.end,
                                        quantity.excluded_unit, quantity.category))
            orphans = []
        if pending is not None and quantity is not None:
            merged = _merge_range(folded, pending[1], pending[0], quantity)
            if merged is not None:
                if pending[1] is not None and out and out[-1] is pending[1]:
                    out.pop()
                out.append(merged)
                pending = None
                continue
        pending = (number, quantity)
        if quantity is not None:
            _complete_elliptical(folded, out, quantity)
            out.append(quantity)
    return out


def _complete_elliptical(folded: str, out: list[Quantity], quantity: Quantity) -> None:
    """分别提高1.5个和2个百分点: the first unit is the second, written short."""
    if not out or quantity.unit is None:
        return
    prev = out[-1]
    gap = folded[prev.end : quantity.start]
    if prev.unit and prev.unit != quantity.unit and quantity.unit.startswith(prev.unit) \
            and gap in ("和", "、", "与", "及", "至", "到"):
        prev.unit = quantity.unit
        prev.unit_measure = quantity.unit_measure
        prev.base_unit = quantity.base_unit
        prev.scale = quantity.scale
