"""Dispatch a file to the reader for its format and record its provenance."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from duban.errors import DubanError, ErrorCode
from duban.ingest.decode import decode_text
from duban.model import Source

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def sample_path() -> Path:
    """The embedded default report (镇海区 2020), shipped as package data."""
    return Path(str(resources.files("duban") / "data" / "samples" / "zhenhai-2020.txt"))


def read_report(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a report file of any supported format into a :class:`Source`.

    Raises DubanError with a distinct code for each kind of bad input.
    """
    p = Path(path)
    if not p.is_file():
        raise DubanError(ErrorCode.NOT_FOUND, p)
    size = p.stat().st_size
    if size > max_bytes:
        raise DubanError(ErrorCode.TOO_LARGE, p, limit=max_bytes)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DubanError(ErrorCode.UNREADABLE, p, detail=exc.strerror or str(exc)) from None
    return read_bytes(data, name=p.name, path=str(p), max_bytes=max_bytes)


def read_bytes(
    data: bytes, *, name: str, path: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Source:
    """Decode raw bytes (an upload, a file) named ``name`` into a :class:`Source`."""
    where = path or name
    if not data:
        raise DubanError(ErrorCode.EMPTY, where)
    if len(data) > max_bytes:
        raise DubanError(ErrorCode.TOO_LARGE, where, limit=max_bytes)
    text, encoding = decode_text(data, where)
    fmt = "markdown" if name.lower().endswith(".md") else "text"
    return Source(
        text=text,
        format=fmt,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        path=path,
        name=name,
    )
