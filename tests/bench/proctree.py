"""CPU time and peak memory of a crawl's whole process tree, read from ``/proc`` while it runs.

``os.wait4`` reports the crawl process alone: its extraction workers are children of the
multiprocessing fork server, which the crawl never waits for, so their CPU and memory would go
uncounted. A sampler thread reads each descendant's CPU time and peak RSS (``VmHWM``) every
``interval`` seconds and keeps the last reading of each; a worker's last fraction of a second
may be missed, never counted twice.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of ``pid`` so far; None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def peak_rss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _parents() -> dict[int, int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    return parents


def descendants(root: int) -> set[int]:
    parents = _parents()
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


@dataclass
class TreeUsage:
    """The last CPU and peak-RSS readings of each descendant of a process (the process excluded)."""

    cpu: dict[int, float] = field(default_factory=dict)
    peak_kb: dict[int, int] = field(default_factory=dict)

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())

    @property
    def peak_rss_kb(self) -> int:
        """The sum of each descendant's own peak: an upper bound of their peak together."""
        return sum(self.peak_kb.values())


class TreeSampler(threading.Thread):
    def __init__(self, root: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True, name="tree-sampler")
        self.root, self.interval = root, interval
        self.usage = TreeUsage()
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(self.interval):
            for pid in descendants(self.root):
                cpu, peak = cpu_seconds(pid), peak_rss_kb(pid)
                if cpu is not None:
                    self.usage.cpu[pid] = cpu
                if peak is not None:
                    self.usage.peak_kb[pid] = peak

    def stop(self) -> TreeUsage:
        self._stop_event.set()
        self.join()
        return self.usage
