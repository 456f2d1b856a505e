"""File → one decoded text plus provenance (:class:`~duban.model.Source`)."""

from duban.ingest.read import DEFAULT_MAX_BYTES, read_bytes, read_report, sample_path

__all__ = ["DEFAULT_MAX_BYTES", "read_bytes", "read_report", "sample_path"]
