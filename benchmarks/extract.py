#!/usr/bin/env python3
"""Throughput of parse + extract_figures over the corpus, against JioNLP's extract_money.

    python benchmarks/extract.py [CORPUS_DIR] [--repeat N]

Reads every ``*.txt`` under CORPUS_DIR (default ``../shared/corpus/reports``
beside the repository), then times, in one run and on the same texts:

- duban: ``parse_text`` + ``extract_figures`` (every figure, all units);
- JioNLP: ``jionlp.ner.extract_money`` (money amounts only), one call per line
  (JioNLP is meant for sentences, and whole reports make it slower still).

Times are CPU seconds (``time.process_time``) of the best of N repeats, so
other processes on the machine do not skew the ratio. Prints characters per
second for each and, as its last line, ``ratio <duban cps / jionlp cps>``.
Without JioNLP installed (``pip install -e '.[bench]'``) it says so and prints
``ratio nan``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

from duban.extract import extract_figures
from duban.ingest import read_report
from duban.parse import parse_text

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "reports"


def _best(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    best = float("inf")
    found = 0
    for _ in range(repeat):
        start = time.process_time()
        found = fn()
        best = min(best, time.process_time() - start)
    return best, found


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    paths = sorted(Path(args.corpus).glob("*.txt"))
    if not paths:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    texts = [read_report(p).text for p in paths]
    chars = sum(len(t) for t in texts)
    print(f"corpus      {len(texts)} reports, {chars} characters")

    def run_duban() -> int:
        return sum(len(extract_figures(parse_text(t))) for t in texts)

    seconds, figures = _best(run_duban, args.repeat)
    duban_cps = chars / seconds
    print(f"duban       {duban_cps:,.0f} chars/s  ({figures} figures, {seconds:.2f} s CPU)")

    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import jionlp
    except ImportError:
        print("jionlp      not installed: pip install -e '.[bench]' to compare with JioNLP")
        print("ratio nan")
        return 0
    lines = [line for t in texts for line in t.splitlines() if line.strip()]
    extract_money = jionlp.ner.extract_money
    extract_money("预热1.5万元")  # load its lexicons before timing

    def run_jionlp() -> int:
        return sum(len(extract_money(line, with_parsing=False)) for line in lines)

    seconds, amounts = _best(run_jionlp, args.repeat)
    jio_cps = chars / seconds
    print(f"jionlp      {jio_cps:,.0f} chars/s  ({amounts} money amounts, {seconds:.2f} s CPU)")
    print(f"ratio {duban_cps / jio_cps:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
