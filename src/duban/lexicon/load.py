"""Load a YAML data file from package data, merged with the user's override.

Data lives in ``duban/data/NAME.yaml``. When ``DUBAN_DATA_DIR`` is set and
holds a file of the same name, its top-level mapping keys replace the
package's (lists under the same key are replaced, not appended), so an office
can change one list without copying the rest. Results are cached per name and
override folder; tests that change the environment call ``load_data.cache_clear()``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from duban.errors import DubanError, ErrorCode


def data_dir_override() -> Path | None:
    """The user's data folder (``DUBAN_DATA_DIR``), if set."""
    value = os.environ.get("DUBAN_DATA_DIR")
    return Path(value) if value else None


def _read_yaml(text: str, where: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DubanError(ErrorCode.BAD_CATALOGUE, where, detail=str(exc).splitlines()[0]) from None


@lru_cache(maxsize=64)
def _load(name: str, override: str | None) -> Any:
    packaged = resources.files("duban") / "data" / name
    data = _read_yaml(packaged.read_text(encoding="utf-8"), f"duban/data/{name}")
    if override:
        user = Path(override) / name
        if user.is_file():
            extra = _read_yaml(user.read_text(encoding="utf-8"), str(user))
            if isinstance(data, dict) and isinstance(extra, dict):
                data = {**data, **extra}
            elif extra is not None:
                data = extra
    return data


def load_data(name: str) -> Any:
    """The parsed content of data file ``name`` (e.g. ``"units.yaml"``)."""
    override = data_dir_override()
    return _load(name, str(override) if override else None)


load_data.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
