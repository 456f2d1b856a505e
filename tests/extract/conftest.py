"""Shared fixtures for extraction tests: ../shared (corpus, gold, scorer) and cached extractions."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from duban import extract_figures, parse, read_report
from duban.model import Figure, Report

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REPORTS = SHARED / "corpus" / "reports"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips the test when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not available: {p}")
    return p


@cache
def parsed(path: str) -> tuple[Report, list[Figure]]:
    """A report and its figures, computed once per test session."""
    report = parse(read_report(path))
    return report, extract_figures(report)


@pytest.fixture(scope="session")
def extracted() -> Callable[[Path], tuple[Report, list[Figure]]]:
    return lambda path: parsed(str(path))


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """The shared scorer (tools/score_figures.py): the rules of spec/figures.md."""
    path = shared_path("tools", "score_figures.py")
    spec = importlib.util.spec_from_file_location("score_figures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_reports() -> list[Path]:
    """Every corpus report (empty when ../shared is absent)."""
    found = sorted(REPORTS.glob("*.txt")) if REPORTS.is_dir() else []
    sample = SHARED / "corpus" / "zhenhai-2020.txt"
    return found + ([sample] if sample.exists() else [])
