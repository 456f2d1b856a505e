"""The verdict on one target against one actual: met, missed, partly, not comparable.

Comparator semantics (issue 6):

- ``=`` (达到, 增长7%): met at or above the target; for an indicator where less
  is better (prices, unemployment, energy use …, listed in ``fulfil.yaml``)
  and for a decrease (下降3%, value −3) met at or below it, i.e. by a decrease
  at least as large;
- ``~`` (左右, 约): met within the tolerance band (default ±0.5 points for
  percentages), and beyond it on the favourable side; missed beyond it on the
  other side;
- ``>=``/``>``/``<=``/``<``: as written;
- ``range`` (6%—6.5%): met inside, and above the top (below the bottom where
  less is better); partly when short of the floor by no more than the partly
  margin; missed otherwise.

A target and an actual of different measures are compared only when a base
turns one into the other (a level target, a growth actual and the base-year
level); otherwise the verdict is not comparable. Units at different scales
(万元 and 亿元) are converted through ``unit_scales``. Pure: no I/O.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from duban.ledger.settings import FulfilSettings, is_percent
from duban.model.figure import Figure
from duban.model.fulfilment import Actual, Verdict

_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    reason: str


def fmt(value: float) -> str:
    """A number as a report writes it: no trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def show(value: float, unit: str | None) -> str:
    return f"{fmt(value)}{unit or ''}"


def show_measured(value: float, unit: str | None, measure: str) -> str:
    """A value as a report writes it; a negative growth as a decrease (下降2.6%)."""
    if measure == "growth" and value < 0:
        return f"下降{show(-value, unit)}"
    return show(value, unit)


def describe_target(target: Figure) -> str:
    """The target in words: 6%—6.5%, 1100万人以上, 3%左右, 下降3%左右."""
    unit = target.unit
    if target.comparator == "range" and target.value_max is not None:
        return f"{fmt(target.value)}{unit or ''}—{show(target.value_max, unit)}"
    written = show_measured(target.value, unit, target.measure)
    if target.comparator == ">":
        return f"超过{written}"
    suffix = {">=": "以上", "<=": "以内", "<": "以下", "~": "左右"}.get(target.comparator, "")
    return written + suffix


def lower_is_better(target: Figure, settings: FulfilSettings) -> bool:
    """Less is better for a price, unemployment, energy-use … indicator, and for a decrease target."""
    if any(word in target.indicator for word in settings.lower_is_better):
        return True
    return target.measure == "growth" and target.value < 0


def unit_key(unit: str | None) -> str:
    """A unit as compared: full width folded (％ → %), no spaces."""
    return unicodedata.normalize("NFKC", unit or "").replace(" ", "")


