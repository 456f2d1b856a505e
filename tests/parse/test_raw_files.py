"""Reports as published (../shared/corpus/raw) ingest and parse with the right year and region.

The GB18030 CRLF files of 海拉尔区 and the 31 provincial Word files keep their
original names, which say the year and the region; the parser must find both in
the text itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duban import parse, read_report
from tests.ingest.paths import SHARED

RAW = SHARED / "corpus" / "raw"
HAILAER = sorted(RAW.glob("*-county-hailaer.gb18030.txt")) if RAW.is_dir() else []
DOCX = sorted((RAW / "docx").glob("*.docx")) if RAW.is_dir() else []


@pytest.mark.parametrize("path", HAILAER, ids=lambda p: p.name)
def test_parse_raw_hailaer_year_and_region(path: Path) -> None:
    meta = parse(read_report(path)).metadata
    assert meta.year == int(path.name[:4])
    assert meta.review_year == meta.year - 1
    assert meta.region_full == "内蒙古自治区呼伦贝尔市海拉尔区"
    assert meta.region_code == "150702"
    assert meta.level == "county"


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_parse_raw_provincial_docx_year_and_region(path: Path) -> None:
    # 2025年宁夏政府工作报告.docx → year 2025, region starting with 宁夏 (宁夏回族自治区)
    m = re.fullmatch(r"(\d{4})年(.+?)政府工作报告\.docx", path.name)
    assert m is not None
    meta = parse(read_report(path)).metadata
    assert meta.year == int(m.group(1))
    assert meta.region is not None and meta.region.startswith(m.group(2))
    assert meta.level == "province"
    assert meta.region_code is not None and re.fullmatch(r"[1-8]\d0000", meta.region_code)


def test_raw_files_are_all_there() -> None:
    if not RAW.is_dir():
        pytest.skip("../shared/corpus/raw is missing")
    assert len(HAILAER) == 8
    assert len(DOCX) == 31
