"""The fulfilment pages: the office's page with filters, its JSON and Excel twins, the public page, history.

Two reports of one region for consecutive years are imported through the
real import path (with hand-made figures, so the test does not depend on the
extractor); a progress report on a task target then supplies an actual too.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from duban.ledger import build_ledger, load_catalogue
from duban.model import Figure, Report, Source
from duban.parse import parse_text
from duban.store.db import make_sessionmaker
from duban.store.repo.reports import import_report
from duban.store.repo.users import create_user
from duban.web.app import create_app

TEXT_2019 = (
    "一、2018年工作回顾\n全市地区生产总值增长7%。\n"
    "二、2019年主要目标任务\n今年主要预期目标为：地区生产总值增长6.8%左右；城镇登记失业率3.5%以内。\n"
    "三、工作任务\n（一）稳增长\n新增城镇就业14万人。新建学校20所。\n"
)
TEXT_2020 = (
    "一、2019年工作回顾\n全市地区生产总值增长6.8%，新增城镇就业25.4万人，城镇登记失业率1.61%，新建学校18所。\n"
    "二、2020年主要目标任务\n今年主要预期目标为：地区生产总值增长6.5%左右。\n"
)


def fig(text: str, number: str, kind: str, year: int, indicator: str, measure: str, value: float, unit: str,
        comparator: str = "=", role: str = "review", area: str | None = None) -> Figure:
    start = text.index(number)
    return Figure(start=start, end=start + len(number), text=number, kind=kind, year=year, indicator=indicator,
                  measure=measure, value=value, value_max=None, unit=unit, comparator=comparator,
                  quote=text[max(0, start - 10):start + len(number)], role=role, area=area,
                  indicator_id="gdp" if indicator == "地区生产总值" else None)


def store(session: Session, text: str, year: int, figures: list[Figure]) -> int:
    report: Report = parse_text(text)
    report.metadata.region = "宁波市"
    report.metadata.year = year
    report.metadata.review_year = year - 1
    cue = text.index("今年主要预期目标")
    report.main_targets = (cue, text.index("\n", cue))
    data = text.encode("utf-8")
    source = Source(text=text, format="text", encoding="utf-8", sha256=hashlib.sha256(data).hexdigest(),
                    size=len(data), name=f"{year}.txt")
    catalogue = load_catalogue("city", "宁波市")
    ledger = build_ledger(report, figures, catalogue)
    return import_report(session=session, source=source, report=report, figures=figures, ledger=ledger,
                         catalogue=catalogue).report.id


@pytest.fixture
def client(engine: Engine, make_settings: Any, database_url: str) -> Any:
    with make_sessionmaker(engine).begin() as session:
        first = store(session, TEXT_2019, 2019, [
            fig(TEXT_2019, "7%", "actual", 2018, "地区生产总值", "growth", 7, "%"),
            fig(TEXT_2019, "6.8%", "target", 2019, "地区生产总值", "growth", 6.8, "%", "~", "main_targets"),
            fig(TEXT_2019, "3.5%", "target", 2019, "城镇登记失业率", "rate", 3.5, "%", "<=", "main_targets"),
            fig(TEXT_2019, "14万人", "target", 2019, "新增城镇就业", "level", 14, "万人", role="plan", area="稳增长"),
            fig(TEXT_2019, "20所", "target", 2019, "新建学校", "level", 20, "所", role="plan", area="稳增长"),
        ])
        store(session, TEXT_2020, 2020, [
            fig(TEXT_2020, "6.8%", "actual", 2019, "地区生产总值", "growth", 6.8, "%"),
            fig(TEXT_2020, "25.4万人", "actual", 2019, "新增城镇就业", "level", 25.4, "万人"),
            fig(TEXT_2020, "1.61%", "actual", 2019, "城镇登记失业率", "rate", 1.61, "%"),
            fig(TEXT_2020, "18所", "actual", 2019, "新建学校", "level", 18, "所"),
            fig(TEXT_2020, "6.5%", "target", 2020, "地区生产总值", "growth", 6.5, "%", "~", "main_targets"),
        ])
        create_user(session=session, username="office", password="office-pass-123", role="admin")
    app = create_app(make_settings(database_url=database_url), engine=engine)
    with TestClient(app) as test_client:
        test_client.report_id = first  # type: ignore[attr-defined]
        yield test_client


def login(client: TestClient) -> None:
    token = client.get("/api/csrf").json()["csrf_token"]
    response = client.post("/api/login", json={"username": "office", "password": "office-pass-123"},
                           headers={"x-csrf-token": token})
    assert response.status_code == 200


def test_fulfilment_page_needs_login(client: TestClient) -> None:
    response = client.get(f"/reports/{client.report_id}/fulfilment.json")  # type: ignore[attr-defined]
    assert response.status_code in (401, 303)


def test_fulfilment_json_lists_every_target(client: TestClient) -> None:
    login(client)
    data = client.get(f"/reports/{client.report_id}/fulfilment.json").json()  # type: ignore[attr-defined]
    assert data["sources"] == ["宁波市2020年政府工作报告"]
    got = [(r["scope"], r["indicator"], r["verdict"]) for r in data["rows"]]
    assert got == [("main", "地区生产总值", "met"), ("main", "城镇登记失业率", "met"),
                   ("task", "新增城镇就业", "met"), ("task", "新建学校", "missed")]
    assert {v["value"]: v["count"] for v in data["verdicts"]}["missed"] == 1


def test_fulfilment_page_filters_by_verdict_and_scope(client: TestClient) -> None:
    login(client)
    rid = client.report_id  # type: ignore[attr-defined]
    missed = client.get(f"/reports/{rid}/fulfilment.json", params={"verdict": "missed"}).json()
    assert [r["indicator"] for r in missed["rows"]] == ["新建学校"]
    main = client.get(f"/reports/{rid}/fulfilment.json", params={"scope": "main"}).json()
    assert [r["indicator"] for r in main["rows"]] == ["地区生产总值", "城镇登记失业率"]
    html = client.get(f"/reports/{rid}/fulfilment", params={"area": "稳增长"}).text
    rows = BeautifulSoup(html, "lxml").select("#fulfilment tbody tr")
    assert [r["data-verdict"] for r in rows] == ["met", "missed"]
    assert "未完成" in rows[1].get_text()


def test_fulfilment_xlsx_download(client: TestClient) -> None:
    login(client)
    response = client.get(f"/reports/{client.report_id}/fulfilment.xlsx")  # type: ignore[attr-defined]
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "主要预期目标和工作任务完成情况对照表"
    assert [sheet.cell(row=r, column=6).value for r in range(4, 9)] == [None, "完成", "完成", None, "完成"]
    assert sheet["A7"].value == "工作任务：稳增长" and sheet["F9"].value == "未完成"


def test_public_fulfilment_without_login(client: TestClient) -> None:
    rid = client.report_id  # type: ignore[attr-defined]
    data = client.get(f"/public/fulfilment/{rid}.json").json()
    assert data["public"] is True and len(data["rows"]) == 4
    html = client.get(f"/public/fulfilment/{rid}").text
    assert "下载完成情况对照表" not in html
    assert client.get("/public/fulfilment/9999.json").status_code == 404


def test_history_table_and_chart(client: TestClient) -> None:
    data = client.get("/history.json", params={"indicator": "gdp", "measure": "growth"}).json()
    assert data["filters"]["region"] == "宁波市"
    assert [(r["year"], r["verdict"]) for r in data["rows"]] == [(2018, "no_data"), (2019, "met"), (2020, "no_data")]
    assert data["chart"]["actual"] == [7.0, 6.8, None] and data["chart"]["target"] == [None, 6.8, 6.5]
    html = client.get("/history", params={"indicator": "地区生产总值"}).text
    soup = BeautifulSoup(html, "lxml")
    assert soup.select_one("#history-chart") is not None
    assert soup.select_one("script#history-data") is not None
    assert any("fulfilment.js" in (s.get("src") or "") for s in soup.select("script"))


def test_fulfilment_default_is_the_newest_reviewed_report(client: TestClient) -> None:
    rid = client.report_id  # type: ignore[attr-defined]
    response = client.get("/public/fulfilment", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/public/fulfilment/{rid}"
    login(client)
    response = client.get("/fulfilment", follow_redirects=False)
    assert response.headers["location"] == f"/reports/{rid}/fulfilment"
    nav = BeautifulSoup(client.get(f"/reports/{rid}/fulfilment").text, "lxml").select_one("nav.mainnav")
    assert nav is not None and nav.find("a", string="承诺兑现") is not None


def test_progress_reports_supply_actuals_on_the_office_page_only(client: TestClient, engine: Engine) -> None:
    """A department reports 22 schools built: the office page counts it, the public page keeps to the reports."""
    import datetime as dt

    from duban.ledger.status import Thresholds
    from duban.store.repo.progress import ProgressInput, add_progress
    from duban.store.tables import TaskTargetRow, UserRow

    rid = client.report_id  # type: ignore[attr-defined]
    with make_sessionmaker(engine).begin() as session:
        target = session.scalars(
            select(TaskTargetRow).where(TaskTargetRow.indicator == "新建学校")
        ).one()
        user = session.scalars(select(UserRow).where(UserRow.username == "office")).one()
        add_progress(session=session, task=target.task, user=user, today=dt.date(2019, 12, 20),
                     thresholds=Thresholds(),
                     data=ProgressInput(reported_on=dt.date(2019, 12, 20), values={target.id: 22.0}))
    login(client)
    office = client.get(f"/reports/{rid}/fulfilment.json").json()
    school = next(r for r in office["rows"] if r["indicator"] == "新建学校")
    assert school["verdict"] == "met" and school["actual"]["source"] == "进度报告"
    assert "进度报告（1项）" in office["sources"]
    public = client.get(f"/public/fulfilment/{rid}.json").json()
    assert next(r for r in public["rows"] if r["indicator"] == "新建学校")["verdict"] == "missed"
