"""Server CPU per request: the three benchmarked pages, one request at a time, against ``duban serve``.

    python benchmarks/web_cpu.py [--backend sqlite|postgresql] [--n 200] [--tasks 10000] [--reports 100000]

Builds the database of ``benchmarks/web.py``, starts the server the same way,
then for each page sends ``n`` requests one after another and divides the CPU
time the server process used (user + system, from ``/proc``) by ``n``. That is
what the load test's throughput is made of, without its queueing, and the
number moves little when other programs share the machine (Linux only).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web import build_database, logged_in, start_server


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(url: str, n: int, folder: Path) -> None:
    proc, base = start_server(url, folder / "home")
    try:
        with logged_in(base) as c:
            c.get("/").raise_for_status()  # the first status computation
            pages = c.get("/tasks.json").json()["pages"]
            ids = [t["id"] for p in (1, pages) for t in c.get(f"/tasks.json?page={p}").json()["tasks"]]
            rng = random.Random(1)
            urls = {"ledger": lambda: f"/tasks?page={rng.randint(1, pages)}",
                    "task": lambda: f"/tasks/{rng.choice(ids)}", "overview": lambda: "/",
                    "healthz": lambda: "/healthz"}
            print(f"  {'page':<10}{'server CPU ms/req':>18}{'wall p50 ms':>13}")
            for name, make in urls.items():
                for _ in range(20):  # warm: templates compiled, caches filled
                    c.get(make()).raise_for_status()
                walls = []
                start = cpu_seconds(proc.pid)
                for _ in range(n):
                    t0 = time.perf_counter()
                    c.get(make()).raise_for_status()
                    walls.append(time.perf_counter() - t0)
                used = cpu_seconds(proc.pid) - start
                walls.sort()
                print(f"  {name:<10}{used / n * 1000:>18.2f}{walls[n // 2] * 1000:>13.2f}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--reports", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="duban-cpu-"))
    if args.backend == "sqlite":
        url = f"sqlite:///{folder / 'bench.sqlite3'}"
        build_database(url, args.tasks, args.reports)
        measure(url, args.n, folder)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.conftest import PostgresServer

    server = PostgresServer()
    server.start()
    try:
        build_database(server.url, args.tasks, args.reports)
        measure(server.url, args.n, folder)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
