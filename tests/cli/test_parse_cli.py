"""``duban parse``: the outline, the JSON model, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from duban.cli import app

runner = CliRunner()


def test_cli_parse_outline_of_sample() -> None:
    result = runner.invoke(app, ["parse"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for expected in (
        "宁波市镇海区",
        "330211",
        "2020-05-09",
        "何黎斌",
        "2019年政府工作回顾",
        "(回顾)",
        "(计划)",
        "(政府建设)",
        "4 themes",
        "40 glossary terms",
    ):
        assert expected in out


def test_cli_parse_json_spans_and_text(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "政府工作报告\r\n\r\n2020年5月9日在宁波市镇海区第十五届人民代表大会第四次会议上\r\n\r\n"
        "各位代表：\r\n\r\n一、2019年政府工作回顾\r\n\r\n一年来，同比增长7%。\r\n\r\n"
        "二、2020年主要目标任务\r\n\r\n（一）坚定不移稳增长\r\n\r\n精准服务稳企业。深入开展活动。\r\n",
        encoding="utf-8",
        newline="",
    )
    result = runner.invoke(app, ["parse", str(report), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    text = data["text"]
    assert "\r\n" in text and len(text) == data["length"]
    assert data["metadata"]["delivered_on"] == "2020-05-09"
    plan = data["sections"][1]
    assert (plan["number"], plan["role"]) == ("二", "plan")
    theme = plan["children"][0]["children"][0]
    assert (theme["kind"], theme["title"]) == ("theme", "精准服务稳企业")
    assert text[theme["title_start"] : theme["title_end"]] == "精准服务稳企业"
    for key in ("paragraphs", "sentences"):
        assert all(text[o["start"] : o["end"]].strip() for o in data[key])


def test_cli_parse_missing_file_is_one_line_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "D100" in lines[0]
