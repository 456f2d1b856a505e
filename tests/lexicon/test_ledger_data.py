"""The ledger's data files load, validate and refer only to what exists; an office can override them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duban.errors import DubanError
from duban.ledger import load_catalogue
from duban.ledger.data import (
    assign_rules_file,
    commitment_lexicon,
    deadline_rules,
    department_file,
    mention_rules,
)
from duban.lexicon.schema import LEVELS, XlsxLayout, clear_cache, validated


def test_ledger_data_files_validate() -> None:
    assert commitment_lexicon().commitment_verbs
    assert deadline_rules().patterns
    assert mention_rules().suffixes.project
    assert validated("xlsx_layout.yaml", XlsxLayout).columns


def test_ledger_data_rules_name_existing_departments() -> None:
    keys = {d.key for d in department_file().departments}
    rules = assign_rules_file()
    assert rules.fallback in keys
    for rule in rules.rules:
        assert rule.lead in keys, rule.id
        assert set(rule.co) <= keys, rule.id
        assert rule.lead not in rule.co, rule.id


def test_ledger_data_department_names_unique_per_level() -> None:
    for level in LEVELS:
        cat = load_catalogue(level, None)
        names = [d.name for d in cat.departments.values()]
        assert len(names) == len(set(names)), level


def test_ledger_data_patterns_compile() -> None:
    for p in commitment_lexicon().non_commitment_patterns:
        re.compile(p.pattern)
    for d in deadline_rules().patterns:
        re.compile(d.pattern)


def test_ledger_data_override_replaces_a_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "assign_rules.yaml").write_text(
        "fallback: ndrc\nrules:\n  - {id: only, keywords: [垃圾], lead: urban}\n", encoding="utf-8")
    monkeypatch.setenv("DUBAN_DATA_DIR", str(tmp_path))
    clear_cache()
    try:
        rules = assign_rules_file()
        assert rules.fallback == "ndrc" and [r.id for r in rules.rules] == ["only"]
    finally:
        monkeypatch.delenv("DUBAN_DATA_DIR")
        clear_cache()


def test_ledger_data_bad_override_is_a_d302(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "deadlines.yaml").write_text("patterns:\n  - {pattern: '上半年', month: 13}\n", encoding="utf-8")
    monkeypatch.setenv("DUBAN_DATA_DIR", str(tmp_path))
    clear_cache()
    try:
        with pytest.raises(DubanError) as err:
            deadline_rules()
        assert err.value.code.value == "D302"
    finally:
        monkeypatch.delenv("DUBAN_DATA_DIR")
        clear_cache()
