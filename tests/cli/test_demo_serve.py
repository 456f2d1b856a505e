"""``duban demo`` end to end, as the README's first command runs it: build, then serve."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_demo_serves_the_sample(tmp_path: Path, wait_for_port: Any) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUBAN_")}
    env.update({"DUBAN_DATA_HOME": str(tmp_path / "home"), "DUBAN_PASSWORD_PROFILE": "cheapest"})
    log = (tmp_path / "demo.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "duban", "demo", "--port", str(port), "--admin-password", "admin-pass-1"],
        cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port, timeout=90)
        page = httpx.get(f"http://127.0.0.1:{port}/public", follow_redirects=True, timeout=30)
        assert page.status_code == 200 and "地区生产总值" in page.text  # a main target of the sample
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    output = (tmp_path / "demo.log").read_text(encoding="utf-8")
    assert "admin-pass-1" in output and "dept-" in output
    assert (tmp_path / "home" / "duban.sqlite3").is_file()
