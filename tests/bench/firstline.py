"""How soon ``ipgirl-extract`` prints its first line: the console script run on a saved page, the
wall time from its start to its first line of output, and the process's CPU time at that moment
(read from /proc: on a shared machine the wall time follows the load, the CPU time much less).

    python -m tests.bench.firstline                 # 11 runs, medians
    python -m tests.bench.firstline --runs 21 --script /other/checkout/.venv/bin/ipgirl-extract

Issue 23's goal: the first line within 0.5 s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.support.fixtures import FIXTURES, meta_of

PAGE = FIXTURES / "pages" / "article-A-fr-seed"
SCRIPT = Path(sys.executable).parent / "ipgirl-extract"
TICKS = os.sysconf("SC_CLK_TCK")


def first_line(script: Path, page: Path = PAGE) -> tuple[float, float]:
    """(wall seconds to the first line, CPU seconds of the process then) of one run."""
    meta = meta_of(page)
    started = time.monotonic()
    with subprocess.Popen([str(script), str(page / "page.html"), "--url", meta["url"], "--date", meta["date"]],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as process:
        assert process.stdout is not None
        process.stdout.readline()
        wall = time.monotonic() - started
        with open(f"/proc/{process.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime, after the state and 10 more fields
        process.stdout.read()
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.firstline")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--script", type=Path, default=SCRIPT)
    args = parser.parse_args()
    runs = [first_line(args.script) for _ in range(args.runs)]
    walls, cpus = [wall for wall, _ in runs], [cpu for _, cpu in runs]
    print(f"ipgirl-extract first line: median {statistics.median(walls):.3f} s (min {min(walls):.3f}, "
          f"max {max(walls):.3f}); CPU then, median {statistics.median(cpus):.2f} s; "
          f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)


if __name__ == "__main__":
    main()
