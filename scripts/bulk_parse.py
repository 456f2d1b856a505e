"""Ingest and parse every report of the bulk corpus: nothing may crash.

Usage (from the repository root)::

    python scripts/bulk_parse.py [--archive PATH] [--jobs N] [--limit N]

Unpacks ``../shared/corpus/bulk/*.tar.xz`` into a temporary folder (removed
afterwards), runs ``read_report`` + ``parse`` on every report with a process
pool, and prints how many parsed, how many failed by error code (with each
reason), how many crashed (a bug: any exception that is not a DubanError),
and how often the parser found the year, region and level. The file name of
each report (``…/上海市/2019.md``) gives its year, so the detected year is
also checked against it.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tarfile
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from duban.errors import DubanError
from duban.ingest import read_report
from duban.parse import parse

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
_YEAR_NAME = re.compile(r"((?:19|20)\d\d)")


@dataclass(frozen=True)
class Outcome:
    """What happened to one file; ``code`` is a D-code, ``crash`` an exception name, else None."""

    path: str
    chars: int = 0
    code: str | None = None
    crash: str | None = None
    reason: str | None = None
    year: int | None = None
    region: str | None = None
    level: str | None = None


def process(path: str) -> Outcome:
    """Read and parse one file, turning every failure into an Outcome."""
    try:
        report = parse(read_report(path))
    except DubanError as err:
        return Outcome(path, code=err.code.value, reason=err.detail)
    except Exception as exc:  # noqa: BLE001 - a crash is what this script exists to find
        return Outcome(path, crash=type(exc).__name__, reason=str(exc)[:200])
    m = report.metadata
    return Outcome(path, chars=len(report.text), year=m.year, region=m.region, level=m.level)


def reports(folder: Path) -> list[Path]:
    """Every report file: the collection's Markdown files except its own README."""
    return sorted(p for p in folder.rglob("*.md") if p.name.lower() != "readme.md")


def summarize(outcomes: list[Outcome], folder: Path, seconds: float, jobs: int) -> None:
    """Print the counts this script exists for."""
    ok = [o for o in outcomes if o.code is None and o.crash is None]
    failed = [o for o in outcomes if o.code is not None]
    crashed = [o for o in outcomes if o.crash is not None]
    chars = sum(o.chars for o in ok)
    print(
        f"reports: {len(outcomes)}  parsed: {len(ok)}  failed (coded): {len(failed)}  crashed: {len(crashed)}"
    )
    print(
        f"time: {seconds:.1f} s with {jobs} processes, {chars:,} chars, {chars / max(seconds, 1e-9):,.0f} chars/s"
    )
    by_code: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, str] = {}
    for o in failed + crashed:
        key = o.code or f"crash:{o.crash}"
        by_code[key][o.reason or ""] += 1
        examples.setdefault(key, str(Path(o.path).relative_to(folder)))
    for key in sorted(by_code):
        print(f"  {key}: {sum(by_code[key].values())}  (e.g. {examples[key]})")
        for reason, count in by_code[key].most_common(10):
            print(f"      {count:5d}  {reason}")
    n = max(len(ok), 1)
    for field in ("year", "region", "level"):
        found = sum(1 for o in ok if getattr(o, field) is not None)
        print(f"  {field:6s} detected: {found:5d} / {len(ok)}  ({100 * found / n:.1f}%)")
    named = [(o, _YEAR_NAME.search(Path(o.path).stem)) for o in ok]
    checkable = [(o, int(m.group(1))) for o, m in named if m and o.year is not None]
    agree = sum(1 for o, year in checkable if o.year == year)
    print(f"  year agrees with file name: {agree} / {len(checkable)}")
    deltas = Counter(o.year - year for o, year in checkable if o.year is not None and o.year != year)
    if deltas:
        print("  detected minus file-name year: " + ", ".join(f"{d:+d}: {n}" for d, n in sorted(deltas.items())))
    levels = Counter(o.level for o in ok)
    print("  levels: " + ", ".join(f"{k}={v}" for k, v in levels.most_common()))
    wrong = [(str(Path(o.path).relative_to(folder)), o.year) for o, year in checkable if o.year != year]
    for rel, year in wrong[:10]:
        print(f"      year {year} for {rel}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--archive", type=Path, default=None, help="a .tar.xz (default: all in ../shared/corpus/bulk)"
    )
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--limit", type=int, default=0, help="only the first N reports (0: all)")
    args = parser.parse_args()
    archives = [args.archive] if args.archive else sorted(BULK.glob("*.tar.xz"))
    if not archives:
        print(f"no archive found in {BULK}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="duban-bulk-") as tmp:
        folder = Path(tmp)
        for archive in archives:
            with tarfile.open(archive, "r:xz") as tar:
                tar.extractall(folder, filter="data")
        paths = reports(folder)
        if args.limit:
            paths = paths[: args.limit]
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            outcomes = list(pool.map(process, [str(p) for p in paths], chunksize=16))
        summarize(outcomes, folder, time.perf_counter() - start, args.jobs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
