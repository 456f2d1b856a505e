"""fulfil.yaml: valid, consistent, and overridable from the office's data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.errors import DubanError
from duban.ledger.settings import load_settings
from duban.lexicon.schema import FulfilFile, clear_cache, validated


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DUBAN_DATA_DIR", str(tmp_path))
    clear_cache()
    yield tmp_path
    monkeypatch.delenv("DUBAN_DATA_DIR")
    clear_cache()


def test_fulfil_data_is_valid_and_consistent() -> None:
    data = validated("fulfil.yaml", FulfilFile)
    assert data.tolerance.points == 0.5
    bases = {base for base, _ in data.unit_scales.values()}
    assert all(base in data.unit_scales for base in bases), "every base unit is a unit of its own"
    for group in data.distinct_words:
        assert len(group) == len(set(group)) >= 2


def test_fulfil_data_override_changes_the_tolerance(data_dir: Path) -> None:
    (data_dir / "fulfil.yaml").write_text("tolerance: {points: 0.2, relative: 0.01}\n", encoding="utf-8")
    settings = load_settings()
    assert settings.tolerance.points == 0.2
    assert settings.unit_scales["亿元"] == ("元", 100000000)  # other keys kept


def test_fulfil_data_bad_override_is_a_coded_error(data_dir: Path) -> None:
    (data_dir / "fulfil.yaml").write_text("similarity: {sure: 0.4, floor: 0.6}\n", encoding="utf-8")
    with pytest.raises(DubanError) as info:
        load_settings()
    assert info.value.code.value == "D302"
