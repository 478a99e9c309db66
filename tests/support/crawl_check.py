"""Run the real crawler against a local site and score its items against the site's oracle.

Shared by the end-to-end tests, ``make demo`` and ``make bench``.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCRAPY = Path(sys.executable).parent / "scrapy"
# The fields of ANATOMY.md that an oracle can state exactly.
SCORED_FIELDS = (
    "url", "article_id", "language", "title", "summary", "category", "breadcrumbs", "authors",
    "published_at", "modified_at", "body_text", "word_count", "images", "tags", "site_notice",
    "helpful_votes", "total_votes", "helpful_ratio", "related", "translations", "content_hash",
)


def run_crawl(base_url: str, output: Path, state_dir: Path, *extra: str, log: Path | None = None,
              timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """``scrapy crawl ipgirl`` as a user runs it, from the project root."""
    command = crawl_command(base_url, output, state_dir, *extra)
    if log is not None:
        command += ["-s", f"LOG_FILE={log}"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def _high_water_mib(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match[1]) / 1024 if match else None


def run_measured(command: list[str], timeout: float = 900) -> tuple[int, float]:
    """(exit status, peak RSS in MiB) of one child process. The kernel's high-water mark is read
    while it runs: ``ru_maxrss`` would count the test process's memory copied by fork."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak, deadline = 0.0, time.monotonic() + timeout
    while process.poll() is None:
        peak = max(peak, _high_water_mib(process.pid) or 0.0)
        if time.monotonic() > deadline:
            process.kill()
        time.sleep(0.05)
    return process.returncode, peak


def crawl_command(base_url: str, output: Path, state_dir: Path, *extra: str) -> list[str]:
    """The run's files go beside its state (``<state>-data``) unless ``extra`` names IPGIRL_DATA_DIR (the
    last ``-s`` wins): not in the project's data/, where a run of another test session's site on the
    same port would be taken for this site's earlier runs, its state missing."""
    return [str(SCRAPY), "crawl", "ipgirl", "-a", f"base_url={base_url}", "-O", str(output),
            "-s", f"IPGIRL_STATE_DIR={state_dir}", "-s", f"IPGIRL_DATA_DIR={state_dir.with_name(state_dir.name + '-data')}",
            *extra]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Score:
    expected: int = 0
    emitted: int = 0
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    wrong: Counter[str] = field(default_factory=Counter)
    examples: dict[str, tuple[str, Any, Any]] = field(default_factory=dict)
    pairs: int = 0

    @property
    def accuracy(self) -> float:
        bad = sum(self.wrong.values()) + len(self.missing) * len(SCORED_FIELDS)
        total = self.pairs + len(self.missing) * len(SCORED_FIELDS)
        return 1 - bad / total if total else 0.0

    def summary(self) -> str:
        lines = [f"articles expected {self.expected}, items {self.emitted}, missing {len(self.missing)}, "
                 f"unexpected {len(self.unexpected)}, duplicates {len(self.duplicates)}; "
                 f"(article, field) accuracy {self.accuracy:.2%}"]
        for name, count in self.wrong.most_common():
            url, got, want = self.examples[name]
            lines.append(f"  {name}: {count} wrong, e.g. {url}\n    got  {str(got)[:300]}\n    want {str(want)[:300]}")
        return "\n".join(lines)


def score(items: list[dict[str, Any]], expected: list[dict[str, Any]], fields: tuple[str, ...] = SCORED_FIELDS) -> Score:
    wanted = {item["url"]: item for item in expected}
    result = Score(expected=len(wanted), emitted=len(items))
    seen: Counter[str] = Counter(item.get("url") for item in items)
    result.duplicates = [url for url, n in seen.items() if n > 1]
    result.unexpected = [url for url in seen if url not in wanted]
    result.missing = [url for url in wanted if url not in seen]
    for item in items:
        truth = wanted.get(item.get("url"))
        if truth is None:
            continue
        for name in fields:
            if name not in truth:
                continue
            result.pairs += 1
            if item.get(name) != truth[name]:
                result.wrong[name] += 1
                result.examples.setdefault(name, (item["url"], item.get(name), truth[name]))
    return result
