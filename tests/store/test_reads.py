"""Reads the web uses, on the demo database: reports, figures, tasks with filters and pages."""

from __future__ import annotations

from typing import Any

from duban.store.db import make_sessionmaker
from duban.store.repo.figures import list_areas, list_figures, list_glossary, list_main_targets, list_sections
from duban.store.repo.reports import latest_report, list_reports
from duban.store.repo.tasks import (
    count_by_area_and_status,
    count_by_department_and_status,
    count_by_status,
    get_task,
    list_tasks,
)


def test_reads_reports_and_views(demo_db: Any) -> None:
    engine = demo_db.engine()
    with make_sessionmaker(engine)() as session:
        report = latest_report(session=session)
        assert report is not None and report.id == demo_db.report_id
        assert [r.id for r in list_reports(session=session)] == [report.id]
        sections = list_sections(session=session, report_id=report.id)
        assert [s.title for s in sections if s.depth == 0][:1] == ["2019年政府工作回顾"]
        assert len(list_glossary(session=session, report_id=report.id)) == 40
        assert list_areas(session=session, report_id=report.id)
        assert list_main_targets(session=session, report_id=report.id)
        for figure in list_figures(session=session, report_id=report.id):
            assert report.text[figure.start:figure.end] == figure.text
    engine.dispose()


def test_reads_task_filters_and_pages(demo_db: Any) -> None:
    engine = demo_db.engine()
    with make_sessionmaker(engine)() as session:
        everything = list_tasks(session=session, report_id=demo_db.report_id, page_size=1000)
        assert everything.total == len(everything.items) > 100
        page2 = list_tasks(session=session, report_id=demo_db.report_id, page=2, page_size=20)
        assert [t.id for t in page2.items] == [t.id for t in everything.items[20:40]]
        assert page2.pages == -(-everything.total // 20)
        area = everything.items[-1].area_id
        in_area = list_tasks(session=session, area_id=area, page_size=1000)
        assert in_area.items and all(t.area_id == area for t in in_area.items)
        word = "企业"
        found = list_tasks(session=session, search=word, page_size=1000)
        assert found.total == sum(1 for t in everything.items if word in t.text) > 0
        assert list_tasks(session=session, search="100%_\\", page_size=5).total == 0
        counts = count_by_status(session=session, report_id=demo_db.report_id)
        assert counts == {"not_reported": everything.total}
        assert sum(sum(c.values()) for _, c in count_by_area_and_status(session=session,
                                                                        report_id=demo_db.report_id)) == sum(
            1 for t in everything.items if t.area_id is not None
        )
        by_department = count_by_department_and_status(session=session, report_id=demo_db.report_id)
        lead_id = by_department[0][0].id
        mine = list_tasks(session=session, department_id=lead_id, department_role="lead", page_size=1000)
        assert mine.total == sum(by_department[0][1].values())
        task = get_task(session=session, task_id=mine.items[0].id)
        assert task is not None and any(a.department_id == lead_id and a.role == "lead" for a in task.assignments)
    engine.dispose()
