"""Plain text bytes → str: BOMs first, then UTF-8, then charset-normalizer."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from duban.errors import DubanError, ErrorCode

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)


def decode_text(data: bytes, where: str) -> tuple[str, str]:
    """Return (text, encoding name). Raise DubanError for binary or unknown bytes."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data.decode(codec), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DubanError(ErrorCode.UNDETECTED_ENCODING, where)
    return str(best), best.encoding
