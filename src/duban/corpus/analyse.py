"""One file → its rows in every table: the work a corpus worker does.

This is the only module of ``corpus/`` that calls the pipeline stages
(read_report → parse → extract_figures/main_targets → build_ledger), the same
public functions the ``duban figures`` and ``duban ledger`` commands call, so
a corpus row always equals what the single-file commands give. A failure never
escapes: a :class:`~duban.errors.DubanError` becomes one ``errors`` row with
its own code, and any other exception one row with code D601 and the stage it
happened in (spaCy's ``Language.pipe`` error handler, per file).
"""

from __future__ import annotations

import hashlib
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from duban.corpus.limit import FileTimeout
from duban.corpus.limit import time_limit as limited
from duban.corpus.rows import Row, figure_rows, main_target_rows, report_row, task_rows
from duban.corpus.stages import Stages, load_stages
from duban.errors import DubanError, ErrorCode
from duban.pipeline import Analysis

TABLES = ("reports", "figures", "main_targets", "tasks", "errors")


@dataclass(slots=True)
class FileResult:
    """What a worker sends back for one file (pickled across processes)."""

    file: str
    sha256: str | None
    rows: dict[str, list[Row]] = field(default_factory=dict)
    chars: int = 0
    error: str | None = None  # the error code, when the file failed
    seconds: float = 0.0
    analysis: Any = None  # duban.pipeline.Analysis, only when asked for (``--db``)


def file_key(path: Path, root: Path) -> str:
    """The report key: the path relative to the corpus folder, ``/``-separated."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def sha256_of(path: Path) -> str | None:
    """sha256 of the file's bytes, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _error_row(key: Row, size: int | None, stage: str, err: BaseException) -> Row:
    if isinstance(err, DubanError):
        code, message, exception = err.code.value, err.detail, None
    else:
        detail = f"{type(err).__name__}: {err}".strip()
        wrapped = DubanError(ErrorCode.CORPUS_UNEXPECTED, key["file"], stage=stage, detail=detail)
        code, message = wrapped.code.value, wrapped.detail
        frames = traceback.extract_tb(err.__traceback__)
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
        exception = f"{type(err).__name__}{where}"
    return {
        **key,
        "size": size,
        "stage": stage,
        "code": code,
        "message": message,
        "exception": exception,
    }


def analyse_file(
    path: str, root: str, stages: Stages | None = None, keep: bool = False, time_limit: float | None = None
) -> FileResult:
    """Run every stage on one file and return its rows; never raises.

    With ``keep`` the result also carries the :class:`~duban.pipeline.Analysis`
    (source, report, figures, ledger, catalogue) for the database import.
    With ``time_limit`` (seconds) a file that takes longer is stopped and
    becomes one D607 row (see :mod:`duban.corpus.limit`).
    """
    began = time.perf_counter()
    p, r = Path(path), Path(root)
    name = file_key(p, r)
    sha = sha256_of(p)
    key: Row = {"file": name, "sha256": sha}
    result = FileResult(file=name, sha256=sha, rows={t: [] for t in TABLES})
    size: int | None = None
    stage = "ingest"
    try:
        with limited(time_limit):
            size = p.stat().st_size if p.is_file() else None  # a missing file: read_report says D100
            st = stages or load_stages()
            source = st.read_report(p)
            stage = "parse"
            report = st.parse(source)
            stage = "extract"
            figures = st.extract_figures(report)
            targets = st.main_targets(report, figures)
            stage = "ledger"
            catalogue = st.catalogue_for(report)
            ledger = st.build_ledger(report, figures, catalogue)
            stage = "tables"
            figs = figure_rows(key, report, figures)
            mains = main_target_rows(key, targets, figures)
            tasks = task_rows(key, ledger)
            counts = {
                "figures": len(figs),
                "main_targets_found": int(targets.found),
                "main_targets": len(mains),
                "tasks": len(tasks),
            }
            result.rows["reports"].append(report_row(key, source, report, counts))
            result.rows["figures"] = figs
            result.rows["main_targets"] = mains
            result.rows["tasks"] = tasks
            result.chars = len(report.text)
            if keep:
                result.analysis = Analysis(source, report, figures, ledger, catalogue)
    except Exception as err:  # noqa: BLE001  (one bad file must never stop the run)
        if isinstance(err, FileTimeout):
            err = DubanError(ErrorCode.CORPUS_TIMEOUT, name, limit=f"{err.seconds:g}", stage=stage)
        row = _error_row(key, size, stage, err)
        result.rows = {t: [] for t in TABLES}
        result.rows["errors"].append(row)
        result.error = row["code"]
    result.seconds = time.perf_counter() - began
    return result
