"""The verdict rules, one test per rule, on hand-made figures."""

from __future__ import annotations

import pytest

from duban.ledger.fulfil import fulfil, tally
from duban.ledger.settings import load_settings
from duban.ledger.verdict import judge
from duban.model.figure import Figure
from duban.model.fulfilment import Actual, Pairing, Verdict

SETTINGS = load_settings()


def target(
    indicator: str,
    value: float,
    unit: str | None = "%",
    measure: str = "growth",
    comparator: str = "=",
    value_max: float | None = None,
    value_base: float | None = None,
    indicator_id: str | None = None,
) -> Figure:
    return Figure(
        start=0, end=1, text="", kind="target", year=2019, indicator=indicator, measure=measure,
        value=value, value_max=value_max, unit=unit, comparator=comparator, quote=f"{indicator}{value}",
        value_base=value_base, indicator_id=indicator_id,
    )


def actual(
    indicator: str, value: float, unit: str | None = "%", measure: str = "growth", year: int | None = 2019,
    indicator_id: str | None = None, comparator: str = "=",
) -> Actual:
    return Actual(indicator=indicator, measure=measure, value=value, unit=unit, year=year, source="test",
                  quote=f"{indicator}{value}", indicator_id=indicator_id, comparator=comparator)


def verdict(t: Figure, a: Actual) -> Verdict:
    return judge(t, a, SETTINGS).verdict


@pytest.mark.parametrize(
    ("value", "expected"), [(7.1, Verdict.MET), (7.0, Verdict.MET), (6.9, Verdict.MISSED)]
)
def test_verdict_equals_met_at_or_above(value: float, expected: Verdict) -> None:
    assert verdict(target("地区生产总值", 7.0), actual("地区生产总值", value)) is expected


def test_verdict_equals_level_target_in_other_scale() -> None:
    t = target("一般公共预算收入", 84.5, "亿元", "level")
    assert verdict(t, actual("一般公共预算收入", 851000, "万元", "level")) is Verdict.MET
    assert verdict(t, actual("一般公共预算收入", 840000, "万元", "level")) is Verdict.MISSED


@pytest.mark.parametrize(
    ("value", "expected"),
    [(6.5, Verdict.MET), (6.0, Verdict.MET), (7.0, Verdict.MET), (8.0, Verdict.MET), (5.9, Verdict.MISSED)],
)
def test_verdict_approximately_within_tolerance_or_better(value: float, expected: Verdict) -> None:
    """地区生产总值增长6.5%左右: ±0.5 points, and above is better."""
    assert verdict(target("地区生产总值", 6.5, comparator="~"), actual("地区生产总值", value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"), [(3.4, Verdict.MET), (2.0, Verdict.MET), (3.0, Verdict.MET), (3.6, Verdict.MISSED)]
)
def test_verdict_approximately_lower_is_better(value: float, expected: Verdict) -> None:
    """居民消费价格涨幅3%左右: a ceiling in practice; below it is met."""
    assert verdict(target("居民消费价格", 3.0, comparator="~"), actual("居民消费价格", value)) is expected


def test_verdict_tolerance_is_configurable() -> None:
    strict = load_settings(tolerance_points=0.1)
    t = target("居民消费价格", 3.0, comparator="~")
    assert judge(t, actual("居民消费价格", 3.4), strict).verdict is Verdict.MISSED
    assert judge(t, actual("居民消费价格", 3.4), SETTINGS).verdict is Verdict.MET


def test_verdict_approximately_non_percent_uses_relative_band() -> None:
    t = target("粮食产量", 1.3, "万亿斤", "level", "~")
    assert verdict(t, actual("粮食产量", 12900, "亿斤", "level")) is Verdict.MET
    assert verdict(t, actual("粮食产量", 12000, "亿斤", "level")) is Verdict.MISSED


@pytest.mark.parametrize(("value", "expected"), [(3.5, Verdict.MET), (3.2, Verdict.MET), (3.6, Verdict.MISSED)])
def test_verdict_at_most(value: float, expected: Verdict) -> None:
    """城镇登记失业率控制在3.5%以内."""
    t = target("城镇登记失业率", 3.5, measure="rate", comparator="<=")
    assert verdict(t, actual("城镇登记失业率", value, measure="rate")) is expected


@pytest.mark.parametrize(("value", "expected"), [(2.9, Verdict.MET), (3.0, Verdict.MISSED)])
def test_verdict_below(value: float, expected: Verdict) -> None:
    t = target("城镇登记失业率", 3.0, measure="rate", comparator="<")
    assert verdict(t, actual("城镇登记失业率", value, measure="rate")) is expected


@pytest.mark.parametrize(("value", "expected"), [(1100, Verdict.MET), (1361, Verdict.MET), (1099, Verdict.MISSED)])
def test_verdict_at_least(value: float, expected: Verdict) -> None:
    """城镇新增就业1100万人以上."""
    t = target("城镇新增就业", 1100, "万人", "level", ">=")
    assert verdict(t, actual("城镇新增就业", value, "万人", "level")) is expected


@pytest.mark.parametrize(("value", "expected"), [(2.81, Verdict.MET), (2.8, Verdict.MISSED)])
def test_verdict_above_as_written(value: float, expected: Verdict) -> None:
    """研发经费支出占比超过2.8%: equal is not above."""
    t = target("研发经费支出占比", 2.8, measure="rate", comparator=">")
    assert verdict(t, actual("研发经费支出占比", value, measure="rate")) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(6.0, Verdict.MET), (6.1, Verdict.MET), (6.5, Verdict.MET), (6.8, Verdict.MET),
     (5.7, Verdict.PARTLY), (5.0, Verdict.MISSED)],
)
def test_verdict_range(value: float, expected: Verdict) -> None:
    """国内生产总值增长6%—6.5%: inside or above is met, just below is partly."""
    t = target("国内生产总值", 6.0, comparator="range", value_max=6.5)
    assert verdict(t, actual("国内生产总值", value)) is expected


