"""docs/cli.md carries the current ``--help`` of every command (scripts/cli_reference.py)."""

from __future__ import annotations

from tests.test_docs import load_cli_reference


def test_cli_reference_is_current() -> None:
    script = load_cli_reference()
    doc = script.DOC.read_text(encoding="utf-8")
    assert script.render(doc) == doc, "docs/cli.md is stale: run python scripts/cli_reference.py"


def test_cli_reference_has_a_block_for_every_command() -> None:
    script = load_cli_reference()
    doc = script.DOC.read_text(encoding="utf-8")
    assert sorted(script.documented_paths(doc)) == script.command_paths()


def test_cli_reference_block_is_the_help_text() -> None:
    script = load_cli_reference()
    text = script.help_text(("ledger",))
    assert text.startswith("Usage: duban ledger [OPTIONS]") and "--xlsx" in text
    assert "─" not in text  # plain click help, no rich boxes
