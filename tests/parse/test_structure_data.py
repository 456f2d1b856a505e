"""report_structure.yaml and regions.yaml validate; a broken override is a coded error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from duban.errors import DubanError
from duban.lexicon.schema import RegionsFile, ReportStructureFile, clear_cache, load_checked
from duban.parse import parse_text


@pytest.fixture()
def clean_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


def test_structure_files_validate(clean_cache: None) -> None:
    structure = load_checked("report_structure.yaml", ReportStructureFile)
    assert "区长" in structure.speaker_titles
    assert structure.speaker_titles.index("代区长") < structure.speaker_titles.index("区长")
    regions = load_checked("regions.yaml", RegionsFile)
    assert regions.divisions["330211"] == "镇海区"


def test_structure_override_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_cache: None
) -> None:
    (tmp_path / "report_structure.yaml").write_text("speaker_titles: [区长, 代区长]\n", encoding="utf-8")
    monkeypatch.setenv("DUBAN_DATA_DIR", str(tmp_path))
    clear_cache()
    with pytest.raises(DubanError) as err:
        parse_text("政府工作报告\n")
    assert err.value.code.value == "D302"


def test_structure_override_changes_the_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_cache: None
) -> None:
    """An office adds a title the package does not know; the parser follows the data."""
    (tmp_path / "report_structure.yaml").write_text(
        "speaker_titles: [国务院总理, 常务副区长, 代区长, 区长]\n", encoding="utf-8"
    )
    monkeypatch.setenv("DUBAN_DATA_DIR", str(tmp_path))
    clear_cache()
    report = parse_text("政府工作报告\n\n区人民政府常务副区长 张三\n\n各位代表：\n")
    assert (report.metadata.speaker_name, report.metadata.speaker_title) == ("张三", "常务副区长")
