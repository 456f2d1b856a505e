"""Damaged files of every format: read_bytes returns a Source or raises DubanError, nothing else."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duban.errors import DubanError, ErrorCode
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


# --- inputs the fuzzing campaign (scripts/fuzz_campaign.py) found crashing ---------


def _member_header(data: bytearray, signature: bytes, length_at: int, name_at: int, name: bytes) -> int:
    """Offset of the zip header (local b"PK\\3\\4" or central b"PK\\1\\2") of member ``name``."""
    at = data.find(signature)
    while at >= 0:
        length = int.from_bytes(data[at + length_at : at + length_at + 2], "little")
        if data[at + name_at : at + name_at + length] == name:
            return at
        at = data.find(signature, at + 1)
    raise AssertionError(name)


def _docx_patched(change: str) -> bytes:
    """The seed .docx with its document.xml member changed the way a damaged file is."""
    data = bytearray(SEEDS["report.docx"])
    name = b"word/document.xml"
    local = _member_header(data, b"PK\x03\x04", 26, 30, name)
    central = _member_header(data, b"PK\x01\x02", 28, 46, name)
    if change == "method":  # a compression method zipfile cannot inflate (NotImplementedError)
        data[local + 8] = data[central + 10] = 99
    elif change == "encrypted":  # the encryption flag set (RuntimeError: password required)
        data[local + 6] |= 1
        data[central + 8] |= 1
    else:  # damaged deflate data (zlib.error)
        start = local + 30 + int.from_bytes(data[local + 26 : local + 28], "little") \
            + int.from_bytes(data[local + 28 : local + 30], "little")
        for k in range(start + 5, start + 60):
            data[k] ^= 0x55
    return bytes(data)


def _docx_member_replaced(member: str, content: bytes) -> bytes:
    """The seed .docx with one member's content replaced (python-docx raised AttributeError)."""
    source = zipfile.ZipFile(io.BytesIO(SEEDS["report.docx"]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, content if info.filename == member else source.read(info))
    return buffer.getvalue()


def _nested_mhtml(depth: int) -> bytes:
    """A one-file page whose HTML part sits ``depth`` multipart levels deep (RecursionError)."""
    head = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n'
    nest = b"".join(
        b'--b%d\r\nContent-Type: multipart/related; boundary="b%d"\r\n\r\n' % (i - 1, i) for i in range(1, depth)
    )
    page = b"<p>" + SAMPLE.read_text(encoding="utf-8")[:2000].encode("utf-8") + b"</p>\r\n"
    return head + nest + b"--b%d\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" % (depth - 1) + page


CRASHERS: dict[str, tuple[Callable[[], bytes], ErrorCode]] = {
    "method99.docx": (lambda: _docx_patched("method"), ErrorCode.DOCX_CORRUPT),
    "encrypted.docx": (lambda: _docx_patched("encrypted"), ErrorCode.DOCX_CORRUPT),
    "damaged-deflate.docx": (lambda: _docx_patched("deflate"), ErrorCode.DOCX_CORRUPT),
    "content-types.docx": (lambda: _docx_member_replaced("[Content_Types].xml", b"<Types/>"), ErrorCode.DOCX_CORRUPT),
    "nested.mhtml": (lambda: _nested_mhtml(2000), ErrorCode.HTML_NO_REPORT),
}


@pytest.mark.parametrize("name", list(CRASHERS))
def test_read_bytes_fuzz_crashers_are_coded(name: str) -> None:
    make, code = CRASHERS[name]
    with pytest.raises(DubanError) as info:
        read_bytes(make(), name=name)
    assert info.value.code is code


def test_read_bytes_shallow_nested_mhtml_is_read() -> None:
    assert "各位代表" in read_bytes(_nested_mhtml(20), name="nested.mhtml").text


def test_read_bytes_pdf_with_a_surrogate_code_gives_encodable_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by fuzzing: a string code 0xD8FF in a CID font gave a lone surrogate, and
    hashing the text for the ledger raised UnicodeEncodeError."""
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "pageCompression", 0)  # the content stream in clear
    pdf = text_pdf(SAMPLE.read_text(encoding="utf-8")[:1500])
    at = pdf.index(b" Tj")
    at = pdf.rindex(b"(", 0, at) + 1
    pdf = pdf[:at] + b"\\330\\377" + pdf[at:]  # two bytes: UCS-2 code D8FF
    text = read_bytes(pdf, name="report.pdf").text
    assert "\ufffd" in text
    text.encode("utf-8")
