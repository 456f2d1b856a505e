"""Word (.docx) → text: body paragraphs and table rows in reading order.

The zip is vetted from its directory before python-docx inflates anything, so
a corrupt file is D106 and a zip bomb is D107 without costing memory. Text is
taken from the body XML in document order (paragraphs, tables, content
controls), one paragraph per line; page headers and footers are left out, as
they repeat on every page and are not part of the report.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]

from duban.errors import DubanError, ErrorCode
from duban.ingest.limits import MAX_RATIO, MAX_UNPACKED_BYTES, RATIO_MIN_SIZE

_P, _TBL, _SDT, _SDT_CONTENT, _TR, _TC = (
    qn(t) for t in ("w:p", "w:tbl", "w:sdt", "w:sdtContent", "w:tr", "w:tc")
)
_CUSTOM_XML, _INS = qn("w:customXml"), qn("w:ins")
_T, _BR, _CR, _NO_BREAK_HYPHEN, _TYPE = qn("w:t"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen"), qn("w:type")
_TABS = frozenset((qn("w:tab"), qn("w:ptab")))
_ENCRYPTED = 0x1  # general purpose flag bit 0
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees with no visible paragraph text: properties, deleted or moved-away text, field codes,
# the fallback twin of a drawing, text boxes (floating, outside the reading order).
_SKIP = frozenset(
    (
        *(
            qn(t)
            for t in ("w:pPr", "w:rPr", "w:del", "w:delText", "w:moveFrom", "w:instrText", "w:txbxContent")
        ),
        _MC_FALLBACK,
    )
)


def check_zip(data: bytes, where: str, *, max_unpacked: int = MAX_UNPACKED_BYTES) -> None:
    """Refuse a damaged zip (D106) or one that would unpack too far (D107), inflating nothing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DubanError(ErrorCode.DOCX_CORRUPT, where) from None
    total = 0
    for info in members:
        # Word writes members stored or deflated, never encrypted; anything else cannot be
        # a real .docx (and zipfile raises NotImplementedError/RuntimeError reading it).
        if info.flag_bits & _ENCRYPTED or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DubanError(ErrorCode.DOCX_CORRUPT, where)
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > max_unpacked or (info.file_size > RATIO_MIN_SIZE and ratio > MAX_RATIO):
            raise DubanError(ErrorCode.DOCX_TOO_LARGE, where, limit=max_unpacked)


def read_docx(data: bytes, where: str) -> str:
    """The document's text, one paragraph (or table row) per line."""
    check_zip(data, where)
    try:
        document = Document(io.BytesIO(data))
        lines = list(_block_lines(document.element.body))
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        AttributeError,  # python-docx on a part whose root is not the element it expects
        TypeError,
        zipfile.BadZipFile,
        zlib.error,  # a member whose deflated data is damaged
        EOFError,
        etree.LxmlError,
        OSError,
        RecursionError,
    ):
        raise DubanError(ErrorCode.DOCX_CORRUPT, where) from None
    return "\n".join(line for line in lines if line.strip())


def _block_lines(container: etree._Element) -> Iterator[str]:
    """Lines of the block-level children of a body, cell or content control, in order."""
    for child in container.iterchildren():
        if child.tag == _P:
            yield paragraph_text(child)
        elif child.tag == _TBL:
            yield from _table_lines(child)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content)
        elif child.tag in (_CUSTOM_XML, _INS):
            yield from _block_lines(child)


def _table_lines(table: etree._Element) -> Iterator[str]:
    """A row per line, cells joined by tabs; a one-cell row (a layout box) keeps its paragraphs."""
    for row in table.iterchildren(_TR):
        cells = list(row.iterchildren(_TC))
        if len(cells) == 1:
            yield from _block_lines(cells[0])
            continue
        yield "\t".join(" ".join(t for t in _block_lines(tc) if t.strip()) for tc in cells)


def paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's visible text as Word shows it, tracked insertions included.

    python-docx's ``Paragraph.text`` reads only direct runs and hyperlinks, so
    text inside tracked insertions, smart tags, fields and inline content
    controls is lost; here every run is read in order, while deleted text,
    field codes and fallback copies of drawings are left out.
    """
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: etree._Element, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _TABS:
            parts.append("\t")
        elif tag == _BR:
            if child.get(_TYPE) in (None, "textWrapping"):
                parts.append("\n")
        elif tag == _CR:
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        else:
            _collect(child, parts)
