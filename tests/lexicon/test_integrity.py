"""The figure lexicons (units, cues, exclusions, indicators) load, validate and stay consistent."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from duban.errors import DubanError
from duban.lexicon import load_data
from duban.lexicon.schema import SCHEMAS, CuesFile, IndicatorsFile, UnitsFile, clear_cache, load_checked

FIGURE_FILES = ("units.yaml", "cues.yaml", "exclusions.yaml", "indicators.yaml")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DUBAN_DATA_DIR", str(tmp_path))
    clear_cache()
    yield tmp_path
    monkeypatch.delenv("DUBAN_DATA_DIR")
    clear_cache()


@pytest.mark.parametrize("name", FIGURE_FILES)
def test_integrity_file_validates(name: str) -> None:
    assert load_checked(name, SCHEMAS[name]) is not None


def test_integrity_unit_names_unique_and_scales_positive() -> None:
    units = load_checked("units.yaml", UnitsFile)
    names = [u.name for u in units.units]
    assert len(names) == len(set(names))
    assert all(v > 0 for v in units.scales.values())
    assert set(units.standalone_scales) <= set(units.scales)
    assert not set(units.scales) & set(names), "a scale word is also a unit"


def test_integrity_indicator_ids_and_names_unique() -> None:
    data = load_checked("indicators.yaml", IndicatorsFile)
    ids = [i.id for i in data.indicators]
    assert len(ids) == len(set(ids))
    owner: dict[str, str] = {}
    for entry in data.indicators:
        assert entry.name in entry.names, f"{entry.id}: its name is not among its names"
        for name in entry.names:
            assert owner.setdefault(name, entry.id) == entry.id, name


def test_integrity_cue_words_not_in_two_comparator_lists() -> None:
    cues = load_checked("cues.yaml", CuesFile)
    assert not set(cues.comparators_before) & set(cues.comparators_after)
    assert not set(cues.growth_verbs.increase) & set(cues.growth_verbs.decrease)


def test_integrity_patterns_compile_and_are_linear() -> None:
    """Exclusion patterns start with a character class (fast scan) and finish on long runs."""
    patterns = [p["regex"] for p in load_data("exclusions.yaml")["patterns"]]
    for source in patterns:
        pattern = re.compile(source)
        for run in ("1" * 20000, "A" * 20000, "“" * 20000, "1." * 10000):
            list(pattern.finditer(run))


def test_integrity_override_replaces_a_list(data_dir: Path) -> None:
    (data_dir / "cues.yaml").write_text(yaml.safe_dump({"respective": ["分别", "各自"]}, allow_unicode=True),
                                        encoding="utf-8")
    assert load_checked("cues.yaml", CuesFile).respective == ["分别", "各自"]


def test_integrity_bad_override_is_a_coded_error(data_dir: Path) -> None:
    (data_dir / "units.yaml").write_text("units:\n  - {name: 个, bogus: 1}\n", encoding="utf-8")
    with pytest.raises(DubanError) as err:
        load_checked("units.yaml", UnitsFile)
    assert err.value.code.value == "D302"
