"""``duban parse BADFILE``: exit status 2, one line on stderr naming the code and file, no traceback."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from duban.cli import app
from duban.errors import ErrorCode

from .documents import image_pdf
from .pages import empty_page


def _bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/padding.bin", b"\0" * (20 * 1024 * 1024))


def _make(tmp_path: Path, code: ErrorCode) -> Path:
    """A bad file that ``read_report`` must refuse with ``code``."""
    makers = {
        ErrorCode.NOT_FOUND: ("缺失的报告.txt", None),
        ErrorCode.EMPTY: ("空报告.txt", b""),
        ErrorCode.BINARY: ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ErrorCode.TOO_LARGE: ("big.txt", "政府工作报告".encode() * 200),
        ErrorCode.UNDETECTED_ENCODING: ("mojibake.txt", bytes(range(0x80, 0x100)) * 20),
        ErrorCode.DOCX_CORRUPT: ("broken.docx", b"PK\x03\x04" + b"\x17garbage" * 100),
        ErrorCode.HTML_NO_REPORT: ("expired.html", empty_page().encode()),
        ErrorCode.UNSUPPORTED_FORMAT: ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
        ErrorCode.PDF_CORRUPT: ("broken.pdf", b"%PDF-1.7\n" + b"\x00\x17 not a pdf body " * 50),
    }
    if code is ErrorCode.PDF_NO_TEXT:
        path = tmp_path / "scan.pdf"
        path.write_bytes(image_pdf(tmp_path))
    elif code is ErrorCode.DOCX_TOO_LARGE:
        path = tmp_path / "bomb.docx"
        _bomb(path)
    else:
        name, data = makers[code]
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
    return path


CODES = [
    ErrorCode.NOT_FOUND,
    ErrorCode.EMPTY,
    ErrorCode.BINARY,
    ErrorCode.TOO_LARGE,
    ErrorCode.UNDETECTED_ENCODING,
    ErrorCode.PDF_NO_TEXT,
    ErrorCode.DOCX_CORRUPT,
    ErrorCode.DOCX_TOO_LARGE,
    ErrorCode.HTML_NO_REPORT,
    ErrorCode.UNSUPPORTED_FORMAT,
    ErrorCode.PDF_CORRUPT,
]


@pytest.mark.parametrize("code", CODES, ids=[c.value for c in CODES])
def test_cli_parse_bad_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: ErrorCode) -> None:
    path = _make(tmp_path, code)
    monkeypatch.setenv("DUBAN_MAX_BYTES", "1000" if code is ErrorCode.TOO_LARGE else str(50 * 1024 * 1024))
    result = CliRunner().invoke(app, ["parse", str(path)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert code.value in lines[0] and path.name in lines[0]
    assert "Traceback" not in result.output + result.stderr
    assert result.stdout == ""


def test_cli_parse_bad_file_in_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "空报告.txt"
    path.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "duban", "parse", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [f"duban: error D101 {path}: the file is empty"]
