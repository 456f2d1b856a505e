"""Errors a web request can end in, each with its HTTP status and a Chinese message.

Routes raise these; :func:`install_handlers` renders them as an error page for
a browser, or as ``{"detail": …, "errors": […]}`` for ``/api`` and ``.json``
requests. A 401 on a page redirects to the login form instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException


class WebError(Exception):
    """A request that cannot be served as asked; ``message`` is shown to the user."""

    status_code = 400

    def __init__(self, message: str, errors: Sequence[str] = (), status_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = list(errors)
        if status_code is not None:
            self.status_code = status_code


class NotLoggedIn(WebError):
    status_code = 401

    def __init__(self, message: str = "请先登录。") -> None:
        super().__init__(message)


class Forbidden(WebError):
    status_code = 403

    def __init__(self, message: str = "您没有权限执行此操作。") -> None:
        super().__init__(message)


class NotFound(WebError):
    status_code = 404

    def __init__(self, message: str = "找不到该页面或记录。") -> None:
        super().__init__(message)


class Conflict(WebError):
    status_code = 409


class Invalid(WebError):
    status_code = 422


class TooMany(WebError):
    status_code = 429


def wants_json(request: Request) -> bool:
    """True for ``/api/…`` and ``….json`` URLs and for clients that ask for JSON only."""
    path = request.url.path
    if path.startswith(f"{request.scope.get('root_path', '')}/api/") or path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


_STATUS_WORDS = {
    400: "请求有误",
    401: "需要登录",
    403: "无权操作",
    404: "未找到",
    405: "不支持的操作",
    409: "编辑冲突",
    413: "文件过大",
    422: "填写有误",
    429: "尝试过于频繁",
}


# pydantic's error types in the office's words (its own messages are English)
_VALIDATION_WORDS = {
    "missing": "必须填写",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "bool_parsing": "应为“是”或“否”",
    "date_parsing": "应为日期（如2020-12-31）",
    "date_from_datetime_parsing": "应为日期（如2020-12-31）",
    "date_type": "应为日期（如2020-12-31）",
    "datetime_parsing": "应为日期时间",
    "string_too_short": "内容过短",
    "string_too_long": "内容过长",
    "string_type": "应为文字",
    "too_short": "至少需要一项",
    "too_long": "项数过多",
    "greater_than": "数值过小",
    "greater_than_equal": "数值过小",
    "less_than": "数值过大",
    "less_than_equal": "数值过大",
    "literal_error": "不是可选的值",
    "enum": "不是可选的值",
    "json_invalid": "不是有效的JSON",
    "model_attributes_type": "格式不对",
    "dict_type": "格式不对",
    "list_type": "应为列表",
    "url_parsing": "不是有效的网址",
}
# where a value came from, for the message: 查询参数 page、路径中的 task_id
_LOCATIONS = {"query": "参数", "path": "地址中的", "body": "字段", "header": "请求头", "cookie": "Cookie"}


def validation_messages(errors: Sequence[Any]) -> list[str]:
    """One Chinese line per pydantic error: where, what was given, and what it should be."""
    lines = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ())]
        where = _LOCATIONS.get(loc[0], "") if loc else ""
        name = ".".join(loc[1:]) or (loc[0] if loc else "")
        kind = str(e.get("type", ""))
        if kind in ("value_error", "assertion_error"):  # our own validators' message, already in Chinese
            msg = str(e.get("msg", "")).removeprefix("Value error, ").removeprefix("Assertion failed, ")
            lines.append(f"{where}{name}：{msg}" if name else msg)
            continue
        words = _VALIDATION_WORDS.get(kind, "不符合要求")
        given = e.get("input")
        shown = f"（收到“{given}”）" if isinstance(given, str | int | float) and str(given) != "" else ""
        lines.append(f"{where}{name}{words}{shown}")
    return lines


def error_response(request: Request, status: int, message: str, errors: Sequence[str] = ()) -> Response:
    """The error as JSON or as the error page (``error.html``)."""
    if wants_json(request):
        return JSONResponse({"detail": message, "errors": list(errors)}, status_code=status)
    if status == 401:
        urls = request.app.state.urls
        return RedirectResponse(urls.login(next=str(request.url.path)), status_code=303)
    from duban.web.render import render_page

    if not hasattr(request.state, "user"):
        _load_user(request)
    return render_page(
        request,
        "error.html",
        {"status": status, "title": _STATUS_WORDS.get(status, "出错了"), "message": message, "errors": list(errors),
         "back": _same_site_referer(request)},
        status_code=status,
    )


def _load_user(request: Request) -> None:
    """The session's user for an error raised before any route ran (an unknown URL).

    Without it a logged-in user meeting a 404 would see the page of someone logged out.
    """
    from duban.web.deps import get_current_user

    try:
        with request.app.state.sessionmaker() as session:
            get_current_user(request, session)
    except Exception:  # noqa: BLE001 (an error page must render even when the database does not answer)
        request.state.user = None


def _same_site_referer(request: Request) -> str | None:
    """The page the user came from, when it is one of ours (for a "back" link that keeps their place)."""
    referer = request.headers.get("referer", "")
    if not referer:
        return None
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.url.netloc:
        return None
    back = parts.path + (f"?{parts.query}" if parts.query else "")
    if not back.startswith("/") or back.startswith("//") or back == request.url.path:
        return None
    return back


def install_handlers(app: FastAPI) -> None:
    """Route WebError, HTTP errors and body validation errors through :func:`error_response`."""

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError) -> Response:
        return error_response(request, exc.status_code, exc.message, exc.errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return error_response(request, 404, NotFound().message)
        message = exc.detail if isinstance(exc.detail, str) else ""
        return error_response(request, exc.status_code, message or _STATUS_WORDS.get(exc.status_code, "出错了"))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "提交的内容不符合要求。", validation_messages(exc.errors()))
