"""The Dask engine on a local cluster of worker processes gives the local engine's tables."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from duban.corpus import TABLES, run_corpus
from duban.errors import DubanError

from .conftest import CorpusRun

distributed = pytest.importorskip("distributed")


def test_corpus_dask_engine_gives_identical_tables(local_run: CorpusRun, tmp_path: Path) -> None:
    out = tmp_path / "out-dask"
    with distributed.LocalCluster(
        n_workers=3, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        stats = run_corpus(
            local_run.root, out, engine="dask", scheduler=cluster.scheduler_address, batch_size=7
        )
    assert stats.workers == 3
    assert stats.processed == local_run.stats.processed
    for table in TABLES:
        dask_table = pq.read_table(out / f"{table}.parquet")
        local_table = pq.read_table(local_run.out / f"{table}.parquet")
        assert dask_table.num_rows == local_table.num_rows, table
        assert dask_table.equals(local_table), table


def test_corpus_dask_needs_a_scheduler(tmp_path: Path) -> None:
    with pytest.raises(DubanError) as err:
        run_corpus(tmp_path, tmp_path / "out", engine="dask")
    assert err.value.code.value == "D606"
