"""Size limits for ingest, so one hostile or mistaken file cannot exhaust memory.

The byte limit is checked before a file is read; the unpacked-size and
compression-ratio limits are checked from a zip's directory before anything is
inflated (a zip bomb is refused without being opened).
"""

from __future__ import annotations

import os

from duban.errors import DubanError, ErrorCode

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
ENV_MAX_BYTES = "DUBAN_MAX_BYTES"
# The same limit under the name of the app's setting (duban.config.Settings.max_report_bytes).
ENV_MAX_REPORT_BYTES = "DUBAN_MAX_REPORT_BYTES"

# A real report unpacks to a few MB of XML plus its images; 250 MB is far past that.
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
# Word XML deflates 5-30x; a member over 1 MB that deflates more than 200x is a bomb.
MAX_RATIO = 200
RATIO_MIN_SIZE = 1024 * 1024


def resolve_max_bytes(max_bytes: int | None, where: str | None = None) -> int:
    """The explicit limit, else ``DUBAN_MAX_BYTES`` or ``DUBAN_MAX_REPORT_BYTES``, else 50 MB.

    Read here rather than from ``duban.config`` so that ingest needs no settings
    object: the CLI's ``duban parse`` and the corpus workers call it bare.
    """
    if max_bytes is not None:
        return max_bytes
    name = ENV_MAX_BYTES if os.environ.get(ENV_MAX_BYTES, "").strip() else ENV_MAX_REPORT_BYTES
    raw = os.environ.get(name, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw)
    except ValueError:
        raise DubanError(
            ErrorCode.UNREADABLE, where, detail=f"{name}={raw!r} is not a whole number of bytes"
        ) from None
    return value if value > 0 else DEFAULT_MAX_BYTES
