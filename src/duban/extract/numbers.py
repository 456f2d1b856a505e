"""Arabic-digit numbers in a report, each with its span.

Matching runs on a *folded twin* of the text: full-width digits, letters and
the few symbols numbers use (％．＋－／～) become their ASCII forms, one
character for one, so every offset found in the twin is an offset into
``Report.text`` (STYLE.md, "How data flows"). Chinese punctuation is left as
it is. One regular-expression pass; a run of digits longer than
``MAX_DIGITS`` is not a quantity (it is a code or noise) and is skipped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_DIGITS = 15

_FOLD = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}  # ０-９
_FOLD.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FOLD.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FOLD.update({ord(a): ord(b) for a, b in zip("％．＋－／～＜＞＝", "%.+-/~<>=")})
_FOLD[0x3000] = 0x20  # ideographic space

# A number: thousands groups (1,234,567) or digits with an optional decimal part.
# Thousands groups never start right after "digit," (inside a longer chain): tried
# there, every group of a chain that finally fails (1,111,…,1111) would rescan the
# rest of the chain, which is quadratic in its length.
_NUMBER = re.compile(r"(?<![\d.])(?:(?<!\d,)\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?")


_FOLDABLE = re.compile("[" + "".join(chr(c) for c in sorted(_FOLD)) + "]")


def fold(text: str) -> str:
    """The matching twin of ``text``: same length, ASCII digits and letters."""
    if not _FOLDABLE.search(text):
        return text
    return _FOLDABLE.sub(lambda m: chr(_FOLD[ord(m.group())]), text)


class Number(NamedTuple):
    """Digits as written: ``folded[start:end]`` parses to ``value``."""

    start: int
    end: int
    value: float


def scan_numbers(folded: str) -> list[Number]:
    """Every number in the folded text, left to right (linear time)."""
    out: list[Number] = []
    for m in _NUMBER.finditer(folded):
        digits = m.group().replace(",", "")
        if len(digits.split(".")[0]) > MAX_DIGITS or len(digits) > 2 * MAX_DIGITS:
            continue
        out.append(Number(m.start(), m.end(), float(digits)))
    return out
