"""Word files: the 31 provincial 2025 reports, reading order, corrupt files and zip bombs."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from duban.errors import DubanError, ErrorCode
from duban.ingest import read_report

from .paths import SHARED, shared_path

DOCX_DIR = SHARED / "corpus" / "raw" / "docx"
DOCX_FILES = sorted(DOCX_DIR.glob("*.docx")) if DOCX_DIR.is_dir() else []


def test_docx_corpus_is_complete() -> None:
    shared_path("corpus", "raw", "docx")
    assert len(DOCX_FILES) == 31


@pytest.mark.parametrize("path", DOCX_FILES, ids=[p.stem for p in DOCX_FILES])
def test_read_report_provincial_docx(path: Path) -> None:
    source = read_report(path)
    assert source.format == "docx"
    assert source.encoding is None
    assert "政府工作报告" in source.text
    year = re.match(r"(\d{4})年", path.name)
    assert year and f"{year.group(1)}年" in source.text[:300]
    assert len(source.text) > 5000
    assert "\n\n" not in source.text  # one paragraph per line, no blank lines


def _write_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("政府工作报告")
    document.add_paragraph("一、2024年工作回顾")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "地区生产总值增长"
    table.cell(0, 1).text = "5.5%左右"
    table.cell(1, 0).text = "城镇新增就业"
    table.cell(1, 1).text = "60万人"
    document.add_paragraph("二、2025年主要目标")
    document.save(str(path))


def test_read_report_docx_tables_in_body_order(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _write_docx(path)
    lines = read_report(path).text.split("\n")
    assert lines == [
        "政府工作报告",
        "一、2024年工作回顾",
        "地区生产总值增长\t5.5%左右",
        "城镇新增就业\t60万人",
        "二、2025年主要目标",
    ]


def test_read_report_docx_renamed_doc_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    _write_docx(path)
    assert read_report(path).format == "docx"


def _code(path: Path) -> ErrorCode:
    with pytest.raises(DubanError) as info:
        read_report(path)
    assert path.name in str(info.value)
    return info.value.code


def test_read_report_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    _write_docx(good)
    bad = tmp_path / "truncated.docx"
    bad.write_bytes(good.read_bytes()[:3000])
    assert _code(bad) is ErrorCode.DOCX_CORRUPT


def test_read_report_docx_without_zip_is_corrupt(tmp_path: Path) -> None:
    bad = tmp_path / "notazip.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\x17garbage" * 100)
    assert _code(bad) is ErrorCode.DOCX_CORRUPT


def test_read_report_docx_missing_document_part_is_corrupt(tmp_path: Path) -> None:
    bad = tmp_path / "hollow.docx"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert _code(bad) is ErrorCode.DOCX_CORRUPT


def test_read_report_docx_broken_xml_is_corrupt(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    _write_docx(good)
    bad = tmp_path / "badxml.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    assert _code(bad) is ErrorCode.DOCX_CORRUPT


def test_read_report_zip_bomb_docx_is_refused_unopened(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    _write_docx(good)
    bomb = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item))
        # 300 MB of one byte deflates to about 300 KB: a 1000:1 member.
        with dst.open("word/media/padding.bin", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 2 * 1024 * 1024
    assert _code(bomb) is ErrorCode.DOCX_TOO_LARGE


def test_read_report_docx_ratio_limit_alone(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    _write_docx(good)
    bomb = tmp_path / "dense.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item))
        dst.writestr("word/media/padding.bin", b"a" * (20 * 1024 * 1024))  # 20 MB, far above 200:1
    assert _code(bomb) is ErrorCode.DOCX_TOO_LARGE


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# One paragraph as Word writes it after editing: a tracked insertion and deletion, a smart tag,
# a PAGE field (code and shown result), an inline content control, a line break and a tab.
EDITED_PARAGRAPH = f"""<w:p {W}>
  <w:pPr><w:jc w:val="both"/></w:pPr>
  <w:r><w:t>地区生产总值增长</w:t></w:r>
  <w:del w:id="1" w:author="a"><w:r><w:delText>6.5%</w:delText></w:r></w:del>
  <w:ins w:id="2" w:author="a"><w:r><w:t>6%</w:t></w:r></w:ins>
  <w:r><w:t>左右，</w:t></w:r>
  <w:smartTag w:uri="u" w:element="place"><w:r><w:t>镇海区</w:t></w:r></w:smartTag>
  <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>
  <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>第3页</w:t></w:r>
  <w:r><w:fldChar w:fldCharType="end"/></w:r>
  <w:sdt><w:sdtContent><w:r><w:t>一般公共预算收入</w:t></w:r></w:sdtContent></w:sdt>
  <w:r><w:br/><w:t>增长</w:t><w:tab/><w:t>5%。</w:t></w:r>
</w:p>"""


def test_read_report_docx_edited_paragraph(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("政府工作报告")
    document.element.body.insert(1, parse_xml(EDITED_PARAGRAPH))
    path = tmp_path / "edited.docx"
    document.save(str(path))
    assert read_report(path).text.split("\n") == [
        "政府工作报告",
        "地区生产总值增长6%左右，镇海区第3页一般公共预算收入",
        "增长\t5%。",
    ]
