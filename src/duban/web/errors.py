"""Errors a web request can end in, each with its HTTP status and a Chinese message.

Routes raise these; :func:`install_handlers` renders them as an error page for
a browser, or as ``{"detail": …, "errors": […]}`` for ``/api`` and ``.json``
requests. A 401 on a page redirects to the login form instead.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def error_response(request: Request, status: int, message: str, errors: Sequence[str] = ()) -> Response:
    """The error as JSON or as the error page (``error.html``)."""
    if wants_json(request):
        return JSONResponse({"detail": message, "errors": list(errors)}, status_code=status)
    if status == 401:
        urls = request.app.state.urls
        return RedirectResponse(urls.login(next=str(request.url.path)), status_code=303)
    from duban.web.render import render_page

    return render_page(
        request,
        "error.html",
        {"status": status, "title": _STATUS_WORDS.get(status, "出错了"), "message": message, "errors": list(errors)},
        status_code=status,
    )


def install_handlers(app: FastAPI) -> None:
    """Route WebError, HTTP errors and body validation errors through :func:`error_response`."""

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError) -> Response:
        return error_response(request, exc.status_code, exc.message, exc.errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else ""
        return error_response(request, exc.status_code, message or _STATUS_WORDS.get(exc.status_code, "出错了"))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        errors = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}：{e.get('msg', '')}" for e in exc.errors()]
        return error_response(request, 422, "提交的内容不符合要求。", errors)
