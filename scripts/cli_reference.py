"""Paste the live ``--help`` text of every duban command into docs/cli.md.

docs/cli.md holds, under each command's heading, a block between
``<!-- [[[help duban NAME]]] -->`` and ``<!-- [[[end]]] -->`` (datasette's cog
blocks in cli-reference.rst). This script renders each block from the
command's own ``--help`` (plain click formatting, 80 columns, so the text does
not depend on the terminal) and rewrites the file; ``--check`` only reports,
exiting 1, when the committed text is stale. tests/docs/test_cli_reference.py
runs the check.

    python scripts/cli_reference.py          # rewrite docs/cli.md
    python scripts/cli_reference.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import typer.core
import typer.main
from typer.testing import CliRunner

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
BLOCK = re.compile(
    r"(<!-- \[\[\[help (?P<cmd>duban[^\]]*)\]\]\] -->\n)(?P<body>.*?)(<!-- \[\[\[end\]\]\] -->)", re.DOTALL)
WIDTH = 80


def command_paths() -> list[tuple[str, ...]]:
    """Every command registered on ``duban.cli.app``, sub-commands of groups included, sorted."""
    from duban.cli import app

    paths: list[tuple[str, ...]] = []

    def walk(group: typer.core.TyperGroup, prefix: tuple[str, ...]) -> None:
        for name, cmd in group.commands.items():
            if cmd.hidden:
                continue
            paths.append((*prefix, name))
            if isinstance(cmd, typer.core.TyperGroup):
                walk(cmd, (*prefix, name))

    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    walk(root, ())
    return sorted(paths)


def help_text(path: tuple[str, ...]) -> str:
    """``duban PATH --help`` as plain text, ``WIDTH`` columns wide."""
    from duban.cli import app

    rich = typer.core.HAS_RICH
    typer.core.HAS_RICH = False  # plain click help: no box drawing, no colour
    try:
        result = CliRunner().invoke(app, [*path, "--help"], prog_name="duban", terminal_width=WIDTH,
                                    max_content_width=WIDTH)
    finally:
        typer.core.HAS_RICH = rich
    if result.exit_code != 0:
        raise RuntimeError(f"duban {' '.join(path)} --help failed: {result.output}")
    lines = [line.rstrip() for line in result.output.strip("\n").splitlines()]
    return "\n".join(lines) + "\n"


def render(doc: str) -> str:
    """``doc`` with every help block filled from the live command."""

    def fill(m: re.Match[str]) -> str:
        path = tuple(m.group("cmd").split()[1:])
        return f"{m.group(1)}```text\n{help_text(path)}```\n{m.group(4)}"

    return BLOCK.sub(fill, doc)


def documented_paths(doc: str) -> list[tuple[str, ...]]:
    """The commands docs/cli.md has a help block for."""
    return [tuple(m.group("cmd").split()[1:]) for m in BLOCK.finditer(doc)]


def main(argv: list[str]) -> int:
    doc = DOC.read_text(encoding="utf-8")
    new = render(doc)
    missing = sorted(set(command_paths()) - set(documented_paths(doc)))
    if missing:
        print("no help block for: " + ", ".join("duban " + " ".join(p) for p in missing), file=sys.stderr)
    if "--check" in argv:
        if new != doc:
            print(f"{DOC} is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 1 if missing else 0
    if new != doc:
        DOC.write_text(new, encoding="utf-8")
        print(f"rewrote {DOC}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
