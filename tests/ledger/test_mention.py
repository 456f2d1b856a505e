"""Named projects, places and facilities in real task sentences."""

from __future__ import annotations

import pytest

from duban.ledger.data import commitment_lexicon, mention_rules
from duban.ledger.mention import MentionFinder

CASES = [
    # zhenhai-2020, 加大城市建设和改造力度
    ("推进杭甬高速复线及连接线工程，加快轨道交通3号线、5号线和世纪大道快速路建设，保障2号线二期首通段、三官堂大桥通车。",
     ["杭甬高速复线", "轨道交通3号线", "世纪大道快速路", "2号线二期首通段", "三官堂大桥"], []),
    # zhenhai-2020, 强化规划统筹引领
    ("深入谋划推进泥螺山围垦区域、岚山水库西南侧地块、七村搬迁后地块、新城产城融合拓展区、后海塘金属园区等区块开发建设。",
     ["泥螺山围垦区域", "岚山水库西南侧地块", "后海塘金属园区"], []),
    # zhenhai-2020, 加快甬江科创大走廊核心区建设
    ("开工建设中石化宁波新材料研究院，推进中乌新材料产业技术研究院建设。",
     ["中石化宁波新材料研究院", "中乌新材料产业技术研究院"], []),
    # counts and kinds of things are not names
    ("统筹推进126个重点项目，计划完成年度投资244亿元。", [], ["126个重点项目", "重点项目"]),
    ("加快推进9所小区配套幼儿园和镇海中学等9所中小学教育项目建设。", ["镇海中学"], ["9所小区配套幼儿园"]),
]


@pytest.mark.parametrize(("sentence", "expected", "absent"), CASES, ids=[c[0][:10] for c in CASES])
def test_mention_found(sentence: str, expected: list[str], absent: list[str]) -> None:
    finder = MentionFinder(mention_rules(), commitment_lexicon().commitment_verbs)
    found = finder.find(sentence, 1000)
    names = [m.text for m in found]
    for name in expected:
        assert name in names
    for name in absent:
        assert name not in names
    for m in found:
        assert sentence[m.start - 1000 : m.end - 1000] == m.text
        assert m.kind in ("project", "place", "facility")
