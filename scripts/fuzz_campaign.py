"""Fuzzing campaign: bad input gets a coded error and nothing else, and never hangs.

Usage (from the repository root)::

    .venv/bin/python scripts/fuzz_campaign.py [--minutes 20] [--seed 1] [--out /tmp/duban-fuzz]
                                              [--families random,mutate,text] [--timeout 60]

Three families of inputs, round robin until the time is up:

* ``random``: random bytes (sometimes behind a format's magic: ``PK``, ``%PDF-``,
  ``<html>``, a MIME header) written to a file of each suffix (.txt .md .docx
  .pdf .html .mhtml) and given to ``read_report``;
* ``mutate``: real reports (``../shared/corpus``: text in UTF-8 and GB18030,
  Word files, and PDF, HTML and MHTML pages made from the texts) with flipped
  bytes, cuts, splices of two files, duplicated chunks, runs of digits,
  punctuation, full-width characters, Chinese numerals, percent signs, nested
  brackets and unbalanced quotes inserted (into the XML inside a .docx, too);
  read with ``read_report`` and, when that succeeds, analysed
  (``duban.pipeline.analyse``);
* ``text``: the decoded text of a report mutated as above (plus duplicated
  headings, spliced reports, flattened or shuffled lines) and analysed.

The only allowed outcomes are a result (every span on its text, every sentence
in scope in a task or listed as skipped: else the input is saved as ``lost``)
or a ``DubanError`` with a code. Each
input runs in a worker process under a time limit, so a hang is recorded (and
the worker replaced) rather than stopping the campaign. Every other exception,
every hang, and every input slower than ``--slow`` seconds is saved under
``--out`` with a JSON note. The tests keep a bounded, derandomized version of
this (tests/ingest/test_fuzz.py, tests/test_fuzz_pipeline.py).
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing as mp
import random
import sys
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".mhtml")

# Tokens whose long runs stress the parser and the extractor.
RUN_TOKENS = (
    "1234567890", "9", "0.", "1,", "1,234", "%", "％", "‰", "。", "，", "、", "；", "：", "！", "？", "…",
    "１２３４５６７８９０", "％增长", "．", "一二三四五六七八九十百千万亿", "十", "〇", "两",
    "（", "）", "(", ")", "【", "】", "《", "》", "“", "”", "‘", "’", "「", "」", "\"", "'",
    "（一）", "一、", "1.", "1、", "（1）", "一是", "二是", "第", "至", "—", "-", "~", "～", "/",
    "\u3000", " ", "\t", "\n", "\r\n", "\r", "#", "*", "**", ">", "<", "&", "\ufeff",
    "各位代表：", "2020年", "2020年1月15日", "主要预期目标是：", "增长5%", "12.5亿元", "1.5万人",
    "精准服务稳企业。", "附件", "名词解释", "---\n", "以上", "分别", "亿元", "万", "个", "年底前",
    "2019年工作回顾\n", "2020年工作安排\n", "政府工作报告\n", "人民政府", "区长", "第十五届人民代表大会第四次会议",
    "<!--", "-->", "<p>", "<div>", "</div>", "<a href='x'>", "<table><tr><td>", "&nbsp;", "&#x4e00;",
)
BRACKETS = ("（", "【", "《", "“", "‘", "「", "(", "[", "〔", "［")
CLOSERS = ("）", "】", "》", "”", "’", "」", ")", "]", "〕", "］")


# --- the worker ---------------------------------------------------------------


def _run(job: tuple[str, object]) -> tuple[str, str]:
    """('ok'|'coded'|'crash', detail) for one input."""
    from duban.errors import DubanError, ErrorCode
    from duban.ingest import read_report
    from duban.model import Source
    from duban.pipeline import analyse

    kind, payload = job
    try:
        if kind == "text":
            assert isinstance(payload, str)
            source = Source(text=payload, format="text", encoding="utf-8", sha256="0" * 64, size=len(payload))
            analysis = analyse(source)
            return _verdict(payload, analysis)
        source = read_report(str(payload))
        if kind == "read":
            return "ok", f"{len(source.text)} chars"
        analysis = analyse(source)
        return _verdict(source.text, analysis)
    except DubanError as err:
        if not isinstance(err.code, ErrorCode) or not err.one_line().startswith(err.code.value):
            return "crash", f"DubanError without a proper code: {err!r}"
        return "coded", err.code.value
    except Exception:  # noqa: BLE001 - every other exception is what the campaign looks for
        return "crash", traceback.format_exc(limit=12)


def _verdict(text: str, analysis: object) -> tuple[str, str]:
    """'ok', or 'lost' when a span misses its text or a sentence in scope is in no task
    and not listed as skipped (the ledger's own coverage check)."""
    report = analysis.report  # type: ignore[attr-defined]
    if report.text != text:
        return "lost", "Report.text differs from the source text"
    for f in analysis.figures:  # type: ignore[attr-defined]
        if text[f.start : f.end] != f.text:
            return "lost", f"figure span {f.start}-{f.end} != {f.text!r}"
    ledger = analysis.ledger  # type: ignore[attr-defined]
    for t in ledger.tasks:
        if text[t.start : t.end] != t.text:
            return "lost", f"task span {t.start}-{t.end}"
    cov = ledger.coverage
    if not cov.ok:
        return "lost", (f"coverage: {len(cov.uncovered)} uncovered {cov.uncovered[:3]}, "
                        f"{len(cov.duplicated)} duplicated {cov.duplicated[:3]}, "
                        f"{len(cov.targets_outside)} targets outside {cov.targets_outside[:3]}")
    return "ok", f"{len(analysis.figures)} figures, {len(ledger.tasks)} tasks"  # type: ignore[attr-defined]


def _worker(conn: mp.connection.Connection) -> None:
    import logging

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # damaged PDFs make pypdf warn at length
    while True:
        job = conn.recv()
        if job is None:
            return
        start = time.perf_counter()
        status, detail = _run(job)
        conn.send((status, detail, time.perf_counter() - start))


class Worker:
    """One worker process; replaced when an input outlives the time limit."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        self.conn, child = mp.Pipe()
        self.proc = mp.Process(target=_worker, args=(child,), daemon=True)
        self.proc.start()

    def run(self, job: tuple[str, object], timeout: float) -> tuple[str, str, float]:
        self.conn.send(job)
        if self.conn.poll(timeout):
            try:
                return self.conn.recv()  # type: ignore[no-any-return]
            except EOFError:
                pass
        else:
            self.proc.kill()
            self.proc.join()
            self._start()
            return "hang", f"no answer within {timeout:.0f} s", timeout
        self.proc.join()
        code = self.proc.exitcode
        self._start()
        return "crash", f"worker died (exit code {code})", 0.0

    def close(self) -> None:
        self.conn.send(None)
        self.proc.join(5)


# --- seeds --------------------------------------------------------------------


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "reports").glob("*.txt"))]
    texts.append((ROOT / "src" / "duban" / "data" / "samples" / "zhenhai-2020.txt").read_text(encoding="utf-8"))
    return texts


def _mhtml(page: bytes, charset: str | None) -> bytes:
    from email import encoders
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    message = MIMEMultipart("related", type="text/html")
    message["From"] = "<Saved by Blink>"
    message["Subject"] = "2020年政府工作报告"
    part = MIMENonMultipart("text", "html", **({"charset": charset} if charset else {}))
    part.set_payload(page)
    encoders.encode_quopri(part)
    message.attach(part)
    image = MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(40), "png")
    message.attach(image)
    return message.as_bytes()


def seeds(rng: random.Random) -> dict[str, list[bytes]]:
    """Real files of every suffix (PDF and web pages made from real texts)."""
    sys.path.insert(0, str(ROOT))
    from tests.ingest.documents import text_pdf
    from tests.ingest.pages import gov_page

    texts = _texts()
    picked = rng.sample(texts, 4)
    out: dict[str, list[bytes]] = {s: [] for s in SUFFIXES}
    out[".txt"] = [t.encode("utf-8") for t in texts[:20]]
    out[".txt"] += [p.read_bytes() for p in sorted((CORPUS / "raw").glob("*.txt"))]
    out[".txt"].append(picked[0].encode("utf-16"))
    out[".md"] = [
        f"---\ntitle: 2020年政府工作报告\nsource: fuzz\n---\n\n{t}".encode() for t in texts[20:30]
    ]
    out[".docx"] = [p.read_bytes() for p in sorted((CORPUS / "raw" / "docx").glob("*.docx"))]
    out[".pdf"] = [text_pdf(t[:5000]) for t in picked[:3]]
    from reportlab import rl_config

    rl_config.pageCompression = 0  # content streams in clear, so mutations reach the text operators
    out[".pdf"] += [text_pdf(t[:5000]) for t in picked[1:3]]
    out[".html"] = [gov_page(t, "gb2312").encode("gb18030") for t in picked[:2]]
    out[".html"] += [gov_page(t).encode("utf-8") for t in picked[2:]]
    out[".mhtml"] = [_mhtml(gov_page(picked[0], "gb2312").encode("gb18030"), "gb2312")]
    out[".mhtml"].append(_mhtml(gov_page(picked[1]).encode("utf-8"), None))
    return out


# --- mutators -----------------------------------------------------------------


def _run_length(rng: random.Random) -> int:
    """Mostly short runs, sometimes very long ones."""
    return rng.choice((1, 2, 3, 10, 50, 300, 2_000, 20_000, 100_000))


def _token_run(rng: random.Random) -> str:
    token = rng.choice(RUN_TOKENS)
    n = _run_length(rng)
    return (token * (n // len(token) + 1))[: max(n, len(token))]


def _nested(rng: random.Random) -> str:
    depth = _run_length(rng)
    k = rng.randrange(len(BRACKETS))
    inner = rng.choice(("", "增长5%", "12亿元", "一、标题", "。"))
    opened = BRACKETS[k] * depth + inner
    return opened + (CLOSERS[k] * depth if rng.random() < 0.5 else "")  # balanced or not


def mutate_text(text: str, rng: random.Random, others: list[str]) -> str:
    """One to three text mutations."""
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(0, len(text))
        op = rng.randrange(12)
        if op == 0:
            text = text[:at] + _token_run(rng) + text[at:]
        elif op == 1:
            text = text[:at] + _nested(rng) + text[at:]
        elif op == 2:  # duplicate heading lines
            lines = text.split("\n")
            heads = [i for i, line in enumerate(lines) if line.lstrip("\u3000 #*")[:1] in "一二三四五六七八九十（(0123456789"]
            if heads:
                i = rng.choice(heads)
                lines[i:i] = [lines[i]] * _run_length(rng)
                text = "\n".join(lines)
        elif op == 3:  # duplicate a paragraph
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            lines[i:i] = [lines[i]] * rng.choice((2, 10, 100, 1000))
            text = "\n".join(lines)
        elif op == 4:  # splice two reports
            other = rng.choice(others)
            text = text[:at] + other[rng.randint(0, len(other)) :]
        elif op == 5:  # flatten: paragraphs joined into one line
            text = text.replace("\n", rng.choice(("", " ", " \u3000\u3000", "\u3000")))
        elif op == 6:  # shuffle the lines of a window
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            window = lines[i : i + 50]
            rng.shuffle(window)
            lines[i : i + 50] = window
            text = "\n".join(lines)
        elif op == 7:  # cut
            text = text[:at] if rng.random() < 0.5 else text[at:]
        elif op == 8:  # random characters
            chars = "".join(chr(rng.choice((rng.randint(0x20, 0x7E), rng.randint(0x3000, 0x303F),
                                            rng.randint(0x4E00, 0x9FFF), rng.randint(0xFF00, 0xFFEF),
                                            rng.randint(0x80, 0x2FFF), rng.randint(0x10000, 0x10FFFF))))
                            for _ in range(rng.choice((1, 10, 100))))
            text = text[:at] + chars + text[at:]
        elif op == 9:  # repeat a span many times
            end = min(len(text), at + rng.randint(1, 40))
            text = text[:at] + text[at:end] * rng.choice((10, 100, 1000, 5000)) + text[end:]
        elif op == 10:  # full-width digits and signs
            end = min(len(text), at + rng.randint(1, 5000))
            table = str.maketrans("0123456789%.", "０１２３４５６７８９％．")
            text = text[:at] + text[at:end].translate(table) + text[end:]
        else:  # delete a span
            end = min(len(text), at + rng.randint(1, 2000))
            text = text[:at] + text[end:]
    return text


def _encoding_of(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def mutate_bytes(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """One to four byte-level mutations."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(8)
        at = rng.randint(0, len(out))
        if op == 0 and out:  # flip bytes
            for _ in range(rng.choice((1, 2, 8, 64))):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif op == 1 and out:  # flip bits
            for _ in range(rng.choice((1, 4, 16))):
                i = rng.randrange(len(out))
                out[i] ^= 1 << rng.randrange(8)
        elif op == 2:  # truncate
            del out[at:]
        elif op == 3:  # splice
            other = rng.choice(others)
            out = out[:at] + other[rng.randint(0, len(other)) :]
        elif op == 4:  # duplicate a chunk
            end = min(len(out), at + rng.randint(1, 4096))
            out[at:at] = out[at:end] * rng.choice((1, 2, 10, 100))
        elif op == 5:  # insert a run, encoded like the file
            encoding = _encoding_of(bytes(out))
            run = _token_run(rng) if rng.random() < 0.7 else _nested(rng)
            out[at:at] = run.encode(encoding, errors="ignore")
        elif op == 6:  # delete a chunk
            del out[at : at + rng.randint(1, 4096)]
        else:  # random bytes
            out[at:at] = rng.randbytes(rng.choice((1, 16, 256, 4096)))
    return bytes(out)


def mutate_docx(data: bytes, rng: random.Random, texts: list[str]) -> bytes:
    """Mutate the XML inside the package (the zip stays valid), or the zip's bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {info.filename: archive.read(info) for info in archive.infolist()}
    except Exception:  # noqa: BLE001
        return mutate_bytes(data, rng, [data])
    name = "word/document.xml" if rng.random() < 0.8 or len(members) < 2 else rng.choice(list(members))
    xml = members.get(name, b"").decode("utf-8", errors="replace")
    op = rng.randrange(5)
    at = rng.randint(0, len(xml))
    if op == 0:  # text run with a hostile run inside
        xml = xml.replace("<w:t>", "<w:t>" + _token_run(rng), 1) if rng.random() < 0.5 else \
            xml[:at] + _token_run(rng) + xml[at:]
    elif op == 1:  # deep nesting
        depth = rng.choice((10, 100, 300, 1000, 5000))
        tag = rng.choice(("w:sdt><w:sdtContent", "w:customXml", "w:ins", "w:r", "w:hyperlink", "w:tbl><w:tr><w:tc"))
        opens = "".join(f"<{t}>" for t in tag.split("><")) * depth
        closes = "".join(f"</{t}>" for t in reversed(tag.split("><"))) * depth
        body = xml.find("<w:body>")
        pos = body + len("<w:body>") if body >= 0 else at
        xml = xml[:pos] + opens + "<w:p><w:r><w:t>增长5%</w:t></w:r></w:p>" + closes + xml[pos:]
    elif op == 2:  # many paragraphs of a report's text
        body = xml.find("<w:body>")
        pos = body + len("<w:body>") if body >= 0 else at
        lines = rng.choice(texts).splitlines()[: rng.choice((10, 100, 1000))]
        paras = "".join(f"<w:p><w:r><w:t>{_xml_escape(line)}</w:t></w:r></w:p>" for line in lines)
        xml = xml[:pos] + paras + xml[pos:]
    elif op == 3:  # break the XML
        xml = xml[:at] + rng.choice(("<", ">", "&", "</w:p>", "<w:p>", "\x00", "]]>", "<!DOCTYPE x [<!ENTITY a 'a'>]>")) + xml[at:]
    else:
        xml = xml[:at] + xml[at + rng.randint(1, 500) :]
    members[name] = xml.encode("utf-8", errors="replace")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return buffer.getvalue()


def _xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def random_bytes(rng: random.Random, suffix: str) -> bytes:
    size = rng.choice((0, 1, 2, 7, 64, 512, 4096, 65536))
    body = rng.randbytes(size)
    magic = {
        ".docx": b"PK\x03\x04",
        ".pdf": b"%PDF-1.4\n",
        ".html": b"<html><body>",
        ".mhtml": b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
                  b"Content-Type: text/html\r\n\r\n",
        ".md": b"---\ntitle: x\n---\n",
        ".txt": b"\xef\xbb\xbf",
    }[suffix]
    return (magic + body) if rng.random() < 0.5 else body


# --- the campaign -------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("/tmp/duban-fuzz"))
    parser.add_argument("--families", default="random,mutate,text")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--slow", type=float, default=10.0)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    work = args.out / "work"
    work.mkdir(exist_ok=True)
    texts = _texts()
    files = seeds(rng)
    families = args.families.split(",")
    counts: Counter[str] = Counter()
    rounds: Counter[str] = Counter()  # inputs made per family: each family cycles through the suffixes
    outcomes: Counter[tuple[str, str]] = Counter()
    found: list[dict[str, object]] = []
    worker = Worker()
    deadline = time.monotonic() + 60 * args.minutes
    step = 0

    makers: dict[str, Callable[[], tuple[str, tuple[str, object], bytes, str]]] = {}

    def random_case() -> tuple[str, tuple[str, object], bytes, str]:
        suffix = SUFFIXES[rounds["random"] % len(SUFFIXES)]
        data = random_bytes(rng, suffix)
        path = work / f"input{suffix}"
        path.write_bytes(data)
        return f"random{suffix}", ("read", str(path)), data, suffix

    def mutate_case() -> tuple[str, tuple[str, object], bytes, str]:
        suffix = SUFFIXES[rounds["mutate"] % len(SUFFIXES)]
        base = rng.choice(files[suffix])
        if suffix == ".docx" and rng.random() < 0.7:
            data = mutate_docx(base, rng, texts)
        elif suffix in (".txt", ".md", ".html") and rng.random() < 0.5:
            encoding = _encoding_of(base) if not base.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-16"
            data = mutate_text(base.decode(encoding), rng, texts).encode(encoding, errors="ignore")
        else:
            pool = [b for s in SUFFIXES for b in files[s]] if rng.random() < 0.2 else files[suffix]
            data = mutate_bytes(base, rng, pool)
        path = work / f"input{suffix}"
        path.write_bytes(data)
        return f"mutate{suffix}", ("analyse", str(path)), data, suffix

    def text_case() -> tuple[str, tuple[str, object], bytes, str]:
        text = mutate_text(rng.choice(texts), rng, texts)
        return "text", ("text", text), text.encode("utf-8", errors="surrogatepass"), ".txt"

    makers = {"random": random_case, "mutate": mutate_case, "text": text_case}
    try:
        while time.monotonic() < deadline:
            family = families[step % len(families)]
            name, job, data, suffix = makers[family]()
            step += 1
            rounds[family] += 1
            status, detail, seconds = worker.run(job, args.timeout)
            counts[name] += 1
            outcomes[(name, status if status != "coded" else f"coded {detail}")] += 1
            if status in ("crash", "hang", "lost") or seconds > args.slow:
                label = status if status in ("crash", "hang", "lost") else "slow"
                saved = args.out / f"{label}-{len(found):04d}-{name.replace('.', '')}{suffix}"
                saved.write_bytes(data)
                note = {"family": name, "status": label, "detail": detail, "seconds": round(seconds, 2),
                        "bytes": len(data), "file": saved.name}
                saved.with_suffix(saved.suffix + ".json").write_text(json.dumps(note, ensure_ascii=False, indent=1))
                found.append(note)
                print(f"[{step}] {label} {name} {seconds:.1f}s {detail.strip().splitlines()[-1][:200]}", flush=True)
            if step % 200 == 0:
                print(f"[{step}] {dict(counts)}", flush=True)
    finally:
        worker.close()
    print("inputs per family:")
    for name, n in sorted(counts.items()):
        print(f"  {name:16} {n:6}")
    print("outcomes:")
    for (name, status), n in sorted(outcomes.items()):
        print(f"  {name:16} {status:12} {n:6}")
    summary = {"inputs": dict(counts), "outcomes": {f"{k[0]} {k[1]}": v for k, v in outcomes.items()},
               "found": found}
    (args.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    print(f"{len(found)} crashes, hangs or slow inputs saved under {args.out}")
    return 1 if any(n["status"] in ("crash", "hang", "lost") for n in found) else 0


if __name__ == "__main__":
    sys.exit(main())
