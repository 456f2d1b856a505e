"""``fulfil(targets, actuals)``: were the targets of year N met? (承诺兑现)

Each target is paired with the actual of its indicator and year
(:mod:`duban.ledger.pairing`) and judged by its comparator
(:mod:`duban.ledger.verdict`). A target with no actual gets ``no_data``; an
uncertain pairing keeps its verdict but says in the reason that the pairing
needs checking. Targets without a number (qualitative main targets) are not
passed in. Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from duban.ledger.pairing import pair_target
from duban.ledger.settings import FulfilSettings, load_settings
from duban.ledger.verdict import describe_target, judge
from duban.model.figure import Figure
from duban.model.fulfilment import Actual, Fulfilment, Pairing, Verdict


def fulfil(
    targets: Iterable[Figure],
    actuals: Sequence[Actual],
    settings: FulfilSettings | None = None,
    scope: str = "main",
) -> list[Fulfilment]:
    """One :class:`Fulfilment` per target, in the targets' order.

    Args:
        targets: target figures of year N (``kind == "target"``).
        actuals: achieved values, from any source; those of other years are ignored.
        settings: tolerances and vocabulary; read from ``fulfil.yaml`` when None.
        scope: ``main`` for the 主要预期目标, ``task`` for task-level targets.
    """
    settings = settings or load_settings()
    results: list[Fulfilment] = []
    for target in targets:
        pair = pair_target(target, actuals, settings)
        if pair.actual is None:
            reason = f"没有找到{target.year or ''}年“{target.indicator}”的实际数据（目标{describe_target(target)}）"
            results.append(Fulfilment(target, None, Verdict.NO_DATA, reason, Pairing.NONE, 0.0, scope))
            continue
        judgement = judge(target, pair.actual, settings)
        reason = judgement.reason
        if pair.pairing is Pairing.UNCERTAIN:
            reason = f"【配对待核实：目标“{target.indicator}”与实际“{pair.actual.indicator}”】{reason}"
        results.append(
            Fulfilment(target, pair.actual, judgement.verdict, reason, pair.pairing, pair.similarity, scope)
        )
    return results


def tally(results: Iterable[Fulfilment]) -> dict[str, int]:
    """How many targets got each verdict, every verdict listed."""
    counts = {verdict.value: 0 for verdict in Verdict}
    for result in results:
        counts[result.verdict.value] += 1
    return counts


def combine(results: Sequence[Fulfilment]) -> tuple[Verdict, str]:
    """One verdict for a multi-part target (one clause or task with several figures) and why.

    All judged parts met: met; all missed: missed; a mix: partly (基本完成 in
    part). Parts without data or not comparable count only when no part was judged.
    """
    judged = [r for r in results if r.verdict in (Verdict.MET, Verdict.MISSED, Verdict.PARTLY)]
    if not judged:
        if any(r.verdict is Verdict.NOT_COMPARABLE for r in results):
            return Verdict.NOT_COMPARABLE, "各项均无法比较"
        return Verdict.NO_DATA, "各项均无实际数据"
    met = sum(r.verdict is Verdict.MET for r in judged)
    if met == len(judged):
        verdict = Verdict.MET
    elif met == 0 and all(r.verdict is Verdict.MISSED for r in judged):
        verdict = Verdict.MISSED
    else:
        verdict = Verdict.PARTLY
    missing = len(results) - len(judged)
    tail = f"，另有{missing}项无法核对" if missing else ""
    return verdict, f"{len(judged)}项可核对，完成{met}项{tail}"


def group_by_clause(results: Iterable[Fulfilment]) -> list[list[Fulfilment]]:
    """Results whose targets come from one clause (same quote), in order: the parts of one target."""
    groups: dict[tuple[int, str], list[Fulfilment]] = {}
    for result in results:
        t = result.target
        key = (t.quote_start if t.quote_end > t.quote_start else t.start, t.quote)
        groups.setdefault(key, []).append(result)
    return list(groups.values())
