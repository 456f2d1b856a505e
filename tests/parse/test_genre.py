"""D111: a file that decodes but is not a work report is refused; reports and excerpts are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.errors import DubanError, ErrorCode
from duban.ingest import read_report, sample_path
from duban.model import Source
from duban.parse import parse, parse_text
from duban.parse.genre import vocabulary_found
from tests.conftest import shared_path


def _source(text: str) -> Source:
    return Source(text=text, format="text", encoding="utf-8", sha256="0" * 64, size=len(text.encode()), path="x.txt")


@pytest.mark.parametrize("parts", [("corpus", "raw", "README.md"), ("corpus", "reports", "MANIFEST.tsv")])
def test_collection_files_are_not_reports(parts: tuple[str, ...]) -> None:
    path = shared_path(*parts)
    with pytest.raises(DubanError) as caught:
        parse(read_report(path))
    assert caught.value.code is ErrorCode.NOT_A_REPORT
    assert str(path) in str(caught.value)


def test_every_corpus_report_reads_as_a_report() -> None:
    reports = sorted(shared_path("corpus", "reports").glob("*.txt"))
    assert len(reports) >= 55
    for path in reports:
        found, needed = vocabulary_found(read_report(path).text)
        assert found >= needed + 5, (path.name, found, needed)  # a wide margin, not a near miss


def test_one_paragraph_excerpt_is_accepted() -> None:
    sample_text = read_report(sample_path()).text
    start = sample_text.index("今年经济社会发展的主要预期目标")
    excerpt = sample_text[start : sample_text.index("\n", start)]
    report = parse(_source(excerpt))
    assert report.text == excerpt


def test_long_prose_of_another_kind_is_refused() -> None:
    notice = "本仓库收录的文本来自各级官网，标点和乱码已作修正，正式文本以出版物为准。\n" * 100
    with pytest.raises(DubanError) as caught:
        parse(_source(notice))
    assert caught.value.code is ErrorCode.NOT_A_REPORT


def test_parse_text_skips_the_check() -> None:
    """The library function parses any text: the linear-time and fragment tests rely on it."""
    assert parse_text("0" * 50_000).text == "0" * 50_000


def test_cli_prints_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from duban.cli import app

    notice = tmp_path / "readme.txt"
    notice.write_text("这是一个数据集的说明文件，列出了文件的来源和格式。\n" * 80, encoding="utf-8")
    result = CliRunner().invoke(app, ["figures", str(notice)])
    assert result.exit_code == 2
    assert "D111" in result.output and "Traceback" not in result.output
