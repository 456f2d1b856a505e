"""Throughput of read_report + parse over the cleaned corpus and the sample.

Run from the repository root: ``python benchmarks/parse.py [--runs 5]``.
Prints one header line (machine, files, characters, bytes), then the median
and the spread of characters parsed per second over the runs, one process,
so numbers compare across commits on the same machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from duban.ingest import read_report, sample_path
from duban.parse import parse

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT.parent / "shared" / "corpus" / "reports"


def corpus() -> list[Path]:
    """Every cleaned report plus the embedded sample."""
    return [*sorted(REPORTS.glob("*.txt")), sample_path()]


def run_once(paths: list[Path]) -> tuple[float, int, float]:
    """Seconds to read and parse every file, the characters parsed, and the seconds spent reading."""
    chars = 0
    reading = 0.0
    start = time.perf_counter()
    for path in paths:
        before = time.perf_counter()
        source = read_report(path)
        reading += time.perf_counter() - before
        chars += len(parse(source).text)
    return time.perf_counter() - start, chars, reading


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = corpus()
    if len(paths) == 1:
        print(f"note: {REPORTS} not found; timing the sample only", file=sys.stderr)
    total_bytes = sum(p.stat().st_size for p in paths)
    run_once(paths)  # warm up: imports, lexicon caches, page cache
    timings = [run_once(paths) for _ in range(args.runs)]
    chars = timings[0][1]
    print(
        f"machine: {platform.node()} {platform.machine()} nproc={len(os.sched_getaffinity(0))} python={platform.python_version()}"
        f" | files={len(paths)} chars={chars:,} bytes={total_bytes:,} runs={args.runs}"
    )
    rates = sorted(chars / seconds for seconds, _, _ in timings)
    median = statistics.median(rates)
    print(
        f"read_report+parse: {median:,.0f} chars/s median ({rates[0]:,.0f}..{rates[-1]:,.0f}),"
        f" {statistics.median(s for s, _, _ in timings):.2f} s per pass"
    )
    reading = statistics.median(r for _, _, r in timings)
    print(f"  of which read_report: {chars / reading:,.0f} chars/s, {reading:.2f} s per pass")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