@pytest.mark.parametrize(("value", "expected"), [(-3.1, Verdict.MET), (-3.0, Verdict.MET), (-2.0, Verdict.MISSED)])
def test_verdict_decrease_met_by_larger_decrease(value: float, expected: Verdict) -> None:
    """一般性支出压减5%: a decrease target is met by a decrease at least as large."""
    t = target("一般性支出", -3.0)
    assert verdict(t, actual("一般性支出", value)) is expected


@pytest.mark.parametrize(("value", "expected"), [(-2.6, Verdict.MET), (-4.0, Verdict.MET), (-2.4, Verdict.MISSED)])
def test_verdict_decrease_approximately(value: float, expected: Verdict) -> None:
    """单位国内生产总值能耗下降3%左右."""
    t = target("单位国内生产总值能耗", -3.0, comparator="~")
    assert verdict(t, actual("单位国内生产总值能耗", value)) is expected


def test_verdict_level_target_growth_actual_not_comparable() -> None:
    t = target("地区生产总值", 282, "亿元", "level")
    result = judge(t, actual("地区生产总值", 8.0), SETTINGS)
    assert result.verdict is Verdict.NOT_COMPARABLE
    assert "基数" in result.reason


def test_verdict_growth_target_level_actual_not_comparable() -> None:
    t = target("社会消费品零售总额", 11.5)
    result = judge(t, actual("社会消费品零售总额", 136.3, "亿元", "level"), SETTINGS)
    assert result.verdict is Verdict.NOT_COMPARABLE


def test_verdict_full_width_percent() -> None:
    assert verdict(target("固定资产投资", 25.0, "％"), actual("固定资产投资", 26.0)) is Verdict.MET


def test_verdict_units_through_base_units() -> None:
    """Units the fulfilment table does not list compare through the extractor's base units."""
    t = target("造林", 2, "万公顷", "level")
    t.value_base, t.base_unit = 20000, "公顷"
    a = actual("造林", 25000, "公顷", "level")
    a.value_base, a.base_unit = 25000, "公顷"
    assert verdict(t, a) is Verdict.MET


