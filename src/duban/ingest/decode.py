"""Plain text bytes → str: BOMs first, then strict UTF-8, then charset-normalizer.

Detection is left to charset-normalizer rather than hand-made heuristics; this
module only orders the cheap certain checks before it, names the result, and
decodes the whole file strictly with the chosen codec, so the returned text is
exactly the file's text (CRLF and all) and every later offset points into it.
"""

from __future__ import annotations

import codecs
import re

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
_SUPERSETS = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030"}
_WIDE = ("utf_16", "utf_32")
# Control characters other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_CHAOS_TIE = 0.02
_COMMON_SHARE = 0.95


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
    matches = from_bytes(data)
    best = matches.best()
    # Reports are Chinese: where GB18030 reads the bytes as cleanly as the winner (a short
    # text can read as Korean cp949 too), GB18030 is what was meant.
    chinese = next((m for m in matches if canonical(m.encoding) == "gb18030"), None)
    if best is not None and chinese is not None and chinese.chaos <= best.chaos + _CHAOS_TIE:
        best = chinese
    if best is None:
        if has_nul:
            raise DubanError(ErrorCode.BINARY, where, detail="NUL bytes")
        fallback = _plain_chinese(data)
        if fallback is None:
            raise DubanError(ErrorCode.UNDETECTED_ENCODING, where)
        return _checked(fallback, where), "gb18030"
    encoding = canonical(best.encoding)
    if has_nul and not encoding.replace("-", "_").startswith(_WIDE):
        raise DubanError(ErrorCode.BINARY, where, detail="NUL bytes")
    return _checked(decode_with(data, encoding, where), where), encoding


def _plain_chinese(data: bytes) -> str | None:
    """GB18030 text made of common characters, which charset-normalizer sometimes declines.

    It can return nothing for a short, number-heavy passage; such bytes are
    taken as GB18030 when nearly every non-ASCII character they decode to is
    one of the common characters of GB2312 (random bytes decode to rare ones).
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if not ch.isascii()]
    if not wide:
        return None
    common = sum(1 for ch in wide if _in_gb2312(ch))
    return text if common >= _COMMON_SHARE * len(wide) else None


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _checked(text: str, where: str) -> str:
    """Refuse a 'text' that is mostly control characters: binary that happened to decode."""
    sample = text[:65536]
    if sample:
        control = len(_CONTROL.findall(sample))
        if control > _MAX_CONTROL_SHARE * len(sample):
            raise DubanError(ErrorCode.BINARY, where, detail="control characters")
    return text