def convert(value: float, unit: str | None, to_unit: str | None, settings: FulfilSettings) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit``; None when the units measure different things."""
    a, b = unit_key(unit), unit_key(to_unit)
    if a == b:
        return value
    src = settings.unit_scales.get(a)
    dst = settings.unit_scales.get(b)
    if src is None or dst is None or src[0] != dst[0]:
        return None
    return value * src[1] / dst[1]


def _comparable_value(target: Figure, actual: Actual, settings: FulfilSettings) -> tuple[float | None, str]:
    """The actual in the target's unit, or None and the reason it cannot be compared.

    A growth and a level (or rate) are never compared: turning one into the
    other needs the base year's level, and a stated growth is often at
    comparable prices while a level is at current prices.
    """
    t_growth = target.measure == "growth"
    a_growth = actual.measure == "growth"
    if t_growth != a_growth:
        wanted = "增速" if t_growth else "总量或比率"
        got = "增速" if a_growth else "总量或比率"
        return None, f"目标是{wanted}，实际只有{got}，缺少基数，无法比较"
    value = convert(actual.value, actual.unit, target.unit, settings)
    if value is None and is_percent(target.unit) and actual.unit is None and t_growth:
        value = actual.value
    if value is None and target.value_base and actual.value_base and target.base_unit \
            and unit_key(target.base_unit) == unit_key(actual.base_unit):
        # both in the extractor's base units (元, 人 …): compare there, report in the target's unit
        value = actual.value_base * target.value / target.value_base
    if value is None:
        return None, f"单位不同（目标{target.unit or '无单位'}，实际{actual.unit or '无单位'}），无法换算"
    return value, ""


def judge(target: Figure, actual: Actual, settings: FulfilSettings) -> Judgement:
    """The verdict on ``target`` given ``actual`` and why, in Chinese."""
    value, note = _comparable_value(target, actual, settings)
    if value is None:
        return Judgement(Verdict.NOT_COMPARABLE, note)
    unit = target.unit
    lower = lower_is_better(target, settings)
    goal = describe_target(target)
    got = f"实际{show_measured(value, unit, target.measure)}"
    if note:
        got += f"（{note}）"
    if actual.comparator in (">", ">=", "<", "<=", "~"):
        got += {">": "（超过该值）", ">=": "（不低于该值）", "<": "（不到该值）", "<=": "（不超过该值）", "~": "（约数）"}[
            actual.comparator
        ]
    gap = abs(value - target.value)
    gap_text = f"{fmt(gap)}个百分点" if is_percent(unit) else show(gap, unit)

    comparator = target.comparator
    if comparator == "range" and target.value_max is not None:
        return _judge_range(target, value, lower, got, goal, settings)
    if comparator == "~":
        band = settings.tolerance.band(target.value, unit)
        if gap <= band + _EPS:
            return Judgement(Verdict.MET, f"{got}，在目标{goal}的允许范围（±{_band_text(band, unit)}）之内")
        favourable = value < target.value if lower else value > target.value
        if favourable:
            word = "低于" if lower else "高于"
            return Judgement(Verdict.MET, f"{got}，{word}目标{goal}，好于预期")
        word = "高于" if lower else "低于"
        return Judgement(Verdict.MISSED, f"{got}，{word}目标{goal}，超出允许范围（±{_band_text(band, unit)}），差{gap_text}")
    checks = {
        ">=": (value >= target.value - _EPS, "达到", "低于"),
        ">": (value > target.value + _EPS, "超过", "未超过"),
        "<=": (value <= target.value + _EPS, "控制在", "超过"),
        "<": (value < target.value - _EPS, "低于", "未低于"),
    }
    if comparator in checks:
        ok, yes, no = checks[comparator]
        if ok:
            return Judgement(Verdict.MET, f"{got}，{yes}目标{goal}")
        return Judgement(Verdict.MISSED, f"{got}，{no}目标{goal}，差{gap_text}")
    # "=" and anything unrecognised: at or above (at or below where less is better)
    ok = value <= target.value + _EPS if lower else value >= target.value - _EPS
    if ok:
        if gap <= _EPS:
            return Judgement(Verdict.MET, f"{got}，达到目标{goal}")
        word = "低于" if lower else "超过"
        tail = "（降幅达到目标）" if target.measure == "growth" and target.value < 0 else ""
        return Judgement(Verdict.MET, f"{got}，{word}目标{goal}{tail}")
    word = "高于" if lower else "低于"
    tail = "（降幅不及目标）" if target.measure == "growth" and target.value < 0 else ""
    return Judgement(Verdict.MISSED, f"{got}，{word}目标{goal}{tail}，差{gap_text}")


def _band_text(band: float, unit: str | None) -> str:
    return f"{fmt(band)}个百分点" if is_percent(unit) else show(band, unit)


def _judge_range(
    target: Figure, value: float, lower: bool, got: str, goal: str, settings: FulfilSettings
) -> Judgement:
    low, high = target.value, target.value_max if target.value_max is not None else target.value
    if low > high:
        low, high = high, low
    if low - _EPS <= value <= high + _EPS:
        return Judgement(Verdict.MET, f"{got}，在目标区间{goal}之内")
    above = value > high
    if above != lower:
        word = "高于" if above else "低于"
        return Judgement(Verdict.MET, f"{got}，{word}目标区间{goal}，好于预期")
    edge = high if above else low
    short = abs(value - edge)
    margin = settings.partly_margin.band(edge, target.unit)
    short_text = f"{fmt(short)}个百分点" if is_percent(target.unit) else show(short, target.unit)
    word = "高于" if above else "低于"
    if short <= margin + _EPS:
        return Judgement(Verdict.PARTLY, f"{got}，略{word}目标区间{goal}（差{short_text}），基本完成")
    return Judgement(Verdict.MISSED, f"{got}，{word}目标区间{goal}，差{short_text}")
