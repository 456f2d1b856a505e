"""Plain text bytes → str: BOMs first, then strict UTF-8, then charset-normalizer.

Detection is left to charset-normalizer rather than hand-made heuristics; this
module only orders the cheap certain checks before it, names the result, and
decodes the whole file strictly with the chosen codec, so the returned text is
exactly the file's text (CRLF and all) and every later offset points into it.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from duban.errors import DubanError, ErrorCode

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
# GBK and GB2312 are subsets of GB18030; decoding as the superset never loses
# a character that a report written in either may contain.
_SUPERSETS = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "hz": "hz"}
_WIDE = ("utf_16", "utf_32")
# Control characters other than tab, line feed, form feed and carriage return.
_CONTROL = frozenset(chr(c) for c in range(32) if c not in (9, 10, 12, 13)) | {"\x7f"}
_MAX_CONTROL_SHARE = 0.01


def canonical(encoding: str) -> str:
    """``gb2312``/``GBK`` → ``gb18030``, ``utf_16_le`` → ``utf-16-le``: one spelling per codec."""
    name = codecs.lookup(encoding).name
    return _SUPERSETS.get(name, name).replace("_", "-")


def decode_with(data: bytes, encoding: str, where: str) -> str:
    """Decode all of ``data`` strictly; D104 if the bytes do not fit the codec."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise DubanError(ErrorCode.UNDETECTED_ENCODING, where) from None


def decode_text(data: bytes, where: str) -> tuple[str, str]:
    """Return (text, encoding name). D102 for binary bytes, D104 for an unknown encoding."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _checked(decode_with(data, codec, where), where), name
    has_nul = b"\x00" in data
    if not has_nul:
        try:
            return _checked(data.decode("utf-8"), where), "utf-8"
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is None:
        if has_nul:
            raise DubanError(ErrorCode.BINARY, where, detail="NUL bytes")
        raise DubanError(ErrorCode.UNDETECTED_ENCODING, where)
    encoding = canonical(best.encoding)
    if has_nul and not encoding.replace("-", "_").startswith(_WIDE):
        raise DubanError(ErrorCode.BINARY, where, detail="NUL bytes")
    return _checked(decode_with(data, encoding, where), where), encoding


def _checked(text: str, where: str) -> str:
    """Refuse a 'text' that is mostly control characters: binary that happened to decode."""
    sample = text[:65536]
    if sample:
        control = sum(1 for ch in sample if ch in _CONTROL)
        if control > _MAX_CONTROL_SHARE * len(sample):
            raise DubanError(ErrorCode.BINARY, where, detail="control characters")
    return text
