"""Metadata from real report headers (tests/cases/metadata.yaml) and from front matter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from duban.parse.frontmatter import FrontMatter, read_front_matter
from duban.parse.metadata import parse_date, parse_metadata, parse_session

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "cases" / "metadata.yaml").read_text(encoding="utf-8")
)["headers"]


@pytest.mark.parametrize("case", CASES, ids=[c["report"] for c in CASES])
def test_metadata_real_headers(case: dict[str, Any]) -> None:
    meta = parse_metadata(case["text"], 0, FrontMatter())
    got = {key: getattr(meta, key) for key in case["want"]}
    assert got == case["want"]


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("2020年5月9日在宁波市镇海区", "2020-05-09"),
        ("——２０１０年３月５日在第十一届全国人民代表大会第三次会议上", "2010-03-05"),
        ("——二〇二〇年一月十五日在江苏省第十三届人民代表大会第三次会议上", "2020-01-15"),
        ("二〇二一年一月二十日在西藏自治区", "2021-01-20"),
        ("（2019年1月21日在贵阳市第十四届人民代表大会第四次会议上）", "2019-01-21"),
        ("2020年2月30日", None),
        ("来源：湖北日报 时间：2026-02-05", None),
        ("2019年是新中国成立70周年", None),
    ],
)
def test_metadata_date(phrase: str, iso: str | None) -> None:
    assert parse_date(phrase) == iso


@pytest.mark.parametrize(
    ("phrase", "session"),
    [
        ("第十五届人民代表大会第四次会议上", "第十五届人民代表大会第四次会议"),
        ("在第十三届全国人民代表大会第二次会议上", "第十三届全国人民代表大会第二次会议"),
        ("2021年1月12日在乌鲁木齐市第十六届人民代表大会\n\n第五次会议上", "第十六届人民代表大会第五次会议"),
        ("——2006年2月24日哈尔滨市十二届人大四次会议通过", "第十二届人民代表大会第四次会议"),
        ("各位代表，人民代表大会制度是根本政治制度", None),
    ],
)
def test_metadata_session(phrase: str, session: str | None) -> None:
    assert parse_session(phrase)[0] == session


def test_metadata_front_matter_is_skipped_and_read() -> None:
    text = (
        "---\nsource: http://www.ningbo.gov.cn/art/2020/5/2/art_1229886274_1514296.html\n"
        "title: 2020年政府工作报告\n---\n\n**2020年4月27日在宁波市第十五届人民代表大会第五次会议上**\n\n"
        "**市长 裘东耀**\n\n各位代表：\n"
    )
    front = read_front_matter(text)
    assert text[front.end :].startswith("\n**2020年4月27日")
    assert front.fields["title"] == "2020年政府工作报告"
    meta = parse_metadata(text, front.end, front)
    assert (meta.title, meta.region, meta.delivered_on) == ("2020年政府工作报告", "宁波市", "2020-04-27")
    assert (meta.speaker_name, meta.speaker_title) == ("裘东耀", "市长")


def test_metadata_front_matter_absent_or_unclosed() -> None:
    assert read_front_matter("政府工作报告\n---\n").end == 0
    assert read_front_matter("---\ntitle: x\n").end == 0
