"""Where the per-file work runs: a local process pool or a Dask cluster.

Both engines offer the same three calls — ``submit(path)``, ``wait(pending)``
for the first finished handles, and ``result(handle)`` — so the runner's
loop, its batching and its ordering are shared and the tables cannot differ
by engine. A worker that dies (a segfault, the OOM killer) surfaces as
:class:`WorkerLost`; the runner then retries the files that were in flight
one at a time so that only the file that kills a worker gets an error row.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as futures_wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from duban.corpus.analyse import FileResult, analyse_file
from duban.errors import DubanError, ErrorCode

# ``task(path, root, **options) -> FileResult``; analyse_file, or a test's stand-in.
Task = Callable[..., FileResult]


class WorkerLost(Exception):
    """The process running a file died before returning."""


class Engine(Protocol):
    workers: int

    def submit(self, path: str) -> Any: ...

    def wait(self, pending: set[Any]) -> set[Any]: ...

    def result(self, handle: Any) -> FileResult: ...

    def isolate(self, path: str) -> FileResult: ...

    def close(self) -> None: ...


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover  (not Linux)
        return os.cpu_count() or 1


class LocalEngine:
    """A pool of worker processes on this machine."""

    def __init__(self, root: str, workers: int | None = None, task: Task = analyse_file) -> None:
        self.root = root
        self.task = task
        self.workers = workers or default_workers()
        self.pool = ProcessPoolExecutor(max_workers=self.workers)

    def submit(self, path: str) -> Future[FileResult]:
        try:
            return self.pool.submit(self.task, path, self.root)
        except BrokenProcessPool:
            self._restart()
            return self.pool.submit(self.task, path, self.root)

    def wait(self, pending: set[Any]) -> set[Any]:
        done, _ = futures_wait(pending, return_when=FIRST_COMPLETED)
        return done

    def result(self, handle: Future[FileResult]) -> FileResult:
        try:
            return handle.result()
        except BrokenProcessPool as exc:
            self._restart()
            raise WorkerLost(str(exc) or "process pool broken") from None

    def isolate(self, path: str) -> FileResult:
        """Run one file alone in a fresh process; WorkerLost if that process dies too."""
        with ProcessPoolExecutor(max_workers=1) as solo:
            try:
                return solo.submit(self.task, path, self.root).result()
            except BrokenProcessPool as exc:
                raise WorkerLost(str(exc) or "worker process died") from None

    def _restart(self) -> None:
        if getattr(self.pool, "_broken", False):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = ProcessPoolExecutor(max_workers=self.workers)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Workers of a Dask distributed cluster (``--scheduler tcp://host:8786``).

    The workers must see the corpus folder at the same path and have duban
    installed. Dask itself retries a task whose worker died; a file that kills
    its workers repeatedly comes back as ``KilledWorker`` → WorkerLost.
    """

    def __init__(self, root: str, scheduler: str, task: Task = analyse_file) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise DubanError(
                ErrorCode.CORPUS_ENGINE, None, detail="dask is not installed: pip install 'duban[cluster]'"
            ) from None
        self.root = root
        self.task = task
        try:
            self.client = Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            raise DubanError(ErrorCode.CORPUS_ENGINE, None, detail=f"{scheduler}: {exc}") from None
        self.workers = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()))

    def submit(self, path: str) -> Any:
        return self.client.submit(self.task, path, self.root, pure=False)

    def wait(self, pending: set[Any]) -> set[Any]:
        from distributed import wait

        done, _ = wait(list(pending), return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]
        return set(done)

    def result(self, handle: Any) -> FileResult:
        from distributed import KilledWorker

        try:
            res: FileResult = handle.result()
        except KilledWorker as exc:
            raise WorkerLost(str(exc)) from None
        finally:
            handle.release()
        return res

    def isolate(self, path: str) -> FileResult:
        """Dask has already retried the file on fresh workers: it is the culprit."""
        raise WorkerLost("the file killed its Dask workers on every retry")

    def close(self) -> None:
        self.client.close()  # type: ignore[no-untyped-call]
