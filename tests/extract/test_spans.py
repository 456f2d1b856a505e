"""Every figure of every corpus report slices back to its own text."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from duban.model import Figure, Report
from tests.extract.conftest import corpus_reports

DIGIT = re.compile(r"[0-9０-９]")
REPORTS = corpus_reports()


@pytest.mark.skipif(not REPORTS, reason="../shared/corpus not available")
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_spans_slice_back(path: Path, extracted: Callable[[Path], tuple[Report, list[Figure]]]) -> None:
    report, figures = extracted(path)
    assert figures, "a report with no figure at all"
    previous = -1
    for f in figures:
        assert 0 <= f.start < f.end <= len(report.text)
        assert report.text[f.start : f.end] == f.text
        assert DIGIT.search(f.text), f.text
        assert report.text[f.quote_start : f.quote_end] == f.quote
        assert f.quote_start <= f.start and f.end <= f.quote_end, (f.text, f.quote)
        assert f.start >= previous
        previous = f.start
        assert f.kind in ("actual", "target", "other")
        assert f.measure in ("level", "growth", "rate")
        assert f.comparator in ("=", ">=", "<=", ">", "<", "~", "range")
        assert (f.value_max is not None) == (f.comparator == "range")
