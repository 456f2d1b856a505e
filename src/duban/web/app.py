"""The web app factory: ``create_app(settings)`` builds a FastAPI app, no import-time side effects.

Everything the app holds (engine, session factory, templates, URL builder) is
made here from the settings, so tests build as many apps as they like over
different databases, and importing this module needs neither environment
variables nor a database.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from duban.config import Settings
from duban.store.db import make_engine, make_sessionmaker
from duban.web.cache import PartCache
from duban.web.errors import install_handlers
from duban.web.render import make_templates
from duban.web.security import verify_csrf
from duban.web.urls import Urls

STATIC_DIR = Path(__file__).parent / "static"

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (
        b"content-security-policy",
        (
            b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            b"object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
        ),
    ),
]
DOCS_CSP = b"default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; " \
    b"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com"


class SecurityHeaders:
    """Adds the headers above to every response (the API docs get a looser CSP)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_docs = scope["path"].endswith(("/docs", "/redoc"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                for name, value in SECURITY_HEADERS:
                    if name == b"content-security-policy" and is_docs:
                        value = DOCS_CSP
                    headers.append((name, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _apply_stored_overrides(app: FastAPI) -> None:
    """Settings the admin saved in the web app win over the environment."""
    from duban.store.repo.overrides import load_overrides

    try:
        with app.state.sessionmaker() as session:
            stored = load_overrides(session=session)
    except SQLAlchemyError:  # no schema yet: nothing stored
        return
    if stored:
        app.state.settings = app.state.base_settings.with_overrides(stored)


def create_app(settings: Settings, *, engine: Engine | None = None) -> FastAPI:
    """A ready app over ``settings``; ``engine`` overrides the one built from the URL.

    The database must already have its schema (``duban serve`` and the test
    fixtures run the migrations first).
    """
    from duban.web.routes import ROUTERS

    app = FastAPI(
        title="duban 督办",
        description="政府工作报告任务督办：任务台账、进展报送、督办单、考核。每个页面都有 .json 版本或 /api 接口。",
        version="0.1.0",
        dependencies=[Depends(verify_csrf)],
    )
    app.state.base_settings = settings
    app.state.settings = settings
    app.state.engine = engine if engine is not None else make_engine(settings.resolved_database_url)
    app.state.sessionmaker = make_sessionmaker(app.state.engine)
    app.state.templates = make_templates(settings.timezone)
    app.state.urls = Urls()
    app.state.cache = PartCache()
    app.state.settings_site_name = "政府工作报告任务督办"
    app.state.templates.env.globals["urls"] = app.state.urls

    _apply_stored_overrides(app)
    install_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret(),
        session_cookie="duban_session",
        max_age=settings.session_max_age,
        same_site="lax",
        https_only=settings.cookie_secure,
    )
    app.add_middleware(SecurityHeaders)

    @app.get("/healthz", include_in_schema=False)
    def healthz(request: Request) -> Response:
        return Response("ok", media_type="text/plain")

    return app
