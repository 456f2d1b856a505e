"""Log in and out: a form for browsers, ``/api/login`` for scripts; rate-limited."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from duban.store.repo import logins, users
from duban.web import forms
from duban.web.deps import CurrentUser, SessionDep, SettingsDep
from duban.web.errors import TooMany
from duban.web.render import flash, render_page
from duban.web.schemas import LoginCreate, UserPublic
from duban.web.security import csrf_token

router = APIRouter(tags=["登录"])

TOO_MANY = "登录失败次数过多，请{minutes}分钟后再试。"
WRONG = "用户名或密码错误。"


def _client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def _safe_next(target: str | None, request: Request) -> str:
    """Only same-site paths are followed after login (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    home: str = request.app.state.urls.overview()
    return home


def _login(request: Request, session: SessionDep, settings: SettingsDep, username: str, password: str) -> int | None:
    """The user id on success, None on a wrong password; raises TooMany when rate-limited."""
    ip = _client_ip(request)
    if logins.is_limited(session=session, username=username, ip=ip, max_attempts=settings.login_max_attempts,
                         window=settings.login_window_seconds):
        session.commit()
        raise TooMany(TOO_MANY.format(minutes=max(1, settings.login_window_seconds // 60)))
    user = users.authenticate(session=session, username=username, password=password)
    logins.record_attempt(session=session, username=username, ip=ip, success=user is not None)
    if user is None:
        session.commit()
        return None
    logins.clear_failures(session=session, username=username)
    session.commit()
    # A fresh session on login: new CSRF token, nothing carried over from before.
    request.session.clear()
    request.session["uid"] = user.id
    csrf_token(request)
    return user.id


@router.get("/login", include_in_schema=False)
def login_form(request: Request, user: CurrentUser, next: str | None = None) -> Response:
    if user is not None:
        return RedirectResponse(_safe_next(next, request), status_code=303)
    return render_page(request, "login.html", {"title": "登录", "next": next})


@router.post("/login", include_in_schema=False)
async def login_submit(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    form = await request.form()
    username, password = forms.text(form, "username"), str(form.get("password") or "")
    next_url = forms.text(form, "next")
    try:
        ok = _login(request, session, settings, username, password)
    except TooMany as exc:
        return render_page(request, "login.html", {"title": "登录", "error": exc.message, "username": username,
                                                    "next": next_url}, status_code=429)
    if ok is None:
        return render_page(request, "login.html", {"title": "登录", "error": WRONG, "username": username,
                                                    "next": next_url}, status_code=401)
    return RedirectResponse(_safe_next(next_url, request), status_code=303)


@router.post("/logout", include_in_schema=False)
def logout(request: Request) -> Response:
    request.session.clear()
    flash(request, "已退出登录。")
    return RedirectResponse(request.app.state.urls.login(), status_code=303)


@router.get("/api/csrf", summary="本会话的CSRF令牌（写操作需放在 X-CSRF-Token 头中）")
def api_csrf(request: Request) -> dict[str, str]:
    return {"csrf_token": csrf_token(request)}


@router.post("/api/login", summary="登录（JSON）", response_model=UserPublic)
def api_login(body: LoginCreate, request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    user_id = _login(request, session, settings, body.username, body.password)
    if user_id is None:
        return JSONResponse({"detail": WRONG, "errors": []}, status_code=401)
    user = users.get_user(session=session, user_id=user_id)
    assert user is not None
    return JSONResponse({**UserPublic.model_validate(user).model_dump(), "csrf_token": csrf_token(request)})


@router.post("/api/logout", summary="退出登录")
def api_logout(request: Request) -> dict[str, bool]:
    request.session.clear()
    return {"ok": True}


@router.get("/api/me", summary="当前用户", response_model=UserPublic | None)
def api_me(user: CurrentUser) -> UserPublic | None:
    return UserPublic.model_validate(user) if user else None
