"""The base every data-file schema shares: strict, frozen, with checked regexes."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown keys are errors; loaded data cannot be changed by accident."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def compiles(pattern: str) -> str:
    """``pattern`` unchanged if it is a valid regular expression, else ValueError."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
    return pattern
