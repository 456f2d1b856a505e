"""Named projects, places and facilities in a task's text (杭甬高速复线, 岚山水库西南侧地块).

A light, data-driven pass: cut the sentence at separators, keep the pieces
that end in a known suffix (mentions.yaml), trim action words from both ends,
and drop pieces that name a kind of thing rather than a particular one.
"""

from __future__ import annotations

import re

from duban.lexicon.schema import MentionRules
from duban.model import Mention


class MentionFinder:
    """mentions.yaml prepared once per ledger build."""

    def __init__(self, rules: MentionRules, verbs: list[str]) -> None:
        self.rules = rules
        self.split = re.compile("[" + re.escape(rules.separators) + "]")
        self.suffixes = sorted(
            ((s, kind) for kind in ("project", "place", "facility") for s in getattr(rules.suffixes, kind)),
            key=lambda p: -len(p[0]),
        )
        self.lead = sorted(set(rules.lead_words) | set(verbs), key=len, reverse=True)
        self.trail = sorted(rules.trail_words, key=len, reverse=True)
        # words that, met inside a piece, end the part before the name (one-character ones are too loose)
        self.inner = [w for w in self.lead if len(w) > 1]
        # a piece that opens with a count (126个重点项目) counts things rather than naming one
        self.count = re.compile(r"^[0-9.]+[" + re.escape(rules.count_classifiers) + "]")

    def find(self, text: str, offset: int) -> list[Mention]:
        """Named things in ``text`` (a task starting at ``offset`` in the report)."""
        return _find(self, text, offset)


def _find(f: MentionFinder, text: str, offset: int) -> list[Mention]:
    rules, split, suffixes, lead, trail = f.rules, f.split, f.suffixes, f.lead, f.trail
    out: list[Mention] = []
    pos = 0
    for piece in [*split.split(text)]:
        start = text.find(piece, pos) if piece else pos
        pos = start + len(piece)
        s, e = start, start + len(piece)
        changed = True
        while changed and s < e:
            changed = False
            for w in trail:
                if text.endswith(w, s, e) and e - len(w) > s:
                    e -= len(w)
                    changed = True
                    break
            for w in lead:
                if text.startswith(w, s) and s + len(w) < e:
                    s += len(w)
                    changed = True
                    break
        # An action word inside the piece ends the part before the name (统筹推进…, 主动融入…).
        cut = max((text.rfind(v, s, e) + len(v) for v in f.inner if text.rfind(v, s, e) >= 0), default=s)
        if cut < e:
            s = cut
        name = text[s:e]
        if f.count.match(name):
            continue
        kind = next((k for suf, k in suffixes if name.endswith(suf)), None)
        if kind is None:
            continue
        suf_len = next(len(suf) for suf, k in suffixes if name.endswith(suf))
        if len(name) - suf_len < rules.min_name_chars:
            continue
        if any(name.startswith(g) for g in rules.generic_prefixes):
            continue
        out.append(Mention(name, offset + s, offset + e, kind))
    return out
