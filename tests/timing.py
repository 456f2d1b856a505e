"""Timing for the linear-time tests: the best CPU time of a few runs, the cyclic GC paused.

In a full test run the collector's passes over the suite's live objects fall at
random and can double one measurement; a ratio of two sizes must compare the
algorithm, not the collector. CPU time (``process_time``) ignores other
processes on a shared machine.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """The block runs after a full collection, with the cyclic collector off."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def best_cpu(work: Callable[[], object], repeats: int = 2) -> float:
    """The least CPU seconds ``work`` took over ``repeats`` runs, GC paused."""
    best = float("inf")
    with gc_paused():
        for _ in range(repeats):
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
    return best


def assert_doubling_is_linear(name: str, n: int, small: Callable[[], object], large: Callable[[], object], *,
                              repeats: int = 2, attempts: int = 3, max_ratio: float = 3.5,
                              noise_floor: float = 0.02) -> None:
    """Fail unless ``large`` (the input at 2n) takes under ``max_ratio`` times ``small`` (at n).

    Linear work doubles, quadratic quadruples; ``max_ratio`` leaves room for
    noise. On a loaded machine one measurement can be off, so up to
    ``attempts`` are made: a quadratic step fails every one of them.
    """
    ratios: list[float] = []
    for _ in range(attempts):
        t_small, t_large = best_cpu(small, repeats), best_cpu(large, repeats)
        ratios.append(t_large / max(t_small, noise_floor))
        if ratios[-1] < max_ratio:
            return
    raise AssertionError(f"{name}: time(2n)/time(n) = {', '.join(f'{r:.1f}' for r in ratios)} at n={n}")
