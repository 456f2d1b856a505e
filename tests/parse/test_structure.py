"""Paragraphs, themes, glossary, body end and main targets on small real excerpts."""

from __future__ import annotations

import pytest

from duban.model import Paragraph, Report, Role, SectionKind
from duban.parse import parse_text
from duban.parse.glossary import find_body_end, parse_glossary
from duban.parse.heading import structure
from duban.parse.sections import role_of_part, theme_span
from duban.parse.sentences import split_paragraphs, split_sentences


def test_paragraphs_crlf_and_flattened_indents() -> None:
    text = "政府工作报告\r\n\r\n各位代表： 　　现在，我代表上海市人民政府。 \u2003\u2003一、2020年工作回顾 \u2003\u2003过去一年。"
    paras = [text[p.start : p.end] for p in split_paragraphs(text)]
    assert paras == [
        "政府工作报告",
        "各位代表：",
        "现在，我代表上海市人民政府。",
        "一、2020年工作回顾",
        "过去一年。",
    ]
    # a name with an inner double indent is not a break (no plain space before it)
    name = "海拉尔区人民政府区长　　杜联合"
    assert [name[p.start : p.end] for p in split_paragraphs(name)] == [name]


def test_sentences_keep_closing_quotes() -> None:
    text = "他说：“要干。”然后走了！最后"
    paras = split_paragraphs(text)
    assert [text[s.start : s.end] for s in split_sentences(text, paras)] == [
        "他说：“要干。”",
        "然后走了！",
        "最后",
    ]


@pytest.mark.parametrize(
    ("paragraph", "theme"),
    [
        ("精准服务稳企业。深入开展“三服务”活动。", "精准服务稳企业"),
        ("加快推进美丽城镇、美丽乡村建设。全面完成美丽城镇建设。", "加快推进美丽城镇、美丽乡村建设"),
        ("——经济运行保持在合理区间。国内生产总值增长6.6%。", "经济运行保持在合理区间"),
        ("依法行政强法治。", "依法行政强法治"),
        ("**支持企业稳定发展**。主动为企业减负活血帮困。", "支持企业稳定发展"),
        ("坚持稳中求进，全力扶企业、推项目、扩需求。", None),
        ("2019年是新中国成立70周年，是高水平全面建成小康社会的关键之年。", None),
        ("我们将坚定不移地走高质量发展之路并持续推动经济结构战略性调整和优化升级。", None),
    ],
)
def test_theme_lead_phrases(paragraph: str, theme: str | None) -> None:
    span = theme_span(paragraph, Paragraph(0, len(paragraph)), structure())
    assert (paragraph[span[0] : span[1]] if span else None) == theme


@pytest.mark.parametrize(
    ("title", "plan_year", "role"),
    [
        ("2019年政府工作回顾", 2020, Role.REVIEW),
        ("2020年主要目标任务", 2020, Role.PLAN),
        ("推进政府治理体系和治理能力现代化", 2020, Role.GOVERNANCE),
        ("2018年工作回顾", 2019, Role.REVIEW),
        ("2019年经济社会发展总体要求和政策取向", 2019, Role.PLAN),
        ("2019年政府工作任务", 2019, Role.PLAN),
        ("2020年主要工作和“十三五”发展成就", 2021, Role.REVIEW),
        ("“十三五”时期发展成就和2020年主要工作", 2021, Role.REVIEW),
        ("“十三五”时期发展成就和“十四五”时期主要目标任务", 2021, Role.PLAN),
        ("2019年主要工作", 2019, Role.PLAN),
        ("过去五年工作回顾", 2022, Role.REVIEW),
        ("今后五年发展目标任务", 2022, Role.PLAN),
        ("关于2019年工作", 2020, Role.REVIEW),
        ("持之以恒抓好政府自身建设", 2019, Role.GOVERNANCE),
    ],
)
def test_role_of_part_titles(title: str, plan_year: int, role: Role) -> None:
    assert role_of_part(title, plan_year, False, structure()) is role


def test_role_after_a_plan_part_stays_plan() -> None:
    assert role_of_part("加大宏观政策实施力度，着力稳企业保就业", 2020, True, structure()) is Role.PLAN


