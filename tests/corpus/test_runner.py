"""Corpus runs over real reports and bad files: completeness, error codes, resume."""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from duban.corpus import TABLES, FileResult, analyse_file, discover, read_table, run_corpus
from duban.corpus.progress import LogReporter
from duban.corpus.schema import SCHEMAS
from duban.corpus.stages import Stages, load_stages
from duban.model import Report, Source

from .conftest import BAD, STAGE, CorpusRun


def _files(out: Path, table: str) -> list[str]:
    return read_table(out, table).column("file").to_pylist()


def test_corpus_every_file_in_reports_or_errors(local_run: CorpusRun) -> None:
    found = [p.relative_to(local_run.root).as_posix() for p in discover(local_run.root)]
    reports, errors = _files(local_run.out, "reports"), _files(local_run.out, "errors")
    assert sorted(reports + errors) == sorted(found)
    assert not set(reports) & set(errors)
    assert local_run.stats.processed == len(found) and local_run.stats.skipped == 0


def test_corpus_bad_files_get_their_codes(local_run: CorpusRun) -> None:
    rows = {r["file"]: r for r in read_table(local_run.out, "errors").to_pylist()}
    for name, code in BAD.items():
        assert rows[name]["code"] == code, rows[name]
        assert rows[name]["stage"] == STAGE.get(code, "ingest")
        assert rows[name]["message"]


def test_corpus_good_reports_parsed(local_run: CorpusRun) -> None:
    """Every real report (text, GB18030, Word) is in ``reports`` with its metadata."""
    reports = {r["file"]: r for r in read_table(local_run.out, "reports").to_pylist()}
    errors = {r["file"]: r["code"] + " " + r["message"] for r in read_table(local_run.out, "errors").to_pylist()}
    good = [p.relative_to(local_run.root).as_posix() for p in discover(local_run.root)]
    good = [f for f in good if f not in BAD]
    assert [f for f in good if f not in reports] == [], {f: errors.get(f) for f in good if f not in reports}
    years = {f: r["year"] for f, r in reports.items() if f.startswith("reports/")}
    assert all(years[f] == int(Path(f).name[:4]) for f in years), years
    assert reports["raw/2013-county-hailaer.gb18030.txt"]["encoding"] == "gb18030"
    assert all(r["tasks"] > 0 for r in reports.values())
    counts = {f: n for f, n in _count(local_run.out, "tasks").items()}
    assert all(counts.get(f, 0) == r["tasks"] for f, r in reports.items())


