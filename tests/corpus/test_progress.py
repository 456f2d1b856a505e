"""Progress output: log lines off a terminal, a Rich bar on one."""

from __future__ import annotations

import io
import re

from rich.console import Console

from duban.corpus.progress import LogReporter, RichReporter, SilentReporter, make_reporter


def test_progress_log_lines_say_files_rate_eta_errors() -> None:
    stream = io.StringIO()
    rep = LogReporter(stream, interval=0.0)
    rep.start(4, skipped=2)
    for errors in (0, 1, 1, 1):
        rep.advance(errors)
    rep.finish()
    lines = stream.getvalue().splitlines()
    assert lines[0] == "corpus: 4 files to process (2 already done, skipped)"
    assert lines[1].startswith("corpus: 1/4 files (25.0%), ")
    assert "files/s, ETA" in lines[1] and lines[1].endswith("0 errors")
    assert lines[-1].startswith("corpus: 4/4 files (100.0%)") and "1 errors" in lines[-1]


def test_progress_log_lines_are_throttled() -> None:
    stream = io.StringIO()
    rep = LogReporter(stream, interval=3600)
    rep.start(100, skipped=0)
    for _ in range(100):
        rep.advance(0)
    rep.finish()
    assert len(stream.getvalue().splitlines()) == 2  # the start line and the final one


def test_progress_rich_bar_on_a_terminal() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=140)
    rep = RichReporter(console)
    rep.start(3, skipped=1)
    for errors in (0, 0, 1):
        rep.advance(errors)
    rep.finish()
    out = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", buffer.getvalue())
    assert "1 files already done" in out
    assert "3/3" in out and "1 errors" in out and "files/s" in out


def test_progress_reporter_choice() -> None:
    assert isinstance(make_reporter(quiet=True), SilentReporter)
    assert isinstance(make_reporter(), LogReporter)  # pytest's stderr is not a terminal
