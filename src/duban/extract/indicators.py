"""The indicator phrase of a figure, in the report's own words, and its canonical id.

A figure's indicator is sought in its clause: first the words before the
number (地区生产总值增长6% → 地区生产总值), trimmed of the verbs, adverbs and
comparators listed in ``cues.yaml``; else the noun after it (完成10个数字化车间
→ 数字化车间). Lists (A、B) give one phrase per item, completed with the head
they share (二氧化硫、氮氧化物排放量 → 二氧化硫排放量, 氮氧化物排放量). The
sentence-level choices (which number takes which item, when a number points
back to the previous indicator) are made in ``pipeline.py``.
"""

from __future__ import annotations

import re

from duban.extract.cues import Cues, cues, ending, starting

_EDGE = " \t\u3000、，,；;：:。—-…·"


def _strip_punct(s: str) -> str:
    """Trim separators, and an opening bracket or quote left dangling at an edge."""
    s = s.strip(_EDGE)
    while s and s[-1] in "“（(《‘":
        s = s[:-1].rstrip(_EDGE)
    while s and s[0] in "”）)》’":
        s = s[1:].lstrip(_EDGE)
    return s


def cut_point(raw: str, c: Cues | None = None) -> int:
    """Offset in ``raw`` after the last cut word (…获得), or 0."""
    c = c or cues()
    best = 0
    for w in c.cut_after:
        i = raw.rfind(w)
        if i >= 0 and i + len(w) > best:
            best = i + len(w)
    return best


def clean_pre(raw: str, growth_unit: bool) -> str:
    """The indicator phrase in the words before a number (may be empty)."""
    c = cues()
    s = raw[cut_point(raw, c):]
    for p in c.remove_patterns:
        s = p.sub("", s)
    for w in c.from_words:
        i = s.rfind(w)
        if i > 0 and len(s) - i - len(w) <= c.from_window:
            s = s[:i]
    if len(s) > 2 * c.max_length:
        s = s[-2 * c.max_length:]
    trailing = c.trailing_all if growth_unit else c.trailing
    s = _strip_punct(s)
    for _ in range(40):
        before = s
        for p in c.leading_patterns:
            m = p.match(s)
            if m and m.end() > 0:
                s = s[m.end():]
        lead = starting(s, c.leading)
        if lead and not starting(s, c.protected):
            s = s[len(lead):]
        trail = ending(s, trailing)
        if trail and not ending(s, c.protected):
            s = s[: -len(trail)]
        s = _strip_punct(s)
        if s == before:
            break
    return s[-c.max_length:] if len(s) > c.max_length else s


def clean_verb(raw: str) -> str:
    """The words before a number when they are only a verb phrase (开工建设44943户):
    trimmed of comparators and fillers but not of leading verbs; empty when
    nothing else remains (达到1021.6亿元 → "")."""
    c = cues()
    s = _strip_punct(raw[cut_point(raw, c):][-c.max_length:])
    for _ in range(8):
        trail = ending(s, c.trailing)
        if not trail or ending(s, c.protected):
            break
        s = _strip_punct(s[: -len(trail)])
    if not s or s in c.generic or starting(s, c.share_words) or any(ch.isdigit() for ch in s):
        return ""
    return s


def clean_post(raw: str, growth_unit: bool = False) -> str:
    """The noun phrase right after a number's unit (完成10个数字化车间 → 数字化车间)."""
    c = cues()
    s = raw[: 2 * c.max_length]
    for _ in range(4):
        w = starting(s, c.after_words)
        if w:
            s = s[len(w):]
        s = s.removeprefix("的")
    if s and s[0] in "（(":  # a bracketed note (按可比价计算) is no noun
        close = s.find("）" if s[0] == "（" else ")")
        s = s[close + 1 :] if close > 0 else ""
    stops = c.post_stops_growth if growth_unit else c.post_stops
    if not s or starting(s, stops):
        return ""
    stop = len(s)
    for w in c.post_stop + c.list_separators:
        i = s.find(w, 1)
        if 0 < i < stop:
            stop = i
    s = _strip_punct(s[:stop])
    while s and starting(s[-1], c.run_separators):
        s = _strip_punct(s[:-1])
    return s[: c.max_length]


def split_items(phrase: str) -> list[str]:
    """The items of a list phrase (A、B、C), each completed with the shared head.

    城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入;
    省市集中开工项目、省重点建设项目开工率 → …开工率 for both.
    """
    c = cues()
    parts = [phrase]
    for sep in c.list_separators:
        parts = [p for part in parts for p in part.split(sep)]
    parts = [_strip_punct(p) for p in parts]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return parts
    last = parts[-1]
    head = ending(last, c.list_heads)
    if head and len(head) == 1:
        head = last[-3:]  # 参保率 from 基本医疗保险参保率
    out: list[str] = []
    for item in parts[:-1]:
        tail = item[-2:]
        at = last.find(tail) if len(item) >= 2 else -1
        if 0 < at and at + 2 < len(last) and not ending(item, c.list_heads):
            out.append(item + last[at + 2:])  # 绿色经济、新经济增加值占…比重
            continue
        if len(item) == 1 and len(last) > 1:
            out.append(item + last[1:])  # 一、二、三产增加值
            continue
        pair = starting(last, c.paired_qualifiers)
        if pair and item in c.paired_qualifiers and len(item) <= c.short_item < len(last) - len(pair) + len(item):
            item = item + last[len(pair):]
        elif head and len(last) > len(head) and not ending(item, c.list_heads) and not item.endswith(head):
            item = item + head
        out.append(item)
    out.append(last)
    return out


def split_respective(phrase: str, n: int) -> list[str]:
    """Items for ``n`` numbers given 分别 without a 、 list (A和B分别…; 城乡…分别…)."""
    c = cues()
    for word, parts in c.respective_expansions.items():
        if word in phrase and len(parts) == n:
            return [phrase.replace(word, part, 1) for part in parts]
    for sep in c.run_separators:
        if len(sep) == 1 and phrase.count(sep) == n - 1 and sep not in "，,":
            items = [_strip_punct(p) for p in phrase.split(sep)]
            if all(items):
                return split_items("、".join(items))
    joiners = "".join(sep for sep in c.run_separators if len(sep) == 1 and sep not in "，,")
    items = [_strip_punct(p) for p in re.split(f"[{re.escape(joiners)}]", phrase)] if joiners else []
    if len(items) == n and all(items):  # 最低工资标准、城镇和农村低保标准分别提高73%、63%和84%
        return split_items("、".join(items))
    return []


def is_list(phrase: str) -> bool:
    c = cues()
    return any(sep in phrase for sep in c.list_separators)


def indicator_id(phrase: str | None) -> str | None:
    """The canonical id of an indicator phrase (indicators.yaml), or None."""
    if not phrase:
        return None
    c = cues()
    table = c.indicator_ids
    s = phrase.replace(" ", "").replace("\u3000", "")
    if s in table:
        return table[s]
    w = starting(s, c.region_prefixes)
    if w and s[len(w):] in table:
        return table[s[len(w):]]
    return None
