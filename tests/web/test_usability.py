"""What a supervision-office user meets on the pages: traceability to the source text, Chinese words, helpful errors.

Every figure, target and task a page shows links to its span in the reader
(``/reports/{id}#s<start>-<end>``, highlighted by duban.js); the link's
offsets must cut exactly that text out of the report. Error pages speak
Chinese (pydantic's English never reaches the screen) and lead back.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from sqlalchemy import select

from duban.store.tables import ReportRow, TaskRow
from tests.web.conftest import Web

SPAN = re.compile(r"^/reports/(\d+)#s(\d+)-(\d+)$")
DATE_ISO = re.compile(r"\b20\d\d-\d\d-\d\d\b")


def soup_of(web: Web, user: str, url: str) -> BeautifulSoup:
    r = web.client(user).get(url)
    assert r.status_code == 200, r.text[:300]
    return BeautifulSoup(r.text, "html.parser")


def report_text(web: Web, report_id: int) -> str:
    with web.session() as s:
        row = s.get(ReportRow, report_id)
        assert row is not None
        return row.text


def spans(soup: BeautifulSoup, selector: str = "a") -> list[tuple[int, int, int, str]]:
    """(report id, start, end, link text) of every reader-span link under ``selector``."""
    found = []
    for a in soup.select(selector):
        m = SPAN.match(a.get("href") or "")
        if m:
            found.append((int(m.group(1)), int(m.group(2)), int(m.group(3)), a.get_text(strip=True)))
    return found


def reader_paragraph_starts(web: Web, report_id: int) -> list[int]:
    soup = soup_of(web, "admin", f"/reports/{report_id}")
    return [int(p["id"][1:]) for p in soup.select("#report-text > p[id^=o]")]


# --------------------------------------------------------------------------- traceability


def test_task_page_links_the_task_and_its_targets_to_their_spans(web: Web) -> None:
    with web.session() as s:
        task = next(t for t in s.scalars(select(TaskRow).order_by(TaskRow.position)) if t.targets)
        task_id, report_id, start, end = task.id, task.report_id, task.start, task.end
        target_spans = {(t.start, t.end) for t in task.targets if not t.retired}
    soup = soup_of(web, "admin", f"/tasks/{task_id}")
    source = soup.select_one("#task-source")
    assert source is not None and source["href"] == f"/reports/{report_id}#s{start}-{end}"
    linked = {(s, e) for _, s, e, _ in spans(soup, "table.data a")}
    assert target_spans and target_spans <= linked
    # the reader has a paragraph where the task starts (duban.js highlights from there)
    starts = reader_paragraph_starts(web, report_id)
    assert any(p <= start for p in starts)


def test_target_table_links_cut_out_each_figure(web: Web) -> None:
    soup = soup_of(web, "admin", "/targets")
    found = spans(soup, "#targets a")
    assert len(found) >= 10
    text = report_text(web, found[0][0])
    data = web.client("admin").get("/targets.json").json()
    by_start = {f["start"]: f for f in data["figures"]}
    for _, start, end, _ in found:
        assert text[start:end] == by_start[start]["text"]


def test_overview_cards_link_to_the_source(web: Web) -> None:
    soup = soup_of(web, "admin", "/")
    targets = spans(soup, "#main-targets a.card")
    actuals = spans(soup, "#actuals a.card")
    assert targets and actuals
    text = report_text(web, targets[0][0])
    for _, start, end, shown in actuals:
        assert text[start:end].strip()
    for _, start, end, shown in targets:
        indicator = shown[:2]
        assert indicator in text[start:end] or indicator in text[max(0, start - 40):end + 40]


def test_glossary_and_search_link_to_the_source(web: Web) -> None:
    soup = soup_of(web, "admin", "/glossary")
    terms = [(dt.select_one("strong").get_text(), spans(dt)) for dt in soup.select("dl.glossary dt")]
    assert terms
    text = report_text(web, terms[0][1][0][0])
    for label, links in terms:
        (_, start, end, _), = links
        assert label.split(". ", 1)[1] in text[start:end]
    found = soup_of(web, "admin", "/search?q=改革")
    assert spans(found, "ul a")


def test_reader_gives_each_figure_popup_its_span(web: Web) -> None:
    r = web.client("admin").get("/reports/1")
    soup = BeautifulSoup(r.text, "html.parser")
    import json

    popups = json.loads(soup.select_one("#figure-data").get_text())
    text = report_text(web, 1)
    assert popups and all(text[p["start"]:p["end"]] == p["text"] for p in popups)
    assert soup.select_one("#span-note") is not None


# --------------------------------------------------------------------------- Chinese office style


def test_dates_are_written_in_chinese_office_style(web: Web) -> None:
    ledger = soup_of(web, "admin", "/tasks").select_one("#ledger")
    assert re.search(r"20\d\d年\d{1,2}月\d{1,2}日", ledger.get_text())
    assert not DATE_ISO.search(ledger.get_text())
    task_id = web.client("admin").get("/tasks.json").json()["tasks"][0]["id"]
    assignment = soup_of(web, "admin", f"/tasks/{task_id}").select_one("#assignment")
    assert not DATE_ISO.search(assignment.get_text(" "))


def test_audit_log_reads_in_chinese(web: Web) -> None:
    own = web.dept_users[0]
    task = web.task_led_by(own)
    assert web.client(own).api("POST", f"/api/tasks/{task}/progress",
                               {"percent": 20, "narrative": "已开工"}).status_code == 201
    table = soup_of(web, "admin", "/admin/audit").select_one("#audit-list")
    words = table.get_text(" ")
    assert "进展报告" in words and "完成进度" in words and "20%" in words
    assert "progress_report" not in words and '"percent"' not in words
    trail = soup_of(web, "admin", f"/tasks/{task}").select_one("#audit").get_text(" ")
    assert "完成进度" in trail and "percent" not in trail


def test_history_shows_the_indicator_by_its_chinese_name(web: Web) -> None:
    soup = soup_of(web, "admin", "/history")
    box = soup.select_one("input[name=indicator]")
    assert box is not None and box["value"] == "地区生产总值"


def test_reminders_and_notices_explain_themselves(web: Web) -> None:
    hero = soup_of(web, "admin", "/reminders").select_one(".hero")
    assert all(a.get_text(strip=True) != "JSON" for a in hero.select("a"))
    empty = soup_of(web, "admin", "/notices").select_one("#notices-empty")
    assert empty is not None and "任务页面" in empty.get_text()


# --------------------------------------------------------------------------- error pages


def test_bad_query_parameter_is_explained_in_chinese(web: Web) -> None:
    c = web.client("admin")
    r = c.get("/tasks?page=abc")
    assert r.status_code == 422
    text = BeautifulSoup(r.text, "html.parser").select_one(".error-panel").get_text(" ")
    assert "应为整数" in text and "abc" in text
    assert "Input should" not in text and "valid integer" not in text
    j = c.get("/tasks.json?page=abc").json()
    assert j["errors"] and "Input should" not in " ".join(j["errors"])


def test_not_found_page_says_what_happened_and_leads_back(web: Web) -> None:
    c = web.client("admin")
    r = c.get("/tasks/999999", headers={"referer": "http://testserver/tasks?page=2"})
    assert r.status_code == 404
    soup = BeautifulSoup(r.text, "html.parser")
    assert "找不到该任务" in soup.select_one(".lead").get_text()
    assert soup.select_one("#error-back")["href"] == "/tasks?page=2"
    r = c.get("/no-such-page")
    soup = BeautifulSoup(r.text, "html.parser")
    assert soup.select_one("h1").get_text() != soup.select_one(".lead").get_text()
    # still logged in on a URL no route knows: the top bar shows the user, not a login button
    assert "admin" in soup.select_one(".who").get_text()
    # a link from another site is not offered as "back"
    r = c.get("/tasks/999999", headers={"referer": "http://evil.example/x"})
    assert BeautifulSoup(r.text, "html.parser").select_one("#error-back") is None


def test_department_opening_an_admin_page_is_told_it_is_the_office_s(web: Web) -> None:
    r = web.client(web.dept_users[0]).get("/admin")
    assert r.status_code == 403
    assert "此页面仅限督查室管理员" in r.text


def test_conflict_page_offers_a_reload_of_the_task(web: Web) -> None:
    c = web.client("admin")
    task_id = c.get("/tasks.json").json()["tasks"][0]["id"]
    detail = c.get(f"/tasks/{task_id}.json").json()
    lead = [a["department_id"] for a in detail["assignments"] if a["role"] == "lead"]
    r = c.http.post(f"/tasks/{task_id}/assignment",
                    data={"csrf_token": c.csrf, "version": detail["task"]["version"] - 1 or 999,
                          "lead_ids": lead, "action": "set"},
                    headers={"referer": f"http://testserver/tasks/{task_id}"})
    assert r.status_code == 409
    back = BeautifulSoup(r.text, "html.parser").select_one("#error-back")
    assert back is not None and back["href"] == f"/tasks/{task_id}" and "刷新" in back.get_text()


def test_status_pills_count_what_the_page_lists(web: Web) -> None:
    mine = web.client(web.dept_users[0]).get("/my.json").json()
    assert sum(mine["status_counts"].values()) == mine["total"]
    admin = web.client("admin")
    dept = admin.get("/tasks.json").json()["departments"][0]["id"]
    narrowed = admin.get(f"/tasks.json?department={dept}").json()
    assert sum(narrowed["status_counts"].values()) == narrowed["total"]
    whole = admin.get("/tasks.json").json()
    assert sum(whole["status_counts"].values()) == whole["total"]


def test_api_documentation_link_is_for_the_office_only(web: Web) -> None:
    footer = soup_of(web, web.dept_users[0], "/my").select_one("footer")
    assert footer is not None and "/docs" not in str(footer)
    assert "/docs" in str(soup_of(web, "admin", "/").select_one("footer"))
