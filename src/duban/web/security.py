"""CSRF tokens, upload checks and the login rate limit's arithmetic.

The session itself is Starlette's signed cookie (itsdangerous, HttpOnly,
SameSite=Lax), set up in :mod:`duban.web.app`. It holds the user id and the
CSRF token of the browser session. Every request that is not GET/HEAD/OPTIONS
must carry that token, as the ``csrf_token`` form field or the
``X-CSRF-Token`` header (:func:`verify_csrf`, an app-wide dependency), so a
page on another site cannot make a logged-in browser write anything.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from duban.web.errors import Forbidden, Invalid

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str) or len(token) < 20:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def verify_csrf(request: Request) -> None:
    """Refuse a writing request whose CSRF token is missing or wrong (403)."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    given = request.headers.get(CSRF_HEADER)
    if not given:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    if not expected or not given or not hmac.compare_digest(str(expected), given):
        raise Forbidden("安全校验失败（CSRF令牌缺失或已过期），请刷新页面后重试。")


# --------------------------------------------------------------------------- uploads


@dataclass(frozen=True, slots=True)
class UploadKind:
    """An accepted evidence type: its extensions and the magic bytes it must start with."""

    label: str
    extensions: tuple[str, ...]
    magic: tuple[bytes, ...]
    mime: str


EVIDENCE_KINDS: tuple[UploadKind, ...] = (
    UploadKind("PDF", (".pdf",), (b"%PDF-",), "application/pdf"),
    UploadKind("PNG图片", (".png",), (b"\x89PNG\r\n\x1a\n",), "image/png"),
    UploadKind("JPEG图片", (".jpg", ".jpeg"), (b"\xff\xd8\xff",), "image/jpeg"),
    UploadKind("GIF图片", (".gif",), (b"GIF87a", b"GIF89a"), "image/gif"),
    UploadKind("Word文档", (".docx",), (b"PK\x03\x04",),
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    UploadKind("Excel表格", (".xlsx",), (b"PK\x03\x04",),
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    UploadKind("PowerPoint演示文稿", (".pptx",), (b"PK\x03\x04",),
               "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    UploadKind("Word 97-2003文档", (".doc",), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",), "application/msword"),
    UploadKind("Excel 97-2003表格", (".xls",), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",), "application/vnd.ms-excel"),
)


def check_evidence(name: str, head: bytes, size: int, *, limit: int) -> UploadKind:
    """The kind of an evidence upload, or :class:`Invalid` with the reason in Chinese.

    Both the extension and the first bytes must agree: a renamed executable or
    an HTML page called ``.pdf`` is refused.
    """
    if size == 0:
        raise Invalid("上传的证明材料是空文件。")
    if size > limit:
        raise Invalid(f"证明材料超过大小限制（{limit // (1024 * 1024)} MB）。", status_code=413)
    suffix = Path(name).suffix.lower()
    for kind in EVIDENCE_KINDS:
        if suffix in kind.extensions:
            if not head.startswith(kind.magic):
                raise Invalid(f"文件内容与扩展名{suffix}不符，请上传真实的{kind.label}。")
            return kind
    allowed = "、".join(sorted({e for k in EVIDENCE_KINDS for e in k.extensions}))
    raise Invalid(f"不支持的证明材料类型“{suffix or '无扩展名'}”，仅接受：{allowed}。")


def stored_name(kind: UploadKind) -> str:
    """A generated file name: random, never derived from what the user sent."""
    return f"{secrets.token_hex(16)}{kind.extensions[0]}"
