"""build_ledger on the sample, built from the gold section tree and gold figures."""

from __future__ import annotations

from collections import Counter

from duban.ledger import build_ledger, load_catalogue
from duban.model import Figure, Ledger, Report


def test_build_every_plan_theme_has_tasks(sample_ledger: Ledger, sample_meta: dict) -> None:
    gold_themes = [(a["title"], t["title"]) for p in sample_meta["sections"] for a in p["children"]
                   for t in a["themes"]]
    assert len(gold_themes) == 28
    have = Counter((t.area_title, t.theme_title) for t in sample_ledger.tasks)
    missing = [th for th in gold_themes if have[th] == 0]
    assert not missing


def test_build_every_gold_target_in_exactly_one_task(sample_ledger: Ledger, gold_figures: list[Figure]) -> None:
    targets = [f for f in gold_figures if f.kind == "target"]
    assert len(targets) == 50
    for f in targets:
        holders = [t for t in sample_ledger.tasks if any(g is f for g in t.figures)]
        assert len(holders) == 1, f.text
        assert holders[0].start <= f.start < holders[0].end


def test_build_coverage_passes(sample_ledger: Ledger) -> None:
    cov = sample_ledger.coverage
    assert cov.ok, (cov.uncovered, cov.duplicated, cov.targets_outside)
    assert cov.in_tasks + cov.not_commitments == cov.sentences
    assert cov.targets == cov.targets_in_tasks == 50


def test_build_spans_slice_back(sample_ledger: Ledger, sample_report: Report) -> None:
    for t in sample_ledger.tasks:
        assert sample_report.text[t.start : t.end] == t.text
        for m in t.mentions:
            assert sample_report.text[m.start : m.end] == m.text
        if t.deadline_start is not None:
            assert sample_report.text[t.deadline_start : t.deadline_end] == t.deadline_text
    for n in sample_ledger.non_commitments:
        assert sample_report.text[n.start : n.end] == n.text


def test_build_main_targets_one_per_target(sample_ledger: Ledger, sample_meta: dict) -> None:
    mt = [t for t in sample_ledger.tasks if t.kind == "main_target"]
    gold = sample_meta["main_targets_paragraph"]
    assert len(mt) == len(gold["quantified"]) + len(gold["qualitative"])
    assert [t.text for t in mt if not t.figures] == gold["qualitative"]
    assert mt == sample_ledger.tasks[: len(mt)]  # at the top


def test_build_main_targets_hold_the_gold_targets(sample_ledger: Ledger, sample_meta: dict) -> None:
    """Each quantified target in a task of its own, each qualitative one's words in main-target tasks, at the top."""
    mt = [t for t in sample_ledger.tasks if t.kind == "main_target"]
    gold = sample_meta["main_targets_paragraph"]
    with_figures = [t for t in mt if t.figures]
    assert sorted(f.value for t in with_figures for f in t.figures) == sorted(q["value"] for q in gold["quantified"])
    assert all(len(t.figures) == 1 for t in with_figures)
    words = "".join(t.text for t in mt if not t.figures)
    assert all(part in words for q in gold["qualitative"] for part in q.split("，"))
    assert mt == sample_ledger.tasks[: len(mt)]


def test_build_ids_stable_and_unique(sample_report: Report, gold_figures: list[Figure],
                                     sample_ledger: Ledger) -> None:
    again = build_ledger(sample_report, list(gold_figures), None)
    assert [t.id for t in again.tasks] == [t.id for t in sample_ledger.tasks]
    assert len({t.id for t in sample_ledger.tasks}) == len(sample_ledger.tasks)


def test_build_ids_survive_a_shifted_text(sample_report: Report, gold_figures: list[Figure],
                                          sample_ledger: Ledger, sample_meta: dict) -> None:
    """Blank lines added at the top move every offset but keep every id."""
    import copy

    from ledger_gold import gold_report

    shift = 3
    meta = copy.deepcopy(sample_meta)
    meta["body_end"] += shift
    for p in meta["sections"]:
        p["start"] += shift
        for a in p["children"]:
            a["start"] += shift
            for t in a["themes"]:
                t["start"] += shift
    meta["main_targets_paragraph"]["start"] += shift
    moved = gold_report("\n\n\n" + sample_report.text, meta)
    figs = [Figure(**{**f.to_dict(), "start": f.start + shift, "end": f.end + shift}) for f in gold_figures]
    assert [t.id for t in build_ledger(moved, figs, None).tasks] == [t.id for t in sample_ledger.tasks]


def test_build_framing_and_headings_are_not_tasks(sample_ledger: Ledger) -> None:
    reasons = {n.text: n.reason for n in sample_ledger.non_commitments}
    assert reasons["精准服务稳企业。"] == "heading"
    assert reasons["各位代表！"] == "slogan"
    assert reasons["围绕以上要求，重点做好九方面的工作："] == "framing"
    texts = {t.text for t in sample_ledger.tasks}
    assert "今年，我们还要科学编制“十四五”规划及各专项规划。" in texts


def test_build_tasks_carry_area_theme_and_deadline(sample_ledger: Ledger) -> None:
    for t in sample_ledger.tasks:
        assert t.deadline is not None and t.deadline.startswith("2020-")
        if t.kind == "task" and t.role == "plan":
            assert t.area_title and t.theme_title
    assert sample_ledger.title == "镇海区2020年政府工作报告重点工作任务分解表"


def test_build_named_projects(sample_ledger: Ledger) -> None:
    names = {m.text for t in sample_ledger.tasks for m in t.mentions}
    for expected in ("杭甬高速复线", "轨道交通3号线", "岚山水库西南侧地块", "甬江实验室"):
        assert expected in names


def test_build_every_task_has_a_lead(sample_ledger: Ledger) -> None:
    assert all(t.lead for t in sample_ledger.tasks)
    assert all(s.rule for t in sample_ledger.tasks for s in t.lead + t.co)


def test_build_without_catalogue_has_no_suggestions(sample_report: Report, gold_figures: list[Figure]) -> None:
    ledger = build_ledger(sample_report, gold_figures, None)
    assert all(not t.lead for t in ledger.tasks)
    assert load_catalogue("county", "宁波市镇海区").name("ndrc") == "区发改局"
