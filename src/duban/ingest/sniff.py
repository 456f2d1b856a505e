"""Which reader a file needs: by its content first, by its name second.

Reports arrive with wrong or missing extensions (an .htm saved as .txt, a
.docx renamed .doc), so the leading bytes decide wherever they can. The name
decides only between equals (Markdown or plain text), and names a broken file
(a .pdf without a PDF header is a corrupt PDF, not a binary blob).
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from typing import Literal

from duban.errors import DubanError, ErrorCode
from duban.ingest.mhtml import looks_like_mhtml

# File names a folder scan should hand to read_report (content still decides the reader).
REPORT_SUFFIXES = (
    ".txt",
    ".md",
    ".markdown",
    ".docx",
    ".pdf",
    ".html",
    ".htm",
    ".shtml",
    ".xhtml",
    ".mht",
    ".mhtml",
)

Format = Literal["text", "markdown", "docx", "pdf", "html", "mhtml"]

_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps, .xls: Office 97-2003
# Leading bytes of formats that are certainly not a report we can read.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x7fELF", "executable"),
    (b"\xca\xfe\xba\xbe", "executable"),
    (b"\xcf\xfa\xed\xfe", "executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (_OLE2, "old Word/WPS/Excel (.doc/.wps/.xls); save it as .docx"),
    (b"{\\rtf", "RTF; save it as .docx"),
    (b"%!PS", "PostScript"),
    (b"AT&TFORM", "DjVu"),
)
# Office formats inside a zip that are documents, but not Word ones.
_OTHER_OFFICE = {
    "xl/workbook.xml": "Excel .xlsx",
    "ppt/presentation.xml": "PowerPoint .pptx",
}
# Markdown as the bulk corpus keeps it: a YAML front matter block of key: value lines.
_FRONT_MATTER = re.compile(rb"(?:\xef\xbb\xbf)?---\r?\n(?:[A-Za-z_][\w-]*:[^\r\n]*\r?\n)+---\r?\n")
_HTML_HEAD = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)", re.IGNORECASE)


def sniff_format(data: bytes, name: str, where: str) -> Format:
    """The reader ``data`` needs. Raise D102/D106/D109/D110 for what none can read."""
    lower = name.lower()
    if lower.endswith((".mht", ".mhtml")) and looks_like_mhtml(data):
        return "mhtml"
    head = data[:1024].lstrip(b"\xef\xbb\xbf\t\r\n ")
    if b"%PDF-" in data[:1024]:  # the header may follow up to 1 KB of junk
        return "pdf"
    if data.startswith((_ZIP, _EMPTY_ZIP)):
        return _sniff_zip(data, lower, where)
    for magic, what in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            raise DubanError(ErrorCode.UNSUPPORTED_FORMAT, where, detail=what)
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise DubanError(ErrorCode.BINARY, where, detail=what)
    if lower.endswith(".pdf"):
        raise DubanError(ErrorCode.PDF_CORRUPT, where)
    if lower.endswith(".docx"):
        raise DubanError(ErrorCode.DOCX_CORRUPT, where)
    if looks_like_mhtml(data):
        return "mhtml"
    if _FRONT_MATTER.match(data):
        return "markdown"
    if _looks_like_html(data):
        return "html"
    if lower.endswith((".html", ".htm", ".xhtml", ".shtml")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def _sniff_zip(data: bytes, lower: str, where: str) -> Format:
    """A zip is a report only if it is a Word document; tell the others apart."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        if lower.endswith(".docx"):
            raise DubanError(ErrorCode.DOCX_CORRUPT, where) from None
        raise DubanError(ErrorCode.BINARY, where, detail="damaged zip archive") from None
    if "word/document.xml" in names:
        return "docx"
    if lower.endswith(".docx") or "[Content_Types].xml" in names and not _other_office(names):
        raise DubanError(ErrorCode.DOCX_CORRUPT, where)
    office = _other_office(names)
    if office:
        raise DubanError(ErrorCode.UNSUPPORTED_FORMAT, where, detail=office)
    if "OFD.xml" in names:
        raise DubanError(ErrorCode.UNSUPPORTED_FORMAT, where, detail="OFD (GB/T 33190); export it as PDF")
    if "mimetype" in names:
        raise DubanError(ErrorCode.UNSUPPORTED_FORMAT, where, detail="OpenDocument/EPUB; save it as .docx")
    raise DubanError(ErrorCode.BINARY, where, detail="zip archive")


def _other_office(names: set[str]) -> str | None:
    for member, what in _OTHER_OFFICE.items():
        if member in names:
            return what
    return None


def _looks_like_html(data: bytes) -> bool:
    """An HTML tag near the start, in ASCII-compatible or UTF-16 bytes."""
    head = data[:2048]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head[:2].count(0) == 1:
        for codec in ("utf-16-le", "utf-16-be"):
            ascii_head = data[:4096].decode(codec, errors="ignore").encode("ascii", errors="ignore")
            if _HTML_HEAD.search(ascii_head):
                return True
        return False
    return _HTML_HEAD.search(head) is not None
