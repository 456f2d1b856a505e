"""A per-file time limit for corpus workers, so one pathological file cannot hold a worker for ever.

The parser is linear-time by design, but a corpus run meets files nobody has
looked at; a run of 3,000 files should not wait on one. The limit is an
interval timer (SIGALRM) that raises :class:`FileTimeout` inside the worker,
which :func:`duban.corpus.analyse.analyse_file` turns into a D607 ``errors``
row: the worker process lives on and takes the next file. Signals reach only
a process's main thread, which is where the local engine's pool workers run
their tasks; under Dask, whose workers run tasks in threads, no timer is set
(Dask's own worker lifetime settings are the tool there).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class FileTimeout(Exception):
    """The file's time limit ran out."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"time limit of {seconds:g} s ran out")
        self.seconds = seconds


def can_limit() -> bool:
    """Whether a timer can interrupt work running in this thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`FileTimeout` in the body after ``seconds`` (no limit when None, 0 or not possible)."""
    if not seconds or seconds <= 0 or not can_limit():
        yield
        return

    def _ring(signum: int, frame: FrameType | None) -> None:
        raise FileTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