GLOSSARY_TEXT = (
    "一、2019年工作回顾\n\n正文。\n\n二、2020年工作安排\n\n正文。\n\n"
    "附件：名词解释与补充说明\n\n附件\n名词解释与补充说明\n\n"
    "1.“246”万千亿级产业集群：宁波市提出到2025年建成的万千亿级产业集群。\n\n"
    "2.5G技术:第五代移动通信技术。\n\n"
    "［8］1+5+N：\n“1”即省疾控中心；\n“5”即五个区域中心。\n\n"
    "（43）30件民生实事：围绕群众急难愁盼重点事项。\n"
)


def test_glossary_entries_and_body_end() -> None:
    paras = split_paragraphs(GLOSSARY_TEXT)
    body_end = find_body_end(GLOSSARY_TEXT, paras, after=10)
    assert GLOSSARY_TEXT[body_end:].startswith("附件：名词解释")
    terms = parse_glossary(GLOSSARY_TEXT, paras, body_end)
    assert [(t.number, t.term) for t in terms] == [
        (1, "“246”万千亿级产业集群"),
        (2, "5G技术"),
        (8, "1+5+N"),
        (43, "30件民生实事"),
    ]
    first, _, split, _ = terms
    assert first.definition == "宁波市提出到2025年建成的万千亿级产业集群。"
    assert GLOSSARY_TEXT[first.start : first.end].startswith("“246”")
    assert split.definition == "“1”即省疾控中心；\n“5”即五个区域中心。"


def test_report_without_parts_or_annex() -> None:
    report = parse_text("各位代表：\n\n我们要加快发展。今年的主要预期目标是：增长6%。\n")
    assert report.sections == []
    assert report.body_end == len(report.text)
    assert report.glossary == []
    assert report.metadata.year is None
    assert report.role_at(5) is Role.PREAMBLE


def test_unnumbered_parts_with_numbered_areas() -> None:
    text = (
        "各位代表：\n\n2020年工作回顾\n\n一、着力维护社会稳定\n\n正文。\n\n二、着力改善民生\n\n正文。\n\n"
        "2021年重点工作\n\n一、聚力构建新发展格局\n\n加快发展。\n\n二、聚力建设平安西藏\n\n正文。\n"
    )
    report = parse_text(text)
    assert [(s.number, s.title, s.role) for s in report.sections] == [
        (None, "2020年工作回顾", Role.REVIEW),
        (None, "2021年重点工作", Role.PLAN),
    ]
    assert [a.title for a in report.sections[1].children if a.kind is SectionKind.AREA] == [
        "聚力构建新发展格局",
        "聚力建设平安西藏",
    ]
    assert report.metadata.year == 2021


def test_inline_items_in_a_theme() -> None:
    text = (
        "一、2020年工作安排\n\n（一）坚定不移稳增长\n\n"
        "精准服务稳企业。重点抓好三件事：一是落实减税降费政策；二是强化金融支持，扩大信贷；三是优化服务。\n\n"
        "统一是前提。不成列表：一是孤立的一项。\n"
    )
    report = parse_text(text)
    theme = report.sections[0].children[0].children[0]
    assert (theme.kind, theme.title) == (SectionKind.THEME, "精准服务稳企业")
    items = [c for c in theme.children if c.kind is SectionKind.ITEM]
    assert [(i.number, i.title) for i in items] == [
        ("一是", "落实减税降费政策"),
        ("二是", "强化金融支持"),
        ("三是", "优化服务"),
    ]
    assert text[items[0].start : items[0].end] == "一是落实减税降费政策"
    assert text[items[2].start : items[2].end] == "三是优化服务。"
    # section_path reaches the item
    path = report.section_path(items[1].start + 2)
    assert [s.kind for s in path] == [SectionKind.PART, SectionKind.AREA, SectionKind.THEME, SectionKind.ITEM]


