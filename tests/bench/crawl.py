"""One measured crawl: ``scrapy crawl`` as a child process, its peak RSS (``os.wait4``), wall time
and the final stats dump of its log."""
from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


from tests.crawl_check import ROOT, SCRAPY

SETTINGS_MODULE = "ipgirl_crawler.settings"
SPIDER_MODULES = "ipgirl_crawler.spiders,tests.bench.bare_spider"
_STAT = re.compile(r"^\s*\{?'([^']+)': ([-0-9.e]+),?\}?$")
# What counts as "an article page parsed": every 200 article response reaches one of these.
FULL_ARTICLE_STATS = ("item_scraped_count", "item_dropped_count", "ipgirl/discovery/not_article",
                      "ipgirl/discovery/article_not_html")
BARE_ARTICLE_STATS = ("ipgirl/discovery/bare_article_pages", "ipgirl/discovery/article_not_html")


@dataclass
class CrawlRun:
    spider: str
    returncode: int
    wall_seconds: float
    peak_rss_kb: int
    cpu_seconds: float = 0.0  # user + system of the crawl process, start-up included
    stats: dict[str, float] = field(default_factory=dict)
    output: Path | None = None
    log: Path | None = None

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and bool(self.stats)

    @property
    def elapsed_seconds(self) -> float:
        """The engine's own clock (``elapsed_time_seconds``): no interpreter start-up."""
        return self.stats.get("elapsed_time_seconds", self.wall_seconds)

    @property
    def article_pages(self) -> int:
        keys = BARE_ARTICLE_STATS if self.spider.endswith("_bare") else FULL_ARTICLE_STATS
        return int(sum(self.stats.get(key, 0) for key in keys))

    @property
    def articles_per_second(self) -> float:
        return self.article_pages / self.elapsed_seconds if self.elapsed_seconds else 0.0

    @property
    def cpu_ms_per_article(self) -> float:
        """CPU per article page: unlike wall time, hardly moved by what else the machine runs."""
        return self.cpu_seconds * 1000 / self.article_pages if self.article_pages else 0.0

    @property
    def peak_rss_mb(self) -> float:
        return self.peak_rss_kb / 1024

    def summary(self) -> str:
        return (f"{self.spider}: {self.article_pages} article pages in {self.elapsed_seconds:.1f}s "
                f"(process {self.wall_seconds:.1f}s) = {self.articles_per_second:.1f} articles/s, "
                f"CPU {self.cpu_ms_per_article:.1f} ms/article, "
                f"peak RSS {self.peak_rss_mb:.0f} MiB, scheduled "
                f"{int(self.stats.get('ipgirl/discovery/articles_scheduled', 0))}, "
                f"200s {int(self.stats.get('downloader/response_status_count/200', 0))}, exit {self.returncode}")


def parse_stats(log_text: str) -> dict[str, float]:
    """The numeric entries of the last ``Dumping Scrapy stats`` block of a crawl log."""
    start = log_text.rfind("Dumping Scrapy stats")
    if start < 0:
        return {}
    stats: dict[str, float] = {}
    for line in log_text[start:].splitlines()[1:]:
        if match := _STAT.match(line):
            stats[match[1]] = float(ast.literal_eval(match[2]))
        elif line.endswith("}"):
            break
    return stats


def crawl_command(spider: str, base_url: str, work: Path, *extra: str) -> list[str]:
    """``tests.crawl_check.run_crawl``'s command, for any spider, with the same settings for all;
    everything the crawl writes stays in ``work``."""
    return [str(SCRAPY), "crawl", spider, "-a", f"base_url={base_url}", "-O", str(work / "items.jsonl"),
            "-s", f"IPGIRL_STATE_DIR={work / 'state'}", "-s", f"IPGIRL_DATA_DIR={work / 'data'}",
            "-s", "LOG_LEVEL=INFO", "-s", f"LOG_FILE={work / 'crawl.log'}", "-s", f"SPIDER_MODULES={SPIDER_MODULES}",
            *extra]


def measured_run(command: list[str], cwd: Path, env: dict[str, str], timeout: float) -> tuple[int, float, int, float]:
    """(exit code, wall seconds, peak RSS in KiB, CPU seconds) of one child process, from its own rusage."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=(cwd / "stderr.txt").open("wb"))
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, time.monotonic() - started, int(usage.ru_maxrss), usage.ru_utime + usage.ru_stime


def crawl(spider: str, base_url: str, work: Path, *extra: str, timeout: float = 3600) -> CrawlRun:
    """Crawl ``base_url`` with ``spider`` in a fresh ``work`` folder.

    The crawl runs from ``work`` with ``SCRAPY_SETTINGS_MODULE`` set: the project's settings and
    ``crawl`` command as from the project root, but what the settings write relative to the
    current folder (their own feeds, written besides ``-O``; run files) lands in ``work``, not in ``data/``.
    """
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    output, log = work / "items.jsonl", work / "crawl.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE}
    code, wall, rss, cpu = measured_run(crawl_command(spider, base_url, work, *extra), work, env, timeout)
    stats = parse_stats(log.read_text("utf-8", errors="replace")) if log.exists() else {}
    return CrawlRun(spider, code, wall, rss, cpu, stats, output, log)
