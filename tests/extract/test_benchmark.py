"""benchmarks/extract.py runs on a folder and ends with its ratio line."""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "extract.py"


def test_benchmark_prints_ratio_last(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("一、2019年工作回顾\n\n地区生产总值1021.6亿元，增长7.1%。\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(SCRIPT), str(tmp_path), "--repeat", "1"])
    monkeypatch.setitem(sys.modules, "jionlp", None)  # as if JioNLP were absent: still runs
    with pytest.raises(SystemExit) as done:
        runpy.run_path(str(SCRIPT), run_name="__main__")
    assert done.value.code == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert "not installed" in lines[-2]
    assert re.fullmatch(r"ratio (nan|\d+\.\d+)", lines[-1])
