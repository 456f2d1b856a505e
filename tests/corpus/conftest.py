"""A small real corpus with bad files mixed in, and one local run over it.

The corpus is the 55 cleaned reports, one GB18030 text and one Word file
from ``raw/``, and four files made bad on purpose: an empty text, a binary
file named ``.txt``, a truncated ``.docx``, a ``.docx`` that is not a zip, and the README.md
of ``raw/`` (text that decodes fine but is not a report).
The local run is shared by the tests of this folder (session scope) because
the two cores of the machine are shared.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from duban.corpus import RunStats, run_corpus

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared input missing: {path}")
    return path

BAD = {
    "bad/empty.txt": "D101",
    "bad/binary.txt": "D102",
    "bad/truncated.docx": "D106",
    "bad/not-a-zip.docx": "D106",
    "bad/README.md": "D111",
}
# The stage that gives each code: reading the file, or seeing it is not a report.
STAGE = {"D111": "parse"}


@dataclass
class CorpusRun:
    root: Path
    out: Path
    stats: RunStats


def make_corpus(dest: Path, reports: list[Path], raw: list[Path]) -> Path:
    """Copy reports under ``dest`` and add the bad files of :data:`BAD`."""
    (dest / "reports").mkdir(parents=True)
    (dest / "raw").mkdir()
    (dest / "bad").mkdir()
    for src in reports:
        shutil.copy(src, dest / "reports" / src.name)
    for src in raw:
        shutil.copy(src, dest / "raw" / src.name)
    (dest / "bad" / "empty.txt").write_bytes(b"")
    (dest / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 64 + os.urandom(4096))
    docx = next(p for p in raw if p.suffix == ".docx").read_bytes()
    (dest / "bad" / "truncated.docx").write_bytes(docx[: len(docx) // 2])
    (dest / "bad" / "not-a-zip.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    shutil.copy(SHARED / "corpus" / "raw" / "README.md", dest / "bad" / "README.md")
    return dest


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reports = sorted(shared_path("corpus", "reports").glob("*.txt"))
    raw_dir = shared_path("corpus", "raw")
    raw = [raw_dir / "2013-county-hailaer.gb18030.txt"] + sorted((raw_dir / "docx").glob("*.docx"))[:1]
    return make_corpus(tmp_path_factory.mktemp("corpus"), reports, raw)


@pytest.fixture(scope="session")
def local_run(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> CorpusRun:
    out = tmp_path_factory.mktemp("out-local")
    stats = run_corpus(corpus_dir, out, workers=2, batch_size=16, formats=("parquet", "csv"))
    return CorpusRun(corpus_dir, out, stats)
