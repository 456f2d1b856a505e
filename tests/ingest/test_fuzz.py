"""Damaged files of every format: read_bytes returns a Source or raises DubanError, nothing else."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duban.errors import DubanError
from duban.ingest import read_bytes
from duban.model import Source

from .documents import text_pdf
from .pages import gov_page
from .paths import SAMPLE


def _docx_bytes() -> bytes:
    document = docx.Document()
    for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:40]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


SEEDS = {
    "report.docx": _docx_bytes(),
    "report.pdf": text_pdf(SAMPLE.read_text(encoding="utf-8")[:4000]),
    "report.html": gov_page(SAMPLE.read_text(encoding="utf-8")[:4000], "gb2312").encode("gb18030"),
    "report.txt": SAMPLE.read_text(encoding="utf-8")[:4000].encode("utf-16"),
}

damage = st.tuples(
    st.floats(min_value=0.0, max_value=1.0),  # where to cut
    st.lists(st.tuples(st.floats(min_value=0.0, max_value=0.999), st.integers(0, 255)), max_size=8),
)


def _damaged(data: bytes, cut: float, flips: list[tuple[float, int]]) -> bytes:
    out = bytearray(data[: max(1, int(len(data) * cut))] if cut < 1.0 else data)
    for where, value in flips:
        out[int(where * len(out))] = value
    return bytes(out)


@pytest.mark.parametrize("name", list(SEEDS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(change=damage)
def test_read_bytes_damaged_input_is_coded(name: str, change: tuple[float, list[tuple[float, int]]]) -> None:
    data = _damaged(SEEDS[name], *change)
    try:
        source = read_bytes(data, name=name)
    except DubanError as err:
        assert err.one_line().startswith(f"{err.code.value} {name}:")
    else:
        assert isinstance(source, Source) and source.text.strip()


def test_seeds_are_readable(tmp_path: Path) -> None:
    for name, data in SEEDS.items():
        assert read_bytes(data, name=name).text.strip(), name