def _count(out: Path, table: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in _files(out, table):
        counts[f] = counts.get(f, 0) + 1
    return counts


def test_corpus_csv_twin_has_the_same_rows(local_run: CorpusRun) -> None:
    for table in TABLES:
        parquet = pq.read_table(local_run.out / f"{table}.parquet")
        (local_run.out / "csv-only").mkdir(exist_ok=True)
        csv_path = local_run.out / "csv-only" / f"{table}.csv"
        csv_path.write_bytes((local_run.out / f"{table}.csv").read_bytes())
        csv = read_table(local_run.out / "csv-only", table)
        assert csv.schema.equals(SCHEMAS[table]), table
        assert csv.num_rows == parquet.num_rows
        assert csv.column("file").to_pylist() == parquet.column("file").to_pylist()


def _explode(path: str, root: str, **options: Any) -> FileResult:
    """A worker task that kills its own process on one file (a segfault's effect)."""
    if Path(path).name == "2019-city-ningbo.txt":
        os._exit(1)
    return analyse_file(path, root, **options)


@dataclass(frozen=True)
class _HangingStages(Stages):
    """The real stages, but parsing one file never ends (a pathological input's effect)."""

    def parse(self, source: Source) -> Report:
        if source.path and Path(source.path).name == "2019-city-ningbo.txt":
            while True:
                time.sleep(0.01)
        return super().parse(source)


def _four_reports(local_run: CorpusRun, root: Path) -> tuple[Path, list[str]]:
    """A folder of four real reports, 2019-city-ningbo.txt among them (the one the stand-in tasks break)."""
    root.mkdir()
    names = ["2019-city-guiyang.txt", "2019-city-jiaxing.txt", "2019-city-ningbo.txt", "2019-city-taizhou.txt"]
    for name in names:
        (root / name).write_bytes((local_run.root / "reports" / name).read_bytes())
    return root, names


def _hang(path: str, root: str, **options: Any) -> FileResult:
    return analyse_file(path, root, stages=_HangingStages(load_stages().lexicon), **options)


def test_corpus_time_limit_stops_one_file_and_the_worker_goes_on(local_run: CorpusRun, tmp_path: Path) -> None:
    root, names = _four_reports(local_run, tmp_path / "c")
    stats = run_corpus(root, tmp_path / "out", workers=1, batch_size=2, task=_hang, time_limit=3)
    errors = read_table(tmp_path / "out", "errors").to_pylist()
    assert [(e["file"], e["code"], e["stage"]) for e in errors] == [("2019-city-ningbo.txt", "D607", "parse")]
    assert "3 s" in errors[0]["message"]
    assert sorted(_files(tmp_path / "out", "reports")) == sorted(set(names) - {"2019-city-ningbo.txt"})
    assert stats.errors == {"D607": 1}


def test_time_limit_is_lifted_after_the_file(local_run: CorpusRun) -> None:
    """A file done within its limit leaves no timer behind to hit later work."""
    path = local_run.root / "reports" / "2019-city-jiaxing.txt"
    result = analyse_file(str(path), str(local_run.root), time_limit=60)
    assert result.error is None
    time.sleep(0.2)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_corpus_worker_death_is_one_error_row(local_run: CorpusRun, tmp_path: Path) -> None:
    root, names = _four_reports(local_run, tmp_path / "c")
    stats = run_corpus(root, tmp_path / "out", workers=2, batch_size=2, task=_explode)
    errors = read_table(tmp_path / "out", "errors").to_pylist()
    assert [(e["file"], e["code"], e["stage"]) for e in errors] == [("2019-city-ningbo.txt", "D602", "worker")]
    assert sorted(_files(tmp_path / "out", "reports")) == sorted(set(names) - {"2019-city-ningbo.txt"})
    assert stats.errors == {"D602": 1}


class _Interrupt(LogReporter):
    """Stops the run (as Ctrl-C would) after ``after`` files are done."""

    def __init__(self, after: int) -> None:
        super().__init__(interval=3600)
        self.after = after

    def advance(self, errors: int) -> None:
        super().advance(errors)
        if self.done >= self.after:
            raise KeyboardInterrupt


def _tables(out: Path) -> dict[str, pa.Table]:
    return {t: pq.read_table(out / f"{t}.parquet") for t in TABLES}


def _subset(local_run: CorpusRun, dest: Path, every: int = 5) -> Path:
    """Every ``every``-th file of the test corpus (bad files included), same layout."""
    for path in discover(local_run.root)[::every]:
        target = dest / path.relative_to(local_run.root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return dest


def test_corpus_interrupted_run_resumes(local_run: CorpusRun, tmp_path: Path) -> None:
    root = _subset(local_run, tmp_path / "c")
    whole = run_corpus(root, tmp_path / "whole", workers=2, batch_size=3)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_corpus(root, out, workers=2, batch_size=3, reporter=_Interrupt(after=8))
    batches = sorted((out / "parts").glob("batch-*"))
    assert batches and not any(p.name.endswith(".tmp") for p in batches)
    in_parts = sum(
        pq.read_metadata(b / f"{t}.parquet").num_rows for b in batches for t in ("reports", "errors")
    )
    assert in_parts == 3 * len(batches) and in_parts < whole.found
    stats = run_corpus(root, out, workers=2, batch_size=3)
    assert stats.skipped == in_parts
    assert stats.skipped + stats.processed == whole.found
    resumed, expected = _tables(out), _tables(tmp_path / "whole")
    for table in TABLES:
        assert resumed[table].equals(expected[table]), table
    assert resumed["errors"].num_rows >= 1  # the subset keeps at least one bad file


def test_corpus_second_run_skips_everything(local_run: CorpusRun, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # a copy of the finished run's parts: the same output folder, run again
    for part in (local_run.out / "parts").iterdir():
        (out / "parts" / part.name).mkdir(parents=True)
        for f in part.iterdir():
            (out / "parts" / part.name / f.name).write_bytes(f.read_bytes())
    stats = run_corpus(local_run.root, out, workers=1)
    assert (stats.skipped, stats.processed) == (local_run.stats.found, 0)
    for table in TABLES:
        assert _tables(out)[table].equals(_tables(local_run.out)[table])


def test_corpus_changed_file_is_redone_and_replaced(tmp_path: Path, local_run: CorpusRun) -> None:
    root = tmp_path / "c"
    root.mkdir()
    src = local_run.root / "reports" / "2021-city-huzhou.txt"
    (root / "r.txt").write_bytes(src.read_bytes())
    run_corpus(root, tmp_path / "out", workers=1)
    (root / "r.txt").write_bytes(b"")
    stats = run_corpus(root, tmp_path / "out", workers=1)
    assert (stats.skipped, stats.processed) == (0, 1)
    assert _files(tmp_path / "out", "reports") == []
    assert [(r["file"], r["code"]) for r in read_table(tmp_path / "out", "errors").to_pylist()] == [
        ("r.txt", "D101")
    ]
    assert _files(tmp_path / "out", "tasks") == []
