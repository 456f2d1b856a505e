"""Is this text a government work report at all? The vocabulary check behind D111.

A folder of reports often holds other text files too (the bulk collection's
README.md, a MANIFEST.tsv, a notice). They decode fine and parse into an
empty outline, so without this check they would be counted as reports with
no year, no region and no tasks. Every report uses the register's common
words (发展, 推进, 改革, 民生 …): across the 3,004 bulk reports, the 55 of
``corpus/reports`` and the raw files, a report holds at least 15 of the 23
words listed in ``report_structure.yaml``, and the collections' README and
manifest files at most 5. The number of words asked for grows with the
length of the text, so that a short excerpt (one paragraph, one sentence) is
still accepted.
"""

from __future__ import annotations

from duban.errors import DubanError, ErrorCode
from duban.model import Source
from duban.parse.heading import structure


def vocabulary_found(text: str) -> tuple[int, int]:
    """How many of the register's words occur in ``text``, and how many are asked for."""
    genre = structure()["genre"]
    words: list[str] = genre["words"]
    found = sum(1 for w in words if w in text)
    needed = min(genre["min_distinct"], len(text) // genre["chars_per_word"])
    return found, needed


def check_genre(text: str, source: Source | None = None) -> None:
    """Raise D111 (NOT_A_REPORT) when ``text`` lacks the vocabulary of a work report."""
    found, needed = vocabulary_found(text)
    if found < needed:
        where = source.path if source is not None else None
        raise DubanError(
            ErrorCode.NOT_A_REPORT,
            where,
            detail=f"{found} of a report's common words (发展, 推进, 改革 …) in {len(text):,} characters, "
            f"where a report has at least {needed}",
        )
