"""``duban import FILE``: read, parse, extract, build the ledger and store a report.

The database is the one the settings name (``DUBAN_DATABASE_URL``, else the
SQLite file in the data folder). Importing the same file twice adds nothing;
a re-parsed report of the same region and year keeps its tasks' history.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.exc import SQLAlchemyError

from duban.cli.app import app, guarded
from duban.config import get_settings
from duban.errors import DubanError, ErrorCode
from duban.pipeline import analyse_file
from duban.store.db import make_sessionmaker
from duban.store.repo.reports import import_analysis
from duban.store.schema import open_database


@app.command("import")
@guarded
def import_command(
    file: Annotated[Path, typer.Argument(help="report file: .txt (any encoding), .docx, .pdf, .html, .md")],
) -> None:
    """Import a report into the database (idempotent by the file's sha256)."""
    settings = get_settings()
    analysis = analyse_file(file, max_bytes=settings.max_report_bytes)
    engine = open_database(settings.resolved_database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            result = import_analysis(session=session, analysis=analysis)
            report = result.report
            label = " ".join(str(x) for x in (report.region, report.year) if x) or report.file_name or ""
            if not result.created:
                typer.echo(f"already imported: report {report.id} ({label}), nothing added")
                return
            typer.echo(
                f"imported report {report.id} ({label}): {len(analysis.figures)} figures, "
                f"{len(analysis.ledger.tasks)} tasks ({result.tasks_added} new, {result.tasks_kept} kept, "
                f"{result.tasks_retired} retired)"
            )
            if result.replaced is not None:
                typer.echo(f"replaces report {result.replaced.id} of the same region and year")
    except SQLAlchemyError as exc:
        raise DubanError(ErrorCode.STORE_FAILED, file, detail=str(exc).splitlines()[0]) from None
    finally:
        engine.dispose()
