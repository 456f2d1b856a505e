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
from collections.abc import Iterator

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree  # type: ignore[import-untyped]

from duban.errors import DubanError, ErrorCode
from duban.ingest.limits import MAX_RATIO, MAX_UNPACKED_BYTES, RATIO_MIN_SIZE

_P, _TBL, _SDT, _SDT_CONTENT, _TR, _TC = (
    qn(t) for t in ("w:p", "w:tbl", "w:sdt", "w:sdtContent", "w:tr", "w:tc")
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
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > max_unpacked or (info.file_size > RATIO_MIN_SIZE and ratio > MAX_RATIO):
            raise DubanError(ErrorCode.DOCX_TOO_LARGE, where, limit=max_unpacked)


def read_docx(data: bytes, where: str) -> str:
    """The document's text, one paragraph (or table row) per line."""
    check_zip(data, where)
    try:
        document = Document(io.BytesIO(data))
        body = document.element.body
        lines = list(_block_lines(body, document))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.LxmlError, OSError):
        raise DubanError(ErrorCode.DOCX_CORRUPT, where) from None
    return "\n".join(line for line in lines if line.strip())


def _block_lines(container: etree._Element, parent: object) -> Iterator[str]:
    """Lines of the block-level children of a body, cell or content control, in order."""
    for child in container.iterchildren():
        if child.tag == _P:
            yield Paragraph(child, parent).text  # type: ignore[arg-type]
        elif child.tag == _TBL:
            yield from _table_lines(child, parent)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content, parent)


def _table_lines(table: etree._Element, parent: object) -> Iterator[str]:
    """A row per line, cells joined by tabs; a one-cell row (a layout box) keeps its paragraphs."""
    for row in table.iterchildren(_TR):
        cells = list(row.iterchildren(_TC))
        if len(cells) == 1:
            yield from _block_lines(cells[0], _Cell(cells[0], parent))  # type: ignore[arg-type]
            continue
        texts = [" ".join(t for t in _block_lines(tc, _Cell(tc, parent)) if t.strip()) for tc in cells]  # type: ignore[arg-type]
        yield "\t".join(texts)
