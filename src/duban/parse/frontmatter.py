"""YAML front matter of Markdown reports (``---`` … ``---``): where the report begins.

Files from the bulk corpus open with a front matter block (``title:``,
``source:`` …). The block is kept in ``Report.text`` (offsets must not
shift) but the speech starts after it, and its ``title`` line can tell the
date and speaker when the speech's own header does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The block must close within this many characters of the start.
_MAX_BLOCK = 8000


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """``end`` is the offset just past the closing ``---`` line (0 when there is none)."""

    end: int = 0
    fields: dict[str, str] = field(default_factory=dict)


def _lines(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = start
    while i < stop:
        j = text.find("\n", i, stop)
        if j == -1:
            out.append((i, stop))
            break
        out.append((i, j + 1))
        i = j + 1
    return out


def read_front_matter(text: str) -> FrontMatter:
    """The front matter at the very start of ``text`` (after a BOM or blank lines), if any."""
    i = 0
    while i < len(text) and text[i] in "\ufeff \t\r\n":
        i += 1
    if not text.startswith("---", i):
        return FrontMatter()
    lines = _lines(text, i, min(len(text), i + _MAX_BLOCK))
    if not lines or text[lines[0][0] : lines[0][1]].strip() != "---":
        return FrontMatter()
    fields: dict[str, str] = {}
    for start, end in lines[1:]:
        line = text[start:end].strip()
        if line in ("---", "..."):
            return FrontMatter(end=end, fields=fields)
        key, sep, value = line.partition(":")
        if sep and key.strip() and key.strip().replace("_", "").isalnum():
            fields[key.strip()] = value.strip().strip("'\"")
    return FrontMatter()