def test_glossary_unnumbered_and_bracketed_entries() -> None:
    text = (
        "一、2022年工作回顾\n\n正文。\n\n二、2023年工作安排\n\n正文。\n\n"
        "**名词解释**\n\n〇“三区三线”:城镇空间、农业空间、生态空间三种类型空间。\n\n"
        "“四上”企业：规模以上工业、资质等级建筑业企业。\n\n"
        "目标是，到2025年：完成任务。\n\n"
        "〔3〕双吹哨双报到：乡镇吹哨、部门报到。\n"
    )
    paras = split_paragraphs(text)
    body_end = find_body_end(text, paras, after=10)
    assert text[body_end:].startswith("**名词解释**")
    terms = parse_glossary(text, paras, body_end)
    assert [(t.number, t.term) for t in terms] == [
        (None, "“三区三线”"),
        (None, "“四上”企业"),
        (3, "双吹哨双报到"),
    ]
    # a sentence holding a colon continues the definition before it
    assert terms[1].definition.endswith("目标是，到2025年：完成任务。")


def test_unnumbered_parts_with_bracketed_areas() -> None:
    """嘉兴 style: unnumbered parts, （一） areas, themes inside them."""
    text = (
        "各位代表：\n\n2018年工作回顾\n\n一年来，实现了增长。\n\n2019年工作任务\n\n"
        "（一）打造高能级的城市平台\n\n建设湾区新城。加快推进。\n\n（二）打造高水准的科创高地\n\n正文。\n\n"
        "切实加强政府自身建设\n\n让解放思想成为一种常态。正文。\n"
    )
    report = parse_text(text)
    assert [(s.title, s.role) for s in report.sections] == [
        ("2018年工作回顾", Role.REVIEW),
        ("2019年工作任务", Role.PLAN),
        ("切实加强政府自身建设", Role.GOVERNANCE),
    ]
    areas = report.sections[1].children
    assert [(a.kind, a.number, a.title) for a in areas] == [
        (SectionKind.AREA, "（一）", "打造高能级的城市平台"),
        (SectionKind.AREA, "（二）", "打造高水准的科创高地"),
    ]
    assert [t.title for t in areas[0].children] == ["建设湾区新城"]


def _main_targets(text: str) -> tuple[Report, str]:
    """The parsed report and the text of its main targets span (which must be found)."""
    report = parse_text(text)
    assert report.main_targets is not None
    start, end = report.main_targets
    return report, text[start:end]


def test_main_targets_prefers_this_years_list() -> None:
    text = (
        "一、2025年工作回顾\n\n全年主要预期目标是：增长5%，顺利完成了。\n\n"
        "二、“十五五”时期经济社会发展目标任务\n\n“十五五”时期经济社会发展的主要目标是，经济实力显著增强。\n\n"
        "三、2026年重点工作\n\n确保完成全年预期目标。\n\n"
        "综合考虑各方面因素，建议经济社会发展主要预期目标为：地区生产总值增长5%以上。\n\n"
        "（一）扩大内需\n\n正文。\n"
    )
    report, found = _main_targets(text)
    assert found.startswith("综合考虑各方面因素，建议经济社会发展主要预期目标为")
    assert report.role_at(text.index(found)) is Role.MAIN_TARGETS


def test_main_targets_inside_a_review_with_no_closing_heading() -> None:
    """包头 2015: the review runs on into the plan with no part heading between them."""
    text = (
        "一、2014年工作回顾\n\n（一）全面加强经济调控\n\n地区生产总值增长8.5%。\n\n"
        "基于以上分析判断，我们提出2015年政府工作的总体要求是：深入贯彻党的十八大精神。\n\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长8%，固定资产投资增长13%。\n\n"
        "二、2015年重点工作\n\n（一）保持经济平稳增长\n\n正文。\n"
    )
    assert _main_targets(text)[1].startswith("今年经济社会发展的主要预期目标是：地区生产总值增长8%")
    # In the review, 全年 is the year under review: its list is not this year's targets.
    review_only = parse_text(
        "一、2014年工作回顾\n\n全年主要预期目标为：地区生产总值增长8.5%，顺利完成。\n\n"
        "二、2015年重点工作\n\n（一）保持经济平稳增长\n\n正文。\n"
    )
    assert review_only.main_targets is None


def test_main_targets_list_over_paragraphs_and_none_without_targets() -> None:
    text = (
        "一、2019年工作回顾\n\n正文。\n\n二、2020年工作安排\n\n今年经济社会发展的主要预期目标是：\n\n"
        "地区生产总值增长6%；\n\n城镇登记失业率控制在3%以内。\n\n各项工作要抓实。\n"
    )
    report = parse_text(text)
    assert report.main_targets is not None
    start, end = report.main_targets
    assert text[start:end].endswith("城镇登记失业率控制在3%以内。")
    bare = parse_text("一、2019年工作回顾\n\n正文。\n\n二、2020年工作安排\n\n确保完成全年预期目标。\n")
    assert bare.main_targets is None


