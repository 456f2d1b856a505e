"""One router per resource; :data:`ROUTERS` is what the app factory mounts, in order."""

from __future__ import annotations

from fastapi import APIRouter

from duban.web.routes import (
    admin,
    assessment,
    auth,
    fulfilment,
    glossary,
    importing,
    notices,
    overview,
    progress,
    public,
    reminders,
    reports,
    search,
    sheets,
    targets,
    tasks,
)

ROUTERS: list[APIRouter] = [
    auth.router,
    overview.router,
    reports.router,
    targets.router,
    tasks.router,
    progress.router,
    notices.router,
    fulfilment.router,
    reminders.router,
    assessment.router,
    glossary.router,
    search.router,
    public.router,
    importing.router,
    sheets.router,
    admin.router,
]
