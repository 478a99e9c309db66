"""One measured crawl: ``scrapy crawl`` as a child process, its peak RSS (``os.wait4``), the CPU
and peak RSS of its worker processes (``proctree``), the site server's CPU meanwhile, wall time
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

from tests.bench.proctree import TreeSampler, TreeUsage, cpu_seconds
from tests.support.crawl_check import ROOT, SCRAPY

SETTINGS_MODULE = "ipgirl_crawler.settings"
SPIDER_MODULES = "ipgirl_crawler.spiders,tests.bench.bare_spider"
_STAT = re.compile(r"^\s*\{?'([^']+)': ([-0-9.e]+),?\}?$")
# What counts as "an article page parsed": every 200 article response reaches one of these.
ARTICLE_STATS = {
    "ipgirl": ("item_scraped_count", "item_dropped_count", "ipgirl/discovery/not_article",
               "ipgirl/discovery/article_not_html"),
    "ipgirl_bare": ("ipgirl/discovery/bare_article_pages", "ipgirl/discovery/article_not_html"),
    "plain": ("plain/article_pages",),
}
PLAIN_SPIDER = Path(__file__).with_name("plain_spider.py")


@dataclass
class CrawlRun:
    spider: str
    returncode: int
    wall_seconds: float
    peak_rss_kb: int
    cpu_seconds: float = 0.0  # user + system of the crawl process, start-up included
    stats: dict[str, float] = field(default_factory=dict)
    workers: TreeUsage = field(default_factory=TreeUsage)  # the crawl's child processes (extraction workers)
    server_cpu_seconds: float | None = None  # the site server's CPU during the crawl
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
        return int(sum(self.stats.get(key, 0) for key in ARTICLE_STATS[self.spider]))

    @property
    def articles_per_second(self) -> float:
        return self.article_pages / self.elapsed_seconds if self.elapsed_seconds else 0.0

    @property
    def cpu_ms_per_article(self) -> float:
        """CPU per article page: unlike wall time, hardly moved by what else the machine runs."""
        return self.cpu_seconds * 1000 / self.article_pages if self.article_pages else 0.0

    def per_article_ms(self, seconds: float | None) -> float | None:
        return seconds * 1000 / self.article_pages if self.article_pages and seconds is not None else None

    @property
    def worker_cpu_ms_per_article(self) -> float:
        return self.per_article_ms(self.workers.cpu_seconds) or 0.0

    @property
    def server_cpu_ms_per_article(self) -> float | None:
        return self.per_article_ms(self.server_cpu_seconds)

    @property
    def peak_rss_mb(self) -> float:
        return self.peak_rss_kb / 1024

    @property
    def peak_rss_tree_mb(self) -> float:
        """The crawl process's peak plus each worker's own: what the crawl holds at most, bounded above."""
        return (self.peak_rss_kb + self.workers.peak_rss_kb) / 1024

    def summary(self) -> str:
        return (f"{self.spider}: {self.article_pages} article pages in {self.elapsed_seconds:.1f}s "
                f"(process {self.wall_seconds:.1f}s) = {self.articles_per_second:.1f} articles/s, "
                f"CPU ms/article: crawl {self.cpu_ms_per_article:.2f}, workers {self.worker_cpu_ms_per_article:.2f}"
                + (f", site server {self.server_cpu_ms_per_article:.2f}" if self.server_cpu_ms_per_article else "")
                + f"; peak RSS {self.peak_rss_mb:.0f} MiB (with workers {self.peak_rss_tree_mb:.0f}), scheduled "
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
    """``tests.support.crawl_check.run_crawl``'s command, for any spider, with the same settings for all;
    everything the crawl writes stays in ``work``. The plain spider runs outside the project."""
    if spider == "plain":
        return [str(SCRAPY), "runspider", str(PLAIN_SPIDER), "-a", f"base_url={base_url}",
                "-s", f"LOG_FILE={work / 'crawl.log'}", *extra]
    return [str(SCRAPY), "crawl", spider, "-a", f"base_url={base_url}", "-O", str(work / "items.jsonl"),
            "-s", f"IPGIRL_STATE_DIR={work / 'state'}", "-s", f"IPGIRL_DATA_DIR={work / 'data'}",
            "-s", "LOG_LEVEL=INFO", "-s", f"LOG_FILE={work / 'crawl.log'}", "-s", f"SPIDER_MODULES={SPIDER_MODULES}",
            *extra]


@dataclass
class Measured:
    returncode: int
    wall_seconds: float
    peak_rss_kb: int  # the crawl process's own (rusage)
    cpu_seconds: float  # the crawl process's own (rusage)
    workers: TreeUsage


def measured_run(command: list[str], cwd: Path, env: dict[str, str], timeout: float) -> Measured:
    """One child process, measured by its own rusage, and its descendants by a ``TreeSampler``."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=(cwd / "stderr.txt").open("wb"))
    sampler = TreeSampler(process.pid)
    sampler.start()
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
        workers = sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measured(process.returncode, time.monotonic() - started, int(usage.ru_maxrss),
                    usage.ru_utime + usage.ru_stime, workers)


def crawl(spider: str, base_url: str, work: Path, *extra: str, timeout: float = 3600, server_pid: int = 0) -> CrawlRun:
    """Crawl ``base_url`` with ``spider`` in a fresh ``work`` folder.

    The crawl runs from ``work`` with ``SCRAPY_SETTINGS_MODULE`` set: the project's settings and
    ``crawl`` command as from the project root, but what the settings write relative to the
    current folder (their own feeds, written besides ``-O``; run files) lands in ``work``, not in ``data/``.
    """
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    output, log = work / "items.jsonl", work / "crawl.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE}
    if spider == "plain":
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
    server_before = cpu_seconds(server_pid) if server_pid else None
    run = measured_run(crawl_command(spider, base_url, work, *extra), work, env, timeout)
    server_after = cpu_seconds(server_pid) if server_pid else None
    stats = parse_stats(log.read_text("utf-8", errors="replace")) if log.exists() else {}
    server_cpu = server_after - server_before if server_before is not None and server_after is not None else None
    return CrawlRun(spider, run.returncode, run.wall_seconds, run.peak_rss_kb, run.cpu_seconds, stats,
                    workers=run.workers, server_cpu_seconds=server_cpu, output=output, log=log)
