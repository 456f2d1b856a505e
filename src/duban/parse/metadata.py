"""What a report says about itself: title, region, level, year, date, session, speaker.

Everything comes from the header, the lines before the salutation (各位代表),
read with white space removed so that letter-spaced lines (政 府 工 作 报 告)
and line breaks inside a phrase do not matter. Where the header is silent,
the opening sentence (我代表宁波市人民政府) and the Markdown front matter's
title are asked; where all are silent the field stays None. Words live in
``data/report_structure.yaml``; codes in ``data/regions.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from duban.model import Metadata
from duban.parse.frontmatter import FrontMatter
from duban.parse.heading import cn_number, structure
from duban.parse.regions import Division, resolve_region

_WS = re.compile(r"\s+")
_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_CN_DATE = re.compile(
    r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_SESSION = re.compile(
    r"(第[一二三四五六七八九十]{1,4}届)(全国)?人民代表大会(第[一二三四五六七八九十]{1,3}次会议)"
)
# 哈尔滨市十二届人大四次会议: the short form, normalised to the full one.
_SHORT_SESSION = re.compile(
    r"第?([一二三四五六七八九十]{1,4})届(全国)?人大([一二三四五六七八九十]{1,3})次会议"
)
_HEADER_LINE_MAX = 80
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff]")
_DATE_NAME = re.compile(r"[（(]?(?:19|20)\d\d年\d{1,2}月\d{1,2}日(?!在)([\u4e00-\u9fff·]{2,20})[）)]?")
_CN_DIGIT = {
    "〇": "0",
    "零": "0",
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}


def compact(s: str) -> str:
    """``s`` with full-width forms folded (NFKC) and all white space removed."""
    return _WS.sub("", unicodedata.normalize("NFKC", s))


def header_span(text: str, start: int, data: dict[str, Any]) -> tuple[int, int]:
    """The header: from ``start`` to the salutation, or ``header_limit`` characters."""
    limit = int(data["header_limit"])
    window_end = min(len(text), start + 4 * limit)
    best = -1
    for word in data["salutations"]:
        i = text.find(word, start, window_end)
        if i != -1 and (best == -1 or i < best):
            best = i
    return start, (best if best != -1 else min(len(text), start + limit))


def parse_date(s: str) -> str | None:
    """The first 2020年5月9日 (or 二〇二〇年一月十五日) in ``s`` as an ISO date."""
    c = compact(s)
    found: list[tuple[int, int, int, int]] = []
    m = _DATE.search(c)
    if m:
        found.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    m2 = _CN_DATE.search(c)
    if m2:
        year = int("".join(_CN_DIGIT[ch] for ch in m2.group(1)))
        month, day = cn_number(m2.group(2)), cn_number(m2.group(3))
        if month and day:
            found.append((m2.start(), year, month, day))
    for _, y, mo, d in sorted(found):
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None


def _session_match(c: str) -> tuple[str, int, bool] | None:
    """(session in full form, its offset, national?) in compact text ``c``."""
    m = _SESSION.search(c)
    if m:
        congress = ("全国" if m.group(2) else "") + "人民代表大会"
        return m.group(1) + congress + m.group(3), m.start(), bool(m.group(2))
    m = _SHORT_SESSION.search(c)
    if m:
        congress = ("全国" if m.group(2) else "") + "人民代表大会"
        return f"第{m.group(1)}届{congress}第{m.group(3)}次会议", m.start(), bool(m.group(2))
    return None


def parse_session(s: str) -> tuple[str | None, int]:
    """(session, its offset in ``compact(s)``) or (None, -1).

    ``十二届人大四次会议`` is given in the full form ``第十二届人民代表大会第四次会议``.
    """
    found = _session_match(compact(s))
    return (found[0], found[1]) if found else (None, -1)


def region_before_session(s: str) -> str | None:
    """The region written just before the session: …在宁波市镇海区第十五届… → 宁波市镇海区.

    After 在 the whole name is taken as written; without 在 (…日哈尔滨市十二届人大…)
    the longest known region name that ends where the session begins.
    """
    c = compact(s)
    found = _session_match(c)
    if found is None or found[2]:
        return None
    start = found[1]
    at = c.rfind("在", max(0, start - 30), start)
    if at != -1:
        region = c[at + 1 : start]
        return region if region and _only_cjk(region) else None
    return _known_suffix(c[max(0, start - 20) : start])


def _known_suffix(s: str) -> str | None:
    """The longest tail of ``s`` that names a known region."""
    for k in range(len(s)):
        if _only_cjk(s[k:]) and resolve_region(s[k:]) is not None:
            return s[k:]
    return None


def _only_cjk(s: str) -> bool:
    return all(_NAME_CHARS.match(ch) for ch in s)


def _take_name(s: str, data: dict[str, Any]) -> str | None:
    """A personal name at the start of ``s`` (何黎斌, 雪克来提·扎克尔), or None.

    A name has 2–4 ideographs (up to 6 when nothing follows it: 乌云其木格), or
    parts joined by ·. It ends before a stop word (作政府工作报告, 同志) or, from
    its third character on, a stop character (刘小明在海南省…; 于幼军 keeps its 于).
    """
    s = s.strip("*")
    joiners = set(data["name_joiners"])
    stops = set(data["name_stops"])
    for word in data["name_stop_words"]:  # 刘捷作政府工作报告 → 刘捷
        at = s.find(word)
        if at != -1:
            s = s[:at]
    out: list[str] = []
    for ch in s:
        if ch in stops and len(out) >= 2:
            break
        if _NAME_CHARS.match(ch) or (ch in joiners and out):
            out.append(ch)
            continue
        break
    name = "".join(out).strip("".join(joiners))
    has_joiner = any(j in name for j in joiners)
    whole = len(out) == len(s.rstrip("*）)"))
    longest = 20 if has_joiner else (6 if whole else 4)
    if not 2 <= len(name) <= longest:
        return None
    return name


def parse_speaker(header: str, data: dict[str, Any]) -> tuple[str | None, str | None]:
    """(name, title) of the speaker from the header lines; None where not said."""
    lines = [compact(line).replace("*", "") for line in header.splitlines()]
    # Header lines are short; a long one is speech (…12345市长热线…), not a speaker line.
    lines = [line for line in lines if 0 < len(line) <= _HEADER_LINE_MAX]
    titles = data["speaker_titles"]
    for k, line in enumerate(lines):
        for title in titles:
            at = line.find(title)
            if at == -1:
                continue
            rest = line[at + len(title) :]
            name = _take_name(rest, data)
            if name is None and not rest and k + 1 < len(lines):
                name = _take_name(lines[k + 1], data) if len(lines[k + 1]) <= 20 else None
            if name is None:
                # …1月15日龚正市长在…: the name between the date and the title.
                m = re.search(r"日([\u4e00-\u9fff·]{2,8})$", line[:at])
                name = _take_name(m.group(1), data) if m else None
            return name, title
    # No title: （2006年1月16日 徐荣凯）, a name closing the session line, or alone after it.
    for line in lines:
        m = _DATE_NAME.fullmatch(line)
        if m:
            return _take_name(m.group(1), data), None
    session_seen = False
    for line in lines:
        s, at = parse_session(line)
        if s is not None:
            session_seen = True
            m = re.search(r"(?:会议上|日)([\u4e00-\u9fff·]{2,20})[）)]?$", line)
            if m:
                return _take_name(m.group(1), data), None
            continue
        if session_seen and _only_cjk(line) and 2 <= len(line) <= 4 and not _is_cue_line(line, data):
            return line, None
    return None, None


def _is_cue_line(line: str, data: dict[str, Any]) -> bool:
    words = list(data["salutations"]) + list(data["title_cues"]) + list(data["government_markers"])
    return any(w in line for w in words) or "会议" in line


def parse_title(header: str, data: dict[str, Any]) -> str | None:
    """The header line holding 政府工作报告, spaces and 《》 removed."""
    for line in header.splitlines():
        c = compact(line).strip("《》*#")
        if c.startswith("<") or "。" in c:  # an HTML comment or a sentence, not a title
            continue
        if any(cue in c for cue in data["title_cues"]) and len(c) <= 40:
            return c
    return None


def _government_region(s: str, data: dict[str, Any]) -> str | None:
    """镇海区人民政府区长 / 我代表宁波市人民政府 → the region before 人民政府."""
    c = compact(s)
    for marker in data["government_markers"]:
        at = c.find(marker)
        while at != -1:
            start = at
            while start > 0 and _NAME_CHARS.match(c[start - 1]) and at - start < 20:
                start -= 1
            for k in range(start, at):
                cand = c[k:at]
                if resolve_region(cand) is not None:
                    return cand
            at = c.find(marker, at + 1)
    return None


def parse_metadata(text: str, body_start: int, front: FrontMatter) -> Metadata:
    """Metadata from the header starting at ``body_start`` (after any front matter)."""
    data = structure()
    h_start, h_end = header_span(text, body_start, data)
    header = text[h_start:h_end]
    opening = text[h_end : min(len(text), h_end + 300)]
    fm_title = front.fields.get("title", "")
    meta = Metadata()
    meta.title = parse_title(header, data) or (
        parse_title(re.split(r"[（(]", fm_title)[0], data) if fm_title else None
    )
    meta.delivered_on = parse_date(header) or (parse_date(fm_title) if fm_title else None)
    meta.session, _ = parse_session(header)
    meta.speaker_name, meta.speaker_title = parse_speaker(header, data)
    if meta.speaker_name is None and fm_title:
        m = re.search(r"日([\u4e00-\u9fff·]{2,20})[）)]", compact(fm_title))
        if m:
            meta.speaker_name = _take_name(m.group(1), data)

    if meta.delivered_on:
        meta.year = int(meta.delivered_on[:4])
    else:
        for source in (meta.title or "", fm_title):
            years = _YEAR.findall(compact(source))
            if years:
                meta.year = int(years[0])
                break

    national = data["national"]
    c_header = compact(header + opening)
    if any(cue in c_header for cue in national["cues"]):
        meta.region = national["region"]
        meta.region_full = national["region"]
        meta.level = "national"
        meta.region_code = str(national["region_code"])
    else:
        levels: dict[str, str] = data["government_levels"]
        written = None
        finders: tuple[Callable[[], str | None], ...] = (
            lambda: region_before_session(header),
            lambda: _government_region(header, data),
            lambda: _speaker_region(header, data),
            lambda: _government_region(opening, data),
            lambda: _title_region(meta.title, data),
            lambda: _title_region(fm_title, data),
        )
        for find in finders:
            written = find()
            if written in levels:  # 在市第十五届…: the level, not the region
                meta.level = levels[written]
                written = None
            if written:
                break
        meta.region = written
        division = _resolve(written)
        if division is not None:
            meta.region_full = division.full_name
            meta.level = division.level
            meta.region_code = division.code
        elif written is None and meta.level is None:
            meta.level = _government_level(opening, data)
    if meta.year is not None:
        meta.review_year = meta.year - 1
    return meta


def _speaker_region(header: str, data: dict[str, Any]) -> str | None:
    """菏泽市市长陈平 → 菏泽市: a known region just before the speaker's title."""
    for line in header.splitlines():
        c = compact(line)
        for title in data["speaker_titles"]:
            at = c.find(title)
            if at > 0:
                return _known_suffix(c[max(0, at - 20) : at])
    return None


def _government_level(s: str, data: dict[str, Any]) -> str | None:
    """我代表省人民政府 → province: the level a bare government word tells."""
    c = compact(s)
    levels: dict[str, str] = data["government_levels"]
    for marker in data["government_markers"]:
        at = c.find(marker)
        if at == -1:
            continue
        for word, level in sorted(levels.items(), key=lambda kv: -len(kv[0])):
            if c.endswith("代表" + word, 0, at):
                return level
    return None


def _title_region(title: str | None, data: dict[str, Any]) -> str | None:
    """2025年贵州省政府工作报告 → 贵州省."""
    if not title:
        return None
    c = _YEAR.sub("", compact(title).split("(")[0])
    for cue in data["title_cues"]:
        c = c.replace(cue, "")
    c = c.replace("人民", "")
    return c if c and resolve_region(c) is not None else None


def _resolve(written: str | None) -> Division | None:
    return resolve_region(written) if written else None
