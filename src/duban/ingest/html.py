"""Saved web page → the report's text, without the portal around it.

A government portal wraps the report in a top bar, menu, breadcrumb, meta
line, share bar, pager, related links and a footer. Those are dropped first
by tag (script, nav, footer …) and by the class or id names portals give
them; then the content block is found by text density: starting at <body>,
descend into the child that holds most of the non-link Chinese text, until
no child holds most of it. That block is rendered one block element per line.

trafilatura was tried and not taken: it needs a dozen further packages, kept
the pager (上一篇/下一篇) and, on a page with no article, returned the menus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, Comment, Tag
from bs4.element import NavigableString

from duban.errors import DubanError, ErrorCode
from duban.ingest.decode import canonical, decode_text, decode_with

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "svg",
    "canvas",
    "object",
    "embed",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "label",
    "head",
    "map",
    "audio",
    "video",
)
# Class/id words of portal chrome, matched as whole words of the name (nav-bar → nav).
_CHROME_NAMES = frozenset(
    [
        "nav",
        "navbar",
        "navigation",
        "menu",
        "submenu",
        "crumb",
        "crumbs",
        "breadcrumb",
        "breadcrumbs",
        "position",
        "location",
        "weizhi",
        "dqwz",
        "footer",
        "foot",
        "bottom",
        "copyright",
        "banquan",
        "header",
        "topbar",
        "top",
        "toolbar",
        "tools",
        "tool",
        "share",
        "bdshare",
        "sharebar",
        "fenxiang",
        "related",
        "relate",
        "xgxx",
        "xglj",
        "pager",
        "paging",
        "page-nav",
        "prev",
        "next",
        "sidebar",
        "side",
        "aside",
        "search",
        "login",
        "comment",
        "comments",
        "print",
        "info",
        "meta",
        "source",
        "ad",
        "ads",
        "advert",
        "banner",
        "logo",
        "qrcode",
        "ewm",
        "fontsize",
        "zihao",
    ]
)
_NAME_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "center",
        "hr",
        "figure",
        "figcaption",
        "caption",
        "address",
        "body",
        "html",
    ]
)
_CELL = frozenset(("td", "th"))
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_MAJORITY = 0.6
_MIN_HAN = 200
_LINK_HEAVY = 0.5


def read_html(data: bytes, where: str, charset: str | None = None) -> tuple[str, str]:
    """(report text, encoding) of a saved page; D108 if it holds no block of report text.

    ``charset`` is one declared outside the page (a MIME part's header); it is tried first.
    """
    markup, encoding = decode_page(data, where, charset)
    soup = BeautifulSoup(markup, "lxml")
    body = soup.body or soup
    _strip_chrome(body)
    counts: dict[int, tuple[int, int]] = {}
    _count(body, counts)
    block = _content_block(body, counts)
    lines = [line for line in _render(block, counts) if line]
    text = "\n".join(lines)
    if len(_HAN.findall(text)) < _MIN_HAN:
        raise DubanError(ErrorCode.HTML_NO_REPORT, where)
    return text, encoding


def decode_page(data: bytes, where: str, charset: str | None = None) -> tuple[str, str]:
    """Strict UTF-8, else a declared charset (outer, then the page's meta), else detection.

    UTF-8 goes first because browsers re-save pages as UTF-8 but often keep the
    original ``charset=gb2312`` meta, and GB18030 would decode UTF-8 bytes into
    mojibake without an error; a GBK page, on the other hand, is never valid UTF-8.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        return decode_text(data, where)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    declared = [charset] if charset else []
    if match:
        declared.append(match.group(1).decode("ascii"))
    for name in declared:
        try:
            encoding = canonical(name)
            return decode_with(data, encoding, where), encoding
        except (LookupError, DubanError):
            continue
    return decode_text(data, where)


def _strip_chrome(root: Tag) -> None:
    """Remove comments, non-content tags and elements named like portal chrome."""
    for comment in root.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in root.find_all(_DROP_TAGS):
        tag.decompose()
    total = _han_count(root.get_text())
    for tag in root.find_all(True):
        if tag.decomposed or not _chrome_named(tag):
            continue
        # A wrapper that holds most of the page's text is never chrome, whatever its name.
        if _han_count(tag.get_text()) <= 0.5 * total:
            tag.decompose()


def _chrome_named(tag: Tag) -> bool:
    names = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
    return any(word.lower() in _CHROME_NAMES for word in _NAME_WORD.findall(names))


def _han_count(text: str) -> int:
    return len(_HAN.findall(text))


def _count(node: Tag, counts: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """(Han characters, Han characters inside links) of every element, bottom-up."""
    han = links = 0
    for child in node.children:
        if isinstance(child, Tag):
            h, l = _count(child, counts)
            han += h
            links += h if child.name == "a" else l
        elif isinstance(child, NavigableString):
            han += _han_count(str(child))
    counts[id(node)] = (han, links)
    return han, links


def _own(tag: Tag, counts: dict[int, tuple[int, int]]) -> int:
    han, links = counts.get(id(tag), (0, 0))
    return han - links


def _content_block(body: Tag, counts: dict[int, tuple[int, int]]) -> Tag:
    """Descend from <body> into the child holding most non-link text, while one does."""
    node = body
    while True:
        total = _own(node, counts)
        best = max(
            (c for c in node.children if isinstance(c, Tag)), key=lambda c: _own(c, counts), default=None
        )
        if best is None or total == 0 or _own(best, counts) < _MAJORITY * total:
            return node
        node = best


def _render(block: Tag, counts: dict[int, tuple[int, int]]) -> Iterator[str]:
    """One line per block element; table cells joined by tabs; link-heavy blocks left out."""
    line: list[str] = []

    def flush() -> Iterator[str]:
        text = "".join(line).strip(" \t\n\r\f")
        line.clear()
        if text:
            yield text

    def walk(node: Tag) -> Iterator[str]:
        for child in node.children:
            if isinstance(child, Tag):
                name = child.name
                if name in _BLOCK:
                    han, links = counts.get(id(child), (0, 0))
                    yield from flush()
                    if han and links > _LINK_HEAVY * han:
                        continue
                    if name == "pre":
                        line.append(child.get_text())
                    else:
                        yield from walk(child)
                    yield from flush()
                elif name in _CELL:
                    if line:
                        line.append("\t")
                    yield from walk(child)
                else:
                    yield from walk(child)
            elif isinstance(child, NavigableString) and not isinstance(child, Comment):
                line.append(_ASCII_SPACE.sub(" ", str(child)))

    yield from walk(block)
    yield from flush()
