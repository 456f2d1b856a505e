"""Reading form fields into typed values, with Chinese messages for what is wrong."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from starlette.datastructures import FormData, UploadFile


def text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def ints(form: FormData, name: str) -> list[int]:
    out: list[int] = []
    for value in form.getlist(name):
        if isinstance(value, str) and value.strip().isdigit():
            out.append(int(value.strip()))
    return out


def optional_int(form: FormData, name: str) -> int | None:
    value = text(form, name)
    return int(value) if value.isdigit() else None


def parse_date(value: str, label: str, errors: list[str]) -> dt.date | None:
    """An ISO date or None when empty; appends a Chinese message when malformed."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(f"{label}“{value}”不是有效日期（格式：2020-06-30）。")
        return None


def parse_number(value: Any, label: str, errors: list[str]) -> float | None:
    """A finite number or None when empty; appends a Chinese message otherwise."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        raw = str(value).strip().replace(",", "").replace("，", "").rstrip("%％")
        if not raw:
            return None
        try:
            number = float(raw)
        except ValueError:
            errors.append(f"{label}“{value}”不是数字。")
            return None
    if math.isnan(number) or math.isinf(number):
        errors.append(f"{label}“{value}”不是有效数字。")
        return None
    return number


def upload(form: FormData, name: str) -> UploadFile | None:
    value = form.get(name)
    if isinstance(value, UploadFile) and value.filename:
        return value
    return None
