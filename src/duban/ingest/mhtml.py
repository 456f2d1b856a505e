"""Web page saved as one file (.mht/.mhtml, "网页，单个文件") → its HTML part.

Browsers save a page with its images as a MIME multipart message; the report
is in the first text/html part, under its own transfer encoding and charset.
That part is handed to the HTML reader like any saved page.
"""

from __future__ import annotations

import email
import re
from email import policy
from email.message import Message

from duban.errors import DubanError, ErrorCode

_MIME_HEAD = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?MIME-Version:", re.IGNORECASE)
_MULTIPART = re.compile(rb"Content-Type:\s*multipart/related", re.IGNORECASE)


def looks_like_mhtml(data: bytes) -> bool:
    """A MIME header block, declaring multipart/related, at the very start."""
    head = data[:4096]
    return _MIME_HEAD.match(head) is not None and _MULTIPART.search(head) is not None


def html_part(data: bytes, where: str) -> tuple[bytes, str | None]:
    """(HTML bytes, declared charset or None) of the page's first text/html part; D108 if none."""
    try:
        message: Message = email.message_from_bytes(data, policy=policy.compat32)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes) and payload.strip():
                    return payload, part.get_content_charset()
    except RecursionError:
        # The email package parses and walks nested parts recursively; a browser nests
        # two or three levels, a hostile file thousands.
        raise DubanError(ErrorCode.HTML_NO_REPORT, where) from None
    raise DubanError(ErrorCode.HTML_NO_REPORT, where)
