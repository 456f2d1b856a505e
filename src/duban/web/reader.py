"""The report text as HTML: every figure marked at its span, glossary terms linked, tasks anchored.

Pure string work over ``Report.text`` and span lists, so it is tested without
a database. Every piece of report text passes through :func:`markupsafe.escape`;
a report containing ``<script>`` shows it as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to wrap: ``kind`` is ``figure`` or ``term``; ``ref`` its index or anchor."""

    start: int
    end: int
    kind: str
    ref: str
    css: str = ""


def term_marks(text: str, terms: list[tuple[str, str]], body_end: int, taken: list[tuple[int, int]]) -> list[Mark]:
    """Every occurrence of each (term, anchor) in the body that overlaps no span in ``taken``.

    Longer terms win over shorter ones they contain.
    """
    occupied = sorted(taken)
    marks: list[Mark] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in occupied)

    for term, anchor in sorted(terms, key=lambda t: -len(t[0])):
        if len(term) < 2:
            continue
        pos = text.find(term, 0, body_end)
        while pos != -1 and pos + len(term) <= body_end:
            end = pos + len(term)
            if free(pos, end):
                marks.append(Mark(pos, end, "term", anchor))
                occupied.append((pos, end))
            pos = text.find(term, end, body_end)
    return marks


def _wrap(m: Mark, inner: str) -> str:
    if m.kind == "title":
        return f"<strong>{inner}</strong>"
    if m.kind == "figure":
        return f'<mark class="fig {escape(m.css)}" data-fig="{escape(m.ref)}" tabindex="0">{inner}</mark>'
    return f'<a class="term" href="#{escape(m.ref)}">{inner}</a>'


def render_text(text: str, marks: list[Mark], anchors: dict[int, str], headings: dict[int, int]) -> Markup:
    """``text`` as ``<p>`` paragraphs (one per non-blank line) with the marks applied.

    ``anchors`` maps offsets to element ids placed there (task starts);
    ``headings`` maps the offset where a section heading starts to where its
    title ends: a line that is only the heading becomes a heading paragraph,
    a heading that runs on into its text (（一）经济发展稳中提质。实现…) is
    set in bold. Overlapping marks: the first (then longest) wins; a mark
    crossing a line end is cut.
    """
    marks = list(marks)
    for start, title_end in headings.items():
        marks.append(Mark(start, title_end, "title", ""))
    ordered = sorted(marks, key=lambda m: (m.start, -m.end))
    anchor_at = sorted(anchors.items())
    out: list[str] = []
    mi = ai = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        line_start = offset
        offset += len(line)
        body = line.strip()
        if not body:
            continue
        lead = line_start + (len(line) - len(line.lstrip()))
        end = lead + len(body)
        # (position, order, item): anchors sort before a mark at the same place
        items: list[tuple[int, int, Mark | str]] = []
        while mi < len(ordered) and ordered[mi].start < end:
            m = ordered[mi]
            if m.end > lead:
                items.append((max(m.start, lead), 1, m))
            mi += 1
        while ai < len(anchor_at) and anchor_at[ai][0] < end:
            if anchor_at[ai][0] >= lead:
                items.append((anchor_at[ai][0], 0, anchor_at[ai][1]))
            ai += 1
        items.sort(key=lambda item: (item[0], item[1]))
        whole = lead in headings and end - headings[lead] <= 1
        css = ' class="heading"' if whole else ""
        parts = [f'<p id="o{lead}"{css}>']
        pos = lead
        for at, _, item in items:
            if isinstance(item, str):
                if at > pos:
                    parts.append(str(escape(text[pos:at])))
                    pos = at
                parts.append(f'<span id="{escape(item)}"></span>')
                continue
            if at < pos or (whole and item.kind == "title"):
                continue  # overlaps an earlier mark, or the whole line is the heading
            stop = min(item.end, end)
            parts.append(str(escape(text[pos:at])))
            parts.append(_wrap(item, str(escape(text[at:stop]))))
            pos = stop
        parts.append(str(escape(text[pos:end])))
        parts.append("</p>")
        out.append("".join(parts))
    return Markup("\n".join(out))
