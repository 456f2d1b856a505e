"""Plain text and Markdown: every encoding reports are published in, decoded unchanged."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from duban.ingest import read_report

from .paths import SAMPLE, shared_path

HAILAER_YEARS = range(2012, 2020)
# The 2017 file was published without its title line; it opens with the date line.
UNTITLED = {2017}


@pytest.mark.parametrize("year", HAILAER_YEARS)
def test_read_report_hailaer_gb18030_crlf(year: int) -> None:
    path = shared_path("corpus", "raw", f"{year}-county-hailaer.gb18030.txt")
    source = read_report(path)
    raw = path.read_bytes()
    assert source.format == "text"
    assert source.encoding == "gb18030"
    assert source.text == raw.decode("gb18030")  # CRLF and all: nothing normalised
    assert "\r\n" in source.text
    assert source.size == len(raw)
    compact = "".join(source.text.split())
    assert ("政府工作报告" in compact) != (year in UNTITLED)
    assert f"{year}年" in source.text[:200]
    assert "人民代表大会" in source.text[:400]


SAMPLE_ENCODINGS = [
    ("utf-8", b"", "utf-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ("utf-16-le", b"", "utf-16-le"),
    ("utf-16-be", b"", "utf-16-be"),
    ("gb18030", b"", "gb18030"),
    ("gbk", b"", "gb18030"),
]


@pytest.mark.parametrize(("codec", "bom", "detected"), SAMPLE_ENCODINGS)
def test_read_report_sample_round_trips(tmp_path: Path, codec: str, bom: bytes, detected: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "zhenhai-2020.txt"
    path.write_bytes(bom + text.encode(codec))
    source = read_report(path)
    assert source.text == text
    assert source.encoding == detected
    assert source.format == "text"


def test_read_report_keeps_crlf_offsets(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_report(path).text == text


def test_read_report_markdown_front_matter(tmp_path: Path) -> None:
    body = SAMPLE.read_text(encoding="utf-8")
    text = (
        "---\ntitle: 2020年镇海区政府工作报告\nsource: http://www.zh.gov.cn/\ndate: 2020-05-12\n---\n\n"
        + body
    )
    path = tmp_path / "2020年镇海区政府工作报告.md"
    path.write_text(text, encoding="utf-8")
    source = read_report(path)
    assert source.format == "markdown"
    assert source.text == text


def test_read_report_provenance(tmp_path: Path) -> None:
    import hashlib

    data = SAMPLE.read_bytes()
    source = read_report(SAMPLE)
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.size == len(data)
    assert source.name == "zhenhai-2020.txt"
    assert source.path == str(SAMPLE)


def test_read_report_html_saved_as_txt_is_sniffed(tmp_path: Path) -> None:
    from .pages import gov_page

    path = tmp_path / "report.txt"
    path.write_text(gov_page(SAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    assert read_report(path).format == "html"


def test_read_report_front_matter_sniffed_as_markdown(tmp_path: Path) -> None:
    text = "---\r\ntitle: 2020年镇海区政府工作报告\r\n---\r\n" + SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("gb18030"))
    source = read_report(path)
    assert (source.format, source.encoding, source.text) == ("markdown", "gb18030", text)


@pytest.mark.parametrize(
    "snippet",
    [
        "改革，把激活内力与借助外力更好结合起来，",  # charset-normalizer's best: Korean cp949
        "8.6%、26.7%。加强食品安全监管，",  # charset-normalizer: no match at all
        "城镇新增就业7435人。",
        "政府工作报告",
    ],
)
def test_read_report_short_gbk_text_is_chinese(tmp_path: Path, snippet: str) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(snippet.encode("gbk"))
    source = read_report(path)
    assert (source.encoding, source.text) == ("gb18030", snippet)
