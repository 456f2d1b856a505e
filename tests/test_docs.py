"""Docs are tested (datasette's test_docs.py): every CLI command, setting and data file has its entry in docs/.

A command needs a heading naming it (`` ## `duban ledger` ``, sub-commands
`` ### `duban db upgrade` ``); a setting a heading `` ### `name` ``; a data file
of src/duban/data/ (samples/ aside) a heading `` ### `name.yaml` `` or a table
row `` | `name.yaml` | ``. A heading for a command that no longer exists fails too.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from duban.config import Settings

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
DATA = ROOT / "src" / "duban" / "data"


def load_cli_reference() -> ModuleType:
    """scripts/cli_reference.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMMANDS: list[tuple[str, ...]] = load_cli_reference().command_paths()


def _headings() -> list[str]:
    lines = (line for doc in sorted(DOCS.glob("*.md")) for line in doc.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if re.match(r"#{1,6} ", line)]


def _table_entries() -> set[str]:
    text = "\n".join(doc.read_text(encoding="utf-8") for doc in sorted(DOCS.glob("*.md")))
    return set(re.findall(r"^\| `([^`]+)` \|", text, flags=re.MULTILINE))


HEADINGS = _headings()


def test_docs_commands_found() -> None:
    """The command list itself: top-level commands and the sub-commands of groups."""
    assert ("ledger",) in COMMANDS and ("db", "upgrade") in COMMANDS and ("users", "add") in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_docs_command_has_a_heading(path: tuple[str, ...]) -> None:
    name = "duban " + " ".join(path)
    assert any(f"`{name}`" in h for h in HEADINGS), f"no heading for `{name}` in docs/"


def test_docs_no_heading_for_a_missing_command() -> None:
    known = {"duban " + " ".join(p) for p in COMMANDS}
    named = {m for h in HEADINGS for m in re.findall(r"`(duban(?: [a-z][a-z-]*)+)", h)}
    assert named <= known, sorted(named - known)


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_docs_setting_has_a_heading(name: str) -> None:
    assert f"### `{name}`" in HEADINGS, f"no heading for setting {name} in docs/"


DATA_FILES = sorted(p.name for p in DATA.iterdir() if p.is_file())


def test_docs_data_files_found() -> None:
    assert "units.yaml" in DATA_FILES and "assign_rules.yaml" in DATA_FILES


@pytest.mark.parametrize("name", DATA_FILES)
def test_docs_data_file_has_an_entry(name: str) -> None:
    assert f"### `{name}`" in HEADINGS or name in _table_entries(), f"no heading or table row for {name} in docs/"