def test_verdict_units_that_cannot_convert() -> None:
    t = target("新建学校", 5, "所", "level")
    assert verdict(t, actual("新建学校", 5, "个", "level")) is Verdict.NOT_COMPARABLE


def test_fulfil_missing_data() -> None:
    results = fulfil([target("社会消费品零售总额", 8.0)], [actual("地区生产总值", 7.0)], SETTINGS)
    assert results[0].verdict is Verdict.NO_DATA
    assert results[0].actual is None
    assert "社会消费品零售总额" in results[0].reason


def test_fulfil_ignores_other_years() -> None:
    results = fulfil([target("地区生产总值", 7.0)], [actual("地区生产总值", 7.5, year=2018)], SETTINGS)
    assert results[0].verdict is Verdict.NO_DATA


def test_fulfil_pairs_by_indicator_id_first() -> None:
    t = target("经济增长", 6.5, indicator_id="gdp")
    a = actual("生产总值", 6.8, indicator_id="gdp")
    result = fulfil([t], [actual("居民消费价格", 2.9), a], SETTINGS)[0]
    assert result.actual is a
    assert result.pairing is Pairing.ID


def test_fulfil_never_pairs_different_ids() -> None:
    t = target("城镇居民人均可支配收入", 8.0, indicator_id="urban_income")
    a = actual("农村居民人均可支配收入", 9.0, indicator_id="rural_income")
    assert fulfil([t], [a], SETTINGS)[0].verdict is Verdict.NO_DATA


def test_fulfil_synonyms_pair_surely() -> None:
    t = target("地区生产总值", 7.0)
    result = fulfil([t], [actual("全市生产总值", 7.2)], SETTINGS)[0]
    assert result.pairing is Pairing.TEXT
    assert result.verdict is Verdict.MET


def test_fulfil_uncertain_pair_is_flagged() -> None:
    t = target("规上工业增加值", 8.0)
    result = fulfil([t], [actual("工业增加值", 8.3)], SETTINGS)[0]
    assert result.pairing is Pairing.UNCERTAIN
    assert "待核实" in result.reason


def test_fulfil_prefers_actual_of_same_measure() -> None:
    t = target("地区生产总值", 7.0)
    level = actual("地区生产总值", 11985, "亿元", "level")
    growth = actual("地区生产总值", 6.8)
    result = fulfil([t], [level, growth], SETTINGS)[0]
    assert result.actual is growth
    assert result.verdict is Verdict.MISSED


def test_fulfil_keeps_a_decrease_apart_from_its_indicator() -> None:
    """地区生产总值 is not 单位地区生产总值能耗, though one holds the other."""
    t = target("单位地区生产总值能耗", -3.0)
    assert fulfil([t], [actual("地区生产总值", 6.8)], SETTINGS)[0].verdict is Verdict.NO_DATA


def test_tally_counts_every_verdict() -> None:
    results = fulfil([target("地区生产总值", 7.0), target("出口", 5.0)], [actual("地区生产总值", 7.5)], SETTINGS)
    assert tally(results) == {"met": 1, "missed": 0, "partly": 0, "not_comparable": 0, "no_data": 1}


@pytest.mark.parametrize(
    ("a", "b", "paired"),
    [
        ("城镇登记失业率", "调查失业率", False),
        ("城镇居民人均可支配收入", "农村居民人均可支配收入", False),
        ("出口总额", "进口总额", False),
        ("城乡居民可支配收入", "城镇居民人均可支配收入", "uncertain"),
        ("农民人均纯收入", "农村常住居民人均可支配收入", "uncertain"),
        ("区本级固定资产投资", "区本级全社会固定资产投资额", True),
        ("公共财政预算收入", "地方公共财政预算收入", True),
        ("城镇人均可支配收入", "城镇常住居民人均可支配收入", True),
    ],
)
def test_pairing_distinct_covering_and_related_words(a: str, b: str, paired: bool | str) -> None:
    result = fulfil([target(a, 8.0)], [actual(b, 9.0)], SETTINGS)[0]
    if paired is False:
        assert result.verdict is Verdict.NO_DATA
    elif paired == "uncertain":
        assert result.pairing is Pairing.UNCERTAIN
    else:
        assert result.pairing is Pairing.TEXT


