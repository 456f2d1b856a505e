"""Pair each target with the actual that measures the same thing in the same year.

Order of evidence: the same ``indicator_id`` (and measure) first; then the
similarity of the indicator texts once region words and filler are dropped
and written variants are mapped to one name (``fulfil.yaml``). Two indicators
with different ids are never paired, and a pair whose texts are similar but
not clearly the same is returned as ``UNCERTAIN`` so that it is shown as
such, never silently trusted. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from duban.ledger.settings import FulfilSettings
from duban.ledger.verdict import convert, unit_key
from duban.model.figure import Figure
from duban.model.fulfilment import Actual, Pairing

_PUNCT = re.compile(r"[\s，。、；：（）()“”\"'《》·,.;:]+")


def normalise_indicator(text: str, settings: FulfilSettings) -> str:
    """The indicator without region words, filler and punctuation, variants mapped to one name."""
    out = _PUNCT.sub("", text).upper()
    for word, same in settings.equivalent_words.items():
        out = out.replace(word, same)
    for variant in sorted(settings.synonyms, key=len, reverse=True):
        if variant in out:
            out = out.replace(variant, settings.synonyms[variant])
            break
    for word in settings.indicator_noise:
        out = out.replace(word, "")
    stripped = True
    while stripped:
        stripped = False
        for verb in settings.action_prefixes:
            if out.startswith(verb) and len(out) > len(verb) + 1:
                out = out[len(verb):]
                stripped = True
                break
    for tail in settings.trailing_noise:
        if out.endswith(tail) and len(out) > len(tail) + 1:
            out = out[: -len(tail)]
    return out or _PUNCT.sub("", text)


def _bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)] or [text]


def _distinction(na: str, nb: str, settings: FulfilSettings) -> str:
    """``distinct`` when the two name different things (城镇 / 农村), ``covered`` when one word covers the other's."""
    for group in settings.distinct_words:
        words_a = {w for w in group if w in na}
        words_b = {w for w in group if w in nb}
        if words_a and words_b and not words_a & words_b:
            for wide, narrow in settings.covering_words.items():
                if (wide in words_a and words_b <= set(narrow)) or (wide in words_b and words_a <= set(narrow)):
                    return "covered"
            return "distinct"
    return ""


def similarity(a: str, b: str, settings: FulfilSettings) -> float:
    """0..1: how surely two indicator texts name the same indicator."""
    na, nb = normalise_indicator(a, settings), normalise_indicator(b, settings)
    if na == nb:
        return 1.0
    for group in settings.related:
        if na in group and nb in group:
            return settings.floor
    distinction = _distinction(na, nb, settings)
    if distinction == "distinct":
        return 0.0
    score = _text_similarity(na, nb, settings)
    if distinction == "covered":
        return min(score, settings.sure - 0.01)
    if na and nb and na[-1] != nb[-1]:
        # the last character names what is counted (示范村 / 示范镇): different, at most a weak pair
        return min(score, settings.floor)
    return score


def _text_similarity(na: str, nb: str, settings: FulfilSettings) -> float:
    if not na or not nb:
        return 0.0
    grams_a, grams_b = _bigrams(na), _bigrams(nb)
    pool = list(grams_b)
    common = 0
    for gram in grams_a:
        if gram in pool:
            pool.remove(gram)
            common += 1
    dice = 2 * common / (len(grams_a) + len(grams_b))
    short, long_ = sorted((na, nb), key=len)
    ratio = len(short) / len(long_)
    if long_.startswith(short) and len(short) >= 4:
        # 一般公共预算收入 / 一般公共预算收入增幅: the longer adds words after the same subject
        return max(dice, 0.5 + 0.5 * ratio) if ratio >= 0.5 else max(dice, settings.floor)
    if long_.endswith(short):
        if ratio < 0.5:
            # 投资 inside 固定资产投资 names nothing in particular; 低效企业 inside
            # 亩均税收1万元以下低效企业 is the same thing without its condition: weak
            # (the whole shorter phrase counts one more than a shared ending of that length)
            return max(dice, _weak(len(short) + 1, settings)) if len(short) >= 3 else dice
        # 工业增加值 / 规上工业增加值: a qualifier in front may narrow it, so never sure
        return min(settings.sure - 0.01, max(dice, 0.5 + 0.5 * ratio))
    suffix = _common_suffix(na, nb)
    shared_before = suffix >= 2 and bool(set(_bigrams(na[:-suffix])) & set(_bigrams(nb[:-suffix])))
    if suffix >= 2 and not shared_before:
        # 规上工业增加值 / 文化产业增加值: alike only in what is counted, not the same thing
        return min(dice, settings.floor - 0.01)
    if shared_before:
        # 新增境内外上市和过会企业 / 新增上市企业: the same thing counted (企业) and a shared
        # qualifier (上市); possible but never sure. A shared ending alone (制造业贷款 /
        # 普惠小微贷款) is not enough.
        return min(settings.sure - 0.01, max(dice, _weak(suffix, settings)))
    return dice


