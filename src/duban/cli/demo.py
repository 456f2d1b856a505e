"""``duban demo``: the whole system on the embedded sample, in one command.

Creates the database (``DUBAN_DATABASE_URL``, else the SQLite file in the data
folder), imports the sample report (once), creates an admin and three
department accounts (passwords printed once, or set with the flags), then
serves the web app. ``--no-serve`` stops after building.
"""

from __future__ import annotations

import importlib.util
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from duban.cli.app import app, guarded
from duban.config import get_settings
from duban.demo import build_demo
from duban.store.db import make_sessionmaker
from duban.store.schema import open_database


@app.command("demo")
@guarded
def demo_command(
    host: Annotated[str | None, typer.Option(help="address to listen on (default 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="port to listen on (default 8000)")] = None,
    admin_password: Annotated[str | None, typer.Option(help="set the admin's password")] = None,
    department_password: Annotated[
        str | None, typer.Option(help="set the three department accounts' password")
    ] = None,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="serve the web app afterwards")] = True,
) -> None:
    """Build the demo database from the embedded sample and serve the web app."""
    settings = get_settings()
    engine = open_database(settings.resolved_database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            demo = build_demo(
                session=session, admin_password=admin_password, department_password=department_password
            )
    finally:
        engine.dispose()
    console = Console(width=120)
    state = "imported" if demo.report_created else "already in the database"
    console.print(f"sample report {demo.report_id} {state}; database: {settings.resolved_database_url}")
    table = Table("account", "role", "department", "password")
    table.add_row(demo.admin, "admin", "督查室", demo.passwords.get(demo.admin, "(unchanged)"))
    for username, department in demo.departments.items():
        table.add_row(username, "department", department, demo.passwords.get(username, "(unchanged)"))
    console.print(table)
    if demo.passwords:
        console.print("passwords are shown this once; change them with `duban users passwd NAME`")
    if not serve:
        return
    if importlib.util.find_spec("duban.web") is None or importlib.util.find_spec("duban.web.serve") is None:
        typer.echo("duban: error: the web app (duban.web.serve) is not part of this build", err=True)
        raise typer.Exit(code=2)
    from duban.web.serve import serve as serve_app

    host = host or settings.host
    port = port if port is not None else settings.port
    console.print(f"serving at http://{host}:{port}")
    serve_app(settings, host=host, port=port)
