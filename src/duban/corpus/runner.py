"""A folder of reports → the five tables: discovery, dispatch, batching, resume.

The runner hands file paths to an engine (local process pool or Dask), keeps
at most ``window`` files between the oldest unwritten one and the newest
submitted one, and writes results in the order of the sorted file list,
``batch_size`` files to a part. Results therefore reach the disk in the same
order whatever the engine, the number of workers or the order in which they
finish, and memory holds at most one window of results plus one batch.
"""

from __future__ import annotations

import functools
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from duban.corpus.analyse import TABLES, FileResult, _error_row, analyse_file, file_key, sha256_of
from duban.corpus.engine import DaskEngine, Engine, LocalEngine, Task, WorkerLost
from duban.corpus.parts import PartStore, compact
from duban.corpus.progress import Reporter, SilentReporter
from duban.corpus.rows import Row
from duban.corpus.schema import SCHEMAS
from duban.errors import DubanError, ErrorCode

# Seconds one file may take before it is stopped and becomes a D607 row; the
# largest bulk report (57k characters) takes about 2 s.
DEFAULT_TIME_LIMIT = 300.0

# What the ingest reads; other files (MANIFEST.tsv, images …) are not reports.
REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")


@dataclass(slots=True)
class RunStats:
    """What a run did; ``chars`` counts the decoded text of parsed reports."""

    found: int = 0
    skipped: int = 0
    processed: int = 0
    parsed: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    chars: int = 0
    seconds: float = 0.0
    workers: int = 0
    batches: int = 0
    written: list[Path] = field(default_factory=list)

    @property
    def files_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds else 0.0

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


def discover(root: Path, suffixes: Iterable[str] = REPORT_SUFFIXES) -> list[Path]:
    """Report files under ``root`` (recursively), hidden ones left out, sorted by key."""
    if not root.is_dir():
        raise DubanError(ErrorCode.CORPUS_BAD_INPUT, root, detail="not a folder")
    wanted = {s.lower() for s in suffixes}
    found = [
        p
        for p in root.rglob("*")
        if p.suffix.lower() in wanted
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and p.is_file()
    ]
    return sorted(found, key=lambda p: file_key(p, root))


def _lost(path: Path, root: Path, exc: WorkerLost) -> FileResult:
    """The result of a file whose worker died: one D602 ``errors`` row."""
    name = file_key(path, root)
    sha = sha256_of(path)
    key: Row = {"file": name, "sha256": sha}
    err = DubanError(ErrorCode.CORPUS_WORKER_LOST, name, detail=str(exc)[:200])
    size = path.stat().st_size if path.exists() else None
    result = FileResult(file=name, sha256=sha, rows={t: [] for t in TABLES})
    result.rows["errors"].append(_error_row(key, size, "worker", err))
    result.error = err.code.value
    return result


def make_engine(
    kind: str, root: Path, *, workers: int | None = None, scheduler: str | None = None, task: Task = analyse_file
) -> Engine:
    """``local`` (process pool) or ``dask`` (needs ``scheduler``)."""
    if kind == "local":
        return LocalEngine(str(root), workers, task)
    if kind == "dask":
        if not scheduler:
            raise DubanError(ErrorCode.CORPUS_ENGINE, None, detail="--engine dask needs --scheduler ADDRESS")
        return DaskEngine(str(root), scheduler, task)
    raise DubanError(ErrorCode.CORPUS_ENGINE, None, detail=f"unknown engine {kind!r} (local, dask)")


class _Batcher:
    """Collects results in file order and writes a part every ``size`` files.

    Each file's rows are turned into Arrow tables as they arrive: columnar
    buffers hold a batch in a fraction of the memory of Python dicts.
    """

    def __init__(self, store: PartStore, size: int, stats: RunStats) -> None:
        self.store, self.size, self.stats = store, size, stats
        self.index = store.next_index()
        self.parts: dict[str, list[pa.Table]] = {t: [] for t in TABLES}
        self.files = 0

    def add(self, result: FileResult) -> None:
        for table, rows in result.rows.items():
            if rows:
                self.parts[table].append(pa.Table.from_pylist(rows, schema=SCHEMAS[table]))
        self.files += 1
        if self.files >= self.size:
            self.flush()

    def flush(self) -> None:
        if not self.files:
            return
        self.store.write_batch(self.index, self.parts)
        self.index += 1
        self.stats.batches += 1
        self.parts = {t: [] for t in TABLES}
        self.files = 0


def run_corpus(
    root: Path,
    out: Path,
    *,
    engine: str | Engine = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    formats: tuple[str, ...] = ("parquet",),
    batch_size: int = 200,
    reporter: Reporter | None = None,
    task: Task = analyse_file,
    db: str | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> RunStats:
    """Process every report under ``root`` into tables under ``out``; resume if ``out`` has parts.

    With ``db`` (a database URL) every parsed report is also imported into
    the app's database (see :mod:`duban.corpus.database`). Raises DubanError
    only for the run as a whole (bad folder, engine failure, database that
    cannot be opened); a bad file becomes an ``errors`` row, and so does a
    file that runs past ``time_limit`` seconds (D607; None or 0: no limit).
    """
    root = root.resolve()
    reporter = reporter or SilentReporter()
    files = discover(root)
    store = PartStore(out)
    done = store.done()
    stats = RunStats(found=len(files))
    todo: list[Path] = []
    for path in files:
        if done and (file_key(path, root), sha256_of(path)) in done:
            stats.skipped += 1
        else:
            todo.append(path)

    sink = None
    if db:
        from duban.corpus.database import DatabaseSink

        sink = DatabaseSink(db)
        task = functools.partial(task, keep=True)
    if time_limit:
        task = functools.partial(task, time_limit=time_limit)
    began = time.perf_counter()
    eng = engine if not isinstance(engine, str) else make_engine(
        engine, root, workers=workers, scheduler=scheduler, task=task
    )
    stats.workers = eng.workers
    batcher = _Batcher(store, batch_size, stats)
    reporter.start(len(todo), stats.skipped)
    window = max(4 * eng.workers, 8)
    handles: dict[Any, int] = {}
    ready: dict[int, FileResult] = {}
    submitted = emitted = 0

    def finish(pos: int, res: FileResult) -> None:
        ready[pos] = res
        stats.processed += 1
        if res.error:
            stats.errors[res.error] += 1
        else:
            stats.parsed += 1
            stats.chars += res.chars
        reporter.advance(sum(stats.errors.values()))

    try:
        while emitted < len(todo):
            while submitted < len(todo) and submitted - emitted < window:
                handles[eng.submit(str(todo[submitted]))] = submitted
                submitted += 1
            suspects: list[int] = []
            for handle in eng.wait(set(handles)):
                pos = handles.pop(handle)
                try:
                    finish(pos, eng.result(handle))
                except WorkerLost:
                    suspects.append(pos)
            for pos in sorted(suspects):
                try:
                    finish(pos, eng.isolate(str(todo[pos])))
                except WorkerLost as exc:
                    finish(pos, _lost(todo[pos], root, exc))
            while emitted in ready:
                res = ready.pop(emitted)
                if sink and res.analysis is not None:
                    res.rows["reports"][0]["status"] = sink.store(res.analysis)
                    res.analysis = None
                batcher.add(res)
                emitted += 1
        batcher.flush()
    finally:
        if isinstance(engine, str):
            eng.close()
        if sink:
            sink.close()
        reporter.finish()
    stats.seconds = time.perf_counter() - began
    stats.written = compact(store, formats)
    return stats
