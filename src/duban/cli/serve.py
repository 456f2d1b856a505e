"""``duban serve``: the web app over the configured database (``DUBAN_DATABASE_URL`` or SQLite)."""

from __future__ import annotations

from typing import Annotated

import typer

from duban.cli.app import app, guarded
from duban.config import get_settings


@app.command("serve")
@guarded
def serve_command(
    host: Annotated[str | None, typer.Option(help="address to listen on (default 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="port to listen on (default 8000)")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level")] = "info",
    workers: Annotated[int, typer.Option(min=1, help="worker processes (each reads DUBAN_* settings)")] = 1,
) -> None:
    """Serve the web app (creates or upgrades the database first)."""
    from duban.web.serve import serve

    settings = get_settings()
    serve(
        settings,
        host=host or settings.host,
        port=port if port is not None else settings.port,
        log_level=log_level,
        workers=workers,
    )
