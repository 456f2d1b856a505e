"""The main expected targets (主要预期目标): one task per target, quantified or not.

The targets sentence reads ``…主要预期目标为：A；B；C，D。``. Its text after the
first colon is cut at the clause separators, then at the minor ones, except
that adjacent clauses opening with the same words stay one target
(城乡居民收入增长与经济增长基本同步，城乡居民收入比持续缩小).
"""

from __future__ import annotations

from duban.lexicon.schema import MainTargetsRules


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "：:，,；;。"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "：:，,；;。"):
        end -= 1
    return start, end


def _cut(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    for i in range(start, end):
        if text[i] in seps:
            out.append((s, i))
            s = i + 1
    out.append((s, end))
    return [p for p in (_strip(text, a, b) for a, b in out) if p[0] < p[1]]


def _shared(a: str, b: str, n: int) -> bool:
    return len(a) >= n and len(b) >= n and a[:n] == b[:n]


def targets_body(text: str, start: int, end: int, rules: MainTargetsRules) -> int | None:
    """Where the targets begin in a sentence that introduces them (after ``cue…：``), else None."""
    for cue in rules.cues:
        at = text.find(cue, start, end)
        if at >= 0:
            colons = [i for i in (text.find("：", at, end), text.find(":", at, end)) if i >= 0]
            if colons:
                return min(colons) + 1
    return None


def split_targets(text: str, body: int, end: int, rules: MainTargetsRules) -> list[tuple[int, int]]:
    """Spans of the single targets in ``text[body:end]`` (after the colon, or a list item)."""
    spans: list[tuple[int, int]] = []
    for a, b in _cut(text, body, end, rules.clause_separators):
        pieces = _cut(text, a, b, rules.minor_separators) if rules.minor_separators else [(a, b)]
        merged: list[tuple[int, int]] = []
        for p in pieces:
            if merged and _shared(text[merged[-1][0]:merged[-1][1]], text[p[0]:p[1]],
                                  rules.shared_subject_chars):
                merged[-1] = (merged[-1][0], p[1])
            else:
                merged.append(p)
        spans.extend(merged)
    return spans
