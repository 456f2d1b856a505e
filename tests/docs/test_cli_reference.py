"""docs/cli.md carries the current ``--help`` of every command (scripts/cli_reference.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current() -> None:
    script = _script()
    doc = script.DOC.read_text(encoding="utf-8")
    assert script.render(doc) == doc, "docs/cli.md is stale: run python scripts/cli_reference.py"


def test_cli_reference_has_a_block_for_every_command() -> None:
    script = _script()
    doc = script.DOC.read_text(encoding="utf-8")
    assert sorted(script.documented_paths(doc)) == script.command_paths()


def test_cli_reference_block_is_the_help_text() -> None:
    script = _script()
    text = script.help_text(("ledger",))
    assert text.startswith("Usage: duban ledger [OPTIONS]") and "--xlsx" in text
    assert "─" not in text  # plain click help, no rich boxes
