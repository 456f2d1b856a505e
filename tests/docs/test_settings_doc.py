"""Every setting is documented in docs/settings.md, and every documented setting exists."""

from __future__ import annotations

import re
from pathlib import Path

from duban.config import Settings

DOC = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_settings_doc_names_every_setting() -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `([a-z_]+)`$", text, flags=re.MULTILINE))
    assert documented == set(Settings.model_fields)
    for name in Settings.model_fields:
        assert f"DUBAN_{name.upper()}" in text, name
