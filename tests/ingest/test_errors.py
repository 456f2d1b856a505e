"""Every kind of bad input gets its own code and names the file."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from duban.errors import DubanError, ErrorCode
from duban.ingest import read_report

from .paths import SAMPLE


def _code(path: Path, **kwargs: int) -> DubanError:
    with pytest.raises(DubanError) as info:
        read_report(path, **kwargs)
    assert path.name in info.value.one_line()
    assert info.value.one_line().startswith(info.value.code.value)
    return info.value


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0\0" * 2))
        + chunk(b"IEND", b"")
    )


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_read_report_missing_file(tmp_path: Path) -> None:
    assert _code(tmp_path / "nowhere.txt").code is ErrorCode.NOT_FOUND


@pytest.mark.parametrize(
    "data", [b"", b" \r\n\t\r\n", "\u3000\n".encode()], ids=["zero", "blank", "fullwidth-space"]
)
def test_read_report_empty(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "空白报告.txt"
    path.write_bytes(data)
    assert _code(path).code is ErrorCode.EMPTY


BINARIES = {
    "nul.txt": b"\x00\x01\x02\x03" * 512 + os.urandom(4096),
    "photo.png": _png(),
    "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(2048),
    "tool.exe": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200) + os.urandom(1024),
    "tool": b"\x7fELF\x02\x01\x01" + bytes(100),
    "archive.zip": _zip({"readme.txt": "政府工作报告".encode(), "data/1.csv": b"a,b\n1,2\n"}),
    "report.txt.gz": b"\x1f\x8b\x08\x00" + os.urandom(200),
}


@pytest.mark.parametrize("name", list(BINARIES))
def test_read_report_binary(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BINARIES[name])
    assert _code(path).code is ErrorCode.BINARY


def test_read_report_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(SAMPLE.read_bytes())
    error = _code(path, max_bytes=1000)
    assert error.code is ErrorCode.TOO_LARGE
    assert "1000" in error.one_line()


def test_read_report_too_large_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(SAMPLE.read_bytes())
    monkeypatch.setenv("DUBAN_MAX_BYTES", "4096")
    assert _code(path).code is ErrorCode.TOO_LARGE
    monkeypatch.setenv("DUBAN_MAX_BYTES", str(10 * 1024 * 1024))
    assert read_report(path).size == path.stat().st_size


@pytest.mark.parametrize(
    "data",
    [bytes(range(0x80, 0x100)) * 20, b"\x81\x30" * 50 + b"\xff\xfe\xfd" * 40],
    ids=["high-bytes", "broken-gb18030"],
)
def test_read_report_undetectable_encoding(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "mojibake.txt"
    path.write_bytes(data)
    assert _code(path).code is ErrorCode.UNDETECTED_ENCODING


UNSUPPORTED = {
    "report.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + os.urandom(1024),
    "report.rtf": b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}} \\f0 \\'d5\\'fe\\'b8\\'ae}",
    "table.xlsx": _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
    "report.odt": _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
    "report.ofd": _zip({"OFD.xml": b"<ofd:OFD/>", "Doc_0/Document.xml": b"<ofd:Document/>"}),
}


@pytest.mark.parametrize("name", list(UNSUPPORTED))
def test_read_report_unsupported_format(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(UNSUPPORTED[name])
    assert _code(path).code is ErrorCode.UNSUPPORTED_FORMAT


def test_error_codes_are_distinct() -> None:
    codes = [code.value for code in ErrorCode]
    assert len(codes) == len(set(codes))


def test_read_report_folder(tmp_path: Path) -> None:
    folder = tmp_path / "reports.txt"
    folder.mkdir()
    error = _code(folder)
    assert error.code is ErrorCode.UNREADABLE
    assert "folder" in error.one_line()


def test_read_report_limit_from_app_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(SAMPLE.read_bytes())
    monkeypatch.delenv("DUBAN_MAX_BYTES", raising=False)
    monkeypatch.setenv("DUBAN_MAX_REPORT_BYTES", "2048")
    assert _code(path).code is ErrorCode.TOO_LARGE
    monkeypatch.setenv("DUBAN_MAX_BYTES", str(10 * 1024 * 1024))  # the alias wins
    assert read_report(path).size == path.stat().st_size


def test_read_report_bad_limit_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUBAN_MAX_BYTES", "fifty megabytes")
    with pytest.raises(DubanError) as info:
        read_report(SAMPLE)
    assert info.value.code is ErrorCode.UNREADABLE
    assert "DUBAN_MAX_BYTES" in info.value.one_line() and SAMPLE.name in info.value.one_line()
