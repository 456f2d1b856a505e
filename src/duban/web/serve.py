"""Serve the web app with uvicorn: what ``duban serve`` and ``duban demo`` call."""

from __future__ import annotations

import uvicorn

from duban.config import Settings
from duban.store.schema import open_database
from duban.web.app import create_app


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Create or upgrade the database, build the app and serve it until interrupted."""
    engine = open_database(settings.resolved_database_url)
    app = create_app(settings, engine=engine)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
    finally:
        engine.dispose()
