"""Saved web pages: only the report text, whatever the portal wraps around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.errors import DubanError, ErrorCode
from duban.ingest import read_report

from .pages import CHROME_WORDS, empty_page, gov_page
from .paths import SAMPLE


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("charset", "codec", "detected"),
    [("utf-8", "utf-8", "utf-8"), ("gb2312", "gb18030", "gb18030"), ("GBK", "gbk", "gb18030")],
)
def test_read_report_gov_page_keeps_only_report(
    tmp_path: Path, charset: str, codec: str, detected: str
) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "art_1229_3456789.html"
    path.write_bytes(gov_page(text, charset).encode(codec))
    source = read_report(path)
    assert source.format == "html"
    assert source.encoding == detected
    assert source.text.split("\n") == _paragraphs(text)
    assert [word for word in CHROME_WORDS if word in source.text] == []


def test_read_report_gov_page_without_charset_is_detected(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    page = gov_page(text).replace('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', "")
    path = tmp_path / "report.htm"
    path.write_bytes(page.encode("gb18030"))
    source = read_report(path)
    assert source.encoding == "gb18030"
    assert source.text.split("\n") == _paragraphs(text)


def test_read_report_page_with_br_paragraphs(tmp_path: Path) -> None:
    """Some portals put the whole report in one block, paragraphs separated by <br>."""
    text = SAMPLE.read_text(encoding="utf-8")
    lines = _paragraphs(text)
    block = "<br>\n".join("&nbsp;&nbsp;" + line for line in lines)
    page = gov_page("占位").replace('<p style="text-indent:2em;">占位</p>', f"<div>{block}</div>")
    path = tmp_path / "br.html"
    path.write_text(page, encoding="utf-8")
    got = read_report(path).text.split("\n")
    assert [line.strip("\xa0 ") for line in got] == lines


def test_read_report_page_without_report(tmp_path: Path) -> None:
    path = tmp_path / "expired.html"
    path.write_text(empty_page(), encoding="utf-8")
    with pytest.raises(DubanError) as info:
        read_report(path)
    assert info.value.code is ErrorCode.HTML_NO_REPORT
    assert "expired.html" in str(info.value)


def test_read_report_page_of_links_only(tmp_path: Path) -> None:
    """A column index page: hundreds of report titles, all links, no report."""
    items = "".join(
        f'<li><a href="/art/{n}.html">{2000 + n}年政府工作报告（全文）</a></li>' for n in range(25)
    )
    page = gov_page("占位").replace('<p style="text-indent:2em;">占位</p>', f"<ul>{items}</ul>")
    path = tmp_path / "index.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(DubanError) as info:
        read_report(path)
    assert info.value.code is ErrorCode.HTML_NO_REPORT


def test_read_report_table_layout_page(tmp_path: Path) -> None:
    """Older portals lay the page out in a table: a menu cell beside the article cell."""
    text = SAMPLE.read_text(encoding="utf-8")
    menu = "".join(f'<p><a href="/col/{n}.html">栏目{n}：政务公开信息</a></p>' for n in range(40))
    paras = "".join(f"<p>{line}</p>" for line in _paragraphs(text))
    page = (
        '<html><head><meta charset="gbk"><title>政府工作报告</title></head><body>'
        '<table width="1000"><tr><td colspan="2"><img src="/banner.jpg"> 某某区人民政府门户网站</td></tr>'
        f'<tr><td width="200" valign="top">{menu}<p>区长信箱 网上信访</p></td>'
        f'<td width="800" valign="top"><table><tr><td>{paras}</td></tr></table></td></tr>'
        "<tr><td colspan=2>版权所有：某某区人民政府办公室 备案号：京ICP备12345678号</td></tr></table>"
        "</body></html>"
    )
    path = tmp_path / "table.htm"
    path.write_bytes(page.encode("gbk"))
    source = read_report(path)
    assert source.encoding == "gb18030"
    assert source.text.split("\n") == _paragraphs(text)


def _mhtml(page: bytes, charset: str | None) -> bytes:
    """A page saved as one file, as Chrome ("Saved by Blink") and IE write it."""
    from email import encoders
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    message = MIMEMultipart("related", type="text/html")
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "http://www.zh.gov.cn/art/2020/5/12/art_1229_1.html"
    message["Subject"] = "2020年镇海区政府工作报告"
    part = MIMENonMultipart("text", "html", **({"charset": charset} if charset else {}))
    part.set_payload(page)
    encoders.encode_quopri(part)
    part["Content-Location"] = "http://www.zh.gov.cn/art/2020/5/12/art_1229_1.html"
    message.attach(part)
    image = MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(40), "png")
    image["Content-Location"] = "http://www.zh.gov.cn/images/logo.png"
    message.attach(image)
    return message.as_bytes()


@pytest.mark.parametrize(("charset", "codec"), [("gb2312", "gb18030"), (None, "utf-8")])
def test_read_report_mhtml(tmp_path: Path, charset: str | None, codec: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    page = gov_page(text, charset or "utf-8").encode(codec)
    path = tmp_path / "2020年政府工作报告.mhtml"
    path.write_bytes(_mhtml(page, charset))
    source = read_report(path)
    assert source.format == "html"
    assert source.encoding == codec
    assert source.text.split("\n") == _paragraphs(text)


def test_read_report_mhtml_without_page(tmp_path: Path) -> None:
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart

    message = MIMEMultipart("related")
    message.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(40), "png"))
    path = tmp_path / "only-images.mht"
    path.write_bytes(message.as_bytes())
    with pytest.raises(DubanError) as info:
        read_report(path)
    assert info.value.code is ErrorCode.HTML_NO_REPORT


def test_read_report_resaved_page_keeps_old_charset_meta(tmp_path: Path) -> None:
    """A browser re-saved a GB2312 page as UTF-8 but left its charset meta unchanged."""
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "resaved.html"
    path.write_bytes(gov_page(text, "gb2312").encode("utf-8"))
    source = read_report(path)
    assert source.encoding == "utf-8"
    assert source.text.split("\n") == _paragraphs(text)


def test_read_report_utf16_page(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "unicode.htm"
    path.write_bytes(gov_page(text, "utf-16").encode("utf-16"))
    source = read_report(path)
    assert source.format == "html"
    assert source.text.split("\n") == _paragraphs(text)


REPORT_BODY = "政府工作报告。地区生产总值增长6%左右。" * 40

HOSTILE_PAGES = {
    "deep-chrome": "<html><body>"
    + '<div class="nav">' * 5000
    + REPORT_BODY
    + "</div>" * 5000
    + "</body></html>",
    "deep-plain": "<html><body>" + "<div>" * 20000 + REPORT_BODY + "</div>" * 20000 + "</body></html>",
    "nested-share-bars": "<html><body>"
    + '<div class="share">分享' * 3000
    + "</div>" * 3000
    + "</body></html>",
    "xml-declaration": '<?xml version="1.0" encoding="utf-8"?><html><body><p>'
    + REPORT_BODY
    + "</p></body></html>",
    "unclosed-tags": "<html><body>" + "<p><b><i><span>" * 2000 + REPORT_BODY,
}


@pytest.mark.parametrize("name", list(HOSTILE_PAGES))
def test_read_report_hostile_page_is_coded_or_read(tmp_path: Path, name: str) -> None:
    """Nesting past any sane depth: a Source or D108, never a RecursionError."""
    path = tmp_path / f"{name}.html"
    path.write_text(HOSTILE_PAGES[name], encoding="utf-8")
    try:
        source = read_report(path)
    except DubanError as err:
        assert err.code is ErrorCode.HTML_NO_REPORT
    else:
        assert "地区生产总值增长6%左右" in source.text


def test_read_report_page_time_is_linear(tmp_path: Path) -> None:
    import time

    def best(n: int) -> float:
        path = tmp_path / f"p{n}.html"
        path.write_text(
            "<html><body>"
            + '<div class="menu"><a href="#">栏目</a></div>' * n
            + "<p>政府工作报告。</p>" * n
            + "</body></html>",
            encoding="utf-8",
        )
        times = []
        for _ in range(3):
            start = time.perf_counter()
            read_report(path)
            times.append(time.perf_counter() - start)
        return min(times)

    ratios = []
    for _ in range(3):  # a loaded machine can spoil one measurement; a quadratic pass spoils all
        ratios.append(best(8000) / max(best(4000), 0.02))
        if ratios[-1] < 3.5:
            return
    pytest.fail(f"time(2n)/time(n) = {ratios}")


def test_read_report_word_doc_that_is_a_web_page(tmp_path: Path) -> None:
    """Portals often serve a 'Word' download that is an HTML page named .doc (Word opens it)."""
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "2020年政府工作报告.doc"
    path.write_bytes(gov_page(text, "gb2312").encode("gb18030"))
    source = read_report(path)
    assert (source.format, source.encoding) == ("html", "gb18030")
    assert source.text.split("\n") == _paragraphs(text)


def test_read_report_word_doc_that_is_mhtml(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "2020年政府工作报告.doc"
    path.write_bytes(_mhtml(gov_page(text, "gb2312").encode("gb18030"), "gb2312"))
    assert read_report(path).text.split("\n") == _paragraphs(text)
