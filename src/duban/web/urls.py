"""Every URL the web app emits, in one place (datasette's ``url_builder``).

Views and templates call ``urls.task(7)`` instead of writing ``/tasks/7``, so
a path changes in one place and a deployment under a prefix (``base``, e.g.
``/duban``) works everywhere. An instance is the Jinja global ``urls``.
"""

from __future__ import annotations

from urllib.parse import urlencode


class Urls:
    """Builds app-relative URLs; ``base`` is the mount prefix without a trailing slash."""

    def __init__(self, base: str = "") -> None:
        self.base = base.rstrip("/")

    def path(self, path: str, **query: object) -> str:
        """``base + path`` plus a query string of the non-empty ``query`` items."""
        items = {k: v for k, v in query.items() if v not in (None, "", [])}
        qs = f"?{urlencode(items, doseq=True)}" if items else ""
        return f"{self.base}{path}{qs}"

    # ---- pages
    def overview(self, fmt: str = "") -> str:
        return self.path("/overview.json") if fmt == "json" else self.path("/")

    def login(self, next: str | None = None) -> str:
        return self.path("/login", next=next)

    def logout(self) -> str:
        return self.path("/logout")

    def reports(self, fmt: str = "") -> str:
        return self.path(f"/reports{'.json' if fmt == 'json' else ''}")

    def report(self, report_id: int, fmt: str = "") -> str:
        return self.path(f"/reports/{report_id}{'.json' if fmt == 'json' else ''}")

    def span(self, report_id: int, start: int, end: int) -> str:
        """The reader scrolled to ``text[start:end]`` of a report, that span highlighted (duban.js)."""
        return f"{self.report(report_id)}#s{start}-{end}"

    def targets(self, fmt: str = "", **query: object) -> str:
        return self.path(f"/targets{'.json' if fmt == 'json' else ''}", **query)

    def tasks(self, fmt: str = "", **query: object) -> str:
        suffix = {"json": ".json", "xlsx": ".xlsx"}.get(fmt, "")
        return self.path(f"/tasks{suffix}", **query)

    def task(self, task_id: int, fmt: str = "") -> str:
        return self.path(f"/tasks/{task_id}{'.json' if fmt == 'json' else ''}")

    def task_progress(self, task_id: int) -> str:
        return self.path(f"/tasks/{task_id}/progress")

    def task_assignment(self, task_id: int) -> str:
        return self.path(f"/tasks/{task_id}/assignment")

    def task_close(self, task_id: int) -> str:
        return self.path(f"/tasks/{task_id}/close")

    def task_notices(self, task_id: int) -> str:
        return self.path(f"/tasks/{task_id}/notices")

    def bulk_assign(self) -> str:
        return self.path("/tasks/assign")

    def evidence(self, progress_id: int) -> str:
        return self.path(f"/evidence/{progress_id}")

    def my_tasks(self, fmt: str = "") -> str:
        return self.path(f"/my{'.json' if fmt == 'json' else ''}")

    def notices(self, fmt: str = "", **query: object) -> str:
        return self.path(f"/notices{'.json' if fmt == 'json' else ''}", **query)

    def notice_answer(self, notice_id: int) -> str:
        return self.path(f"/notices/{notice_id}/answer")

    def notice_close(self, notice_id: int) -> str:
        return self.path(f"/notices/{notice_id}/close")

    def reminders(self, fmt: str = "") -> str:
        return self.path(f"/reminders{'.json' if fmt == 'json' else ''}")

    def assessment(self, fmt: str = "", **query: object) -> str:
        return self.path(f"/assessment{'.json' if fmt == 'json' else ''}", **query)

    def glossary(self, fmt: str = "") -> str:
        return self.path(f"/glossary{'.json' if fmt == 'json' else ''}")

    def search(self, fmt: str = "", **query: object) -> str:
        return self.path(f"/search{'.json' if fmt == 'json' else ''}", **query)

    def import_report(self) -> str:
        return self.path("/import")

    def progress_sheet(self) -> str:
        """The department's progress sheet: GET downloads it, POST uploads it filled."""
        return self.path("/sheets/progress.xlsx")

    def progress_sheet_upload(self) -> str:
        return self.path("/sheets/progress")

    def admin(self, fmt: str = "") -> str:
        return self.path(f"/admin{'.json' if fmt == 'json' else ''}")

    def admin_users(self) -> str:
        return self.path("/admin/users")

    def admin_user(self, user_id: int) -> str:
        return self.path(f"/admin/users/{user_id}")

    def admin_departments(self) -> str:
        return self.path("/admin/departments")

    def admin_department(self, department_id: int) -> str:
        return self.path(f"/admin/departments/{department_id}")

    def admin_rules(self) -> str:
        return self.path("/admin/rules")

    def admin_rule(self, rule_id: str) -> str:
        return self.path(f"/admin/rules/{rule_id}")

    def admin_resuggest(self) -> str:
        return self.path("/admin/resuggest")

    def admin_settings(self) -> str:
        return self.path("/admin/settings")

    def audit(self, fmt: str = "", **query: object) -> str:
        return self.path(f"/admin/audit{'.json' if fmt == 'json' else ''}", **query)

    def public(self, fmt: str = "") -> str:
        return self.path(f"/public{'.json' if fmt == 'json' else ''}")

    def fulfilment(self, report_id: int | None = None, fmt: str = "", **query: object) -> str:
        """A report's targets against the actuals of its year (承诺兑现); fmt json or xlsx.

        Without a report: the newest report the next year's report reviews.
        """
        if report_id is None:
            return self.path("/fulfilment")
        suffix = {"json": ".json", "xlsx": ".xlsx"}.get(fmt, "")
        return self.path(f"/reports/{report_id}/fulfilment{suffix}", **query)

    def public_fulfilment(self, report_id: int | None = None, fmt: str = "", **query: object) -> str:
        if report_id is None:
            return self.path("/public/fulfilment")
        return self.path(f"/public/fulfilment/{report_id}{'.json' if fmt == 'json' else ''}", **query)

    def history(self, fmt: str = "", **query: object) -> str:
        """One region's target and actual of one indicator over the years."""
        return self.path(f"/history{'.json' if fmt == 'json' else ''}", **query)

    def static(self, name: str) -> str:
        return self.path(f"/static/{name}")

    def api(self, path: str) -> str:
        return self.path(f"/api/{path.lstrip('/')}")

    def docs(self) -> str:
        return self.path("/docs")
