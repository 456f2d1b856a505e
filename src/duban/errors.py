"""Every error duban reports to a user, each with a stable code.

Codes group by stage, as in spaCy's ``errors.py``: D1xx ingest and parse,
D2xx figure extraction, D3xx ledger, D4xx storage, D5xx web, D6xx corpus runs. A
:class:`DubanError` carries its code, a one-line Chinese/English message and
the file it concerns, so the CLI can print one clear line and exit 2, and the
corpus runner can record one ``errors`` row per bad file.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path


class ErrorCode(str, Enum):
    """Stable codes; the value is the code, the message template follows."""

    NOT_FOUND = "D100"
    EMPTY = "D101"
    BINARY = "D102"
    TOO_LARGE = "D103"
    UNDETECTED_ENCODING = "D104"
    PDF_NO_TEXT = "D105"
    DOCX_CORRUPT = "D106"
    DOCX_TOO_LARGE = "D107"
    HTML_NO_REPORT = "D108"
    UNSUPPORTED_FORMAT = "D109"
    PDF_CORRUPT = "D110"
    NOT_A_REPORT = "D111"
    UNREADABLE = "D112"

    EXTRACT_FAILED = "D201"

    LEDGER_FAILED = "D301"
    BAD_CATALOGUE = "D302"

    STORE_FAILED = "D401"
    IMPORT_CONFLICT = "D402"
    BAD_SHEET = "D403"
    STORE_INVALID = "D410"
    STORE_MISSING = "D411"

    WEB_FORBIDDEN = "D501"
    WEB_CONFLICT = "D502"
    WEB_BAD_UPLOAD = "D503"

    CORPUS_UNEXPECTED = "D601"
    CORPUS_WORKER_LOST = "D602"
    CORPUS_BAD_INPUT = "D603"
    CORPUS_BAD_OUTPUT = "D604"
    CORPUS_NO_TABLES = "D605"
    CORPUS_ENGINE = "D606"
    CORPUS_TIMEOUT = "D607"


MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.NOT_FOUND: "file not found",
    ErrorCode.EMPTY: "the file is empty",
    ErrorCode.BINARY: "the file is binary, not a text, Word, PDF or web page",
    ErrorCode.TOO_LARGE: "the file is larger than the limit ({limit} bytes)",
    ErrorCode.UNDETECTED_ENCODING: "the text encoding could not be detected",
    ErrorCode.PDF_NO_TEXT: "the PDF has no text layer (a scanned document?); run OCR first",
    ErrorCode.DOCX_CORRUPT: "the Word file is corrupt or not a .docx",
    ErrorCode.DOCX_TOO_LARGE: "the Word file unpacks to more than the limit ({limit} bytes)",
    ErrorCode.HTML_NO_REPORT: "the web page holds no report text",
    ErrorCode.UNSUPPORTED_FORMAT: "unsupported file format ({detail})",
    ErrorCode.PDF_CORRUPT: "the PDF is corrupt",
    ErrorCode.NOT_A_REPORT: "the text does not look like a government work report ({detail})",
    ErrorCode.UNREADABLE: "the file cannot be read ({detail})",
    ErrorCode.EXTRACT_FAILED: "figure extraction failed ({detail})",
    ErrorCode.LEDGER_FAILED: "the ledger could not be built ({detail})",
    ErrorCode.BAD_CATALOGUE: "the department catalogue or rules are invalid ({detail})",
    ErrorCode.STORE_FAILED: "the database write failed ({detail})",
    ErrorCode.IMPORT_CONFLICT: "the import conflicts with stored data ({detail})",
    ErrorCode.BAD_SHEET: "the sheet is invalid ({detail})",
    ErrorCode.STORE_INVALID: "invalid value ({detail})",
    ErrorCode.STORE_MISSING: "not found in the database ({detail})",
    ErrorCode.WEB_FORBIDDEN: "not allowed ({detail})",
    ErrorCode.WEB_CONFLICT: "edited by someone else meanwhile ({detail})",
    ErrorCode.WEB_BAD_UPLOAD: "the upload is invalid ({detail})",
    ErrorCode.CORPUS_UNEXPECTED: "unexpected failure in stage {stage} ({detail})",
    ErrorCode.CORPUS_WORKER_LOST: "the worker process died while reading this file ({detail})",
    ErrorCode.CORPUS_BAD_INPUT: "the corpus folder cannot be read ({detail})",
    ErrorCode.CORPUS_BAD_OUTPUT: "the output folder cannot be used ({detail})",
    ErrorCode.CORPUS_NO_TABLES: "no corpus tables found here ({detail})",
    ErrorCode.CORPUS_ENGINE: "the execution engine failed ({detail})",
    ErrorCode.CORPUS_TIMEOUT: "stopped after {limit} s in the {stage} stage: the file took longer than the time limit",
}


class DubanError(Exception):
    """An error a user can act on: a code, a message, and the file if any."""

    def __init__(
        self,
        code: ErrorCode,
        path: str | Path | None = None,
        **params: object,
    ) -> None:
        self.code = code
        self.path = str(path) if path is not None else None
        self.params = params
        template = MESSAGES[code]
        try:
            self.detail = template.format(**params)
        except (KeyError, IndexError):
            self.detail = template
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """``D101 report.txt: the file is empty`` — what the CLI prints."""
        where = f" {self.path}:" if self.path else ""
        return f"{self.code.value}{where} {self.detail}"
