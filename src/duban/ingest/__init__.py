"""File → one decoded text plus provenance (:class:`~duban.model.Source`).

Formats: plain text (UTF-8, GB18030/GBK, UTF-16), Markdown, Word .docx, PDF
with a text layer, saved web pages (.html, .mht). See :func:`read_report`.
"""

from duban.ingest.limits import DEFAULT_MAX_BYTES
from duban.ingest.read import read_bytes, read_report, sample_path
from duban.ingest.sniff import REPORT_SUFFIXES

__all__ = ["DEFAULT_MAX_BYTES", "REPORT_SUFFIXES", "read_bytes", "read_report", "sample_path"]
