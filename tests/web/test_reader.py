"""The reader's HTML: figures and terms at their spans, everything escaped."""

from __future__ import annotations

from bs4 import BeautifulSoup

from duban.web.reader import Mark, render_text, term_marks

TEXT = "一、回顾\n　　地区生产总值增长6%，完成固定资产投资244亿元。\n　　推进“最多跑一次”改革。\n附件\n最多跑一次：群众办事一次办成。\n"


def test_figures_wrapped_at_their_spans() -> None:
    start = TEXT.index("6%")
    start2 = TEXT.index("244亿元")
    marks = [Mark(start, start + 2, "figure", "0", "k-actual"), Mark(start2, start2 + 5, "figure", "1", "k-target")]
    soup = BeautifulSoup(render_text(TEXT, marks, {}, {}), "html.parser")
    found = [(m.get_text(), m["data-fig"]) for m in soup.select("mark.fig")]
    assert found == [("6%", "0"), ("244亿元", "1")]
    # the text reads back unchanged, paragraph by paragraph
    assert [p.get_text() for p in soup.select("p")] == [line.strip() for line in TEXT.splitlines() if line.strip()]


def test_script_in_report_is_text() -> None:
    text = "报告<script>alert(1)</script>正文 & 更多\n"
    html = str(render_text(text, [Mark(2, 10, "figure", "0")], {}, {}))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&amp;" in html


def test_terms_linked_in_body_only_and_not_inside_figures() -> None:
    body_end = TEXT.index("附件")
    marks = term_marks(TEXT, [("最多跑一次", "g1")], body_end, [])
    assert [(TEXT[m.start:m.end], m.ref) for m in marks] == [("最多跑一次", "g1")]
    assert marks[0].start < body_end
    taken = [(marks[0].start, marks[0].end)]
    assert term_marks(TEXT, [("跑一次", "g2")], body_end, taken) == []


def test_longer_term_wins() -> None:
    text = "数字经济和经济发展\n"
    marks = term_marks(text, [("经济", "a"), ("数字经济", "b")], len(text), [])
    assert sorted((text[m.start:m.end], m.ref) for m in marks) == [("数字经济", "b"), ("经济", "a")]


def test_anchors_and_headings() -> None:
    start = TEXT.index("推进")
    soup = BeautifulSoup(render_text(TEXT, [], {start: "t1"}, {0: TEXT.index("\n")}), "html.parser")
    assert soup.select_one("span#t1") is not None
    assert soup.select_one("p.heading").get_text() == "一、回顾"
    assert soup.select_one("p.heading strong") is None


def test_heading_running_into_text_is_bold() -> None:
    text = "（一）经济发展稳中提质。实现规上工业总产值2507亿元。\n"
    title_end = text.index("。")
    soup = BeautifulSoup(render_text(text, [], {}, {0: title_end}), "html.parser")
    assert soup.select_one("p.heading") is None
    assert soup.select_one("p strong").get_text() == "（一）经济发展稳中提质"
    assert soup.get_text().strip() == text.strip()


def test_overlapping_marks_first_wins() -> None:
    text = "增长百分之六点五\n"
    html = str(render_text(text, [Mark(2, 6, "figure", "0"), Mark(4, 8, "figure", "1")], {}, {}))
    soup = BeautifulSoup(html, "html.parser")
    assert [m["data-fig"] for m in soup.select("mark")] == ["0"]
    assert soup.get_text() == "增长百分之六点五"
