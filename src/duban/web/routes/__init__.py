"""One router per resource; :data:`ROUTERS` is what the app factory mounts, in order."""

from __future__ import annotations

from fastapi import APIRouter

from duban.web.routes import auth, fulfilment, notices, progress, tasks

ROUTERS: list[APIRouter] = [
    auth.router,
    tasks.router,
    progress.router,
    notices.router,
    fulfilment.router,
]
