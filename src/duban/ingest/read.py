"""Dispatch a file to the reader for its format and record its provenance.

Every bad input ends here as a :class:`DubanError` with its own code and the
file's name, so the CLI prints one line and the corpus runner records one
error row per file; no reader's own exception escapes.
"""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

from duban.errors import DubanError, ErrorCode
from duban.ingest.decode import decode_text
from duban.ingest.docx import read_docx
from duban.ingest.html import read_html
from duban.ingest.limits import DEFAULT_MAX_BYTES, resolve_max_bytes
from duban.ingest.mhtml import html_part
from duban.ingest.pdf import read_pdf
from duban.ingest.sniff import sniff_format
from duban.model import Source

__all__ = ["DEFAULT_MAX_BYTES", "read_bytes", "read_report", "sample_path"]


def sample_path() -> Path:
    """The embedded default report (镇海区 2020), shipped as package data."""
    return Path(str(resources.files("duban") / "data" / "samples" / "zhenhai-2020.txt"))


def read_report(path: str | Path, *, max_bytes: int | None = None) -> Source:
    """Read a report file of any supported format into a :class:`Source`.

    ``max_bytes`` defaults to ``DUBAN_MAX_BYTES`` or 50 MB; the size is checked
    before the file is read. Raises DubanError with a distinct code for each
    kind of bad input (D100-D110, D112).
    """
    p = Path(path)
    limit = resolve_max_bytes(max_bytes, str(p))
    try:
        if p.is_dir():
            raise DubanError(ErrorCode.UNREADABLE, p, detail="it is a folder, not a file")
        if not p.is_file():
            raise DubanError(ErrorCode.NOT_FOUND, p)
        size = p.stat().st_size
        if size > limit:
            raise DubanError(ErrorCode.TOO_LARGE, p, limit=limit)
        with p.open("rb") as handle:
            data = handle.read(limit + 1)  # a file that grew since stat() is still capped
    except OSError as exc:
        raise DubanError(ErrorCode.UNREADABLE, p, detail=exc.strerror or str(exc)) from None
    return read_bytes(data, name=p.name, path=str(p), max_bytes=limit)


def read_bytes(data: bytes, *, name: str, path: str | None = None, max_bytes: int | None = None) -> Source:
    """Decode raw bytes (an upload, a file) named ``name`` into a :class:`Source`."""
    where = path or name
    limit = resolve_max_bytes(max_bytes, where)
    if not data or data.isspace():
        raise DubanError(ErrorCode.EMPTY, where)
    if len(data) > limit:
        raise DubanError(ErrorCode.TOO_LARGE, where, limit=limit)
    fmt = sniff_format(data, name, where)
    encoding: str | None = None
    if fmt == "docx":
        text = read_docx(data, where)
    elif fmt == "pdf":
        text = read_pdf(data, where)
    elif fmt == "html":
        text, encoding = read_html(data, where)
    elif fmt == "mhtml":
        page, charset = html_part(data, where)
        text, encoding = read_html(page, where, charset)
    else:
        text, encoding = decode_text(data, where)
    if not text.strip():
        raise DubanError(ErrorCode.EMPTY, where)
    return Source(
        text=text,
        format="html" if fmt == "mhtml" else fmt,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        path=path,
        name=os.path.basename(name),
    )
