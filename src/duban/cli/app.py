"""The Typer application object and the error guard every command uses."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from duban.errors import DubanError

app = typer.Typer(
    name="duban",
    help="duban (督办): a government work report turned into supervised work.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn a DubanError into one line on stderr and exit status 2."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except DubanError as err:
            print(f"duban: error {err.one_line()}", file=sys.stderr)
            raise typer.Exit(code=2) from None

    return wrapper


@app.callback()
def root() -> None:
    """duban (督办): a government work report turned into supervised work.

    The callback makes ``duban`` a command group even while only one command
    is registered (Typer would otherwise run that command directly).
    """
