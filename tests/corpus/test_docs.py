"""docs/corpus.md documents every table column, option and run-level error code (datasette's test_docs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from duban.cli import app
from duban.corpus.schema import KEY_FIELDS, SCHEMAS

DOC = Path(__file__).resolve().parents[2] / "docs" / "corpus.md"


def _section(table: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"^### {table}\n(.*?)(?=^### |^## |\Z)", text, re.DOTALL | re.MULTILINE)
    assert match, f"docs/corpus.md has no section for {table}"
    return match.group(1)


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_docs_every_column_documented(table: str) -> None:
    section = _section(table)
    keys = {f.name for f in KEY_FIELDS}
    missing = [c for c in SCHEMAS[table].names if c not in keys and f"`{c}`" not in section]
    assert not missing, f"{table}: undocumented columns {missing}"


@pytest.mark.parametrize("command", ["corpus", "corpus-summary"])
def test_docs_every_option_documented(command: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    cmd = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    options = [p.opts[0] for p in cmd.params if p.param_type_name == "option"]
    assert "--out" in options or command != "corpus"
    for opt in options:
        assert opt in text, f"{command} {opt} is not in docs/corpus.md"


def test_docs_corpus_error_codes_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for code in ("D601", "D602", "D603", "D604", "D605", "D606"):
        assert code in text
