"""One context per page, rendered as HTML or as JSON (datasette's rule).

A route builds a plain, JSON-able context and calls :func:`respond`. For a
``….json`` URL (or ``/api/…``) the context itself is the answer; otherwise it
is rendered into the page's template, with the globals every template needs
(the user, the CSRF token, ``urls``, flash messages).
"""

from __future__ import annotations

import datetime as dt
from datetime import tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from pydantic import BaseModel

from duban.ledger.status import LABELS, Colour
from duban.web.errors import wants_json
from duban.web.security import CSRF_FIELD, csrf_token

TEMPLATE_DIR = Path(__file__).parent / "templates"

STATUS_LABELS = {c.value: label for c, label in LABELS.items()}
# a target's comparator before its value on a card: 城镇登记失业率 ≤3%, not a bare 3%
COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "~": "约"}


def make_templates(timezone: str = "Asia/Shanghai") -> Jinja2Templates:
    """The Jinja environment: autoescape on, the status words as a global.

    ``timezone`` is the office's: timestamps are stored in UTC and shown in its local time.
    """
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    env = templates.env
    env.autoescape = True
    # templates ship with the package and never change while it runs: compile each once,
    # without a stat() of its file on every render (and every include of a row partial)
    env.auto_reload = False
    env.cache = {}  # unbounded: every template stays compiled (the default keeps only 400)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    env.globals["STATUS_LABELS"] = STATUS_LABELS
    env.globals["STATUS_ORDER"] = [c.value for c in Colour]
    env.globals["COMPARATOR_SIGNS"] = COMPARATOR_SIGNS
    env.filters["pct"] = _pct
    env.globals["pager_items"] = pager_items
    env.filters["num"] = _num
    zone = ZoneInfo(timezone)
    env.filters["cndate"] = lambda value, time=False: cn_date(value, time, zone)
    return templates


def pager_items(page: int, pages: int) -> list[tuple[int, str]]:
    """The pager's entries: (page, "current" | "link" | "gap"), first two, last two and two either side.

    Computed here rather than by a template loop over every page number (200 of
    them on a ledger of 10,000 tasks, for a dozen entries).
    """
    wanted = {1, 2, 3, pages - 2, pages - 1, pages, *range(page - 2, page + 3)}
    items: list[tuple[int, str]] = []
    for p in sorted(n for n in wanted if 1 <= n <= pages):
        if p == page:
            items.append((p, "current"))
        elif p <= 2 or p > pages - 2 or abs(p - page) <= 2:
            items.append((p, "link"))
        elif p == 3 or p == pages - 2:
            items.append((p, "gap"))
    return items


def _pct(value: float | None) -> str:
    if value is None:
        return "—"
    text = f"{value:.1f}"
    return (text.removesuffix(".0")) + "%"


def plain_number(value: float) -> str:
    """A number as a Chinese report writes it: no exponent, no thousands separators, no trailing zeros.

    ``f"{v:g}"`` turns 2507000 into 2.507e+06, and "6,700" reads unlike the
    report's own 6700人; this keeps the figure as the source shows it.
    """
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def number_range(value: float | None, value_max: float | None = None) -> str:
    """``plain_number`` of a value, or of a range as 6–6.5; "" for None."""
    if value is None:
        return ""
    text = plain_number(value)
    return f"{text}–{plain_number(value_max)}" if value_max is not None else text


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    return plain_number(value)


def cn_date(value: dt.date | dt.datetime | str | None, time: bool | str = False, zone: tzinfo | None = None) -> str:
    """A date in office style (2020年7月15日); with ``time``, a timestamp's hour and minute too
    (``time="seconds"``: and its seconds).

    An aware timestamp is first put in ``zone`` (the office's time zone: the
    database keeps UTC, and 01:30 UTC is already the next morning in Beijing).
    Form fields keep ISO dates (the browser's date input needs them); this is for reading.
    """
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            parsed: dt.date = (dt.datetime.fromisoformat(value) if "T" in value or " " in value
                               else dt.date.fromisoformat(value))
        except ValueError:
            return value
        value = parsed
    if isinstance(value, dt.datetime) and value.tzinfo is not None and zone is not None:
        value = value.astimezone(zone)
    text = f"{value.year}年{value.month}月{value.day}日"
    if time and isinstance(value, dt.datetime):
        text += f" {value:%H:%M:%S}" if time == "seconds" else f" {value:%H:%M}"
    return text


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """Queue a one-time message for the next page this browser sees."""
    messages = list(request.session.get("flash", []))
    messages.append([kind, message])
    request.session["flash"] = messages[-5:]


def render_page(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """Render ``template`` with ``context`` and the page globals."""
    state = request.app.state
    user = getattr(request.state, "user", None)
    token = csrf_token(request)
    page = {
        **context,
        "user": user,
        "csrf_token": token,
        "csrf_input": Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{token}">'),
        "flashes": request.session.pop("flash", []),
        "urls": state.urls,
        "site_name": state.settings_site_name,
        "current_path": request.url.path,
    }
    response: HTMLResponse = state.templates.TemplateResponse(request, template, page, status_code=status_code)
    return response


_PLAIN = (str, int, float, bool, type(None))


def to_jsonable(value: Any) -> Any:
    """``jsonable_encoder(value)``, with pydantic models dumped once by pydantic's own serializer.

    FastAPI's encoder dumps a model and then walks the dumped dict again in
    Python; for a ledger page of fifty task models that second walk was a
    quarter of the request. The output is the same: dicts, lists and models are
    handled here, anything else is left to ``jsonable_encoder``.
    """
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, dict):
        return {k if isinstance(k, _PLAIN) else jsonable_encoder(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return jsonable_encoder(value)


def respond(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> Response:
    """JSON for ``.json``/``/api`` requests, else the rendered page."""
    if wants_json(request):
        return JSONResponse(to_jsonable(context), status_code=status_code)
    return render_page(request, template, context, status_code)
