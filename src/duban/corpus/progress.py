"""Progress of a corpus run: a Rich bar on a terminal, plain log lines otherwise.

Both show files done of total, files per second, the ETA and the errors so
far. Log lines go out at most every ``interval`` seconds (and at the end), so
a log file of a long run stays short.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class Reporter(Protocol):
    def start(self, total: int, skipped: int) -> None: ...

    def advance(self, errors: int) -> None: ...

    def finish(self) -> None: ...


def _rate(done: int, began: float) -> float:
    elapsed = time.monotonic() - began
    return done / elapsed if elapsed > 0 else 0.0


class LogReporter:
    """``corpus: 1200/3004 files (39.9%), 35.2 files/s, ETA 51s, 3 errors``."""

    def __init__(self, stream: TextIO | None = None, interval: float = 10.0) -> None:
        self.stream = stream or sys.stderr
        self.interval = interval
        self.total = self.done = self.errors = 0
        self.began = self.last = 0.0

    def _line(self, msg: str) -> None:
        print(f"corpus: {msg}", file=self.stream, flush=True)

    def start(self, total: int, skipped: int) -> None:
        self.total, self.began = total, time.monotonic()
        self.last = self.began
        extra = f" ({skipped} already done, skipped)" if skipped else ""
        self._line(f"{total} files to process{extra}")

    def advance(self, errors: int) -> None:
        self.done += 1
        self.errors = errors
        now = time.monotonic()
        if now - self.last >= self.interval:
            self.last = now
            self._line(self._status())

    def _status(self) -> str:
        rate = _rate(self.done, self.began)
        pct = 100.0 * self.done / self.total if self.total else 100.0
        eta = f"{(self.total - self.done) / rate:.0f}s" if rate else "?"
        return (
            f"{self.done}/{self.total} files ({pct:.1f}%), {rate:.1f} files/s, "
            f"ETA {eta}, {self.errors} errors"
        )

    def finish(self) -> None:
        self._line(self._status() + f", {time.monotonic() - self.began:.1f}s")


class RichReporter:
    """A live progress bar (stderr must be a terminal)."""

    def __init__(self, console: Console | None = None) -> None:
        self.progress = Progress(
            TextColumn("[bold]corpus"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]:.1f} files/s"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TimeElapsedColumn(),
            TextColumn("[red]{task.fields[errors]} errors"),
            console=console or Console(stderr=True),
        )
        self.task = self.progress.add_task("corpus", total=0, rate=0.0, errors=0, start=False)
        self.done = 0
        self.began = 0.0

    def start(self, total: int, skipped: int) -> None:
        if skipped:
            self.progress.console.print(f"corpus: {skipped} files already done, skipped")
        self.began = time.monotonic()
        self.progress.update(self.task, total=total)
        self.progress.start_task(self.task)
        self.progress.start()

    def advance(self, errors: int) -> None:
        self.done += 1
        self.progress.update(self.task, advance=1, errors=errors, rate=_rate(self.done, self.began))

    def finish(self) -> None:
        self.progress.stop()


def make_reporter(quiet: bool = False) -> Reporter:
    """Rich on a terminal, log lines otherwise; nothing at all when ``quiet``."""
    if quiet:
        return SilentReporter()
    return RichReporter() if sys.stderr.isatty() else LogReporter()


class SilentReporter:
    def start(self, total: int, skipped: int) -> None:
        pass

    def advance(self, errors: int) -> None:
        pass

    def finish(self) -> None:
        pass
