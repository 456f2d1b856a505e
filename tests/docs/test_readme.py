"""The README documents every command (datasette's tested docs) and gives exactly two set-up commands."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from duban.cli import app

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    """Every command path: ``import``, ``db upgrade``, ``users add`` …"""
    group = typer.main.get_command(app)
    names: list[str] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        if sub:
            names.extend(f"{name} {child}" for child in sub)
        else:
            names.append(name)
    return names


def test_readme_documents_every_command() -> None:
    missing = [name for name in _commands() if f"duban {name}" not in README]
    assert missing == [], f"add these commands to the README's Commands table: {missing}"


def test_readme_two_setup_commands_exist() -> None:
    block = README.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", block, flags=re.DOTALL)
    assert commands == ["./scripts/demo", "./scripts/test"]
    for command in commands:
        script = ROOT / command
        assert script.is_file() and script.stat().st_mode & 0o111, command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci and "./scripts/test" in ci
