"""Saved web page → the report's text, without the portal around it.

A government portal wraps the report in a top bar, menu, breadcrumb, meta
line, share bar, pager, related links and a footer. Those are dropped first
by tag (script, nav, footer …) and by the class or id names portals give
them; then the content block is found by text density: starting at <body>,
descend into the child that holds most of the non-link Chinese text, until
no child holds most of it. That block is rendered one block element per line.

The page is parsed with lxml's HTML parser, which caps nesting at 256 levels,
and every pass below is an iteration, not a recursion, so a hostile page
cannot exhaust the stack; each pass is linear in the number of elements.
(BeautifulSoup was the first choice; it builds any depth and recursed to a
RecursionError on 5,000 nested divs.) trafilatura was tried and not taken:
it needs a dozen further packages, kept the pager (上一篇/下一篇) and, on a
page with no article, returned the menus.
"""

from __future__ import annotations

import re

from lxml import etree  # type: ignore[import-untyped]

from duban.errors import DubanError, ErrorCode
from duban.ingest.decode import canonical, decode_text, decode_with

_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
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
]
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
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_MAJORITY = 0.6
_MIN_HAN = 200
_LINK_HEAVY = 0.5
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)

Counts = dict[etree._Element, tuple[int, int]]


def read_html(data: bytes, where: str, charset: str | None = None) -> tuple[str, str]:
    """(report text, encoding) of a saved page; D108 if it holds no block of report text.

    ``charset`` is one declared outside the page (a MIME part's header); it is tried first.
    """
    markup, encoding = decode_page(data, where, charset)
    body = _body(markup, where)
    etree.strip_elements(body, *_DROP_TAGS, with_tail=False)
    full = _count(body, frozenset())
    total = full[body][0]
    chrome = frozenset(el for el in body.iter() if _chrome_named(el) and full[el][0] <= 0.5 * total)
    counts = _count(body, chrome)
    block = _content_block(body, counts, chrome)
    text = "\n".join(_render(block, counts, chrome))
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


def _body(markup: str, where: str) -> etree._Element:
    """The page's <body> (or root), parsed leniently; D108 if nothing parses."""
    markup = _XML_DECLARATION.sub("", markup, count=1).replace("\x00", "")
    try:
        root = etree.fromstring(markup, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        raise DubanError(ErrorCode.HTML_NO_REPORT, where) from None
    if root is None:
        raise DubanError(ErrorCode.HTML_NO_REPORT, where)
    body = root.find("body")
    return root if body is None else body


def _chrome_named(el: etree._Element) -> bool:
    if not isinstance(el.tag, str):
        return False
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return any(word.lower() in _CHROME_NAMES for word in _NAME_WORD.findall(names))


def _han(text: str | None) -> int:
    return len(_HAN.findall(text)) if text else 0


def _count(root: etree._Element, skip: frozenset[etree._Element]) -> Counts:
    """(Han characters, Han characters inside links) of every element; ``skip`` subtrees count 0.

    Reversed document order visits every element after all its descendants.
    """
    counts: Counts = {}
    for el in reversed(list(root.iter())):
        if el in skip or not isinstance(el.tag, str):
            counts[el] = (0, 0)
            continue
        han, links = _han(el.text), 0
        for child in el:
            child_han, child_links = counts[child]
            han += child_han + _han(child.tail)
            links += child_han if child.tag == "a" else child_links
        counts[el] = (han, links)
    return counts


def _own(el: etree._Element, counts: Counts) -> int:
    han, links = counts[el]
    return han - links


def _content_block(body: etree._Element, counts: Counts, chrome: frozenset[etree._Element]) -> etree._Element:
    """Descend from <body> into the child holding most non-link text, while one does."""
    node = body
    while True:
        total = _own(node, counts)
        children = [c for c in node if isinstance(c.tag, str) and c not in chrome]
        best = max(children, key=lambda c: _own(c, counts), default=None)
        if best is None or total == 0 or _own(best, counts) < _MAJORITY * total:
            return node
        node = best


_OPEN, _TEXT, _FLUSH = range(3)


def _render(block: etree._Element, counts: Counts, chrome: frozenset[etree._Element]) -> list[str]:
    """One line per block element; table cells joined by tabs; chrome and link-heavy blocks left out."""
    out: list[str] = []
    line: list[str] = []

    def flush() -> None:
        text = "".join(line).strip(" \t\n\r\f")
        line.clear()
        if text:
            out.append(text)

    stack: list[tuple[int, object]] = [(_OPEN, block)]
    while stack:
        kind, item = stack.pop()
        if kind == _TEXT:
            line.append(str(item))
            continue
        if kind == _FLUSH:
            flush()
            continue
        el: etree._Element = item
        if el in chrome or not isinstance(el.tag, str):
            continue
        name = el.tag.lower()
        if name in _BLOCK:
            flush()
            han, links = counts[el]
            if han and links > _LINK_HEAVY * han:
                continue
            stack.append((_FLUSH, None))
        elif name in _CELL and line:
            line.append("\t")
        if name == "pre":
            stack.append((_TEXT, "".join(el.itertext())))
            continue
        for child in reversed(el):
            if child.tail:
                stack.append((_TEXT, _ASCII_SPACE.sub(" ", child.tail)))
            stack.append((_OPEN, child))
        if el.text:
            stack.append((_TEXT, _ASCII_SPACE.sub(" ", el.text)))
    flush()
    return out
