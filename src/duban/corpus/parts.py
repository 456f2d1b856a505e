"""Results on disk in batches: part files, the done set for resuming, compaction.

Each batch of files is written as one directory ``OUT/parts/batch-NNNNNN/``
holding one Parquet file per table. The directory is written under a ``.tmp``
name and renamed when complete, so an interrupted run leaves either a whole
batch or none: a resumed run reads the ``(file, sha256)`` pairs of the whole
batches (from ``reports`` and ``errors``) and skips those files.

Compaction streams the parts, one batch at a time, into ``OUT/<table>.parquet``
and/or ``OUT/<table>.csv``, so memory stays bounded by one batch whatever the
corpus size. When a file was processed twice (its content changed between
runs), only its latest batch's rows are kept.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from duban.corpus.schema import SCHEMAS
from duban.errors import DubanError, ErrorCode

PARTS = "parts"
FORMATS = ("parquet", "csv")
_BATCH = re.compile(r"^batch-(\d{6})$")
KEY_TABLES = ("reports", "errors")  # every processed file has exactly one row in one of these


def _names(table: pa.Table) -> list[str]:
    """The ``file`` column (never null) as Python strings."""
    return [str(name) for name in table.column("file").to_pylist()]


class PartStore:
    """The ``parts/`` folder of one output directory."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.parts = out / PARTS
        try:
            self.parts.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DubanError(ErrorCode.CORPUS_BAD_OUTPUT, out, detail=exc.strerror or str(exc)) from None
        for stale in self.parts.glob("*.tmp"):
            shutil.rmtree(stale, ignore_errors=True)

    def batches(self) -> list[Path]:
        """Complete batch directories, in the order they were written."""
        return sorted(p for p in self.parts.iterdir() if p.is_dir() and _BATCH.match(p.name))

    def next_index(self) -> int:
        done = self.batches()
        return int(done[-1].name.split("-")[1]) + 1 if done else 1

    def done(self) -> set[tuple[str, str | None]]:
        """``(file, sha256)`` of every file in a complete batch."""
        out: set[tuple[str, str | None]] = set()
        for batch in self.batches():
            for table in KEY_TABLES:
                t = pq.read_table(batch / f"{table}.parquet", columns=["file", "sha256"])
                shas = [str(s) if s is not None else None for s in t.column("sha256").to_pylist()]
                out.update(zip(_names(t), shas))
        return out

    def write_batch(self, index: int, parts: dict[str, list[pa.Table]]) -> Path:
        """Write one batch atomically (all tables, or nothing); ``parts`` are per-file tables."""
        final = self.parts / f"batch-{index:06d}"
        tmp = self.parts / f"batch-{index:06d}.tmp"
        tmp.mkdir(parents=True, exist_ok=True)
        for table, schema in SCHEMAS.items():
            pieces = parts.get(table) or [schema.empty_table()]
            pq.write_table(pa.concat_tables(pieces), tmp / f"{table}.parquet")
        os.replace(tmp, final)
        return final

    def latest_batch(self) -> dict[str, str]:
        """For each file, the name of the last batch that holds it."""
        latest: dict[str, str] = {}
        for batch in self.batches():
            for table in KEY_TABLES:
                for name in _names(pq.read_table(batch / f"{table}.parquet", columns=["file"])):
                    latest[name] = batch.name
        return latest

    def iter_table(self, table: str) -> Iterator[pa.Table]:
        """The table's rows batch by batch, stale rows of re-processed files dropped."""
        latest = self.latest_batch()
        for batch in self.batches():
            t = pq.read_table(batch / f"{table}.parquet", schema=SCHEMAS[table])
            if t.num_rows == 0:
                continue
            keep = [latest.get(f) == batch.name for f in _names(t)]
            yield t if all(keep) else t.filter(pa.array(keep, type=pa.bool_()))


def compact(store: PartStore, formats: tuple[str, ...] = ("parquet",)) -> list[Path]:
    """Write ``OUT/<table>.<format>`` for every table from the parts; return the paths."""
    written: list[Path] = []
    for table, schema in SCHEMAS.items():
        targets = {fmt: store.out / f"{table}.{fmt}" for fmt in formats}
        tmps = {fmt: path.with_name(path.name + ".tmp") for fmt, path in targets.items()}
        pq_writer = pq.ParquetWriter(tmps["parquet"], schema) if "parquet" in tmps else None
        csv_writer = pacsv.CSVWriter(tmps["csv"], schema) if "csv" in tmps else None
        try:
            for part in store.iter_table(table):
                if pq_writer:
                    pq_writer.write_table(part)
                if csv_writer:
                    csv_writer.write_table(part)
        finally:
            if pq_writer:
                pq_writer.close()
            if csv_writer:
                csv_writer.close()
        for fmt, tmp in tmps.items():
            os.replace(tmp, targets[fmt])
            written.append(targets[fmt])
    return written


def read_table(out: Path, table: str) -> pa.Table:
    """One compacted table of an output folder (Parquet if there, else CSV)."""
    parquet, csv = out / f"{table}.parquet", out / f"{table}.csv"
    if parquet.is_file():
        return pq.read_table(parquet)
    if csv.is_file():
        schema = SCHEMAS[table]
        options = pacsv.ConvertOptions(column_types=schema, strings_can_be_null=True)
        return pacsv.read_csv(csv, convert_options=options).select(schema.names).cast(schema)
    raise DubanError(ErrorCode.CORPUS_NO_TABLES, out, detail=f"{table}.parquet or {table}.csv missing")
