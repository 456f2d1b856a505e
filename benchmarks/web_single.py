"""Single requests, in process: the three benchmarked pages (and their .json twins) one at a time.

    python benchmarks/web_single.py [--backend sqlite|postgresql] [--tasks 10000] [--reports 100000] [--n 30]

Builds the same database as ``benchmarks/web.py``, then, with no concurrency
(the test client calls the app in this process), prints the median and 90th
percentile time of each page for a fixed day, then for the next day (the
first visits of a new day recompute the reasons of the rows they show).
Steadier than the load test on a shared machine: no queueing, no client CPU.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def time_pages(url: str, today: str, n: int) -> None:
    os.environ.update({"DUBAN_DATABASE_URL": url, "DUBAN_SECRET_KEY": "bench-secret", "DUBAN_TODAY": today,
                       "DUBAN_PASSWORD_PROFILE": "cheapest"})
    from fastapi.testclient import TestClient
    from web import PASSWORD

    from duban.config import get_settings
    from duban.store.schema import open_database
    from duban.web.app import create_app

    app = create_app(get_settings(), engine=open_database(url))
    with TestClient(app) as client:
        token = client.get("/api/csrf").json()["csrf_token"]
        client.post("/api/login", json={"username": "admin", "password": PASSWORD},
                    headers={"X-CSRF-Token": token}).raise_for_status()
        start = time.perf_counter()
        client.get("/").raise_for_status()
        print(f"[{today}] first request: {time.perf_counter() - start:.2f}s")
        pages = client.get("/tasks.json").json()["pages"]
        ids = [t["id"] for p in (1, pages) for t in client.get(f"/tasks.json?page={p}").json()["tasks"]]
        rng = random.Random(1)
        urls = {
            "ledger": lambda: f"/tasks?page={rng.randint(1, pages)}",
            "ledger.json": lambda: f"/tasks.json?page={rng.randint(1, pages)}",
            "task": lambda: f"/tasks/{rng.choice(ids)}", "task.json": lambda: f"/tasks/{rng.choice(ids)}.json",
            "overview": lambda: "/", "overview.json": lambda: "/overview.json",
        }
        for name, make in urls.items():
            times = []
            for _ in range(n):
                target = make()
                start = time.perf_counter()
                r = client.get(target)
                times.append(time.perf_counter() - start)
                assert r.status_code == 200, (target, r.status_code)
            times.sort()
            print(f"  {name:<14} median {statistics.median(times) * 1000:6.1f} ms"
                  f"   p90 {times[int(0.9 * (len(times) - 1))] * 1000:6.1f} ms")
    app.state.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=30)
    args = parser.parse_args()
    from web import TODAY, build_database

    folder = Path(tempfile.mkdtemp(prefix="duban-single-"))
    os.environ["DUBAN_DATA_HOME"] = str(folder / "home")
    server = None
    if args.backend == "sqlite":
        url = f"sqlite:///{folder / 'bench.sqlite3'}"
    else:
        from tests.conftest import PostgresServer

        server = PostgresServer()
        server.start()
        url = server.url
    try:
        build_database(url, args.tasks, args.reports)
        time_pages(url, TODAY, args.n)
        next_day = dt.date.fromisoformat(TODAY) + dt.timedelta(days=1)
        time_pages(url, next_day.isoformat(), args.n)
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
