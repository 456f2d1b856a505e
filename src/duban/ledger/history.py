"""A region's record on one indicator: the target and the actual of every year available.

From a set of parsed reports of one region, the target of year Y comes from
the report of year Y (its main expected targets first, then task-level
targets) and the actual of year Y from the review of the report of year Y+1.
Each year with either gets a row, judged when it has both. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from duban.ledger.actuals import report_actuals
from duban.ledger.pairing import similarity
from duban.ledger.settings import FulfilSettings, load_settings
from duban.ledger.verdict import judge
from duban.ledger.yearly import report_name, report_targets
from duban.model.figure import Figure
from duban.model.fulfilment import Actual, Verdict
from duban.model.report import Report


@dataclass(slots=True)
class HistoryRow:
    year: int
    target: Figure | None
    target_source: str | None
    actual: Actual | None
    verdict: Verdict
    reason: str


def same_region(a: str | None, b: str | None) -> bool:
    """海拉尔区 and 呼伦贝尔市海拉尔区 are one region: one name ends with the other."""
    if not a or not b:
        return False
    return a.endswith(b) or b.endswith(a)


def regions(reports: Sequence[Report]) -> list[str]:
    """The distinct regions of ``reports``, longest name kept for each."""
    found: list[str] = []
    for report in reports:
        name = report.metadata.region_full or report.metadata.region
        if not name:
            continue
        for i, known in enumerate(found):
            if same_region(known, name):
                found[i] = max(known, name, key=len)
                break
        else:
            found.append(name)
    return found


def _matches(indicator: str, indicator_id: str | None, query: str, measure: str | None, fig_measure: str,
             settings: FulfilSettings) -> bool:
    if measure is not None and fig_measure != measure:
        return False
    if indicator_id is not None and indicator_id.lower() == query.lower():
        return True
    return similarity(indicator, query, settings) >= settings.sure


def region_history(
    reports: Sequence[tuple[Report, Sequence[Figure]]],
    indicator: str,
    measure: str | None = None,
    region: str | None = None,
    settings: FulfilSettings | None = None,
) -> list[HistoryRow]:
    """One row per year, oldest first, for ``indicator`` (text or indicator id) in ``region``.

    Reports of other regions are ignored; with ``region`` None all reports are
    taken to be of one region (the caller checks with :func:`regions`).
    """
    settings = settings or load_settings()
    chosen = [
        (r, figs) for r, figs in reports
        if region is None or same_region(r.metadata.region_full or r.metadata.region, region)
    ]
    plan_years = {r.metadata.year for r, _ in chosen if r.metadata.year is not None}
    targets: dict[int, tuple[Figure, str]] = {}
    actuals: dict[int, Actual] = {}
    for report, figures in sorted(chosen, key=lambda rf: rf[0].metadata.year or 0):
        md = report.metadata
        if md.year is not None:
            found = report_targets(report, figures, settings=settings)
            for fig in [*found.main, *found.task]:
                if _matches(fig.indicator, fig.indicator_id, indicator, measure, fig.measure, settings):
                    targets.setdefault(md.year, (fig, report_name(report)))
                    break
        review_year = md.review_year or (md.year - 1 if md.year else None)
        if review_year is not None:
            for act in report_actuals(figures, review_year, report_name(report), settings):
                if act.period_average or act.year not in (None, review_year):
                    continue
                if _matches(act.indicator, act.indicator_id, indicator, measure, act.measure, settings):
                    actuals.setdefault(review_year, act)
                    break
    rows: list[HistoryRow] = []
    for year in sorted(set(targets) | set(actuals)):
        target = targets.get(year)
        actual = actuals.get(year)
        if target is not None and actual is not None:
            judgement = judge(target[0], actual, settings)
            verdict, reason = judgement.verdict, judgement.reason
        elif target is not None:
            verdict = Verdict.NO_DATA
            reason = (f"{year + 1}年报告的回顾部分没有给出该指标{year}年的实际数据" if year + 1 in plan_years
                      else f"没有{year}年的实际数据（需要{year + 1}年的报告或导入数据）")
        else:
            verdict = Verdict.NO_DATA
            reason = (f"{year}年报告没有该指标的目标" if year in plan_years
                      else f"没有{year}年的目标（需要{year}年的报告）")
        rows.append(HistoryRow(year, target[0] if target else None, target[1] if target else None, actual,
                               verdict, reason))
    return rows
