"""PDF → text from its text layer (pypdf), pages in order, lines rejoined.

A PDF breaks every paragraph into visual lines; the parser treats a line as a
paragraph, so a line that runs to the full text width and does not end a
sentence is joined to the next one. Lines that are only a page number
(``— 3 —``, ``第3页``) are dropped. A PDF with no real text layer is a scan
(D105): it needs OCR, which duban does not do.
"""

from __future__ import annotations

import io
import re
from unicodedata import east_asian_width

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError

from duban.errors import DubanError, ErrorCode

_PAGE_NUMBER = re.compile(
    r"\s*(?:[-—–－_]+\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/共]\s*\d{1,4}\s*页?)?(?:\s*[-—–－_]+)?\s*"
)
_SENTENCE_END = tuple("。！？；：…!?;:”’」』")
_MIN_CHARS_PER_PAGE = 20
_WIDE = frozenset("WFA")
# A line within 1.5 characters of the widest lines is full: it wrapped.
_FULL_LINE_SLACK = 1.5


def read_pdf(data: bytes, where: str) -> str:
    """All pages' text, one paragraph per line. D105 for a scan, D110 if corrupt."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DubanError(ErrorCode.UNSUPPORTED_FORMAT, where, detail="password-protected PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DubanError:
        raise
    except (
        PyPdfError,
        FileNotDecryptedError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        AssertionError,
        RecursionError,
        OSError,
        NotImplementedError,
        ZeroDivisionError,
    ):
        raise DubanError(ErrorCode.PDF_CORRUPT, where) from None
    visible = sum(len("".join(page.split())) for page in pages)
    if visible < _MIN_CHARS_PER_PAGE * max(len(pages), 1):
        raise DubanError(ErrorCode.PDF_NO_TEXT, where)
    lines = [
        line.rstrip()
        for page in pages
        for line in page.splitlines()
        if line.strip() and not _PAGE_NUMBER.fullmatch(line)
    ]
    return "\n".join(reflow(lines))


def width(line: str) -> float:
    """Display width in a Chinese font: wide and ambiguous (“”、…) characters count 1, others half."""
    return sum(1.0 if east_asian_width(ch) in _WIDE else 0.5 for ch in line)


def reflow(lines: list[str]) -> list[str]:
    """Rejoin the visual lines of each paragraph.

    A paragraph ends at a line short of the text width, or before an indented
    line (reports indent each paragraph by two full-width spaces). Where the
    document does not indent, a full line ending a sentence also ends it.
    """
    if not lines:
        return []
    widths = sorted(width(line) for line in lines)
    full = widths[int(0.9 * (len(widths) - 1))] - _FULL_LINE_SLACK
    indents = sum(1 for line in lines if _indented(line))
    uses_indent = indents >= 0.2 * len(lines)
    out: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if current and _latin(current[-1]) and _latin(line.lstrip()[:1]):
            current += " "
        current += line.strip() if current else line
        following = lines[index + 1] if index + 1 < len(lines) else ""
        ends = (
            width(line) < full
            or (uses_indent and _indented(following))
            or (not uses_indent and line.endswith(_SENTENCE_END))
        )
        if ends:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _indented(line: str) -> bool:
    return line.startswith(("\u3000", "  ", "\t"))


def _latin(ch: str) -> bool:
    """A Latin letter: words split over two lines need a space between their halves."""
    return ch.isascii() and ch.isalpha()
