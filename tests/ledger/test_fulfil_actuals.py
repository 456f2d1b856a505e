"""Actuals from report figures and from progress reports."""

from __future__ import annotations

from duban.ledger.actuals import progress_actuals, report_actuals
from duban.ledger.fulfil import fulfil
from duban.model.figure import Figure
from duban.model.fulfilment import Pairing, Verdict


def figure(kind: str, year: int | None, indicator: str, value: float, unit: str = "%",
           measure: str = "growth", comparator: str = "=") -> Figure:
    return Figure(start=0, end=1, text="", kind=kind, year=year, indicator=indicator, measure=measure,
                  value=value, value_max=None, unit=unit, comparator=comparator, quote=indicator)


def test_report_actuals_keep_actuals_of_the_year() -> None:
    figures = [
        figure("actual", 2019, "地区生产总值", 6.8),
        figure("actual", 2015, "地区生产总值", 8.0),
        figure("target", 2020, "地区生产总值", 6.5),
        figure("actual", None, "居民消费价格", 2.9),
    ]
    actuals = report_actuals(figures, 2019, "2020年报告")
    assert [(a.indicator, a.value) for a in actuals] == [("地区生产总值", 6.8), ("居民消费价格", 2.9)]
    assert all(a.source == "2020年报告" for a in actuals)


def test_progress_actuals_by_target_id_latest_wins() -> None:
    targets = {"t1": figure("target", 2020, "新增城镇就业", 6700, "人", "level"),
               "t2": figure("target", 2020, "森林覆盖率", 23.1, "%", "rate")}
    actuals = progress_actuals([("t1", 5000), ("t1", 6800), ("森林覆盖率", 23.0), ("unknown", 1)], targets)
    assert [(a.indicator, a.value, a.unit) for a in actuals] == [("新增城镇就业", 6800, "人"), ("森林覆盖率", 23.0, "%")]
    results = fulfil(targets.values(), actuals)
    assert [r.verdict for r in results] == [Verdict.MET, Verdict.MISSED]
    assert all(r.pairing is Pairing.TEXT for r in results)


def test_report_actuals_mark_totals_of_a_multi_year_part() -> None:
    total = figure("actual", 2021, "新增城镇就业", 123.4, "万人", "level")
    total.part = "过去五年工作回顾"
    rate = figure("actual", 2021, "城镇登记失业率", 2.0, "%", "rate")
    rate.part = "过去五年工作回顾"
    single = figure("actual", 2015, "新增城镇就业", 1.2, "万人", "level")
    single.part = "“十二五”时期和2015年工作回顾"
    marked = [a.period_average for a in report_actuals([total, rate], 2021, "r") + report_actuals([single], 2015, "r")]
    assert marked == [True, False, False]
