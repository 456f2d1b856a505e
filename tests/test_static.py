"""The code passes its own linters: ruff (the rule set in pyproject.toml) and mypy --strict on src/.

Both are pinned in the ``test`` extra, so CI runs the same versions as a
developer. A finding fails the suite with the linter's own report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False,
                          timeout=600)


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", "src", "tests", "scripts", "benchmarks")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_on_src() -> None:
    done = _run("mypy", "src")
    assert done.returncode == 0, done.stdout + done.stderr