def test_pairing_skips_multi_year_averages() -> None:
    fig = Figure(start=0, end=5, text="14.9%", kind="actual", year=2015, indicator="社会消费品零售总额",
                 measure="growth", value=14.9, value_max=None, unit="%", comparator="=",
                 quote="社会消费品零售总额由2010年的68亿元增加到2015年的136.3亿元，年均增长14.9%")
    averaged = Actual.from_figure(fig, "2016年报告", SETTINGS.average_cues)
    assert averaged.period_average
    assert fulfil([target("社会消费品零售总额", 11.5)], [averaged], SETTINGS)[0].verdict is Verdict.NO_DATA


def test_pairing_prefers_the_same_counted_thing() -> None:
    """创建美丽乡村示范村30个: 示范村54个 is its actual, not 美丽乡村示范镇12个."""
    t = target("创建美丽乡村示范村", 30, "个", "level")
    town = actual("建成美丽乡村示范镇", 12, "个", "level")
    village = actual("示范村", 54, "个", "level")
    result = fulfil([t], [town, village], SETTINGS)[0]
    assert result.actual is village and result.verdict is Verdict.MET


def test_pairing_skips_actuals_in_units_of_another_kind() -> None:
    t = target("城镇新增就业", 16, "万人", "level")
    money = actual("城乡居民医保补助标准提高", 30, "元", "level")
    assert fulfil([t], [money], SETTINGS)[0].verdict is Verdict.NO_DATA


def test_report_actuals_cumulative_amounts_are_not_one_year() -> None:
    from duban.ledger.actuals import report_actuals

    fig = Figure(start=0, end=4, text="615亿元", kind="actual", year=2015, indicator="累积完成全社会固定资产投资",
                 measure="level", value=615, value_max=None, unit="亿元", comparator="=", quote="累积完成全社会固定资产投资615亿元")
    assert report_actuals([fig], 2015, "r", SETTINGS)[0].period_average


def test_combine_multi_part_target_partly() -> None:
    """城乡居民人均可支配收入分别增长7.5%: 城镇 6.5% missed, 农村 9.4% met → partly."""
    from duban.ledger.fulfil import combine, group_by_clause

    urban, rural = target("城镇居民人均可支配收入", 7.5), target("农村居民人均可支配收入", 7.5)
    urban.quote = rural.quote = "城乡居民人均可支配收入分别增长7.5%"
    results = fulfil([urban, rural], [actual("城镇居民人均可支配收入", 6.5), actual("农村居民人均可支配收入", 9.4)],
                     SETTINGS)
    groups = group_by_clause(results)
    assert len(groups) == 1
    assert combine(groups[0]) == (Verdict.PARTLY, "2项可核对，完成1项")
    assert combine(results[:1])[0] is Verdict.MISSED
    assert combine(results[1:])[0] is Verdict.MET
    assert combine(fulfil([urban], [], SETTINGS))[0] is Verdict.NO_DATA


@pytest.mark.parametrize(
    ("a", "b", "paired"),
    [
        ("新增境内外上市和过会企业", "新增上市企业", "uncertain"),
        ("落实援助资金", "全年落实帮扶资金", True),
        ("脱贫项目", "扶贫项目", True),
        ("制造业贷款", "普惠小微贷款", False),
        ("规上工业增加值", "高技术制造业增加值", False),
        ("服务贸易进出口额", "外贸进出口总额", False),
        ("培育年销售额30亿元以上企业", "新增上市企业", False),
    ],
)
def test_pairing_shared_endings_need_a_shared_qualifier(a: str, b: str, paired: bool | str) -> None:
    result = fulfil([target(a, 8.0, "家", "level")], [actual(b, 9.0, "家", "level")], SETTINGS)[0]
    if paired is False:
        assert result.verdict is Verdict.NO_DATA, result.reason
    elif paired == "uncertain":
        assert result.pairing is Pairing.UNCERTAIN
    else:
        assert result.pairing is Pairing.TEXT
