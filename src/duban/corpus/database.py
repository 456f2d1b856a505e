"""``duban corpus --db URL``: each parsed report also goes into the app's database.

Workers analyse; the parent process stores, one report per transaction, in
file order, through :func:`duban.store.repo.reports.import_report` — the same
call ``duban import`` makes — so SQLite never sees concurrent writers and a
refused write loses one report, not the run. The outcome goes into the
``reports`` row's ``status``: ``stored``, ``already stored`` (same sha256),
or ``store failed: D401 …``.
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from duban.errors import DubanError, ErrorCode
from duban.pipeline import Analysis
from duban.store.db import make_sessionmaker
from duban.store.repo.reports import import_analysis
from duban.store.schema import open_database


class DatabaseSink:
    """An open database that takes one :class:`Analysis` at a time."""

    def __init__(self, url: str) -> None:
        try:
            self.engine = open_database(url)
        except (SQLAlchemyError, OSError) as exc:
            raise DubanError(ErrorCode.STORE_FAILED, None, detail=str(exc).splitlines()[0]) from None
        self.sessions = make_sessionmaker(self.engine)

    def store(self, analysis: Analysis) -> str:
        """Import one report; return the status for its ``reports`` row."""
        try:
            with self.sessions.begin() as session:
                result = import_analysis(session=session, analysis=analysis)
                return "stored" if result.created else "already stored"
        except DubanError as err:
            return f"store failed: {err.code.value} {err.detail}"
        except SQLAlchemyError as exc:
            failed = DubanError(ErrorCode.STORE_FAILED, None, detail=str(exc).splitlines()[0])
            return f"store failed: {failed.code.value} {failed.detail}"

    def close(self) -> None:
        self.engine.dispose()
