"""The Progress extension: the progress line, the bounded timeline, and real crawls with and without a TTY."""
from __future__ import annotations

import ast
import json
import os
import pty
import re
import select
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from ipgirl_crawler import settings as project_settings
from ipgirl_crawler.monitoring.progress import (
    CLEAR_LINE,
    PLAIN_INTERVAL,
    TTY_INTERVAL,
    Progress,
    Timeline,
    format_progress,
    take_sample,
)
from tests.localsite.server import LocalSite
from tests.support.crawl_check import ROOT, SCRAPY, read_jsonl, run_crawl

PROGRESS = "ipgirl_crawler.monitoring.progress.Progress"
_STATS_DATETIME = re.compile(r"datetime\.datetime\(([\d, ]+?)(?:, tzinfo=datetime\.timezone\.utc)?\)")
_LOG_LINE = re.compile(r"\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ")
_LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[")


def progress_args(data_dir: Path, interval: float = 0.2) -> list[str]:
    """``-s`` options for a crawl with Progress on, writing its run files under ``data_dir``.

    Scrapy json-loads a dict given with ``-s EXTENSIONS=...``, but it *replaces* the project's dict
    (it is not merged), so the project's own extensions are repeated here.
    """
    extensions = {**project_settings.EXTENSIONS, PROGRESS: 500}
    return ["-s", f"EXTENSIONS={json.dumps(extensions)}", "-s", f"IPGIRL_PROGRESS_INTERVAL={interval}",
            "-s", f"IPGIRL_DATA_DIR={data_dir}"]


def final_stats(log_text: str) -> dict[str, Any]:
    """The last "Dumping Scrapy stats" block of a crawl log, datetimes as ISO strings as in stats JSON."""
    block = _LOG_LINE.split(log_text.rsplit("Dumping Scrapy stats:\n", 1)[1], maxsplit=1)[0]

    def iso(match: re.Match[str]) -> str:
        y, mo, d, h, mi, s, us = [int(part) for part in match[1].split(",")] + [0] * (7 - match[1].count(",") - 1)
        return repr(datetime(y, mo, d, h, mi, s, us, tzinfo=UTC).isoformat())
    # literal_eval, not eval: a log is data.
    stats: dict[str, Any] = ast.literal_eval(_STATS_DATETIME.sub(iso, block))
    return stats


def sample(t: float, items: int = 0, errors: int = 0, retries: int = 0, **status: int) -> dict[str, Any]:
    return {"t": t, "status": {code.removeprefix("s"): n for code, n in status.items()},
            "items": items, "errors": errors, "retries": retries}


@pytest.mark.parametrize(("current", "previous", "elapsed", "expected"), [
    pytest.param(sample(2.0, items=3, s200=10), None, 2.0,
                 "pages 10 | items 3 | 5.0 pages/s | errors 0 | retries 0 | elapsed 0:00:02", id="first-since-start"),
    pytest.param(sample(3.0, items=8, s200=30, s301=2, s404=1), sample(2.0, s200=10), 3.0,
                 "pages 33 | items 8 | 23.0 pages/s | errors 0 | retries 0 | elapsed 0:00:03",
                 id="rate-over-last-interval"),
    pytest.param(sample(0.5, errors=2, retries=7, s503=4), sample(0.0), 0.5,
                 "pages 4 | items 0 | 8.0 pages/s | errors 2 | retries 7 | elapsed 0:00:00", id="sub-second"),
    pytest.param(sample(5.0, s200=5), sample(5.0, s200=5), 5.0,
                 "pages 5 | items 0 | 0.0 pages/s | errors 0 | retries 0 | elapsed 0:00:05", id="no-time-passed"),
    pytest.param(sample(0.0), None, 0.0,
                 "pages 0 | items 0 | 0.0 pages/s | errors 0 | retries 0 | elapsed 0:00:00", id="nothing-yet"),
    pytest.param(sample(3725.0, items=1234567, s200=2000000), sample(3695.0, s200=1999100), 3725.0,
                 "pages 2,000,000 | items 1,234,567 | 30.0 pages/s | errors 0 | retries 0 | elapsed 1:02:05",
                 id="big-numbers-and-hours"),
    pytest.param({"t": 1.0}, None, 1.0,
                 "pages 0 | items 0 | 0.0 pages/s | errors 0 | retries 0 | elapsed 0:00:01", id="sparse-sample"),
])
def test_format_progress(current: dict[str, Any], previous: dict[str, Any] | None, elapsed: float,
                         expected: str) -> None:
    assert format_progress(current, previous, elapsed) == expected


def test_take_sample_reads_status_items_errors_retries() -> None:
    stats = {"downloader/response_status_count/200": 7, "downloader/response_status_count/304": 2,
             "item_scraped_count": 5, "log_count/ERROR": 1, "retry/count": 3, "response_received_count": 9}
    assert take_sample(stats, 12.345) == {"t": 12.3, "status": {"200": 7, "304": 2}, "items": 5,
                                          "errors": 1, "retries": 3}
    assert take_sample({}, 0.04) == {"t": 0.0, "status": {}, "items": 0, "errors": 0, "retries": 0}


def test_timeline_stays_bounded_and_evenly_spaced() -> None:
    timeline = Timeline(limit=10)
    for tick in range(1, 1001):
        timeline.tick(sample(float(tick)))
    assert len(timeline.samples) <= 10
    gaps = {b["t"] - a["t"] for a, b in zip(timeline.samples, timeline.samples[1:], strict=False)}
    assert len(gaps) == 1, gaps  # thinning keeps one spacing, old and new alike
    gap = gaps.pop()
    assert timeline.samples[0]["t"] == gap and timeline.samples[-1]["t"] > 1000 - gap  # the whole run is covered
    timeline.close(sample(1000.5, items=1))
    assert timeline.samples[-1]["t"] == 1000.5 and len(timeline.samples) <= 10


def test_a_run_shorter_than_one_interval_has_a_first_and_a_last_sample() -> None:
    timeline = Timeline(limit=10)
    timeline.close(sample(2.5, items=7))
    assert [s["t"] for s in timeline.samples] == [0.0, 2.5] and timeline.samples[0]["items"] == 0
    longer = Timeline(limit=10)
    longer.tick(sample(1.0))
    longer.close(sample(2.5, items=7))
    assert [s["t"] for s in longer.samples] == [1.0, 2.5]  # no zeros added before a periodic sample


def test_a_short_real_crawl_has_a_timeline_in_its_report(tmp_path: Path) -> None:
    with LocalSite(n_articles=20, seed=3) as site:
        done = run_crawl(site.base_url, tmp_path / "items.jsonl", tmp_path / "state",
                         *progress_args(tmp_path / "data", interval=3600), log=tmp_path / "crawl.log")
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(final_stats((tmp_path / "crawl.log").read_text("utf-8"))["ipgirl/timeline"]) == 2
    (report,) = (tmp_path / "data").glob("articles/run_date=*/*.report.html")
    html = report.read_text("utf-8")
    assert "No timeline recorded" not in html and 'id="chart-timeline"' in html


def test_disabled_and_default_intervals(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NotConfigured):
        Progress.from_crawler(get_crawler(settings_dict={"IPGIRL_PROGRESS_ENABLED": False}))
    for tty, expected in ((True, TTY_INTERVAL), (False, PLAIN_INTERVAL)):
        monkeypatch.setattr("sys.stderr.isatty", lambda tty=tty: tty)
        assert Progress.from_crawler(get_crawler()).interval == expected
    assert Progress.from_crawler(get_crawler(settings_dict={"IPGIRL_PROGRESS_INTERVAL": "0.2"})).interval == 0.2


def test_real_crawl_logs_progress_and_records_timeline(tmp_path: Path) -> None:
    with LocalSite(n_articles=60, seed=3) as site:
        done = run_crawl(site.base_url, tmp_path / "items.jsonl", tmp_path / "state",
                         *progress_args(tmp_path / "data"), log=tmp_path / "crawl.log")
    log = (tmp_path / "crawl.log").read_text("utf-8")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in log.splitlines() if "[ipgirl_crawler.monitoring.progress] INFO: Progress: pages" in line]
    assert len(lines) >= 2 and not any("\r" in line for line in lines)
    stats = final_stats(log)
    timeline = stats["ipgirl/timeline"]
    assert len(timeline) >= 2
    assert [s["t"] for s in timeline] == sorted(s["t"] for s in timeline)
    last = timeline[-1]  # the final sample holds the run's totals
    assert last["items"] == stats["item_scraped_count"] == len(read_jsonl(tmp_path / "items.jsonl")) == 60
    assert sum(last["status"].values()) == stats["downloader/response_count"]
    assert set(last) == {"t", "status", "items", "errors", "retries"}


