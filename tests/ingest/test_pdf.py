"""PDF with a text layer: Chinese text back in page order, paragraphs rejoined."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from duban.errors import DubanError, ErrorCode
from duban.ingest import read_report

from .documents import image_pdf, text_pdf
from .paths import SAMPLE


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_reportlab_cid_text_extracts_with_pypdf() -> None:
    data = text_pdf("政府工作报告\n地区生产总值跃上千亿台阶，达到1021.6亿元，同比增长7.1%。")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "地区生产总值跃上千亿台阶" in text
    assert "1021.6亿元" in text


def test_read_report_sample_pdf_round_trips(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "zhenhai-2020.pdf"
    path.write_bytes(text_pdf(text))
    assert len(PdfReader(path).pages) > 10
    source = read_report(path)
    assert source.format == "pdf"
    assert source.encoding is None
    # Lines wrapped on the page come back as the sample's paragraphs; page numbers are gone.
    assert _paragraphs(source.text) == _paragraphs(text)


def test_read_report_pdf_without_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(text_pdf(SAMPLE.read_text(encoding="utf-8")[:3000]))
    assert read_report(path).format == "pdf"


def _code(path: Path) -> ErrorCode:
    with pytest.raises(DubanError) as info:
        read_report(path)
    assert path.name in str(info.value)
    return info.value.code


def test_read_report_scanned_pdf_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_pdf(tmp_path))
    assert _code(path) is ErrorCode.PDF_NO_TEXT


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + b"\x00\x17 not a pdf body " * 50,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        b"this was meant to be a PDF but the download failed",
    ],
    ids=["garbage", "dangling", "renamed-text"],
)
def test_read_report_corrupt_pdf(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    assert _code(path) is ErrorCode.PDF_CORRUPT


def test_read_report_truncated_pdf(tmp_path: Path) -> None:
    path = tmp_path / "half.pdf"
    whole = text_pdf(SAMPLE.read_text(encoding="utf-8"))
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(DubanError) as info:
        read_report(path)
    assert info.value.code in (ErrorCode.PDF_CORRUPT, ErrorCode.PDF_NO_TEXT)