def _weak(shared: int, settings: FulfilSettings) -> float:
    """A weak (uncertain) score that grows a little with the characters the two share at the end."""
    return min(settings.sure - 0.01, settings.floor + 0.01 * min(shared, 9))


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def prefix_related(a: str, b: str, settings: FulfilSettings) -> bool:
    """One indicator is the other with words added after it (一般公共预算收入 / …剔除虚增空转因素后)."""
    na, nb = normalise_indicator(a, settings), normalise_indicator(b, settings)
    short, long_ = sorted((na, nb), key=len)
    return len(short) >= 4 and long_.startswith(short)


@dataclass(frozen=True, slots=True)
class Pair:
    actual: Actual | None
    pairing: Pairing
    similarity: float


def _head(indicator: str, settings: FulfilSettings) -> str:
    text = normalise_indicator(indicator, settings)
    return text[-1] if text else ""


def _units_clash(target: Figure, actual: Actual, settings: FulfilSettings) -> bool:
    """Both units known and measuring different things (万人 / 元): never the same indicator."""
    if not target.unit or not actual.unit:
        return False
    if convert(1.0, actual.unit, target.unit, settings) is not None:
        return False
    same_base = bool(target.base_unit and actual.base_unit
                     and unit_key(target.base_unit) == unit_key(actual.base_unit))
    return not same_base


def _same_kind(target: Figure, actual: Actual) -> bool:
    return (target.measure == "growth") == (actual.measure == "growth")


def _year_fits(target: Figure, actual: Actual) -> bool:
    return target.year is None or actual.year is None or actual.year == target.year


def pair_target(target: Figure, actuals: Sequence[Actual], settings: FulfilSettings) -> Pair:
    """The best actual for ``target``, how sure the pairing is, and the similarity."""
    best: tuple[tuple[int, int, int, float, int, int, int], Actual, Pairing, float] | None = None
    for index, actual in enumerate(actuals):
        if not _year_fits(target, actual) or actual.period_average:
            continue
        if target.indicator_id and actual.indicator_id and target.indicator_id != actual.indicator_id:
            continue
        if target.indicator_id and target.indicator_id == actual.indicator_id:
            sim, how = 1.0, Pairing.ID if target.measure == actual.measure else Pairing.TEXT
        else:
            sim = similarity(target.indicator, actual.indicator, settings)
            if sim < settings.floor:
                continue
            how = Pairing.TEXT if sim >= settings.sure else Pairing.UNCERTAIN
        if _same_kind(target, actual) and _units_clash(target, actual, settings):
            continue
        if how is Pairing.UNCERTAIN and not _same_kind(target, actual) \
                and not prefix_related(target.indicator, actual.indicator, settings):
            continue  # a doubtful pair that could only say "not comparable" says nothing
        same_measure = 2 if target.measure == actual.measure else 1 if _same_kind(target, actual) else 0
        same_unit = 1 if (actual.unit or "") == (target.unit or "") else 0
        sure = 1 if how is not Pairing.UNCERTAIN else 0
        head = 1 if _head(target.indicator, settings) == _head(actual.indicator, settings) else 0
        key = (sure, 1 if same_measure else 0, head, sim, same_measure, same_unit, -index)
        if best is None or key > best[0]:
            best = (key, actual, how, sim)
    if best is None:
        return Pair(None, Pairing.NONE, 0.0)
    return Pair(best[1], best[2], best[3])
