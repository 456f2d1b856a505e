"""Corpus throughput: files/s and chars/s with 1 process and with all cores, peak memory, speed-up.

Each measured run is a real ``duban corpus DIR --out OUT --workers N`` in a
subprocess, into a fresh output folder; a sampler thread follows the resident
memory of that process and all its workers (psutil) and keeps the peak of the
sum. ``chars`` is the decoded text length of the parsed reports (the
``reports.chars`` column), so chars/s measures the work, not the file bytes.

    python benchmarks/corpus.py                      # the 3,004 bulk reports, unpacked to a temp dir
    python benchmarks/corpus.py --dir /tmp/bulk      # an unpacked folder
    python benchmarks/corpus.py --sample 300         # every k-th file, 300 in all (a quick look)
    python benchmarks/corpus.py --keep /tmp/bulk-out # keep the all-cores output (for corpus-summary)

Rates use the run's own time (from the first dispatch to the last result, as
``duban corpus`` reports it); the end-to-end time with interpreter start and
compaction is given too. Prints one table and a JSON line with every number
(``--json PATH`` also writes it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk" / "lawtext-gov-reports.tar.xz"
sys.path.insert(0, str(ROOT / "src"))

from duban.corpus.engine import default_workers
from duban.corpus.runner import discover


class PeakMemory(threading.Thread):
    """Samples the resident memory of a process tree every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self.stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
            self.peak = max(self.peak, total)
            self.stop.wait(self.interval)


def sample_folder(files: list[Path], root: Path, n: int, dest: Path) -> Path:
    """A folder of symlinks to every k-th file (``n`` in all), same relative paths."""
    step = max(1, len(files) // n)
    for path in files[::step][:n]:
        link = dest / path.relative_to(root)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(path)
    return dest


def measure(folder: Path, out: Path, workers: int) -> dict[str, Any]:
    """One ``duban corpus`` run; its wall time, rates and peak memory."""
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "duban", "corpus", str(folder), "--out", str(out), "--workers", str(workers)]
    load_before = os.getloadavg()
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = PeakMemory(proc.pid)
    sampler.start()
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - began
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"duban corpus failed ({proc.returncode}):\n{stderr[-2000:]}")
    reports = pq.read_table(out / "reports.parquet", columns=["chars"])
    errors = pq.read_metadata(out / "errors.parquet").num_rows
    files = reports.num_rows + errors
    chars = sum(c or 0 for c in reports.column("chars").to_pylist())
    line = stdout.strip().splitlines()[0] if stdout.strip() else ""
    found = re.search(r" in ([0-9.]+)s with ", line)
    run_seconds = float(found.group(1)) if found and float(found.group(1)) > 0 else seconds
    if files == 0:
        raise SystemExit(f"no files were processed under {folder}: {line}")
    return {
        "workers": workers,
        "files": files,
        "parsed": reports.num_rows,
        "errors": errors,
        "chars": chars,
        "seconds": round(seconds, 2),  # end to end: interpreter start, run, compaction
        "run_seconds": round(run_seconds, 2),  # the run's own time (dispatch to last result)
        "files_per_s": round(files / run_seconds, 2),
        "chars_per_s": round(chars / run_seconds),
        "files_per_s_end_to_end": round(files / seconds, 2),
        "peak_rss_mb": round(sampler.peak / 2**20, 1),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "summary_line": line,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, help="an unpacked corpus folder (default: unpack the bulk tarball)")
    parser.add_argument("--sample", type=int, default=0, help="only every k-th file, this many in all")
    parser.add_argument("--workers", type=int, default=default_workers(), help="'all cores' (default: all)")
    parser.add_argument("--keep", type=Path, help="keep the all-cores output folder here")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="duban-bench-") as tmp_name:
        tmp = Path(tmp_name)
        folder = args.dir
        if folder is None:
            if not BULK.is_file():
                raise SystemExit(f"bulk corpus not found: {BULK}")
            folder = tmp / "bulk"
            with tarfile.open(BULK) as tar:
                tar.extractall(folder, filter="data")
        files = discover(folder)
        if args.sample:
            folder = sample_folder(files, folder, args.sample, tmp / "sample")
            files = discover(folder)
        print(f"{len(files)} files under {folder}; {os.cpu_count()} cores, load {os.getloadavg()}", flush=True)
        one = measure(folder, tmp / "out-1", 1)
        print(f"1 process: {one}", flush=True)
        many_out = args.keep or tmp / "out-n"
        many = measure(folder, many_out, args.workers)
        print(f"{args.workers} processes: {many}", flush=True)

    result = {
        "files": len(files),
        "cores": os.cpu_count(),
        "one_process": one,
        "all_cores": many,
        "speed_up": round(many["files_per_s"] / one["files_per_s"], 2) if one["files_per_s"] else None,
        "speed_up_chars": round(many["chars_per_s"] / one["chars_per_s"], 2) if one["chars_per_s"] else None,
    }
    print()
    print(f"{'':14}{'files/s':>10}{'chars/s':>12}{'seconds':>10}{'peak MB':>10}{'load before':>18}")
    for label, r in (("1 process", one), (f"{args.workers} processes", many)):
        print(
            f"{label:14}{r['files_per_s']:>10}{r['chars_per_s']:>12}{r['seconds']:>10}{r['peak_rss_mb']:>10}"
            f"{r['load_before']!s:>18}"
        )
    print(f"speed-up: {result['speed_up']} (files/s), {result['speed_up_chars']} (chars/s)")
    print(json.dumps(result, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