MARKDOWN = (
    "---\nsource: http://www.ningbo.gov.cn/art/2020/5/2/art_1229886274_1514296.html\n"
    "title: 2020年政府工作报告\n---\n\n"
    "**2020年4月27日在宁波市第十五届人民代表大会第五次会议上**\n\n**市长 裘东耀**\n\n"
    "<!-- 裘东耀作政府工作报告。（王鹏 摄） -->\n\n各位代表：\n\n"
    "## 一、2019年工作回顾\n\n2019年是新中国成立70周年。\n\n"
    "**（一）狠抓稳增长，经济保持平稳运行**\n\n支持企业稳定发展。主动为企业减负。\n\n"
    "## 二、2020年主要目标任务\n\n**（一）坚定不移抓实体经济**\n\n"
    "**精准高效服务企业**。深化“三服务”活动。\n"
)


def test_markdown_front_matter_and_heading_marks() -> None:
    report = parse_text(MARKDOWN)
    meta = report.metadata
    assert (meta.title, meta.region, meta.delivered_on, meta.speaker_name) == (
        "2020年政府工作报告",
        "宁波市",
        "2020-04-27",
        "裘东耀",
    )
    assert [(p.number, p.title, p.role) for p in report.sections] == [
        ("一", "2019年工作回顾", Role.REVIEW),
        ("二", "2020年主要目标任务", Role.PLAN),
    ]
    assert MARKDOWN[report.sections[0].start :].startswith("一、2019年工作回顾")
    area = report.sections[1].children[0]
    assert (area.number, area.title) == ("（一）", "坚定不移抓实体经济")
    assert [t.title for t in area.children] == ["精准高效服务企业"]


def test_part_run_survives_one_missing_number() -> None:
    """An abridged text lost its 二、; its 三、 still opens a part."""
    text = "一、过去五年和2021年工作回顾\n\n正文。\n\n三、加强政府自身建设\n\n正文。\n"
    report = parse_text(text)
    assert [(s.number, s.role) for s in report.sections] == [("一", Role.REVIEW), ("三", Role.GOVERNANCE)]


def test_markdown_front_matter_and_comments_are_not_paragraphs() -> None:
    report = parse_text(MARKDOWN)
    texts = [MARKDOWN[p.start : p.end] for p in report.paragraphs]
    assert texts[0] == "**2020年4月27日在宁波市第十五届人民代表大会第五次会议上**"
    assert not any(t.startswith(("<!--", "source:", "---")) for t in texts)
    assert all(MARKDOWN[s.start : s.end].find("<!--") == -1 for s in report.sentences)


@pytest.mark.parametrize(
    ("titles", "year"),
    [
        (["2022年工作回顾", "2023年重点工作任务"], 2023),
        (["1998年工作回顾和1999年工作目标"], 1999),
        # 哈尔滨 2007: 以来 gives no reviewed year, and no plan cue: the date decides
        (["2003年以来工作回顾", "关于未来五年和2007年经济社会发展任务的建议"], None),
        (["“十三五”时期工作回顾", "2035年远景目标和“十四五”时期主要目标", "全力做好2021年重点工作"], 2021),
        (["过去五年工作回顾", "今后五年发展目标任务", "2022年主要工作安排"], 2022),
        (["坚定不移扩大有效投资"], None),
    ],
)
def test_plan_year_stated_by_part_titles(titles: list[str], year: int | None) -> None:
    from duban.parse.sections import infer_plan_year

    assert infer_plan_year(titles, structure()) == year


def test_report_delivered_in_december_is_for_the_next_year() -> None:
    """兰州 delivered its 2023 report on 2022-12-19."""
    text = (
        "政府工作报告\n\n——2022年12月19日在兰州市第十七届人民代表大会第二次会议上\n\n各位代表：\n\n"
        "一、2022年工作回顾\n\n正文。\n\n二、2023年工作安排\n\n正文。\n"
    )
    meta = parse_text(text).metadata
    assert (meta.delivered_on, meta.year, meta.review_year) == ("2022-12-19", 2023, 2022)
