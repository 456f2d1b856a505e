"""Serve the web app with uvicorn: what ``duban serve`` and ``duban demo`` call."""

from __future__ import annotations

import uvicorn
from fastapi import FastAPI

from duban.config import Settings, get_settings
from duban.store.schema import open_database
from duban.web.app import create_app


def app_from_env() -> FastAPI:
    """The app built from the environment's settings: the factory each uvicorn worker process calls."""
    settings = get_settings()
    return create_app(settings, engine=open_database(settings.resolved_database_url))


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info",
          workers: int = 1) -> None:
    """Create or upgrade the database, build the app and serve it until interrupted.

    With ``workers`` > 1 each worker process builds its own app from the
    environment (``DUBAN_*``), so settings given only in code do not reach them.
    """
    engine = open_database(settings.resolved_database_url)
    if workers > 1:
        engine.dispose()
        uvicorn.run("duban.web.serve:app_from_env", factory=True, host=host, port=port, log_level=log_level,
                    workers=workers, proxy_headers=False, server_header=False)
        return
    app = create_app(settings, engine=engine)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
    finally:
        engine.dispose()
