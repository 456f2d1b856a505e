"""Mutated reports through read_report and analyse: a result or a coded DubanError, nothing else.

A bounded, derandomized slice of the fuzzing campaign (scripts/fuzz_campaign.py):
the same mutations (runs of digits, punctuation, full-width characters, Chinese
numerals and percent signs, nested brackets, unbalanced quotes, duplicated
headings, spliced reports, flipped bytes, cuts) on a short excerpt of the sample,
as files of every suffix and as decoded text. A result must keep every span on
its text and cover every sentence in scope (the ledger's coverage check): bad
input may be refused, never half read.
"""

from __future__ import annotations

import io
import tempfile
from email import encoders
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duban.errors import DubanError, ErrorCode
from duban.ingest import read_report, sample_path
from duban.model import Source
from duban.pipeline import Analysis, analyse

from .ingest.documents import text_pdf
from .ingest.pages import gov_page

_LINES = sample_path().read_text(encoding="utf-8").splitlines()
# The header, the first part's opening and the main targets with the plan that follows them.
_TARGETS = next(i for i, line in enumerate(_LINES) if "主要预期目标" in line)
EXCERPT = "\n".join(_LINES[:12] + _LINES[_TARGETS - 2 : _TARGETS + 14])
OTHER = "\n".join(_LINES[40:60])

TOKENS = (
    "1234567890", "1,111", "%", "％", "。", "，", "、", "１２．５％", "一二三四五六七八九十百千万亿",
    "（一）", "一、", "1.", "一是", "（", "【", "《", "“", "”", "‘", "增长5%", "12.5亿元", "第", "至",
    "\u3000", "\n", "\r\n", "#", "**", "附件", "名词解释", "主要预期目标是：", "2020年工作安排\n", "<p>",
)
OPENERS, CLOSERS = "（【《“‘「([", "）】》”’」)]"


def _edit(text: str, edit: tuple[float, int, str, int]) -> str:
    where, op, token, n = edit
    at = int(where * len(text))
    if op == 0:  # a run of one token
        return text[:at] + token * n + text[at:]
    if op == 1:  # nested brackets, balanced or not
        k = n % len(OPENERS)
        inner = OPENERS[k] * n + token
        return text[:at] + inner + (CLOSERS[k] * n if n % 2 else "") + text[at:]
    if op == 2:  # a line repeated (a heading, a sentence)
        lines = text.split("\n")
        i = int(where * (len(lines) - 1))
        return "\n".join(lines[:i] + [lines[i]] * min(n, 300) + lines[i:])
    if op == 3:  # spliced with another part of a report
        return text[:at] + OTHER[int(where * len(OTHER)) :]
    if op == 4:  # paragraphs flattened into one line
        return text.replace("\n", token if token.isspace() else "")
    if op == 5:  # cut
        return text[:at] + text[at + n :]
    return text[:at] + text[at:at + n].translate(str.maketrans("0123456789%.", "０１２３４５６７８９％．")) + text[at + n :]


edits = st.lists(
    st.tuples(st.floats(0.0, 1.0), st.integers(0, 6), st.sampled_from(TOKENS), st.integers(1, 3000)),
    min_size=1,
    max_size=3,
)


def _checked(text: str, analysis: Analysis) -> None:
    assert analysis.report.text == text
    for f in analysis.figures:
        assert text[f.start : f.end] == f.text
    for t in analysis.ledger.tasks:
        assert text[t.start : t.end] == t.text
    assert analysis.ledger.coverage.ok, analysis.ledger.coverage


def _coded(err: DubanError) -> None:
    assert isinstance(err.code, ErrorCode)
    assert err.one_line().startswith(err.code.value)


@settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(changes=edits)
def test_analyse_mutated_text(changes: list[tuple[float, int, str, int]]) -> None:
    text = EXCERPT
    for change in changes:
        text = _edit(text, change)
    source = Source(text=text, format="text", encoding="utf-8", sha256="0" * 64, size=len(text))
    try:
        analysis = analyse(source)
    except DubanError as err:
        _coded(err)
    else:
        _checked(text, analysis)


def _docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _mhtml(page: bytes) -> bytes:
    message = MIMEMultipart("related", type="text/html")
    message["Subject"] = "2020年政府工作报告"
    part = MIMENonMultipart("text", "html", charset="gb2312")
    part.set_payload(page)
    encoders.encode_quopri(part)
    message.attach(part)
    return message.as_bytes()


def _encode(text: str, suffix: str) -> bytes:
    if suffix == ".docx":
        return _docx(text)
    if suffix == ".pdf":
        return _PDF  # made once: the text edits apply to the other formats
    if suffix == ".html":
        return gov_page(text, "gb2312").encode("gb18030", errors="ignore")
    if suffix == ".mhtml":
        return _mhtml(gov_page(text, "gb2312").encode("gb18030", errors="ignore"))
    if suffix == ".md":
        return f"---\ntitle: 2020年政府工作报告\n---\n{text}".encode()
    return text.encode("gb18030" if suffix == ".txt" else "utf-8", errors="ignore")


_PDF = text_pdf(EXCERPT)
damage = st.lists(st.tuples(st.floats(0.0, 0.999), st.integers(0, 255)), max_size=6)


@settings(max_examples=120, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    suffix=st.sampled_from((".txt", ".md", ".html", ".docx", ".pdf", ".mhtml")),
    changes=edits,
    flips=damage,
    cut=st.floats(0.0, 1.0),
)
def test_read_and_analyse_damaged_files(
    suffix: str, changes: list[tuple[float, int, str, int]], flips: list[tuple[float, int]], cut: float
) -> None:
    text = EXCERPT
    for change in changes:
        text = _edit(text, change)
    data = bytearray(_encode(text, suffix))
    if cut < 0.9:
        del data[max(1, int(len(data) * (0.5 + cut / 2))) :]
    for where, value in flips:
        data[int(where * len(data))] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report{suffix}"
        path.write_bytes(bytes(data))
        try:
            source = read_report(path)
            analysis = analyse(source)
        except DubanError as err:
            _coded(err)
            assert path.name in err.one_line()
        else:
            _checked(source.text, analysis)
