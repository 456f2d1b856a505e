"""PDF with a text layer: Chinese text back in page order, paragraphs rejoined."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from duban.errors import DubanError, ErrorCode
from duban.ingest import read_report
from duban.ingest.pdf import Line, reflow, restore_ideographs, running_lines

from .documents import CHROMIUM, browser_pdf, image_pdf, text_pdf
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


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")
def test_read_report_browser_printed_pdf(tmp_path: Path) -> None:
    lines = _paragraphs(SAMPLE.read_text(encoding="utf-8"))[:48]
    path = tmp_path / "printed.pdf"
    path.write_bytes(browser_pdf("\n".join(lines), tmp_path))
    text = read_report(path).text
    assert "⼯" not in text and "⻓" not in text  # radicals from the font's ToUnicode map are restored
    assert text.split("\n") == lines


@pytest.mark.parametrize(
    ("pdf_text", "meant"),
    [
        ("政府⼯作报告", "政府工作报告"),
        ("同⽐增⻓7.1%", "同比增长7.1%"),
        ("⼾籍⼈⼝", "户籍人口"),
        ("⾦額", "金額"),
    ],
)
def test_restore_ideographs(pdf_text: str, meant: str) -> None:
    assert restore_ideographs(pdf_text) == meant


def test_reflow_unindented_lines_end_at_short_line_or_sentence() -> None:
    lines = [
        Line(0, "一、工作回顾"),
        Line(0, "甲" * 38 + "，"),
        Line(0, "乙" * 10 + "。"),
        Line(0, "丙" * 39 + "。"),
    ]
    assert reflow(lines) == ["一、工作回顾", "甲" * 38 + "，" + "乙" * 10 + "。", "丙" * 39 + "。"]


def test_reflow_indented_paragraphs_join_stretched_lines() -> None:
    lines = [Line(2, "甲" * 36), Line(0, "乙" * 30 + "。"), Line(0, "丙" * 38), Line(2, "丁" * 10 + "。")]
    assert reflow(lines) == ["甲" * 36 + "乙" * 30 + "。" + "丙" * 38, "丁" * 10 + "。"]


def test_pdf_glyphs_data_covers_every_kangxi_radical() -> None:
    from duban.lexicon import load_data

    radicals = load_data("pdf_glyphs.yaml")["radicals"]
    assert {chr(c) for c in range(0x2F00, 0x2FD6)} <= set(radicals)
    assert all(len(v) == 1 and (0x3400 <= ord(v) <= 0x9FFF or ord(v) >= 0x20000) for v in radicals.values())


def test_read_report_password_protected_pdf(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(text_pdf(SAMPLE.read_text(encoding="utf-8")[:2000])))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert _code(path) is ErrorCode.UNSUPPORTED_FORMAT


def test_read_report_owner_only_encrypted_pdf_is_read(tmp_path: Path) -> None:
    """Many published PDFs are encrypted with an empty user password (printing restrictions only)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(text_pdf(SAMPLE.read_text(encoding="utf-8")[:2000])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "restricted.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert "政府工作报告" in read_report(path).text


def test_read_report_pdf_running_head_dropped(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "headed.pdf"
    path.write_bytes(text_pdf(text, running_head="镇海区人民政府 政府工作报告（2020年）"))
    assert _paragraphs(read_report(path).text) == _paragraphs(text)


def test_running_lines_need_most_pages() -> None:
    pages = [["标题", "正文甲"], ["标题", "正文乙"], ["正文丙", "第3页"], ["标题", "正文丁"]]
    assert running_lines(pages) == {"标题"}
    assert running_lines(pages[:2]) == set()
