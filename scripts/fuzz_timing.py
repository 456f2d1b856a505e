"""Time growth of hostile input families through the whole pipeline: n, 2n, 4n.

Usage (from the repository root)::

    .venv/bin/python scripts/fuzz_timing.py [--only NAME,NAME] [--scale 1.0]

Each family makes a report-like text (a header and a line of the register's
words, so the genre check passes) around a hostile block of ``n`` units, and
times ``read_report`` (for file families) plus ``duban.pipeline.analyse`` at
n, 2n and 4n (best of two CPU times). Linear time doubles per doubling; a
ratio above ~2.5 per doubling is reported as SLOW. The committed tests hold
the families that found defects (tests/parse, tests/extract, tests/ledger).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from duban.ingest import read_report
from duban.model import Source
from duban.pipeline import analyse

HEADER = (
    "2020年政府工作报告\n各位代表：\n"
    "现在，我代表人民政府向大会报告工作。发展经济，建设城市，推进改革，加快实施，加强完善，提升全面，坚持增长。\n"
)
PLAN = "一、2020年工作安排\n（一）推进经济高质量发展\n"


def _rep(unit: str, n: int) -> str:
    return unit * n


FAMILIES: dict[str, tuple[Callable[[int], str], int]] = {
    # parse
    "themes-in-one-area": (lambda n: PLAN + _rep("精准服务稳企业。推进项目建设。\n", n), 2_000),
    "inline-items": (lambda n: PLAN + _rep("精准服务。一是推进建设；二是加快发展。\n", n), 2_000),
    "unnumbered-parts": (lambda n: _rep("2020年工作安排\n一、推进发展\n推进项目建设。\n", n), 2_000),
    "part-headings": (lambda n: _rep("一、标题\n（一）标题\n推进项目建设。\n", n), 2_000),
    "area-headings-many": (lambda n: "一、2020年工作安排\n" + _rep("（一）标题\n推进项目建设。\n", n), 2_000),
    "glossary": (lambda n: PLAN + "推进。\n" * 50 + "附件\n名词解释\n" + "".join(f"{i}.术语：解释。\n" for i in range(n)), 2_000),
    # extract
    "thousands-groups": (lambda n: PLAN + "增长1" + _rep(",111", n) + "1亿元。\n", 5_000),
    "thousands-groups-comma": (lambda n: PLAN + "达到" + _rep("1,", n) + "亿元。\n", 10_000),
    "figures-one-clause": (lambda n: PLAN + "推进" + _rep("12亿元", n) + "。\n", 2_000),
    "figures-one-sentence": (lambda n: PLAN + "推进" + _rep("增长5%，", n) + "。\n", 2_000),
    "years": (lambda n: PLAN + "推进" + _rep("2019年", n) + "。\n", 5_000),
    "fullwidth": (lambda n: PLAN + "推进" + _rep("１２．５％，", n) + "。\n", 2_000),
    "nested-brackets": (lambda n: PLAN + "推进" + _rep("（【《“", n) + "增长5%" + _rep("”》】）", n) + "。\n", 5_000),
    "unbalanced-quotes": (lambda n: PLAN + _rep("推进“增长5%，", n) + "。\n", 2_000),
    "percent-signs": (lambda n: PLAN + "推进增长5" + "%" * n + "。\n", 20_000),
    "chinese-numerals": (lambda n: PLAN + "推进" + _rep("一二三四五六七八九十百千万亿", n) + "个项目。\n", 2_000),
    # ledger
    "target-sentences": (lambda n: PLAN + _rep("推进项目建设，增长5%。\n", n), 2_000),
    "target-sentences-one-line": (lambda n: PLAN + _rep("推进项目建设，增长5%。", n) + "\n", 2_000),
    "task-sentences": (lambda n: PLAN + _rep("推进项目建设。\n", n), 4_000),
    "intro-before-theme": (lambda n: PLAN + _rep("推进项目建设，加快发展。", n) + "\n精准服务稳企业。推进。\n", 2_000),
    "intro-paragraphs-before-theme": (lambda n: PLAN + _rep("推进项目建设，加快发展。\n", n) + "精准服务稳企业。推进。\n", 2_000),
    "main-targets-list": (lambda n: "一、2020年工作安排\n今年经济社会发展的主要预期目标是：" + _rep("地区生产总值增长5%，", n) + "。\n", 2_000),
    "main-targets-qualitative": (lambda n: "一、2020年工作安排\n今年经济社会发展的主要预期目标是：" + _rep("城乡居民收入持续增加，", n) + "。\n", 2_000),
    "main-targets-mixed": (lambda n: "一、2020年工作安排\n今年经济社会发展的主要预期目标是：" + _rep("增长5%，居民收入同步，", n) + "。\n", 2_000),
    "deadlines": (lambda n: PLAN + _rep("推进项目建设，2020年底前完成。\n", n), 2_000),
    "mentions": (lambda n: PLAN + "推进" + _rep("杭甬高速复线、", n) + "建设。\n", 2_000),
    "mentions-lead-words": (lambda n: PLAN + _rep("推进", n) + "杭甬高速复线建设。\n", 5_000),
}

# File families: bytes of a suffix around the text above.
def _html(n: int) -> bytes:
    return ("<html><body>" + "<div>" * min(n, 200) + HEADER.replace("\n", "<br>")
            + _rep("<p>推进项目建设，增长5%。</p>", n) + "</body></html>").encode()


def _docx(n: int) -> bytes:
    import docx

    document = docx.Document()
    for line in (HEADER + PLAN).splitlines():
        document.add_paragraph(line)
    for _ in range(n):
        document.add_paragraph("推进项目建设，增长5%。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


FILE_FAMILIES: dict[str, tuple[str, Callable[[int], bytes], int]] = {
    "html-paragraphs": (".html", _html, 2_000),
    "gb18030-text": (".txt", lambda n: (HEADER + PLAN + _rep("推进项目建设，增长5%。\n", n)).encode("gb18030"), 2_000),
    "utf16-text": (".txt", lambda n: (HEADER + PLAN + _rep("推进项目建设，增长5%。\n", n)).encode("utf-16"), 2_000),
    "docx-paragraphs": (".docx", _docx, 1_000),
}


def _cpu(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def _text_run(text: str) -> Callable[[], object]:
    source = Source(text=text, format="text", encoding="utf-8", sha256="0" * 64, size=len(text))
    return lambda: analyse(source)


def _file_run(data: bytes, suffix: str, folder: Path) -> Callable[[], object]:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return lambda: analyse(read_report(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    slow = []
    print(f"{'family':34} {'n':>7} {'t(n)':>8} {'t(2n)':>8} {'t(4n)':>8}  ratios")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases: list[tuple[str, Callable[[int], Callable[[], object]], int]] = []
        for name, (make, n) in FAMILIES.items():
            cases.append((name, lambda k, make=make: _text_run(HEADER + make(k)), n))
        for name, (suffix, make_bytes, n) in FILE_FAMILIES.items():
            cases.append((name, lambda k, m=make_bytes, s=suffix: _file_run(m(k), s, folder), n))
        for name, runner, n in cases:
            if only and name not in only:
                continue
            n = max(1, int(n * args.scale))
            times = [_cpu(runner(k)) for k in (n, 2 * n, 4 * n)]
            ratios = [times[1] / max(times[0], 0.01), times[2] / max(times[1], 0.01)]
            flag = "SLOW" if min(ratios) > 2.5 and times[2] > 0.1 else ""
            if flag:
                slow.append(name)
            print(f"{name:34} {n:7} {times[0]:8.3f} {times[1]:8.3f} {times[2]:8.3f}  "
                  f"{ratios[0]:.2f} {ratios[1]:.2f} {flag}", flush=True)
    print("slow:", ", ".join(slow) or "none")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
