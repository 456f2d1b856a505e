"""The coverage check: every sentence in scope is in exactly one task or listed as skipped.

Computed independently of how the builder decided, from spans alone, so a
builder bug shows up as an uncovered or duplicated sentence instead of
passing silently.
"""

from __future__ import annotations

import bisect
import itertools

from duban.model import Coverage, Figure, NonCommitment, Sentence, Task


def check_coverage(
    sentences: list[Sentence], tasks: list[Task], skipped: list[NonCommitment], targets: list[Figure]
) -> Coverage:
    """Coverage of ``sentences`` (the plan and governance parts) by tasks and skipped sentences.

    A sentence is covered by one task of its exact span, by one or more
    disjoint main-target tasks inside it, or by one skipped entry of its exact
    span, and by nothing else. ``targets`` are the target figures in scope;
    each must lie in exactly one task.
    """
    ordered = sorted(tasks, key=lambda t: t.start)
    starts = [t.start for t in ordered]
    skipped_spans: dict[tuple[int, int], int] = {}
    for n in skipped:
        skipped_spans[(n.start, n.end)] = skipped_spans.get((n.start, n.end), 0) + 1
    cov = Coverage(sentences=len(sentences))
    for s in sentences:
        lo = bisect.bisect_left(starts, s.start)
        inside = []
        i = lo
        while i < len(ordered) and ordered[i].start < s.end:
            inside.append(ordered[i])
            i += 1
        # a task starting before the sentence but reaching into it also counts
        if lo > 0 and ordered[lo - 1].end > s.start:
            inside.append(ordered[lo - 1])
        n_skip = skipped_spans.get((s.start, s.end), 0)
        exact = [t for t in inside if (t.start, t.end) == (s.start, s.end) and t.kind == "task"]
        parts = [t for t in inside if t.kind == "main_target" and s.start <= t.start and t.end <= s.end]
        disjoint = all(a.end <= b.start for a, b in itertools.pairwise(parts))
        if n_skip == 1 and not inside:
            cov.not_commitments += 1
        elif n_skip == 0 and len(exact) == 1 and len(inside) == 1 or n_skip == 0 and parts and len(parts) == len(inside) and disjoint:
            cov.in_tasks += 1
        elif n_skip == 0 and not inside:
            cov.uncovered.append((s.start, s.end))
        else:
            cov.duplicated.append((s.start, s.end))
    cov.targets = len(targets)
    # Tasks holding an offset x, counted by bisection (a scan of every task per target
    # is quadratic): those starting at or before x minus those ending at or before it.
    spans = [t for t in tasks if t.start < t.end]
    task_starts = sorted(t.start for t in spans)
    task_ends = sorted(t.end for t in spans)
    for f in targets:
        holders = bisect.bisect_right(task_starts, f.start) - bisect.bisect_right(task_ends, f.start)
        if holders == 1:
            cov.targets_in_tasks += 1
        else:
            cov.targets_outside.append((f.start, f.end))
    return cov
