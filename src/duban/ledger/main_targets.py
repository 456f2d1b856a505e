"""The main expected targets (主要预期目标) as the spans of their tasks.

The targets themselves come from :func:`duban.extract.main_targets`, the same
finder the figures table and ``duban targets`` use: its qualitative targets are
clauses already, its quantified ones are figures, and a task holds the
figure's clause, its quote cut at the clause breaks of cues.yaml (a quote may
reach back to an indicator named in an earlier clause: 地区生产总值增长20%，达到282亿元).
Figures of one clause (分别增长7%和8%) make one task.
"""

from __future__ import annotations

from duban.extract import main_targets
from duban.extract.cues import cues
from duban.model import Figure, Report


def quote_span(text: str, figure: Figure) -> tuple[int, int]:
    """Where ``figure.quote`` stands around the figure.

    Extracted figures carry the span; figures read from elsewhere (gold
    files, an import) may carry only the quote's text, which is then sought
    as the occurrence that holds the figure. With neither, the figure's own span.
    """
    if figure.quote_start < figure.quote_end:
        return figure.quote_start, figure.quote_end
    quote = figure.quote
    if quote:
        at = text.rfind(quote, max(0, figure.end - len(quote)), figure.start + len(quote))
        if at >= 0 and at <= figure.start and figure.end <= at + len(quote):
            return at, at + len(quote)
    return figure.start, figure.end


def target_clause(text: str, figure: Figure, breaks: str) -> tuple[int, int]:
    """The clause of the figure's quote that holds the figure (no break of ``breaks`` inside)."""
    start, end = quote_span(text, figure)
    start = 1 + max((i for i in range(start, figure.start) if text[i] in breaks), default=start - 1)
    end = next((i for i in range(figure.end, end) if text[i] in breaks), end)
    while start < figure.start and text[start].isspace():
        start += 1
    while end > figure.end and text[end - 1].isspace():
        end -= 1
    return start, end


def main_target_spans(report: Report, figures: list[Figure]) -> list[tuple[int, int]]:
    """The sorted, disjoint spans of the report's main-target tasks (empty when it states none)."""
    found = main_targets(report, figures)
    breaks = cues().clause_breaks
    spans = sorted([target_clause(report.text, f, breaks) for f in found.quantified]
                   + [(q.start, q.end) for q in found.qualitative])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
