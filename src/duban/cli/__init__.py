"""The ``duban`` command line (Typer). Each command lives in its own module here.

Bad input never shows a traceback: a :class:`~duban.errors.DubanError` is
printed as one line (code, file, problem) on stderr and the exit status is 2.
"""

from __future__ import annotations

from duban.cli import corpus as _corpus  # noqa: F401  (registers corpus and corpus-summary)
from duban.cli import database as _database  # noqa: F401
from duban.cli import demo as _demo  # noqa: F401
from duban.cli import figures as _figures  # noqa: F401  (registers the command)
from duban.cli import fulfil as _fulfil  # noqa: F401  (registers fulfil and history)
from duban.cli import importing as _importing  # noqa: F401
from duban.cli import ledger as _ledger  # noqa: F401  (registers the command)
from duban.cli import parse as _parse  # noqa: F401  (registers the command)
from duban.cli import serve as _serve  # noqa: F401
from duban.cli import targets as _targets  # noqa: F401  (registers the command)
from duban.cli import users as _users  # noqa: F401
from duban.cli.app import app


def main() -> None:
    """Entry point of the ``duban`` script."""
    app()


__all__ = ["app", "main"]
