"""scripts/gdp_targets.py: the research table of GDP growth targets, from a corpus run's tables."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from .conftest import CorpusRun

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gdp_targets", ROOT / "scripts" / "gdp_targets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _by_file(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(str(row["file"]), []).append(row)
    return out


def test_gdp_rows_keep_comparator_region_and_year(local_run: CorpusRun) -> None:
    rows = _by_file(_script().gdp_rows(local_run.out))
    # 2019 national: 国内生产总值增长6%－6.5%, a range
    (national,) = rows["reports/2019-national-guowuyuan.txt"]
    assert (national["level"], national["year"], national["value"], national["value_max"]) == (
        "national", 2019, 6.0, 6.5)
    assert (national["comparator"], national["comparator_wording"]) == ("range", "区间")
    assert not national["average"] and not national["stretch"]
    # 2020 national set no growth target (the epidemic year): no row at all
    assert "reports/2020-national-guowuyuan.txt" not in rows
    # a city: 宁波 2019, 增长6.8%左右 (region code of 宁波市)
    (ningbo,) = rows["reports/2019-city-ningbo.txt"]
    assert (ningbo["region_code"], ningbo["year"], ningbo["comparator"]) == ("330200", 2019, "~")
    assert ningbo["value"] == 6.8
    for file_rows in rows.values():
        for row in file_rows:
            assert row["quote"] and str(row["text"]) in str(row["quote"])


def test_average_and_stretch_flags(tmp_path: Path, local_run: CorpusRun) -> None:
    """年均增长 and 力争 just before the figure are flagged; plain targets are not."""
    from duban.corpus import run_corpus

    root = tmp_path / "c"
    root.mkdir()
    base = (local_run.root / "reports" / "2019-city-ningbo.txt").read_text(encoding="utf-8")
    marker = "地区生产总值增长6.8%左右"
    assert marker in base
    variants = {
        "stretch.txt": base.replace(marker, "地区生产总值增长6.8%左右、力争增长7%"),
        "average.txt": base.replace(marker, "地区生产总值年均增长6.8%左右"),
    }
    for name, text in variants.items():
        (root / name).write_text(text, encoding="utf-8")
    run_corpus(root, tmp_path / "out", workers=1)
    script = _script()
    rows = _by_file(script.gdp_rows(tmp_path / "out"))
    stretch = {r["value"]: (r["average"], r["stretch"]) for r in rows["stretch.txt"]}
    assert stretch == {6.8: (False, False), 7.0: (False, True)}
    assert [(r["value"], r["average"], r["stretch"]) for r in rows["average.txt"]] == [(6.8, True, False)]
    # the CLI writes them all to CSV (UTF-8 with BOM, for Excel)
    out_csv = tmp_path / "gdp.csv"
    sys.argv = ["gdp_targets.py", str(tmp_path / "out"), "--csv", str(out_csv)]
    script.main()
    with out_csv.open(encoding="utf-8-sig") as fh:
        written = list(csv.DictReader(fh))
    assert len(written) == 3 and set(written[0]) == set(script.COLUMNS)