def run_on_pty(command: list[str], timeout: float = 120) -> tuple[int, str]:
    """Run ``command`` with stdout and stderr on a pseudo-terminal, as a person at a terminal would."""
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm"}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        try:
            data = os.read(master, 65536) if ready else b""
        except OSError:  # EIO: every copy of the slave side is closed, the child is gone
            break
        if ready and not data:
            break
        chunks.append(data)
    os.close(master)
    return process.wait(timeout=30), b"".join(chunks).decode("utf-8", "replace")


def tty_crawl(tmp_path: Path, *extra: str) -> tuple[int, str]:
    with LocalSite(n_articles=60, seed=3) as site:
        return run_on_pty([str(SCRAPY), "crawl", "ipgirl", "-a", f"base_url={site.base_url}",
                           "-O", str(tmp_path / "items.jsonl"), "-s", f"IPGIRL_STATE_DIR={tmp_path / 'state'}",
                           *progress_args(tmp_path / "data"), *extra])


def test_tty_redraws_one_line_in_place(tmp_path: Path) -> None:
    code, screen = tty_crawl(tmp_path, "-s", f"LOG_FILE={tmp_path / 'crawl.log'}")
    assert code == 0, screen[-2000:]
    redraws = screen.count(CLEAR_LINE + "pages ")
    assert redraws >= 3, repr(screen[:500])
    assert screen.endswith("\n") and screen.count("\n") == 1, repr(screen[-300:])  # one line, closed at the end
    assert "pages/s" in screen.rsplit(CLEAR_LINE, 1)[1] and "items 60" in screen.rsplit(CLEAR_LINE, 1)[1]
    log = (tmp_path / "crawl.log").read_text("utf-8")
    assert "INFO: Progress:" not in log  # on a terminal the line replaces the periodic log record
    assert len(final_stats(log)["ipgirl/timeline"]) >= 2


def test_tty_log_records_never_glued_to_the_progress_line(tmp_path: Path) -> None:
    code, screen = tty_crawl(tmp_path, "-s", "LOG_LEVEL=INFO")  # no LOG_FILE: log and line share the terminal
    assert code == 0, screen[-2000:]
    assert screen.count(CLEAR_LINE + "pages ") >= 3
    for line in screen.replace("\r\n", "\n").split("\n"):
        visible = line.rsplit(CLEAR_LINE, 1)[-1] if CLEAR_LINE in line else line
        # What stays on screen is a whole log record, a whole progress line, or the stats dump's body.
        assert (not visible or _LOG_RECORD.match(visible) or visible.startswith(("pages ", " ", "{", "["))), visible
