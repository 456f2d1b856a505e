"""PDF → text from its text layer (pypdf), pages in order, paragraphs rejoined.

A PDF breaks every paragraph into visual lines; the parser treats a line as a
paragraph, so lines are rejoined: pypdf's layout mode keeps each line's
indentation, and a paragraph starts at an indented line or after a line that
stops short of the text width. Lines that are only a page number (``— 3 —``,
``第3页``) are dropped, and radicals that embedded CJK fonts put in place of
ideographs (⼯ for 工) are mapped back (``data/pdf_glyphs.yaml``). A PDF with
no real text layer is a scan (D105): it needs OCR, which duban does not do.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from unicodedata import east_asian_width

from pypdf import PageObject, PdfReader
from pypdf.errors import PyPdfError

from duban.errors import DubanError, ErrorCode
from duban.lexicon.schema import PdfGlyphsFile, load_checked

_PAGE_NUMBER = re.compile(
    r"\s*(?:[-—–－_]+\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/共]\s*\d{1,4}\s*页?)?(?:\s*[-—–－_]+)?\s*"
)
_SENTENCE_END = tuple("。！？；：…!?;:”’」』")
_MIN_CHARS_PER_PAGE = 20
_WIDE = frozenset("WFA")
# A line reaching 90% of the usual full width wrapped (proportional digits make widths inexact).
_FULL_SHARE = 0.9
# Justified lines stretch; where paragraphs are indented, only a line under 60% surely ends one.
_SHORT_SHARE = 0.6
# Justification widens the gap between a Chinese character and a number; pypdf makes it a space.
_JUSTIFY_GAP = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ ]+(?=[0-9])|(?<=[0-9%])[ ]+(?=[\u3400-\u9fff])"
)
# Indented by at least this many characters more than body lines: a paragraph starts.
_INDENT_STEP = 1.5
# A first or last line on more than half the pages (of at least three) is a running head or foot.
_RUNNING_MIN_PAGES = 3
_RUNNING_SHARE = 0.5
_DIGITS = re.compile(r"\d+")
_SURROGATE = re.compile("[\ud800-\udfff]")
# pypdf's own failures, and what its parsers raise on malformed objects.
_PDF_ERRORS = (
    PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
    RecursionError, OSError, NotImplementedError, ZeroDivisionError, UnicodeError,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line: its indentation (in character widths) and its text without it."""

    indent: float
    text: str


def read_pdf(data: bytes, where: str) -> str:
    """All pages' text, one paragraph per line. D105 for a scan, D110 if corrupt."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DubanError(ErrorCode.UNSUPPORTED_FORMAT, where, detail="password-protected PDF")
        pages = [_page_text(page) for page in reader.pages]
    except DubanError:
        raise
    except _PDF_ERRORS:
        raise DubanError(ErrorCode.PDF_CORRUPT, where) from None
    visible = sum(len("".join(page.split())) for page in pages)
    if visible < _MIN_CHARS_PER_PAGE * max(len(pages), 1):
        raise DubanError(ErrorCode.PDF_NO_TEXT, where)
    page_lines = [
        [raw for raw in page.splitlines() if raw.strip() and not _PAGE_NUMBER.fullmatch(raw)]
        for page in pages
    ]
    running = running_lines(page_lines)
    lines = [_line(raw) for page in page_lines for raw in page if _running_key(raw) not in running]
    # A damaged font map can give a lone surrogate (U+D800-DFFF), which no encoder takes:
    # the text could not be stored or hashed. It stands for no character; U+FFFD marks it.
    return _SURROGATE.sub("\ufffd", restore_ideographs("\n".join(reflow(lines))))


def running_lines(pages: list[list[str]]) -> set[str]:
    """Running heads and feet: a first or last line that recurs on most pages (digits ignored).

    Such a line (the report's title, 政府工作报告（2020年）, a department's name) is
    the page furniture of a printed document, not a paragraph of the report.
    """
    if len(pages) < _RUNNING_MIN_PAGES:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_running_key(line) for line in (lines[:1] + lines[-1:])})
    return {key for key, count in seen.items() if count > _RUNNING_SHARE * len(pages)}


def _running_key(line: str) -> str:
    return _DIGITS.sub("0", "".join(line.split()))


def _page_text(page: PageObject) -> str:
    """Layout-mode text (keeps indentation); plain mode if the layout pass fails on this page."""
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except _PDF_ERRORS:
        return page.extract_text() or ""


def _line(raw: str) -> Line:
    """Layout mode renders the left offset as spaces, one per character cell, like U+3000."""
    text = _JUSTIFY_GAP.sub("", raw.strip())
    return Line(float(len(raw) - len(raw.lstrip())), text)


def width(text: str) -> float:
    """Display width in a Chinese font: wide and ambiguous (“”、…) characters count 1, others half."""
    return sum(1.0 if east_asian_width(ch) in _WIDE else 0.5 for ch in text)


def reflow(lines: list[Line]) -> list[str]:
    """Rejoin the visual lines of each paragraph.

    Where the document indents paragraphs, one ends before an indented line or
    at a clearly short line. Where it does not, one ends at a line short of the
    text width, or at a full line that ends a sentence.
    """
    if not lines:
        return []
    widths = sorted(line.indent + width(line.text) for line in lines)
    usual = widths[int(0.9 * (len(widths) - 1))]
    body = min(line.indent for line in lines)  # the text's left edge
    starts = [line.indent >= body + _INDENT_STEP for line in lines]
    uses_indent = sum(starts) >= 0.05 * len(lines)
    out: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if current and _latin(current[-1]) and _latin(line.text[:1]):
            current += " "
        current += line.text
        next_starts = starts[index + 1] if index + 1 < len(lines) else True
        reach = line.indent + width(line.text)
        if uses_indent:
            ends = next_starts or reach < _SHORT_SHARE * usual
        else:
            ends = reach < _FULL_SHARE * usual or line.text.endswith(_SENTENCE_END)
        if ends:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def restore_ideographs(text: str) -> str:
    """Radicals (⼯, ⻓) and compatibility ideographs back to the ideographs they stand for."""
    radicals = load_checked("pdf_glyphs.yaml", PdfGlyphsFile).radicals
    table = {ord(k): v for k, v in radicals.items()}
    for code in range(0xF900, 0xFB00):
        canonical = unicodedata.normalize("NFC", chr(code))
        if canonical != chr(code):
            table[code] = canonical
    return text.translate(table)


def _latin(ch: str) -> bool:
    """A Latin letter: words split over two lines need a space between their halves."""
    return ch.isascii() and ch.isalpha()
