"""Load test of the web app: 50 concurrent clients against the ledger, a task page and the overview.

    python benchmarks/web.py [--backend sqlite|postgresql|both] [--seconds 20] [--clients 50]
                             [--tasks 10000] [--reports 100000] [--workers 1]

For each backend it builds a database the size of a big office's year (the
demo database plus synthetic tasks and progress reports, inserted in bulk),
starts ``python -m duban serve`` on a free loopback port, logs in once, warms
the server up, then runs the clients for a fixed time, each picking one of
the three pages at random (the ledger at a random page, a random task). It
prints requests per second and p50/p99 latency per page, and the errors.
PostgreSQL is a throwaway server started from the machine's binaries (the
test suite's ``PostgresServer``) unless ``--pg-url`` names one.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx
from sqlalchemy import func, insert, select, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from duban.demo import build_demo
from duban.store.db import make_engine, make_sessionmaker
from duban.store.schema import open_database
from duban.store.tables import (
    AreaRow,
    DepartmentRow,
    ProgressReportRow,
    ReportRow,
    TaskDepartmentRow,
    TaskRow,
    utcnow,
)

TODAY = "2020-07-15"
PASSWORD = "bench-pass-123"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, home: Path, *, workers: int = 1, log: IO[str] | None = None
                 ) -> tuple[subprocess.Popen[bytes], str]:
    """``python -m duban serve`` on a free port against ``url``, once it answers; (process, base URL)."""
    port = free_port()
    env = {**os.environ, "DUBAN_DATABASE_URL": url, "DUBAN_DATA_HOME": str(home),
           "DUBAN_SECRET_KEY": "bench-secret", "DUBAN_TODAY": TODAY, "DUBAN_PASSWORD_PROFILE": "cheapest"}
    proc = subprocess.Popen([sys.executable, "-m", "duban", "serve", "--port", str(port), "--log-level", "warning",
                             "--workers", str(workers)], env=env, stdout=log,
                            stderr=subprocess.STDOUT if log else None)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.2)
    return proc, base


@contextmanager
def logged_in(base: str) -> Iterator[httpx.Client]:
    """A client of the server at ``base``, logged in as the admin."""
    with httpx.Client(base_url=base, timeout=120) as client:
        token = client.get("/api/csrf").json()["csrf_token"]
        client.post("/api/login", json={"username": "admin", "password": PASSWORD},
                    headers={"X-CSRF-Token": token}).raise_for_status()
        yield client


def build_database(url: str, tasks: int, reports: int) -> None:
    """The demo database grown to ``tasks`` tasks and ``reports`` progress reports."""
    os.environ.setdefault("DUBAN_PASSWORD_PROFILE", "cheapest")
    engine = open_database(url)
    rng = random.Random(7)
    with make_sessionmaker(engine).begin() as s:
        build_demo(session=s, admin_password=PASSWORD, department_password=PASSWORD)
    with make_sessionmaker(engine).begin() as s:
        report = s.scalar(select(ReportRow).order_by(ReportRow.id))
        assert report is not None
        areas = list(s.scalars(select(AreaRow.id).where(AreaRow.report_id == report.id)))
        departments = list(s.scalars(select(DepartmentRow.id)))
        have = s.scalar(select(func.count()).select_from(TaskRow)) or 0
        base_position = s.scalar(select(func.max(TaskRow.position))) or 0
        now = utcnow()
        rows = [
            {"lineage": report.lineage, "key": f"bench-{i}", "report_id": report.id, "area_id": rng.choice(areas),
             "position": base_position + i, "number": f"B{i}", "title": f"合成任务{i}",
             "text": f"合成任务{i}：推进重点项目建设，完成年度投资目标。", "start": 0, "end": 10, "kind": "task",
             "role": "plan", "deadline": dt.date(2020, rng.choice([6, 9, 12]), 30 if rng.random() < .7 else 15),
             "projects": [], "status": "not_reported", "retired": False, "created_at": now, "updated_at": now,
             "version": 1}
            for i in range(1, max(0, tasks - have) + 1)
        ]
        for i in range(0, len(rows), 2000):
            s.execute(insert(TaskRow.__table__), rows[i:i + 2000])
        new_ids = list(s.scalars(select(TaskRow.id).where(TaskRow.key.like("bench-%"))))
        s.execute(insert(TaskDepartmentRow.__table__), [
            {"task_id": t, "department_id": rng.choice(departments), "role": "lead", "state": "confirmed",
             "rule": "bench", "created_at": now} for t in new_ids])
        all_ids = list(s.scalars(select(TaskRow.id)))
        progress = [
            {"task_id": rng.choice(all_ids), "department_id": rng.choice(departments),
             "reported_on": dt.date(2020, 5, 10) + dt.timedelta(days=rng.randrange(60)),
             "percent": float(rng.randrange(0, 101)), "narrative": "按计划推进。", "created_at": now}
            for _ in range(reports)
        ]
        for i in range(0, len(progress), 5000):
            s.execute(insert(ProgressReportRow.__table__), progress[i:i + 5000])
    # fresh planner statistics after the bulk load, as autovacuum (or a DBA) would give a real database:
    # without them PostgreSQL believes the tasks table holds a handful of rows and sorts instead of using
    # the ledger's index
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    engine.dispose()


async def run_clients(base: str, cookies: httpx.Cookies, task_ids: list[int], pages: int, clients: int,
                      seconds: float) -> dict[str, list[float]]:
    latencies: dict[str, list[float]] = {"ledger": [], "task": [], "overview": []}
    errors: dict[str, int] = {k: 0 for k in latencies}
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker(seed: int) -> None:
        rng = random.Random(seed)
        async with httpx.AsyncClient(base_url=base, cookies=cookies, limits=limits, timeout=30) as client:
            while time.monotonic() < deadline:
                page = rng.choice(("ledger", "task", "overview"))
                url = {"ledger": f"/tasks?page={rng.randint(1, pages)}", "task": f"/tasks/{rng.choice(task_ids)}",
                       "overview": "/"}[page]
                start = time.perf_counter()
                try:
                    r = await client.get(url)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - start
                if ok:
                    latencies[page].append(elapsed)
                else:
                    errors[page] += 1

    await asyncio.gather(*(worker(i) for i in range(clients)))
    latencies["_errors"] = [float(sum(errors.values()))]
    for k, v in errors.items():
        latencies[f"_errors_{k}"] = [float(v)]
    return latencies


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench(backend: str, url: str, args: argparse.Namespace, folder: Path) -> None:
    t0 = time.monotonic()
    build_database(url, args.tasks, args.reports)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as s:
        task_ids = list(s.scalars(select(TaskRow.id)))
        n_reports = s.scalar(select(func.count()).select_from(ProgressReportRow))
    engine.dispose()
    print(f"[{backend}] database: {len(task_ids)} tasks, {n_reports} progress reports "
          f"(built in {time.monotonic() - t0:.0f}s)")
    log = open(folder / f"server-{backend}.log", "w")  # noqa: SIM115 (open for the server's lifetime)
    proc, base = start_server(url, folder / f"home-{backend}", workers=args.workers, log=log)
    try:
        with logged_in(base) as c:
            t1 = time.monotonic()
            c.get("/").raise_for_status()  # the first request ever computes every task's status and its horizon
            print(f"[{backend}] warm-up (first status computation of all tasks): {time.monotonic() - t1:.1f}s")
            pages = c.get("/tasks.json").json()["pages"]
            cookies = c.cookies
        lat = asyncio.run(run_clients(base, cookies, task_ids, pages, args.clients, args.seconds))
        print(f"[{backend}] {args.clients} clients for {args.seconds:.0f}s on loopback, {args.workers} server worker(s)")
        print(f"  {'page':<10}{'requests':>10}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
        total = 0
        for page in ("ledger", "task", "overview"):
            values = lat[page]
            total += len(values)
            print(f"  {page:<10}{len(values):>10}{len(values) / args.seconds:>10.1f}"
                  f"{percentile(values, .5) * 1000:>10.1f}{percentile(values, .99) * 1000:>10.1f}"
                  f"{int(lat['_errors_' + page][0]):>8}")
        print(f"  {'all':<10}{total:>10}{total / args.seconds:>10.1f}{'':>20}{int(lat['_errors'][0]):>8}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument("--pg-url", default=os.environ.get("DUBAN_TEST_DATABASE_URL"))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="duban-bench-"))
    if args.backend in ("sqlite", "both"):
        bench("sqlite", f"sqlite:///{folder / 'bench.sqlite3'}", args, folder)
    if args.backend in ("postgresql", "both"):
        if args.pg_url:
            bench("postgresql", args.pg_url, args, folder)
        else:
            from tests.conftest import PostgresServer

            server = PostgresServer()
            server.start()
            try:
                bench("postgresql", server.url, args, folder)
            finally:
                server.stop()


if __name__ == "__main__":
    main()
