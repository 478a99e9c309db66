"""Two workers that must share a job: the site holds its answers until both have joined.

On a loaded machine one worker can take seconds longer to start than the other; a small job
(120–200 articles) is then crawled whole by the first (CI saw a worker write no archive, and a
worker commit no batch in 120 s). While the site answers slowly, neither can finish before the
other is in; once both have joined, it answers at its usual speed again.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable
from pathlib import Path

from tests.localsite.server import LocalSite

JOINED = re.compile(r"Worker \S+ joined job")
HOLD_LATENCY = 1.0  # s an answer: a worker's 16 parallel fetches then take ~15 s for 200 articles


def joined(log: Path) -> bool:
    return log.exists() and JOINED.search(log.read_text(errors="replace")) is not None


def after_all_joined(site: LocalSite, logs: Iterable[Path], latency: float = 0.0, timeout: float = 180) -> None:
    """Call right after starting the workers (the site was slowed with ``hold``): returns once every
    log says its worker joined, the site back at ``latency``."""
    logs = list(logs)
    deadline = time.monotonic() + timeout
    while not all(joined(log) for log in logs):
        assert time.monotonic() < deadline, f"not every worker joined in {timeout} s: {[str(p) for p in logs]}"
        time.sleep(0.05)
    site.set_latency(latency)


def hold(site: LocalSite) -> None:
    """Slow the site before the workers start (see the module's docstring)."""
    site.set_latency(HOLD_LATENCY)
